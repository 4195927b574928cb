// mimalloc from Debian's libmimalloc-dev. Linking it into the executable replaces malloc and
// free for the whole process (docs/performance.md, "Ninth session"): a build allocates
// millions of short-lived strings, arrays and cmark nodes on two threads, and glibc's
// allocator spent about a tenth of a build's CPU time on them.
#include <mimalloc.h>
