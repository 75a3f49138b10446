import Testing

@testable import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// Cached bodies held in memfds: the same bytes, small ones left alone, and
/// never more descriptors than the limit allows.
@Suite struct ResponseBodyFileTests {
    #if os(Linux)
        @Test func holdsExactlyTheBytes() throws {
            let bytes = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let file = try #require(ResponseBodyFile.make(bytes))
            #expect(file.count == bytes.count)
            var readBack = [UInt8](repeating: 0, count: bytes.count + 1)
            let n = readBack.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, $0.count, 0) }
            #expect(n == bytes.count)
            #expect(Array(readBack.prefix(n)) == bytes)
        }

        @Test func smallBodiesAreCopiedInstead() {
            #expect(ResponseBodyFile.make([UInt8](repeating: 1, count: ResponseBodyFile.minimumBytes - 1)) == nil)
        }

        @Test func theBudgetBoundsDescriptorsAndFreedFilesMakeRoom() throws {
            let budget = ResponseBodyFile.Budget(limit: 2)
            let bytes = [UInt8](repeating: 9, count: ResponseBodyFile.minimumBytes)
            var held = [
                try #require(ResponseBodyFile.make(bytes, budget: budget)),
                try #require(ResponseBodyFile.make(bytes, budget: budget)),
            ]
            #expect(ResponseBodyFile.make(bytes, budget: budget) == nil)
            #expect(budget.alive == 2)
            held.removeLast()
            #expect(budget.alive == 1)
            #expect(ResponseBodyFile.make(bytes, budget: budget) != nil)  // made and freed at once
            #expect(budget.alive == 1)
            budget.limit = 0
            #expect(ResponseBodyFile.make(bytes, budget: budget) == nil)
            _ = held
        }
    #endif
}
