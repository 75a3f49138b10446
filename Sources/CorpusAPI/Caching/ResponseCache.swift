import HTTPServer
import HTTPTypes
import Synchronization

/// Finished responses, keyed by everything that shapes them (model version,
/// path, query, format), so a repeated request costs a lookup: the model is
/// immutable between reloads, so an entry is never stale within its version.
/// Bounded in entries and bytes; when full it is simply cleared, which is
/// cheap and keeps the hot set warm again within a few requests.
///
/// An entry keeps each representation with its header fields already built
/// (`Content-Type`, `Cache-Control`, `Vary`, `ETag`, ...): a hit only adds
/// what depends on the request itself (the CORS origin), so serving it
/// neither formats strings nor validates header names.
final class ResponseCache: Sendable {
    /// One representation: the fields a 200 carries, and its body.
    struct Variant: Sendable {
        var fields: HTTPFields
        var body: [UInt8]
        /// `body` in memory the kernel can send from without a copy, for a
        /// large body that is cached (nil otherwise, or past the file limit).
        var file: ResponseBodyFile? = nil
    }

    struct Entry: Sendable {
        /// The model version the entry was rendered from.
        var modelVersion: String
        /// The identity representation's tag; `If-None-Match` is matched
        /// against it and its gzip variant.
        var etag: String
        /// Worth compressing (large enough, not already compressed): the
        /// fields say `Vary: Accept-Encoding`.
        var compressible: Bool
        var identity: Variant
        /// Built on the first request that accepts gzip; nil until then,
        /// and for ever when compression failed (identity is served).
        var gzip: Variant?

        var bytes: Int { identity.body.count + (gzip?.body.count ?? 0) }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        /// The model version of the entries held; a put for another one
        /// (a reload happened) drops them all, since none can be asked for
        /// again, and with them their body files' descriptors.
        var modelVersion = ""
    }

    private let state = Mutex(State())
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    func get(_ key: String) -> Entry? { state.withLock { $0.entries[key] } }

    func put(_ key: String, _ entry: Entry) {
        let size = entry.bytes
        guard size <= maxBytes / 4, maxEntries > 0 else { return }
        state.withLock { state in
            if state.modelVersion != entry.modelVersion {
                state.entries.removeAll()
                state.bytes = 0
                state.modelVersion = entry.modelVersion
            }
            if state.entries.count >= maxEntries || state.bytes + size > maxBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if let old = state.entries[key] { state.bytes -= old.bytes }
            state.entries[key] = entry
            state.bytes += size
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
