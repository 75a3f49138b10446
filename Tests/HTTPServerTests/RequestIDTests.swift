import Testing

@testable import HTTPServer

struct RequestIDTests {
    @Test func generatedIdsAreUniqueAndCarryTheProcessPrefix() {
        var generator = RequestIDGenerator(processPrefix: "abcd1234", loopIndex: 3)
        let ids = (0..<1000).map { _ in generator.next() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasPrefix("abcd1234-3-") })
        #expect(RequestIDGenerator.makeProcessPrefix().count == 8)
    }

    @Test func clientIdsAreEchoedOnlyWhenSane() {
        #expect(RequestIDGenerator.sanitizedClientID("abc-123_XYZ.~") == "abc-123_XYZ.~")
        #expect(RequestIDGenerator.sanitizedClientID(String(repeating: "a", count: 128)) != nil)
        #expect(RequestIDGenerator.sanitizedClientID(String(repeating: "a", count: 129)) == nil)
        #expect(RequestIDGenerator.sanitizedClientID("") == nil)
        #expect(RequestIDGenerator.sanitizedClientID("a b") == nil)
        #expect(RequestIDGenerator.sanitizedClientID("a\r\nb") == nil)
        #expect(RequestIDGenerator.sanitizedClientID("é") == nil)
    }
}
