import Synchronization

/// Finished response bodies, keyed by everything that shapes them (model
/// version, path, query, format), so a repeated request costs a lookup: the
/// model is immutable between reloads, so an entry is never stale within its
/// version. Bounded in entries and bytes; when full it is simply cleared,
/// which is cheap and keeps the hot set warm again within a few requests.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var contentType: String
        var body: [UInt8]
        var etag: String
        var headers: [(String, String)]
        /// Filled on first gzip request.
        var gzipped: [UInt8]?
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
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
        let size = entry.body.count + (entry.gzipped?.count ?? 0)
        guard size <= maxBytes / 4, maxEntries > 0 else { return }
        state.withLock { state in
            if state.entries.count >= maxEntries || state.bytes + size > maxBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            if let old = state.entries[key] { state.bytes -= old.body.count + (old.gzipped?.count ?? 0) }
            state.entries[key] = entry
            state.bytes += size
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
