/// One JSON object per request for the access log:
/// `{"method":"GET","path":"/v1/events","status":200,"bytes":512,"duration_ms":0.213,"request_id":"…","remote":"127.0.0.1:53122"}`.
/// Built by hand (no `JSONEncoder`, no `String(format:)`): it runs per request.
enum AccessLogLine {
    static func json(_ record: CompletedRequest) -> String {
        var line = "{\"method\":"
        JSONString.append(record.head.method.rawValue, to: &line)
        line += ",\"path\":"
        JSONString.append(record.path, to: &line)
        line += ",\"status\":"
        line += String(record.status.code)
        line += ",\"bytes\":"
        line += String(record.bodyBytes)
        line += ",\"duration_ms\":"
        line += milliseconds(record.duration)
        line += ",\"request_id\":"
        JSONString.append(record.requestID, to: &line)
        line += ",\"remote\":"
        JSONString.append(record.remoteAddress, to: &line)
        line += "}"
        return line
    }

    /// A request rejected by the parser has no method or path; `error` says why.
    static func json(rejected error: HTTPParseError, bodyBytes: Int, requestID: String, remoteAddress: String) -> String
    {
        var line = "{\"method\":\"-\",\"path\":\"-\",\"status\":"
        line += String(error.status.code)
        line += ",\"bytes\":"
        line += String(bodyBytes)
        line += ",\"duration_ms\":0.000,\"request_id\":"
        JSONString.append(requestID, to: &line)
        line += ",\"remote\":"
        JSONString.append(remoteAddress, to: &line)
        line += ",\"error\":"
        JSONString.append(String(describing: error), to: &line)
        line += "}"
        return line
    }

    /// Milliseconds with three decimals, e.g. `12.045`.
    static func milliseconds(_ duration: Duration) -> String {
        let micros = duration.nanoseconds / 1000
        let fraction = String(micros % 1000)
        return String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
