import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

struct ProblemResponseTests {
    @Test func rfc9457Body() throws {
        let response = ProblemResponse.make(for: .missingHost)
        #expect(response.head.status == .badRequest)
        #expect(response.head.headerFields[.contentType] == "application/problem+json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(json["type"] as? String == "about:blank")
        #expect(json["title"] as? String == "Bad Request")
        #expect(json["status"] as? Int == 400)
        #expect(json["detail"] as? String == HTTPParseError.missingHost.detail)
    }

    @Test func jsonEscaping() throws {
        var out = ""
        JSONString.append("a\"b\\c\nd\u{01}é", to: &out)
        #expect(out == "\"a\\\"b\\\\c\\nd\\u0001é\"")
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(out)]".utf8)) as? [String]
        #expect(decoded == ["a\"b\\c\nd\u{01}é"])
    }
}
