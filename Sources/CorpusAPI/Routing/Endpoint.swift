import HTTPServer
import HTTPTypes

/// One operation of the API: where it lives, what it accepts, what it can
/// produce, and the handler. The route table is a list of these, so the
/// endpoint index, the unknown-parameter check and the router all read the
/// same declaration.
public struct Endpoint: Sendable {
    public var method: HTTPRequest.Method
    public var path: String
    public var summary: String
    /// Query parameters specific to this endpoint.
    public var parameters: Set<String>
    /// List endpoints also take `limit`, `offset` and `fields`.
    public var isList: Bool
    public var formats: [Format]
    public var handler: @Sendable (RequestContext) throws(APIError) -> APIResult

    public init(
        _ method: HTTPRequest.Method, _ path: String, summary: String, parameters: Set<String> = [],
        isList: Bool = false, formats: [Format] = [.json],
        handler: @escaping @Sendable (RequestContext) throws(APIError) -> APIResult
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.isList = isList
        self.formats = formats
        self.handler = handler
    }

    /// Every query parameter this endpoint accepts.
    var allowedParameters: Set<String> {
        var all = parameters.union(["pretty"])
        if formats.count > 1 { all.insert("format") }
        if isList { all.formUnion(["limit", "offset", "fields"]) }
        return all
    }
}

/// Everything a handler may read: the request, the model snapshot it
/// started with, path parameters, validated query, and the chosen format.
public struct RequestContext: Sendable {
    public var request: ServerRequest
    public var model: CorpusModel
    public var pathParameters: [String: String]
    public var query: QueryParameters
    public var format: Format
    public var services: APIServices

    public func pathParameter(_ name: String) -> String { pathParameters[name] ?? "" }

    public func page() throws(APIError) -> Page { try Page(query) }
}

import Corpus
