import Testing

@testable import HTTPServer

struct DateCacheTests {
    @Test func formatsIMFFixdate() {
        // RFC 9110 §5.6.7's own example.
        #expect(String(decoding: DateCache.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(String(decoding: DateCache.format(0), as: UTF8.self) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(String(decoding: DateCache.format(1_709_251_199), as: UTF8.self) == "Thu, 29 Feb 2024 23:59:59 GMT")
    }

    @Test func currentValueIsStableWithinASecondAndWellFormed() {
        var cache = DateCache()
        let first = cache.current()
        #expect(first.count == 29)
        #expect(String(decoding: first, as: UTF8.self).hasSuffix(" GMT"))
    }
}
