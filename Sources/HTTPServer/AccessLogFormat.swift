/// How access-log lines are spelt; the application picks the one its other
/// log lines use, so a log stream has one shape.
public enum AccessLogFormat: Sendable {
    /// One JSON object per line, the keys of the service's JSON log lines:
    /// `ts`, `level`, `logger`, `msg`, then `bytes`, `duration_ms`, (`error`),
    /// `method`, `path`, `remote`, `request_id`, `status`, sorted.
    case json
    /// swift-log's `StreamLogHandler` shape: `ts level label : key=value ... [HTTPServer] request`.
    case text
}
