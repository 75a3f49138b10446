import HTTPServer
import HTTPTypes

/// Cross-origin access for dashboards on other origins. The API is
/// read-only, so preflight allows GET and HEAD (and POST for the admin
/// reload, which still needs its bearer token).
enum CORS {
    static let exposedHeaders = "Link, ETag, X-Request-Id, X-Total-Count"
    static let allowedHeaders = "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, X-Request-Id"
    /// Browsers cap this (Chromium at 2 h); a day asks for the most any allows.
    static let maxAge = "86400"

    static func allowedOrigin(_ origin: String?, configuration: APIConfiguration) -> String? {
        guard let origin else { return nil }
        if configuration.corsAllowedOrigins.contains("*") { return "*" }
        return configuration.corsAllowedOrigins.contains(origin) ? origin : nil
    }

    static func apply(to fields: inout HTTPFields, request: ServerRequest, configuration: APIConfiguration) {
        applyVary(to: &fields, configuration: configuration)
        applyOrigin(to: &fields, request: request, configuration: configuration)
    }

    /// `Vary: Origin` unless every origin gets the same answer: the same for
    /// every request, so cached responses carry it prebuilt.
    static func applyVary(to fields: inout HTTPFields, configuration: APIConfiguration) {
        if !configuration.corsAllowedOrigins.contains("*") {
            fields[.vary] = fields[.vary].map { $0 + ", Origin" } ?? "Origin"
        }
    }

    /// The allow-origin pair, for a request whose `Origin` is allowed.
    static func applyOrigin(to fields: inout HTTPFields, request: ServerRequest, configuration: APIConfiguration) {
        guard let origin = request.head.headerFields[.origin],
            let allowed = allowedOrigin(origin, configuration: configuration)
        else { return }
        fields[.accessControlAllowOrigin] = allowed
        fields[.accessControlExposeHeaders] = exposedHeaders
    }

    /// OPTIONS: a CORS preflight when the browser sent one, otherwise a plain
    /// 204 with `Allow` for the path.
    static func preflight(_ request: ServerRequest, configuration: APIConfiguration, router: Router<Int>) -> ServerResponse {
        var fields = HTTPFields()
        var allowedMethods: [HTTPRequest.Method] = [.options]
        switch router.match(.get, request.path) {
        case .found: allowedMethods = [.get, .head, .options]
        case .methodNotAllowed(let allowed): allowedMethods = allowed + [.options]
        case .notFound:
            if case .found = router.match(.post, request.path) { allowedMethods = [.post, .options] }
        }
        fields[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        apply(to: &fields, request: request, configuration: configuration)
        if request.head.headerFields[.accessControlRequestMethod] != nil,
            allowedOrigin(request.head.headerFields[.origin], configuration: configuration) != nil
        {
            fields[.accessControlAllowMethods] = fields[.allow]
            fields[.accessControlAllowHeaders] = allowedHeaders
            fields[.accessControlMaxAge] = maxAge
        }
        fields[.cacheControl] = "no-store"
        return ServerResponse(status: .noContent, headerFields: fields)
    }
}
