import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

struct AccessLogLineTests {
    private static let record = CompletedRequest(
        head: HTTPRequest(method: .get, scheme: nil, authority: "a", path: "/v1/x?q=1"),
        path: "/v1/\"odd\"\npath", status: .notFound, bodyBytes: 12, duration: .microseconds(1_234_567),
        requestID: "rid-1", remoteAddress: "127.0.0.1:5000")

    private func line(_ entry: AccessLogLine, _ format: AccessLogFormat, label: String = "http") -> String {
        var prefix = AccessLogPrefix(format: format, label: label)
        prefix.update(to: 1_796_000_000)  // 2026-11-30T00:53:20Z
        return String(decoding: entry.rendered(prefix: prefix), as: UTF8.self)
    }

    @Test func jsonLineHasTheServiceLogShapeAndEscapes() throws {
        let text = line(AccessLogLine(Self.record), .json)
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1, "a newline in the path must not split the line")
        #expect(
            text
                == #"{"ts":"2026-11-30T00:53:20Z","level":"info","logger":"http","msg":"request","bytes":12,"#
                + #""duration_ms":1234.567,"method":"GET","path":"/v1/\"odd\"\npath","remote":"127.0.0.1:5000","#
                + #""request_id":"rid-1","status":404}"# + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "/v1/\"odd\"\npath")
        #expect(object["status"] as? Int == 404)
    }

    @Test func rejectedRequestSaysWhy() throws {
        let entry = AccessLogLine(rejected: .invalidHost, bodyBytes: 90, requestID: "r", remoteAddress: "[::1]:9")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line(entry, .json).utf8)) as? [String: Any])
        #expect(object["error"] as? String == "invalidHost")
        #expect(object["status"] as? Int == 400)
        #expect(object["method"] as? String == "-")
    }

    @Test func textLineIsKeyValue() {
        let text = line(AccessLogLine(Self.record), .text)
        #expect(text.hasPrefix("2026-11-30T00:53:20+0000 info http : bytes=12 duration_ms=1234.567 method=GET "))
        #expect(text.contains(#"path=/v1/"odd"\u000apath"#))
        #expect(text.hasSuffix(" status=404 [HTTPServer] request\n"))
    }

    /// Every byte a percent-decoded path can hold, a client id full of
    /// quotes and backslashes, a label needing escapes: the line is still one
    /// line of valid JSON with the values intact, and never longer than the
    /// room the buffer reserves for it (`maxBytes`), in both formats.
    @Test func worstCaseValuesStayOneLineWithinTheirReservedRoom() throws {
        let everyByte = String(decoding: (1...0x7F).map { UInt8($0) }, as: UTF8.self) + "\u{0}é中"
        let entry = AccessLogLine(
            method: "GET", path: everyByte, status: 200, bodyBytes: Int.max, nanoseconds: .max,
            requestID: String(repeating: "\"\\", count: 64), remoteAddress: "[::1]:65535")
        for format in [AccessLogFormat.json, .text] {
            var prefix = AccessLogPrefix(format: format, label: "h\"t\ntp")
            prefix.update(to: 1_796_000_000)
            let bytes = entry.rendered(prefix: prefix)
            #expect(bytes.count <= prefix.bytes.count + entry.maxBytes)
            #expect(bytes.filter { $0 == 0x0A }.count == 1 && bytes.last == 0x0A, "one line in \(format)")
            #expect(!bytes.dropLast().contains { $0 < 0x20 }, "no raw control character in \(format)")
        }
        var prefix = AccessLogPrefix(format: .json, label: "h\"t\ntp")
        prefix.update(to: 1_796_000_000)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(entry.rendered(prefix: prefix))) as? [String: Any])
        #expect(object["path"] as? String == everyByte)
        #expect(object["request_id"] as? String == String(repeating: "\"\\", count: 64))
        #expect(object["logger"] as? String == "h\"t\ntp")
        #expect(object["bytes"] as? Int == Int.max)
    }

    @Test(arguments: [
        (Duration.microseconds(5), "0.005"), (.milliseconds(12) + .microseconds(40), "12.04"), (.seconds(3), "3000"),
        (.nanoseconds(999), "0"),
    ])
    func milliseconds(duration: Duration, text: String) {
        let out = ByteWriter.render(maxBytes: 24) { AccessLogLine.milliseconds(nanoseconds: duration.nanoseconds, into: &$0) }
        #expect(String(decoding: out, as: UTF8.self) == text)
    }
}
