import ArgumentParser

/// One flag per setting of `Setting.all`. Values stay text here and are
/// parsed by the setting itself, exactly as for the file and environment.
struct SettingOptions: ParsableArguments {
    @Option(help: "JSON configuration file (also CORPUS_API_CONFIG); see Config/corpus-api.json")
    var config: String?

    @Option(help: "Address to bind (127.0.0.1; use 0.0.0.0 or :: in a container)") var host: String?
    @Option(help: "TCP port (8080; 0 picks a free one)") var port: String?
    @Option(help: "Corpus directory to serve (default: the embedded two articles)") var corpus: String?
    @Option(help: ArgumentHelp(stringLiteral: CacheSetting.help)) var cacheDir: String?
    @Option(help: "Event loops (auto: one per usable core)") var eventLoops: String?
    @Option(help: "Open connections before new ones get a fast 503 (1024)") var maxConnections: String?
    @Option(help: "Seconds to receive a whole request head (10)") var headerTimeout: String?
    @Option(help: "Seconds a keep-alive connection may sit idle (30)") var idleTimeout: String?
    @Option(help: "Seconds a response write may stall (30)") var writeTimeout: String?
    @Option(help: "Requests before a connection is closed (10000)") var maxRequestsPerConnection: String?
    @Option(help: "Largest request body accepted, bytes (1048576)") var maxBodyBytes: String?
    @Option(help: "Seconds in-flight requests get to finish on SIGTERM (10)") var shutdownGrace: String?
    @Option(help: "Allowed CORS origins, comma separated (*)") var corsOrigins: String?
    @Option(help: "Cache-Control max-age for data responses, seconds (300)") var cacheMaxAge: String?
    @Option(help: "Apply the corpus's curated annotations/*.json: true or false (true)") var annotations: String?
    @Option(help: "Bearer token, 16 characters or more, enabling POST /admin/reload (off when unset; prefer the env variable)") var adminToken: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical (info)") var logLevel: String?
    @Option(help: "json or text (json)") var logFormat: String?
    @Option(help: "Log every request: true or false (true)") var accessLog: String?

    /// The flags given, by setting key.
    var values: [String: String] {
        let pairs: [(String, String?)] = [
            ("host", host), ("port", port), ("corpus", corpus), ("cache_dir", cacheDir),
            ("event_loops", eventLoops),
            ("max_connections", maxConnections), ("header_timeout", headerTimeout), ("idle_timeout", idleTimeout),
            ("write_timeout", writeTimeout), ("max_requests_per_connection", maxRequestsPerConnection),
            ("max_body_bytes", maxBodyBytes), ("shutdown_grace", shutdownGrace), ("cors_origins", corsOrigins),
            ("cache_max_age", cacheMaxAge), ("annotations", annotations), ("admin_token", adminToken), ("log_level", logLevel),
            ("log_format", logFormat), ("access_log", accessLog),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { k, v in v.map { (k, $0) } })
    }
}
