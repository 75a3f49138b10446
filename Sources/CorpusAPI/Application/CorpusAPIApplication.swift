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
    /// `public, max-age=N`, formatted once.
    private let cacheControl: String
    private var adminReloadEnabled: Bool { !(services.configuration.adminToken ?? "").isEmpty }

    public init(services: APIServices, endpoints: [Endpoint]? = nil) {
        self.services = services
        let endpoints = endpoints ?? Routes.all
        self.endpoints = endpoints
        var router = Router<Int>()
        for (index, endpoint) in endpoints.enumerated() { router.add(endpoint.method, endpoint.path, index) }
        self.router = router
        allowedParameters = endpoints.map(\.allowedParameters)
        cacheControl = "public, max-age=\(services.configuration.cacheMaxAge)"
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
        case .methodNotAllowed where request.path == AdminHandlers.reloadPath && !adminReloadEnabled:
            // One story whatever the method: off until a token is configured.
            return (problem(.adminReloadDisabled, request), AdminHandlers.reloadPath)
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
            return finish(entry: entry, key: key, request: request)
        }
        let context = RequestContext(
            request: request, model: model, pathParameters: parameters, query: query, format: format,
            services: services)
        let result = try endpoint.handler(context)
        let rendered = try ResponseRenderer.render(result, format: format, query: query, request: request, model: model)
        var headers = rendered.headers
        // HTTPFields keep the spelling the handler gave (`X-Total-Count`).
        headers.append(contentsOf: result.headers)
        let cacheable = result.cacheable && result.status == .ok && isRead
        let entry = makeEntry(
            contentType: rendered.contentType, body: rendered.body, headers: headers, model: model,
            cacheable: cacheable, negotiated: endpoint.formats.count > 1)
        if cacheable, let key { cache.put(key, entry) }
        var response = finish(entry: entry, key: cacheable ? key : nil, request: request)
        response.head.status = result.status
        return response
    }

    /// Everything that shapes the bytes: model, path, query (in order), format.
    private func cacheKey(model: CorpusModel, request: ServerRequest, query: QueryParameters, format: Format) -> String {
        var key = model.version
        key.reserveCapacity(key.utf8.count + request.path.utf8.count + 24)
        key += "|"
        key += format.name
        key += "|"
        key += request.path
        key += "?"
        for item in query.items {
            key += item.name
            key += "="
            key += item.value
            key += "&"
        }
        return key
    }

    /// The identity representation with every field that does not depend on
    /// the request: built once per cache entry, not per request.
    /// `negotiated`: the endpoint picks its format from `Accept`, so a shared
    /// cache must key on it too (`Vary: Accept`), or it could hand CSV to a
    /// JSON client.
    private func makeEntry(
        contentType: String, body: [UInt8], headers: HTTPFields, model: CorpusModel, cacheable: Bool,
        negotiated: Bool
    ) -> ResponseCache.Entry {
        let config = services.configuration
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields.append(contentsOf: headers)
        fields[.cacheControl] = cacheable ? cacheControl : "no-store"
        let compressible = body.count > config.gzipMinimumBytes && contentType != Format.zip.contentType
        let vary = (negotiated ? ["Accept"] : []) + (compressible ? ["Accept-Encoding"] : [])
        if !vary.isEmpty { fields[.vary] = vary.joined(separator: ", ") }
        CORS.applyVary(to: &fields, configuration: config)
        let etag = ETag.strong(version: model.version, body: body)
        fields[.eTag] = etag
        let file = cacheable ? ResponseBodyFile.make(body, budget: config.bodyFileBudget) : nil
        return ResponseCache.Entry(
            modelVersion: model.version, etag: etag, compressible: compressible, identity: .init(fields: fields, body: body, file: file),
            gzip: nil)
    }

    /// The gzip representation of `entry`, or nil when compression failed.
    private static func gzipVariant(
        of entry: ResponseCache.Entry, cached: Bool, budget: ResponseBodyFile.Budget
    ) -> ResponseCache.Variant? {
        guard let compressed = Gzip.compress(entry.identity.body) else { return nil }
        var fields = entry.identity.fields
        fields[.eTag] = ETag.gzipVariant(entry.etag)
        fields[.contentEncoding] = "gzip"
        return .init(fields: fields, body: compressed, file: cached ? ResponseBodyFile.make(compressed, budget: budget) : nil)
    }

    /// Conditional GET, compression and the request's CORS origin on top of
    /// the entry's prebuilt fields.
    private func finish(entry: ResponseCache.Entry, key: String?, request: ServerRequest) -> ServerResponse {
        var variant = entry.identity
        if entry.compressible && ContentCoding.acceptsGzip(request.head.headerFields[.acceptEncoding]) {
            if let gzip = entry.gzip {
                variant = gzip
            } else if let gzip = Self.gzipVariant(
                of: entry, cached: key != nil, budget: services.configuration.bodyFileBudget) {
                variant = gzip
                if let key {
                    var updated = entry
                    updated.gzip = gzip
                    cache.put(key, updated)
                }
            }
        }
        CORS.applyOrigin(to: &variant.fields, request: request, configuration: services.configuration)
        if let inm = request.head.headerFields[.ifNoneMatch], ETag.matches(ifNoneMatch: inm, etag: entry.etag) {
            return ServerResponse(status: .notModified, headerFields: variant.fields)
        }
        var response = ServerResponse(status: .ok, headerFields: variant.fields, body: variant.body)
        response.bodyFile = variant.file
        return response
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
