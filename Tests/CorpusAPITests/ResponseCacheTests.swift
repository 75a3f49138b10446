import HTTPTypes
import Testing

@testable import CorpusAPI

/// The cache holds one model version's answers, within its bounds.
struct ResponseCacheTests {
    static func entry(version: String, bytes: Int = 10) -> ResponseCache.Entry {
        ResponseCache.Entry(
            modelVersion: version, etag: "\"t\"", compressible: false,
            identity: .init(fields: HTTPFields(), body: [UInt8](repeating: 1, count: bytes)), gzip: nil)
    }

    @Test func aNewModelVersionDropsTheOldAnswers() {
        let cache = ResponseCache(maxEntries: 10, maxBytes: 1000)
        cache.put("v1|a", Self.entry(version: "v1"))
        cache.put("v1|b", Self.entry(version: "v1"))
        #expect(cache.count == 2)
        cache.put("v2|a", Self.entry(version: "v2"))
        #expect(cache.count == 1)
        #expect(cache.get("v1|a") == nil)
        #expect(cache.get("v2|a") != nil)
    }

    @Test func fullCachesStartOverAndHugeBodiesAreNotKept() {
        let cache = ResponseCache(maxEntries: 2, maxBytes: 1000)
        cache.put("a", Self.entry(version: "v"))
        cache.put("b", Self.entry(version: "v"))
        cache.put("c", Self.entry(version: "v"))
        #expect(cache.count == 1)
        cache.put("huge", Self.entry(version: "v", bytes: 300))  // over a quarter of maxBytes
        #expect(cache.get("huge") == nil)
    }
}
