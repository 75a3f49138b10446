import HTTPTypes

/// A request as the application sees it: the parsed head (swift-http-types),
/// the body, and the target already split into a percent-decoded path and
/// query items (repeated keys kept, in order).
public struct ServerRequest: Sendable {
    public var head: HTTPRequest
    /// Percent-decoded path without the query, e.g. `/v1/events`.
    public var path: String
    /// Percent-decoded query items in the order they were sent; `+` decodes to a space.
    public var query: [QueryItem]
    public var body: [UInt8]
    /// `1.0` or `1.1`.
    public var version: HTTPVersion
    /// The peer's address, for the access log (`127.0.0.1:53122`).
    public var remoteAddress: String
    /// The id this request is logged under and answered with in `X-Request-Id`:
    /// the client's own when it sent a sane one, else one the server made.
    public var requestID: String = ""

    public init(
        head: HTTPRequest, path: String, query: [QueryItem], body: [UInt8] = [],
        version: HTTPVersion = .http11, remoteAddress: String = "-"
    ) {
        self.head = head
        self.path = path
        self.query = query
        self.body = body
        self.version = version
        self.remoteAddress = remoteAddress
    }
}

public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

public enum HTTPVersion: Sendable, Hashable {
    case http10, http11
}

/// A complete response. The server adds `Date`, `Content-Length`,
/// `Connection` and `X-Request-Id` when they are missing, and drops the body
/// for HEAD while keeping its Content-Length.
public struct ServerResponse: Sendable {
    public var head: HTTPResponse
    public var body: [UInt8]
    /// The same bytes as `body`, in a file the server may send with
    /// `sendfile(2)` instead of copying `body` (see `ResponseBodyFile`).
    /// Ignored unless its length equals `body.count`.
    public var bodyFile: ResponseBodyFile?

    public init(head: HTTPResponse, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    public init(status: HTTPResponse.Status, headerFields: HTTPFields = [:], body: [UInt8] = []) {
        self.head = HTTPResponse(status: status, headerFields: headerFields)
        self.body = body
    }
}

/// The application. Handlers are synchronous on purpose: the model they read
/// is an immutable snapshot, so a handler never waits, and running it on the
/// connection's own queue avoids a hop per request.
public protocol HTTPResponder: Sendable {
    func respond(to request: ServerRequest) -> ServerResponse
}
