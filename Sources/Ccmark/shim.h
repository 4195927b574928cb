#include <cmark.h>

/* The calling thread's cmark arena (UnionSite's CmarkArena), unretained. cmark's memory hooks
   carry no context, so every allocation asks which arena is the thread's: a thread-local read
   is a few instructions, where pthread_getspecific behind a lazily made key cost 2 % of
   reading a body. Only CmarkArena.swift calls it: every object file that calls a static inline
   function gets its own copy, and with it its own slot. */
static inline void **unionsite_current_arena(void) {
    static _Thread_local void *arena;
    return &arena;
}
