#if canImport(Glibc)
import Glibc
#endif

/// Hands the heap pages a load freed back to the system.
///
/// Extraction allocates and frees a great deal per document on every core
/// (scalar arrays, tokens, regex results); glibc keeps those pages in its
/// per-thread arenas, so the resident size after a load stayed near its
/// peak although the model is much smaller. `malloc_trim` releases them.
/// It is looked up at run time because the Glibc module does not export
/// `<malloc.h>`; where it is missing (another libc) this does nothing.
enum HeapTrim {
    static func afterLoad() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}
