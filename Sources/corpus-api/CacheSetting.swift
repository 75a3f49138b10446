import Corpus
import Foundation
import Logging

/// The `cache_dir` setting, shared by `serve` and `extract`: where
/// per-document extraction results are kept (`docs/cache.md`).
enum CacheSetting {
    static let help =
        "Extraction cache directory (default: $XDG_CACHE_HOME/corpus-api or ~/.cache/corpus-api; off: every load extracts every article)"

    /// The cache `value` names, reporting through `logger`; nil when "off".
    /// Unset (or empty, as in the example configuration), it is the user's cache directory
    /// (`ExtractionCache.defaultDirectory`): a warm start of a large corpus
    /// reads its results instead of extracting them (README, "What it
    /// gains"). A directory that cannot be made gives no cache and one log
    /// line, never a failed start (a container's read-only root); one that
    /// exists read-only (a shared volume an Indexed Job filled) is read and
    /// never written.
    static func cache(
        _ value: String?, logger: Logger, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ExtractionCache? {
        if value == "off" { return nil }
        let named = value.flatMap { $0.isEmpty ? nil : $0 }
        let directory = named.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? ExtractionCache.defaultDirectory(environment: environment)
        switch ExtractionCache.access(directory) {
        case .writable:
            return ExtractionCache(directory: directory) { line in logger.warning("\(line)") }
        case .readOnly:
            logger.info(
                "extraction cache is read-only: its entries are read, new results are not written",
                metadata: ["cache_dir": .string(directory.path)])
            return ExtractionCache(directory: directory, readOnly: true) { line in logger.warning("\(line)") }
        case .unusable(let reason):
            // Expected of the default in a container (a read-only root, no
            // home): information; of a directory the user named: a warning.
            logger.log(
                level: named == nil ? .info : .warning, "extraction cache off: \(reason)",
                metadata: ["cache_dir": .string(directory.path)])
            return nil
        }
    }

    /// Log fields for one load's use of the cache.
    static func metadata(_ s: ExtractionStatistics) -> Logger.Metadata {
        [
            "cache_hits": .stringConvertible(s.hits), "cache_misses": .stringConvertible(s.misses),
            "cache_rejected": .stringConvertible(s.rejected), "reused": .stringConvertible(s.reused),
            "extracted": .stringConvertible(s.extracted), "extract_ms": .stringConvertible(s.milliseconds),
        ]
    }
}
