import CorpusAPI
import Foundation
import HTTPServer

/// Every setting of the service in one value, filled once at start from, in
/// rising precedence: defaults, a JSON file (`--config`), environment
/// variables (`CORPUS_API_*`), command-line flags. Each setting is declared
/// once in `Setting.all` with its JSON key, variable, parser and help, so the
/// three sources cannot drift apart.
struct ServiceConfiguration: Sendable {
    var server = HTTPServerConfiguration()
    var api = APIConfiguration()
    /// nil: the corpus embedded in the package.
    var corpus: String? = nil
    /// Extraction cache directory; nil: the user's cache directory; "off": no cache.
    var cacheDir: String? = nil
    var logLevel = "info"
    var logFormat = "json"
    /// Apply the corpus's curated `annotations/*.json`; false serves what
    /// extraction finds on its own.
    var annotations = true

    /// A setting that could not be used: the start stops with this one line.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }
}

/// One configurable knob.
struct Setting: Sendable {
    var key: String
    var help: String
    var apply: @Sendable (inout ServiceConfiguration, String) throws(ServiceConfiguration.Invalid) -> Void

    /// `CORPUS_API_MAX_CONNECTIONS` for `max_connections`.
    var environmentName: String { "CORPUS_API_" + key.uppercased() }
    /// `--max-connections` for `max_connections`.
    var flagName: String { key.replacingOccurrences(of: "_", with: "-") }

    static let all: [Setting] = [
        Setting(key: "host", help: "Address to bind (127.0.0.1; 0.0.0.0 or :: in a container)") { c, v throws(ServiceConfiguration.Invalid) in
            guard !v.isEmpty else { throw .init(description: "host: must not be empty") }
            c.server.host = v
        },
        Setting(key: "port", help: "TCP port (8080; 0 picks a free one)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.port = try int(v, "port", 0...65535)
        },
        Setting(key: "corpus", help: "Corpus directory to serve (default: the embedded two articles)") { c, v throws(ServiceConfiguration.Invalid) in
            c.corpus = v.isEmpty ? nil : v
        },
        Setting(key: "cache_dir", help: CacheSetting.help) { c, v throws(ServiceConfiguration.Invalid) in
            c.cacheDir = v.isEmpty ? nil : v
        },
        Setting(key: "event_loops", help: "Event loops (auto: one per usable core)") { c, v throws(ServiceConfiguration.Invalid) in
            // `auto` (or empty) keeps the default: the cores in the affinity mask.
            if v.isEmpty || v == "auto" { return }
            c.server.eventLoops = try int(v, "event_loops", 1...256)
        },
        Setting(key: "max_connections", help: "Open connections before new ones get a fast 503 (1024)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.maxConnections = try int(v, "max_connections", 1...1_000_000)
        },
        Setting(key: "header_timeout", help: "Seconds to receive a whole request head (10)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.headerTimeout = try seconds(v, "header_timeout")
        },
        Setting(key: "idle_timeout", help: "Seconds a keep-alive connection may sit idle (30)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.idleTimeout = try seconds(v, "idle_timeout")
        },
        Setting(key: "write_timeout", help: "Seconds a response write may stall (30)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.writeTimeout = try seconds(v, "write_timeout")
        },
        Setting(key: "max_requests_per_connection", help: "Requests before a connection is closed (10000)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.maxRequestsPerConnection = try int(v, "max_requests_per_connection", 1...Int.max)
        },
        Setting(key: "max_body_bytes", help: "Largest request body accepted (1048576)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.maxBodyBytes = try int(v, "max_body_bytes", 0...(64 << 20))
        },
        Setting(key: "shutdown_grace", help: "Seconds in-flight requests get to finish on SIGTERM (10)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.shutdownGracePeriod = try seconds(v, "shutdown_grace")
        },
        Setting(key: "cors_origins", help: "Allowed CORS origins, comma separated (*)") { c, v throws(ServiceConfiguration.Invalid) in
            let origins = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !origins.isEmpty else { throw .init(description: "cors_origins: list at least one origin or *") }
            c.api.corsAllowedOrigins = origins
        },
        Setting(key: "cache_max_age", help: "Cache-Control max-age in seconds for data responses (300)") { c, v throws(ServiceConfiguration.Invalid) in
            c.api.cacheMaxAge = try int(v, "cache_max_age", 0...31_536_000)
        },
        Setting(key: "annotations", help: "Apply the corpus's curated annotations/*.json: true or false (true)") { c, v throws(ServiceConfiguration.Invalid) in
            c.annotations = try bool(v, "annotations")
        },
        Setting(key: "admin_token", help: "Bearer token, 16 characters or more, enabling POST /admin/reload (off when unset)") { c, v throws(ServiceConfiguration.Invalid) in
            guard v.isEmpty || v.count >= 16 else { throw .init(description: "admin_token: use at least 16 characters") }
            c.api.adminToken = v.isEmpty ? nil : v
        },
        Setting(key: "log_level", help: "trace, debug, info, notice, warning, error or critical (info)") { c, v throws(ServiceConfiguration.Invalid) in
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(v) else { throw .init(description: "log_level: must be one of \(levels.joined(separator: ", "))") }
            c.logLevel = v
        },
        Setting(key: "log_format", help: "json (one object per line) or text (json)") { c, v throws(ServiceConfiguration.Invalid) in
            guard v == "json" || v == "text" else { throw .init(description: "log_format: must be json or text") }
            c.logFormat = v
            c.server.accessLogFormat = v == "text" ? .text : .json
        },
        Setting(key: "access_log", help: "Log every request: true or false (true)") { c, v throws(ServiceConfiguration.Invalid) in
            c.server.accessLog = try bool(v, "access_log")
        },
    ]

    private static func bool(_ v: String, _ key: String) throws(ServiceConfiguration.Invalid) -> Bool {
        switch v.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .init(description: "\(key): must be true or false")
        }
    }

    private static func int(_ v: String, _ key: String, _ range: ClosedRange<Int>) throws(ServiceConfiguration.Invalid) -> Int {
        guard let n = Int(v.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
            throw .init(description: "\(key): \"\(v)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    private static func seconds(_ v: String, _ key: String) throws(ServiceConfiguration.Invalid) -> Duration {
        guard let s = Double(v.trimmingCharacters(in: .whitespaces)), s > 0, s <= 86_400 else {
            throw .init(description: "\(key): \"\(v)\" is not a number of seconds above 0")
        }
        return .milliseconds(Int64((s * 1000).rounded()))
    }
}

extension ServiceConfiguration {
    /// Builds the configuration from all sources; `flags` are the values
    /// given on the command line, by setting key.
    static func resolve(
        configFile: String?, environment: [String: String], flags: [String: String]
    ) throws(Invalid) -> ServiceConfiguration {
        var config = ServiceConfiguration()
        let file = configFile ?? environment["CORPUS_API_CONFIG"]
        if let file {
            for (key, value) in try fileValues(file) {
                guard let setting = Setting.all.first(where: { $0.key == key }) else {
                    throw Invalid(description: "\(file): unknown setting \"\(key)\"")
                }
                do { try setting.apply(&config, value) } catch { throw Invalid(description: "\(file): \(error.description)") }
            }
        }
        for setting in Setting.all {
            if let value = environment[setting.environmentName] {
                do { try setting.apply(&config, value) } catch {
                    throw Invalid(description: "\(setting.environmentName): \(error.description)")
                }
            }
        }
        for setting in Setting.all {
            if let value = flags[setting.key] {
                do { try setting.apply(&config, value) } catch { throw Invalid(description: "--\(setting.flagName): \(error.description)") }
            }
        }
        if let corpus = config.corpus {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Invalid(description: "corpus: \(corpus) is not a directory")
            }
        }
        return config
    }

    /// A flat JSON object of settings; numbers and booleans are accepted as such.
    private static func fileValues(_ path: String) throws(Invalid) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Invalid(description: "\(path): cannot read configuration file")
        }
        do {
            let object = try JSONDecoder().decode([String: FileValue].self, from: data)
            return object.keys.sorted().map { ($0, object[$0]!.text) }
        } catch {
            throw Invalid(description: "\(path): not a flat JSON object of strings, numbers and booleans")
        }
    }

    /// A value in the configuration file, read as the text a flag would carry.
    private enum FileValue: Decodable {
        case text(String)

        var text: String {
            switch self { case .text(let t): t }
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .text("") }
            else if let b = try? c.decode(Bool.self) { self = .text(b ? "true" : "false") }
            else if let i = try? c.decode(Int.self) { self = .text(String(i)) }
            else if let d = try? c.decode(Double.self) { self = .text(String(d)) }
            else if let s = try? c.decode(String.self) { self = .text(s) }
            else { self = .text(try c.decode([String].self).joined(separator: ",")) }
        }
    }
}
