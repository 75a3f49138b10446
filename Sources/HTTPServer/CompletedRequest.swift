import HTTPTypes

/// What the server knows about a request once its response is queued: handed
/// to the observer hook so the application can count and log without
/// wrapping the responder.
public struct CompletedRequest: Sendable {
    public var head: HTTPRequest
    /// The percent-decoded path, without the query.
    public var path: String
    public var status: HTTPResponse.Status
    /// Body bytes sent (0 for HEAD), like nginx's `$body_bytes_sent`.
    public var bodyBytes: Int
    /// From the request being parsed to its response being queued for writing.
    public var duration: Duration
    public var requestID: String
    public var remoteAddress: String

    public init(
        head: HTTPRequest, path: String, status: HTTPResponse.Status, bodyBytes: Int, duration: Duration,
        requestID: String, remoteAddress: String
    ) {
        self.head = head
        self.path = path
        self.status = status
        self.bodyBytes = bodyBytes
        self.duration = duration
        self.requestID = requestID
        self.remoteAddress = remoteAddress
    }
}

/// Called once per completed request, on the connection's event loop: keep it
/// quick (bump a counter, record a histogram sample).
public typealias RequestObserver = @Sendable (CompletedRequest) -> Void
