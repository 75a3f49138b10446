import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

struct AccessLogLineTests {
    private static let record = CompletedRequest(
        head: HTTPRequest(method: .get, scheme: nil, authority: "a", path: "/v1/x?q=1"),
        path: "/v1/\"odd\"\npath", status: .notFound, bodyBytes: 12, duration: .microseconds(1_234_567),
        requestID: "rid-1", remoteAddress: "127.0.0.1:5000")

    private static var timestamp: LogTimestamp {
        var t = LogTimestamp()
        t.update(to: 1_796_000_000)  // 2026-11-30T00:53:20Z
        return t
    }

    private func line(_ entry: AccessLogLine, _ format: AccessLogFormat) -> String {
        var out: [UInt8] = []
        entry.write(format: format, label: "http", timestamp: Self.timestamp, into: &out)
        return String(decoding: out, as: UTF8.self)
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

    @Test(arguments: [
        (Duration.microseconds(5), "0.005"), (.milliseconds(12) + .microseconds(40), "12.04"), (.seconds(3), "3000"),
        (.nanoseconds(999), "0"),
    ])
    func milliseconds(duration: Duration, text: String) {
        var out: [UInt8] = []
        AccessLogLine.milliseconds(duration, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }
}
