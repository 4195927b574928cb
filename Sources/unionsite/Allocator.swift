// The executable links mimalloc (Sources/Cmimalloc), which then serves every malloc and free
// of the process, the Swift runtime's and cmark's included. Nothing here calls it: importing
// the module is what adds the library to the link (docs/performance.md, "Ninth session").
#if canImport(Cmimalloc)
import Cmimalloc
#endif
