import Corpus
import Foundation
import HTTPServer
import HTTPTypes

/// The API as an `HTTPResponder`: routes a request to its endpoint, checks
/// its query, runs the handler on the current model snapshot, and finishes
/// the response (ETag and 304, gzip, CORS, Cache-Control) in one place.
public final class CorpusAPIApplication: HTTPResponder {
    public let services: APIServices
    public let endpoints: [Endpoint]
    private let router: Router<Int>
    /// `endpoints[i].allowedParameters`, built once: computing the set per
    /// request (unions and inserts) was ~5% of a cached `/v1/events` answer.
    private let allowedParameters: [Set<String>]
    private let cache: ResponseCache

    public init(services: APIServices, endpoints: [Endpoint]? = nil) {
        self.services = services
        let endpoints = endpoints ?? Routes.all
        self.endpoints = endpoints
        var router = Router<Int>()
        for (index, endpoint) in endpoints.enumerated() { router.add(endpoint.method, endpoint.path, index) }
        self.router = router
        allowedParameters = endpoints.map(\.allowedParameters)
        cache = ResponseCache(
            maxEntries: services.configuration.responseCacheEntries,
            maxBytes: services.configuration.responseCacheBytes)
        services.metrics.modelLoaded(services.store.current, generation: services.store.generation)
    }

    public func respond(to request: ServerRequest) -> ServerResponse {
        let started = ContinuousClock.now
        let (response, route) = handle(request)
        services.metrics.record(
            route: route, method: request.head.method.rawValue, status: Int(response.head.status.code),
            duration: ContinuousClock.now - started)
        return response
    }

    private func handle(_ request: ServerRequest) -> (ServerResponse, String) {
        let method = request.head.method
        if method == .options { return (CORS.preflight(request, configuration: services.configuration, router: router), "OPTIONS") }
        let endpoint: Endpoint
        let parameters: [String: String]
        let allowed: Set<String>
        switch router.match(method, request.path) {
        case .notFound:
            return (problem(.routeNotFound(path: request.path), request), "unmatched")
        case .methodNotAllowed(let allowed):
            var response = problem(.methodNotAllowed(method: method.rawValue, allowed: allowed), request)
            response.head.headerFields[.allow] = (allowed + [.options]).map(\.rawValue).joined(separator: ", ")
            return (response, "unmatched")
        case .found(let index, let found):
            endpoint = endpoints[index]
            parameters = found
            allowed = allowedParameters[index]
        }
        do {
            return (try run(endpoint, allowed: allowed, parameters: parameters, request: request), endpoint.path)
        } catch {
            return (problem(error, request), endpoint.path)
        }
    }

    private func run(
        _ endpoint: Endpoint, allowed: Set<String>, parameters: [String: String], request: ServerRequest
    ) throws(APIError) -> ServerResponse {
        let model = services.store.current
        let query = try QueryParameters(request.query, allowed: allowed)
        let format = try FormatNegotiation.choose(
            formats: endpoint.formats, formatParameter: try query.single("format"),
            accept: request.head.headerFields[.accept])
        let isRead = request.head.method == .get || request.head.method == .head
        let key = isRead ? cacheKey(model: model, request: request, query: query, format: format) : nil
        if let key, let entry = cache.get(key) {
            return finish(entry: entry, key: key, request: request, cacheable: true)
        }
        let context = RequestContext(
            request: request, model: model, pathParameters: parameters, query: query, format: format,
            services: services)
        let result = try endpoint.handler(context)
        let rendered = try ResponseRenderer.render(result, format: format, query: query, request: request, model: model)
        var headers = rendered.headers
        for field in result.headers { headers.append((field.name.canonicalName, field.value)) }
        let entry = ResponseCache.Entry(
            contentType: rendered.contentType, body: rendered.body,
            etag: ETag.strong(version: model.version, body: rendered.body), headers: headers, gzipped: nil)
        let cacheable = result.cacheable && result.status == .ok && isRead
        if cacheable, let key { cache.put(key, entry) }
        var response = finish(entry: entry, key: cacheable ? key : nil, request: request, cacheable: cacheable)
        response.head.status = result.status
        return response
    }

    /// Everything that shapes the bytes: model, path, query (in order), format.
    private func cacheKey(model: CorpusModel, request: ServerRequest, query: QueryParameters, format: Format) -> String {
        var key = model.version + "|" + format.name + "|" + request.path + "?"
        for item in query.items {
            key += item.name + "=" + item.value + "&"
        }
        return key
    }

    /// Conditional GET, compression, caching and CORS headers.
    private func finish(entry: ResponseCache.Entry, key: String?, request: ServerRequest, cacheable: Bool) -> ServerResponse {
        let config = services.configuration
        var fields = HTTPFields()
        fields[.contentType] = entry.contentType
        for (name, value) in entry.headers {
            if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) }
        }
        fields[.cacheControl] = cacheable ? "public, max-age=\(config.cacheMaxAge)" : "no-store"
        let wantsGzip = ContentCoding.acceptsGzip(request.head.headerFields[.acceptEncoding])
        let compressible = entry.body.count > config.gzipMinimumBytes && entry.contentType != Format.zip.contentType
        if compressible { fields[.vary] = "Accept-Encoding" }
        CORS.apply(to: &fields, request: request, configuration: config)

        let gzip = compressible && wantsGzip
        let etag = gzip ? ETag.gzipVariant(entry.etag) : entry.etag
        fields[.eTag] = etag
        if let inm = request.head.headerFields[.ifNoneMatch], ETag.matches(ifNoneMatch: inm, etag: entry.etag) {
            return ServerResponse(status: .notModified, headerFields: fields)
        }
        var body = entry.body
        if gzip {
            var compressed = entry.gzipped
            if compressed == nil {
                compressed = Gzip.compress(entry.body)
                if let key, let compressed {
                    var updated = entry
                    updated.gzipped = compressed
                    cache.put(key, updated)
                }
            }
            if let compressed {
                body = compressed
                fields[.contentEncoding] = "gzip"
            } else {
                fields[.eTag] = entry.etag
            }
        }
        return ServerResponse(status: .ok, headerFields: fields, body: body)
    }

    private func problem(_ error: APIError, _ request: ServerRequest) -> ServerResponse {
        let details = ProblemDetails(error, instance: request.path)
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        fields[.cacheControl] = "no-store"
        CORS.apply(to: &fields, request: request, configuration: services.configuration)
        return ServerResponse(status: error.status, headerFields: fields, body: details.json.serialized())
    }
}
