import HTTPTypes

/// Every way a request can fail, as a value. `ProblemDetails` turns each into
/// RFC 9457 JSON in one place; handlers only throw.
public enum APIError: Error, Sendable, Equatable {
    /// A query parameter with a value we cannot use.
    case invalidParameter(name: String, value: String, reason: String)
    /// A query parameter this endpoint does not know, with a close match when there is one.
    case unknownParameter(name: String, suggestion: String?)
    /// A parameter given twice where only one is allowed.
    case repeatedParameter(name: String)
    case notFound(resource: String, id: String)
    case routeNotFound(path: String)
    case methodNotAllowed(method: String, allowed: [HTTPRequest.Method])
    case notAcceptable(accept: String, available: [String])
    case unauthorized
    /// `/admin/reload` with no admin token configured: the endpoint is off,
    /// whatever the method.
    case adminReloadDisabled
    case serviceUnavailable(reason: String)
    case reloadFailed(reason: String)
    case internalError

    public var status: HTTPResponse.Status {
        switch self {
        case .invalidParameter, .unknownParameter, .repeatedParameter: .badRequest
        case .notFound, .routeNotFound, .adminReloadDisabled: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .notAcceptable: .notAcceptable
        case .unauthorized: .unauthorized
        case .serviceUnavailable: .serviceUnavailable
        case .reloadFailed: .unprocessableContent
        case .internalError: .internalServerError
        }
    }
}
