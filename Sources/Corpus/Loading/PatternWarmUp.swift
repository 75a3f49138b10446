import Dispatch

/// Compiles the extraction regexes on another core while the loader reads
/// files and builds passages on one.
///
/// Compiling them (ICU) was a twentieth of the default corpus's load, paid
/// inside the first extraction task that needed each pattern while the
/// other tasks waited for it. The patterns are immutable once compiled
/// (static lets and `TextPattern`'s cache), so warming them changes nothing
/// but when the work is done.
enum PatternWarmUp {
    static func start() {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = DateReader.rules.count
            // A typical entry walks most of the reference parser's patterns.
            _ = ReferenceParser.parse("- Menon, R. (1997). The strategic convergence. Survival, 39(2), 101-125.")
        }
    }
}
