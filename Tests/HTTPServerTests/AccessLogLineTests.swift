import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

struct AccessLogLineTests {
    @Test func oneEntryWithTheAgreedFields() throws {
        let record = CompletedRequest(
            head: HTTPRequest(method: .get, scheme: nil, authority: "a", path: "/v1/x?q=1"),
            path: "/v1/x", status: .notFound, bodyBytes: 12, duration: .microseconds(1_234_567),
            requestID: "rid-\"1", remoteAddress: "127.0.0.1:5000")
        let fields = AccessLogLine.metadata(record).mapValues { $0.description }
        #expect(fields == [
            "method": "GET", "path": "/v1/x", "status": "404", "bytes": "12", "duration_ms": "1234.567",
            "request_id": "rid-\"1", "remote": "127.0.0.1:5000",
        ])
    }

    @Test func milliseconds() {
        #expect(AccessLogLine.milliseconds(.microseconds(5)) == 0.005)
        #expect(AccessLogLine.milliseconds(.milliseconds(12) + .microseconds(40)) == 12.04)
    }
}
