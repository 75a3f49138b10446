import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

struct AccessLogLineTests {
    @Test func oneJSONObjectWithTheAgreedFields() throws {
        let record = CompletedRequest(
            head: HTTPRequest(method: .get, scheme: nil, authority: "a", path: "/v1/x?q=1"),
            path: "/v1/x", status: .notFound, bodyBytes: 12, duration: .microseconds(1_234_567),
            requestID: "rid-\"1", remoteAddress: "127.0.0.1:5000")
        let line = AccessLogLine.json(record)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(json["method"] as? String == "GET")
        #expect(json["path"] as? String == "/v1/x")
        #expect(json["status"] as? Int == 404)
        #expect(json["bytes"] as? Int == 12)
        #expect(json["duration_ms"] as? Double == 1234.567)
        #expect(json["request_id"] as? String == "rid-\"1")
        #expect(json["remote"] as? String == "127.0.0.1:5000")
    }

    @Test func milliseconds() {
        #expect(AccessLogLine.milliseconds(.microseconds(5)) == "0.005")
        #expect(AccessLogLine.milliseconds(.milliseconds(12) + .microseconds(40)) == "12.040")
    }
}
