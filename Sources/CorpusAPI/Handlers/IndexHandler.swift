/// `GET /` for programs (`Accept: application/json`): every endpoint with
/// its parameters and formats, read from the same table the router uses.
/// Browsers get the dashboard page instead.
enum IndexHandler {
    static func index(_ context: RequestContext) throws(APIError) -> APIResult {
        if context.format.name == "html" {
            return try StaticAssets.serve(path: "index.html")
        }
        let endpoints: [JSONValue] = Routes.all.map { endpoint in
            .object([
                ("method", .string(endpoint.method.rawValue)),
                ("path", .string(endpoint.path)),
                ("summary", .string(endpoint.summary)),
                ("parameters", .array(endpoint.allowedParameters.sorted().map { .string($0) })),
                ("formats", .array(endpoint.formats.map { .string($0.name) })),
            ])
        }
        return .json(.object([
            ("name", "corpus-api"),
            ("description", "Timeline events, economic indicators and citations from scholarly articles on China–Russia relations, each traceable to its sentence."),
            ("model_version", .string(context.model.version)),
            ("openapi", "/openapi.json"),
            ("docs", "/docs"),
            ("endpoints", .array(endpoints)),
        ]))
    }
}
