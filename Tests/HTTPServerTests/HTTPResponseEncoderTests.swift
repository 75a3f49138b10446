import HTTPTypes
import Testing

@testable import HTTPServer

struct HTTPResponseEncoderTests {
    private func encode(
        _ response: ServerResponse, isHead: Bool = false, keepAlive: Bool = true, version: HTTPVersion = .http11
    ) -> (text: String, bodyBytes: Int) {
        var out: [UInt8] = []
        let context = HTTPResponseEncoder.Context(
            isHead: isHead, keepAlive: keepAlive, requestVersion: version,
            date: Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8), requestID: "rid")
        let bodyBytes = HTTPResponseEncoder.encode(response, context: context, into: &out)
        return (String(decoding: out, as: UTF8.self), bodyBytes)
    }

    @Test func addsTheServerHeaders() {
        let (text, bodyBytes) = encode(ServerResponse(status: .ok, body: Array("hi".utf8)))
        #expect(
            text
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Type: application/octet-stream\r\nContent-Length: 2\r\nX-Request-Id: rid\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n\r\nhi"
        )
        #expect(bodyBytes == 2)
    }

    @Test func keepsTheApplicationsHeadersAndDropsItsConnection() {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.connection] = "keep-alive"
        fields[.requestID] = "app-id"
        let (text, _) = encode(
            ServerResponse(status: .notFound, headerFields: fields, body: Array("{}".utf8)), keepAlive: false)
        #expect(text.hasPrefix("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-Request-Id: app-id\r\n"))
        #expect(!text.contains("keep-alive"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(!text.contains("X-Request-Id: rid"))
    }

    @Test func everyResponseIsHardenedUnlessTheApplicationChoseOtherwise() {
        let refusal = encode(ServerResponse(status: .serviceUnavailable), keepAlive: false).text
        #expect(refusal.contains("\r\nX-Content-Type-Options: nosniff\r\n"))
        #expect(refusal.contains("\r\nReferrer-Policy: no-referrer\r\n"))

        var fields = HTTPFields()
        fields[.referrerPolicy] = "same-origin"
        let chosen = encode(ServerResponse(status: .ok, headerFields: fields)).text
        #expect(chosen.contains("Referrer-Policy: same-origin\r\n"))
        #expect(!chosen.contains("no-referrer"))
        #expect(chosen.components(separatedBy: "Referrer-Policy").count == 2)
    }

    @Test func headKeepsContentLengthButNoBody() {
        let (text, bodyBytes) = encode(ServerResponse(status: .ok, body: Array("hello".utf8)), isHead: true)
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
        #expect(bodyBytes == 0)
    }

    @Test func noContentHasNoLengthOrBody() {
        let (text, _) = encode(ServerResponse(status: .noContent, body: Array("ignored".utf8)))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func http10KeepAliveIsSpelledOut() {
        #expect(encode(ServerResponse(status: .ok), version: .http10).text.contains("Connection: keep-alive\r\n"))
        #expect(!encode(ServerResponse(status: .ok), version: .http11).text.contains("Connection:"))
    }

    @Test func decimals() {
        for value in [0, 7, 10, 99, 1_234_567, Int(Int64.max)] {
            var out: [UInt8] = []
            HTTPResponseEncoder.appendDecimal(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }
}
