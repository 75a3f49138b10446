import HTTPTypes

/// The server's own error answers (protocol errors, overload, timeouts) as
/// RFC 9457 `application/problem+json`, so clients see one error shape
/// whether the application or the server refused them.
enum ProblemResponse {
    static func make(status: HTTPResponse.Status, detail: String) -> ServerResponse {
        var body = "{\"type\":\"about:blank\",\"title\":"
        JSONString.append(status.reasonPhrase, to: &body)
        body += ",\"status\":\(status.code),\"detail\":"
        JSONString.append(detail, to: &body)
        body += "}"
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        return ServerResponse(status: status, headerFields: fields, body: Array(body.utf8))
    }

    static func make(for error: HTTPParseError) -> ServerResponse {
        make(status: error.status, detail: error.detail)
    }
}

/// Minimal JSON string escaping for the problem bodies and the access log.
enum JSONString {
    static func append(_ value: String, to out: inout String) {
        out.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
