import HTTPServer

/// The API's own settings (the server's are in `HTTPServerConfiguration`).
/// Defaults are declared here and documented in the README's table.
public struct APIConfiguration: Sendable {
    /// `Access-Control-Allow-Origin` values; `["*"]` lets any page read the
    /// API, which suits public, read-only data.
    public var corsAllowedOrigins: [String] = ["*"]
    /// `Cache-Control: max-age` for data responses, in seconds. Five minutes:
    /// the data change only on reload, and ETags make revalidation cheap.
    public var cacheMaxAge: Int = 300
    /// Bearer token for `POST /admin/reload`; nil keeps the endpoint off (404).
    public var adminToken: String? = nil
    /// Bodies at or under this size are sent uncompressed: gzip would save
    /// less than it costs.
    public var gzipMinimumBytes: Int = 1024
    /// Finished responses kept per model version, so a repeated request is a
    /// dictionary lookup. Bounded in entries and bytes.
    public var responseCacheEntries: Int = 2048
    public var responseCacheBytes: Int = 64 * 1024 * 1024
    /// The descriptors cached bodies may hold as memfds (sent with
    /// `sendfile`). The process's shared budget by default; tests that build
    /// many apps in one process give each its own, so one app's cache cannot
    /// use up the descriptors another test counts on.
    public var bodyFileBudget: ResponseBodyFile.Budget = ResponseBodyFile.shared

    public init() {}
}
