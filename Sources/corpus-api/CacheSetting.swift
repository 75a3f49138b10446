import Corpus
import Foundation
import Logging

/// The `cache_dir` setting, shared by `serve` and `extract`: where
/// per-document extraction results are kept (`docs/cache.md`).
enum CacheSetting {
    static let help =
        "Extraction cache directory (default: $XDG_CACHE_HOME/corpus-api or ~/.cache/corpus-api; off: no cache)"

    /// The cache `value` names, reporting through `logger`; nil when "off".
    static func cache(_ value: String?, logger: Logger) -> ExtractionCache? {
        if value == "off" { return nil }
        let directory = value.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? ExtractionCache.defaultDirectory()
        return ExtractionCache(directory: directory) { line in logger.warning("\(line)") }
    }

    /// Log fields for one load's use of the cache.
    static func metadata(_ s: ExtractionStatistics) -> Logger.Metadata {
        [
            "cache_hits": .stringConvertible(s.hits), "cache_misses": .stringConvertible(s.misses),
            "cache_rejected": .stringConvertible(s.rejected), "extracted": .stringConvertible(s.extracted),
            "extract_ms": .stringConvertible(s.milliseconds),
        ]
    }
}
