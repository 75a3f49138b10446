import Corpus
import Foundation
import Logging

/// The `cache_dir` setting, shared by `serve` and `extract`: where
/// per-document extraction results are kept (`docs/cache.md`).
enum CacheSetting {
    static let help =
        "Extraction cache directory, e.g. ~/.cache/corpus-api (default: off, every load extracts every article)"

    /// The cache `value` names, reporting through `logger`; nil when unset
    /// or "off". Off by default: today a warm cache saves little and a cold
    /// one slows a start (docs/cache.md, "What it gains"), so a user opts in.
    static func cache(_ value: String?, logger: Logger) -> ExtractionCache? {
        guard let value, value != "off", !value.isEmpty else { return nil }
        let directory = URL(fileURLWithPath: value, isDirectory: true)
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
