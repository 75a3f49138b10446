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
    static let families = [
        "/v1/documents", "/v1/documents/burkitbayevna-2019", "/v1/documents/burkitbayevna-2019/passages",
        "/v1/passages/burkitbayevna-2019-p020",
    ]

    @Test func everyFamilyKeepsTheContract() async throws {
        try await withLiveAPI { base in
            for path in Self.families {
                let (data, response) = try await get(base + path, headers: ["Origin": "https://dash.example"])
                #expect(response.statusCode == 200, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Content-Type") == "application/json", "\(path)")
                #expect(response.value(forHTTPHeaderField: "ETag") != nil, "\(path)")
                #expect(response.value(forHTTPHeaderField: "X-Request-Id") != nil, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Date") != nil, "\(path)")
                #expect(response.value(forHTTPHeaderField: "Access-Control-Allow-Origin") == "*", "\(path)")
                #expect(Int(response.value(forHTTPHeaderField: "Content-Length") ?? "") == data.count, "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path)")

                let etag = response.value(forHTTPHeaderField: "ETag")!
                let (_, notModified) = try await get(base + path, headers: ["If-None-Match": etag])
                #expect(notModified.statusCode == 304, "\(path)")

                let (problem, bad) = try await get(base + path + "?no_such_filter=1")
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
            let (data, response) = try await get(base + "/v1/documents", headers: ["Accept": "text/csv"])
            #expect(response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/csv") == true)
            #expect(String(decoding: data, as: UTF8.self).hasPrefix("id,title,"))
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
