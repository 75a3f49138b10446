import HTTPTypes

/// RFC 9457 problem details: the one place an `APIError` becomes a response
/// body. Bodies never carry file paths, stack traces or type names.
public struct ProblemDetails: Sendable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var instance: String
    /// Extension members: `parameter`, `value`, `suggestion`, `allowed`.
    public var extensions: [(String, JSONValue)]

    static let typeBase = "https://corpus-api.dev/problems/"

    public init(_ error: APIError, instance: String) {
        self.status = Int(error.status.code)
        self.instance = instance
        self.extensions = []
        switch error {
        case .invalidParameter(let name, let value, let reason):
            type = Self.typeBase + "invalid-parameter"
            title = "Invalid query parameter"
            detail = "parameter `\(name)`: \(reason)"
            extensions = [("parameter", .string(name)), ("value", .string(value))]
        case .unknownParameter(let name, let suggestion):
            type = Self.typeBase + "unknown-parameter"
            title = "Unknown query parameter"
            detail = "unknown parameter `\(name)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
            extensions = [("parameter", .string(name)), ("suggestion", JSONValue(suggestion))]
        case .repeatedParameter(let name):
            type = Self.typeBase + "repeated-parameter"
            title = "Repeated query parameter"
            detail = "parameter `\(name)` may be given only once"
            extensions = [("parameter", .string(name))]
        case .notFound(let resource, let id):
            type = Self.typeBase + "not-found"
            title = "Not found"
            detail = "no \(resource) with id `\(id)`"
            extensions = [("resource", .string(resource)), ("id", .string(id))]
        case .routeNotFound(let path):
            type = Self.typeBase + "route-not-found"
            title = "Not found"
            detail = "no endpoint at `\(path)`; GET / with Accept: application/json lists them"
        case .methodNotAllowed(let method, let allowed):
            type = Self.typeBase + "method-not-allowed"
            title = "Method not allowed"
            detail = "\(method) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: ", "))"
            extensions = [("allowed", .array(allowed.map { .string($0.rawValue) }))]
        case .notAcceptable(let accept, let available):
            type = Self.typeBase + "not-acceptable"
            title = "Not acceptable"
            detail = "cannot produce `\(accept)`; available: \(available.joined(separator: ", "))"
            extensions = [("available", .array(available.map { .string($0) }))]
        case .unauthorized:
            type = Self.typeBase + "unauthorized"
            title = "Unauthorized"
            detail = "a valid bearer token is required"
        case .adminReloadDisabled:
            type = Self.typeBase + "admin-disabled"
            title = "Not found"
            detail = "reload over HTTP is off: start the server with an admin token (admin_token, "
                + "CORPUS_API_ADMIN_TOKEN or --admin-token, 16 characters or more), then POST here with "
                + "`Authorization: Bearer <token>`; `kill -HUP <pid>` reloads without one"
        case .serviceUnavailable(let reason):
            type = Self.typeBase + "unavailable"
            title = "Service unavailable"
            detail = reason
        case .reloadFailed(let reason):
            type = Self.typeBase + "reload-failed"
            title = "Reload failed"
            detail = "the corpus could not be reloaded; the previous model keeps serving: \(reason)"
        case .internalError:
            type = Self.typeBase + "internal"
            title = "Internal error"
            detail = "the server could not complete the request"
        }
    }

    public var json: JSONValue {
        .object(
            [
                ("type", .string(type)), ("title", .string(title)), ("status", .int(status)),
                ("detail", .string(detail)), ("instance", .string(instance)),
            ] + extensions)
    }
}
