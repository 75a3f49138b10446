import Logging

/// One access-log entry per request, as swift-log metadata under the message
/// `request`: `method`, `path`, `status`, `bytes`, `duration_ms`,
/// `request_id`, `remote` (and `error` for a request the parser rejected).
/// A JSON log handler writes them as top-level fields, so a log shipper
/// reads them without parsing a string inside a string; a text handler
/// prints them as `key=value`. Numbers stay numbers, so a JSON handler
/// can write them unquoted.
enum AccessLogLine {
    static let message: Logger.Message = "request"

    static func metadata(_ record: CompletedRequest) -> Logger.Metadata {
        [
            "method": .string(record.head.method.rawValue),
            "path": .string(record.path),
            "status": .stringConvertible(Int(record.status.code)),
            "bytes": .stringConvertible(record.bodyBytes),
            "duration_ms": .stringConvertible(milliseconds(record.duration)),
            "request_id": .string(record.requestID),
            "remote": .string(record.remoteAddress),
        ]
    }

    /// A request rejected by the parser has no method or path; `error` says why.
    static func metadata(rejected error: HTTPParseError, bodyBytes: Int, requestID: String, remoteAddress: String)
        -> Logger.Metadata
    {
        [
            "method": "-", "path": "-",
            "status": .stringConvertible(Int(error.status.code)),
            "bytes": .stringConvertible(bodyBytes),
            "duration_ms": .stringConvertible(0.0),
            "request_id": .string(requestID),
            "remote": .string(remoteAddress),
            "error": .string(String(describing: error)),
        ]
    }

    /// Milliseconds to the microsecond, e.g. `12.045`.
    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.nanoseconds / 1000) / 1000
    }
}
