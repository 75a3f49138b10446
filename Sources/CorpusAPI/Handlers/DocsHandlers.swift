import Foundation

/// The API description: the OpenAPI document as YAML and JSON, a human page
/// rendered from it by the server itself (no CDN: the container may have no
/// internet), and the RFC 9727 API catalog that points to them.
enum DocsHandlers {
    static let directory = Bundle.module.resourceURL?.appendingPathComponent("OpenAPI")
    static let yaml: [UInt8] = load("openapi.yaml")
    static let json: [UInt8] = load("openapi.json")

    static func load(_ name: String) -> [UInt8] {
        guard let url = directory?.appendingPathComponent(name), let data = try? Data(contentsOf: url) else { return [] }
        return Array(data)
    }

    static func openAPIJSON(_ context: RequestContext) throws(APIError) -> APIResult {
        guard !json.isEmpty else { throw .serviceUnavailable(reason: "the API description is missing from this build") }
        return APIResult(body: .bytes(json, contentType: "application/vnd.oai.openapi+json;version=3.1"))
    }

    static func openAPIYAML(_ context: RequestContext) throws(APIError) -> APIResult {
        guard !yaml.isEmpty else { throw .serviceUnavailable(reason: "the API description is missing from this build") }
        return APIResult(body: .bytes(yaml, contentType: "application/yaml; charset=utf-8"))
    }

    /// RFC 9727 `application/linkset+json`: where the description, the docs
    /// and the status of this API live.
    static func apiCatalog(_ context: RequestContext) throws(APIError) -> APIResult {
        let catalog: JSONValue = .object([
            ("linkset", .array([
                .object([
                    // The API's root: `/v1` itself is no resource (a 404).
                    ("anchor", "/"),
                    ("service-desc", .array([
                        .object([("href", "/openapi.json"), ("type", "application/vnd.oai.openapi+json;version=3.1")]),
                        .object([("href", "/openapi.yaml"), ("type", "application/yaml")]),
                    ])),
                    ("service-doc", .array([.object([("href", "/docs"), ("type", "text/html")])])),
                    ("status", .array([.object([("href", "/readyz"), ("type", "application/json")])])),
                ])
            ])),
        ])
        return APIResult(body: .bytes(catalog.serialized(pretty: true), contentType: "application/linkset+json"))
    }

    static let page: [UInt8] = Array(DocsPage.render(openAPI: json).utf8)

    static func docs(_ context: RequestContext) throws(APIError) -> APIResult {
        APIResult(body: .bytes(page, contentType: "text/html; charset=utf-8"))
    }
}
