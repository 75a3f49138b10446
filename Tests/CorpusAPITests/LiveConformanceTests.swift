import Corpus
import CorpusAPI
import Foundation
import HTTPServer
import Logging
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The contract checked over real sockets, against the real server and app,
/// on one endpoint of each family: what in-process tests cannot show
/// (headers as sent on the wire, HEAD, keep-alive with the app, the server's
/// own error bodies).
@Suite(.serialized) struct LiveConformanceTests {
    /// One list and one single resource of each endpoint family.
    static let families = [
        "/v1/documents", "/v1/documents/burkitbayevna-2019", "/v1/documents/burkitbayevna-2019/passages",
        "/v1/passages/burkitbayevna-2019-p020",
        "/v1/events", "/v1/timeline", "/v1/indicators", "/v1/measures", "/v1/measures/bilateral-trade-turnover/series",
        "/v1/citations", "/v1/citations/pathak-menon-1997b", "/v1/documents/pathak-post-cold-war/references",
        "/v1/in-text-citations", "/v1/search?q=treaty", "/v1/export", "/readyz",
    ]

    @Test func everyFamilyKeepsTheContract() async throws {
        try await withLiveAPI { base in
            for path in Self.families {
                let (data, response) = try await get(base + path, headers: ["Origin": "https://dash.example"])
                #expect(response.statusCode == 200, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json", "\(path)")
                if path != "/readyz" { #expect(response.value(forHTTPHeaderField: "ETag") != nil, "\(path)") }
                #expect(response.value(forHTTPHeaderField: "X-Request-Id") != nil, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Date") != nil, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Access-Control-Allow-Origin") == "*", "\(path)")
                #expect(Int(response.value(forHTTPHeaderField: "Content-Length") ?? "") == data.count, "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path)")

                if let etag = response.value(forHTTPHeaderField: "ETag"), path != "/readyz" {
                    let (_, notModified) = try await get(base + path, headers: ["If-None-Match": etag])
                    #expect(notModified.statusCode == 304, "\(path)")
                }

                let separator = path.contains("?") ? "&" : "?"
                let (problem, bad) = try await get(base + path + separator + "no_such_filter=1")
                #expect(bad.statusCode == 400, "\(path)")
                #expect(bad.value(forHTTPHeaderField: "Content-Type") == "application/problem+json", "\(path)")
                let body = try JSONSerialization.jsonObject(with: problem) as? [String: Any]
                #expect(body?["parameter"] as? String == "no_such_filter", "\(path)")
            }
        }
    }

    @Test func headSendsHeadersOnlyWithTheGetLength() async throws {
        try await withLiveAPI { base in
            let (getData, _) = try await get(base + "/v1/documents")
            var request = URLRequest(url: URL(string: base + "/v1/documents")!)
            request.httpMethod = "HEAD"
            request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
            let (headData, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            #expect(http.statusCode == 200)
            #expect(headData.isEmpty)
            #expect(Int(http.value(forHTTPHeaderField: "Content-Length") ?? "") == getData.count)
        }
    }

    @Test func requestIDIsEchoedAndErrorsStayJSON() async throws {
        try await withLiveAPI { base in
            let (_, echoed) = try await get(base + "/healthz", headers: ["X-Request-Id": "dash-42"])
            #expect(echoed.value(forHTTPHeaderField: "X-Request-Id") == "dash-42")
            let (body, missing) = try await get(base + "/v1/nope")
            #expect(missing.statusCode == 404)
            #expect(missing.value(forHTTPHeaderField: "Content-Type") == "application/problem+json")
            #expect(String(decoding: body, as: UTF8.self).contains("\"status\":404"))
        }
    }

    @Test func gzipOverTheWire() async throws {
        try await withLiveAPI { base in
            let (plain, _) = try await get(base + "/v1/documents")
            let (inflated, zipped) = try await get(base + "/v1/documents", headers: ["Accept-Encoding": "gzip"])
            #expect(zipped.value(forHTTPHeaderField: "Content-Encoding") == "gzip")
            #expect(Int(zipped.value(forHTTPHeaderField: "Content-Length") ?? "") ?? 0 < plain.count)
            #expect(inflated == plain)
        }
    }

    @Test func csvOverTheWire() async throws {
        try await withLiveAPI { base in
            for (path, header) in [
                ("/v1/documents", "id,title,"), ("/v1/events", "id,date.start,"), ("/v1/indicators", "id,measure,"),
                ("/v1/citations", "id,document,type,"), ("/v1/search?q=gas", "type,id,score,"),
            ] {
                let (data, response) = try await get(base + path, headers: ["Accept": "text/csv"])
                #expect(response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/csv") == true, "\(path)")
                #expect(String(decoding: data, as: UTF8.self).hasPrefix(header), "\(path)")
            }
        }
    }

    @Test func preflightAndExportsOverTheWire() async throws {
        try await withLiveAPI { base in
            var request = URLRequest(url: URL(string: base + "/v1/events")!)
            request.httpMethod = "OPTIONS"
            request.setValue("https://dash.example", forHTTPHeaderField: "Origin")
            request.setValue("GET", forHTTPHeaderField: "Access-Control-Request-Method")
            let (_, response) = try await URLSession.shared.data(for: request)
            let http = response as! HTTPURLResponse
            #expect(http.statusCode == 204)
            #expect(http.value(forHTTPHeaderField: "Access-Control-Allow-Methods")?.contains("GET") == true)
            let (bib, bibResponse) = try await get(base + "/v1/citations?format=bibtex&limit=3")
            #expect(bibResponse.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("application/x-bibtex") == true)
            #expect(String(decoding: bib, as: UTF8.self).hasPrefix("@"))
            let (_, zip) = try await get(base + "/v1/export?format=csv")
            #expect(zip.value(forHTTPHeaderField: "Content-Type") == "application/zip")
        }
    }
}

/// Starts the real server with the real app on a free port.
func withLiveAPI(_ body: (String) async throws -> Void) async throws {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.accessLog = false
    configuration.eventLoops = 2
    let app = APIClient.shared.app
    var logger = Logger(label: "live-test")
    logger.logLevel = .warning
    let server = HTTPServer(configuration: configuration, responder: app, logger: logger)
    try server.start()
    do {
        try await body("http://127.0.0.1:\(server.boundPort)")
    } catch {
        await server.shutdown(gracePeriod: .seconds(1))
        throw error
    }
    await server.shutdown(gracePeriod: .seconds(1))
}

func get(_ url: String, headers: [String: String] = [:]) async throws -> (Data, HTTPURLResponse) {
    var request = URLRequest(url: URL(string: url)!)
    // URLSession on Linux asks for gzip and inflates silently; ask for the
    // bytes as sent unless a test wants otherwise.
    request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    return (data, response as! HTTPURLResponse)
}
