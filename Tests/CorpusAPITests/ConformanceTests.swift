import Foundation
import Testing

@testable import CorpusAPI

/// The contract every endpoint keeps: problem JSON for every error, unknown
/// parameters named, caching, compression, CORS, formats.
@Suite struct ConformanceTests {
    let api = APIClient.shared

    @Test func unknownParameterIsA400NamingItWithASuggestion() throws {
        let r = api.request("/v1/documents?limt=5")
        #expect(r.status == 400)
        let p = try #require(r.problem)
        #expect(p["parameter"] as? String == "limt")
        #expect(p["suggestion"] as? String == "limit")
        #expect((p["detail"] as? String)?.contains("did you mean `limit`?") == true)
        #expect(p["status"] as? Int == 400)
        #expect(p["instance"] as? String == "/v1/documents")
    }

    @Test func underscoreParametersAreIgnored() {
        #expect(api.request("/v1/documents?_=1700000000").status == 200)
    }

    @Test(arguments: ["limit=0", "limit=501", "limit=abc", "offset=-1", "offset=1.5", "limit=5&limit=6"])
    func badPagingIsA400NamingTheParameter(query: String) throws {
        let r = api.request("/v1/documents?\(query)")
        #expect(r.status == 400)
        let p = try #require(r.problem)
        let name = String(query.prefix(while: { $0 != "=" }))
        #expect(p["parameter"] as? String == name)
    }

    @Test func unknownPathIsA404Problem() throws {
        let r = api.request("/v1/nothing-here")
        #expect(r.status == 404)
        #expect(try #require(r.problem)["title"] as? String == "Not found")
    }

    @Test func wrongMethodIsA405WithAllow() throws {
        let r = api.request("/v1/documents", method: .delete)
        #expect(r.status == 405)
        #expect(r.header("Allow")?.contains("GET") == true)
        #expect(r.problem != nil)
    }

    @Test func unknownDocumentIsA404NamingTheID() throws {
        let r = api.request("/v1/documents/nope")
        #expect(r.status == 404)
        #expect(try #require(r.problem)["id"] as? String == "nope")
    }

    @Test func listEnvelopeAndLinkHeader() throws {
        let r = api.request("/v1/documents/burkitbayevna-2019/passages?limit=10&offset=10")
        #expect(r.status == 200)
        let body = try JSONSerialization.jsonObject(with: Data(r.body)) as! [String: Any]
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["limit"] as? Int == 10)
        #expect(meta["offset"] as? Int == 10)
        #expect((meta["total"] as? Int ?? 0) > 20)
        #expect(meta["model_version"] is String)
        #expect((body["data"] as? [Any])?.count == 10)
        let link = try #require(r.header("Link"))
        #expect(link.contains("limit=10&offset=20>; rel=\"next\""))
        #expect(link.contains("limit=10&offset=0>; rel=\"prev\""))
    }

    @Test func etagAndConditionalGet() throws {
        let first = api.request("/v1/documents")
        let etag = try #require(first.header("ETag"))
        #expect(etag.hasPrefix("\""))
        #expect(first.header("Cache-Control") == "public, max-age=300")
        let second = api.request("/v1/documents", headers: ["If-None-Match": etag])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.header("ETag") == etag)
        let other = api.request("/v1/documents", headers: ["If-None-Match": "\"something-else\""])
        #expect(other.status == 200)
    }

    @Test func gzipWhenAcceptedAndLarge() throws {
        let plain = api.request("/v1/documents")
        #expect(plain.header("Vary") == "Accept, Accept-Encoding")
        let zipped = api.request("/v1/documents", headers: ["Accept-Encoding": "gzip, deflate"])
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.body.count < plain.body.count)
        #expect(Gzip.decompress(zipped.body) == plain.body)
        #expect(zipped.header("ETag") != plain.header("ETag"))
        let refused = api.request("/v1/documents", headers: ["Accept-Encoding": "gzip;q=0, identity"])
        #expect(refused.header("Content-Encoding") == nil)
        let small = api.request("/healthz", headers: ["Accept-Encoding": "gzip"])
        #expect(small.header("Content-Encoding") == nil)
        // A 304 for the gzip variant's tag works too.
        let etag = try #require(zipped.header("ETag"))
        #expect(api.request("/v1/documents", headers: ["Accept-Encoding": "gzip", "If-None-Match": etag]).status == 304)
    }

    /// Browsers' and curl's spellings of Accept-Encoding, with and without
    /// q-values (two code paths decide them): gzip only where a client asked.
    @Test(arguments: [
        ("gzip", true), ("GZIP", true), ("gzip, deflate, br, zstd", true), ("deflate,  x-gzip\t", true),
        ("*", true), ("br, *", true), ("identity", false), ("deflate, br", false), ("gzipx, agzip", false),
        ("", false), ("gzip;q=0", false), ("gzip;q=0.5, br", true), ("br;q=1, *;q=0", false),
        ("*;q=0, gzip", true),
    ])
    func gzipFollowsAcceptEncoding(header: String, gzipped: Bool) {
        let response = api.request("/v1/documents", headers: ["Accept-Encoding": header])
        #expect((response.header("Content-Encoding") == "gzip") == gzipped, "Accept-Encoding: \(header)")
        #expect(response.status == 200)
    }

    @Test func corsSimpleAndPreflight() throws {
        let simple = api.request("/v1/documents", headers: ["Origin": "https://dash.example"])
        #expect(simple.header("Access-Control-Allow-Origin") == "*")
        #expect(simple.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
        #expect(simple.header("Access-Control-Expose-Headers")?.contains("X-Request-Id") == true)
        let preflight = api.request(
            "/v1/documents", method: .options,
            headers: ["Origin": "https://dash.example", "Access-Control-Request-Method": "GET"])
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Allow-Methods")?.contains("GET") == true)
        #expect(preflight.header("Access-Control-Max-Age") != nil)

        var config = APIConfiguration()
        config.corsAllowedOrigins = ["https://allowed.example"]
        let strict = APIClient(configuration: config)
        #expect(strict.request("/v1/documents", headers: ["Origin": "https://evil.example"]).header("Access-Control-Allow-Origin") == nil)
        #expect(
            strict.request("/v1/documents", headers: ["Origin": "https://allowed.example"]).header("Access-Control-Allow-Origin")
                == "https://allowed.example")
    }

    @Test func csvByFormatOrAccept() throws {
        let byFormat = api.request("/v1/documents?format=csv")
        #expect(byFormat.header("Content-Type")?.hasPrefix("text/csv") == true)
        let lines = byFormat.text.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("id,title,authors"))
        #expect(lines.count == 4)  // header, two documents, trailing empty
        let byAccept = api.request("/v1/documents", headers: ["Accept": "text/csv"])
        #expect(byAccept.body == byFormat.body)
        let bad = api.request("/v1/documents?format=xml")
        #expect(try #require(bad.problem)["parameter"] as? String == "format")
        #expect(api.request("/v1/documents", headers: ["Accept": "image/png"]).status == 406)
    }

    /// Accept with q-values, wildcards, odd spacing and case picks the
    /// representation a client ranks highest (JSON first on a tie).
    @Test(arguments: [
        ("text/csv", "text/csv"), ("TEXT/CSV", "text/csv"), ("application/json;q=0.5, text/csv", "text/csv"),
        ("text/csv;q=0.2,application/json;q=0.9", "application/json"), ("text/*", "text/csv"),
        (" text/csv ; Q=0.1 , */*;q=0.05", "text/csv"), ("*/*", "application/json"),
        ("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "application/json"),
        ("application/json, text/plain, */*", "application/json"), ("text/csv;q=abc, application/json;q=0.1", "application/json"),
    ])
    func acceptPicksTheRankedRepresentation(accept: String, contentType: String) {
        let response = api.request("/v1/documents", headers: ["Accept": accept])
        #expect(response.status == 200, "Accept: \(accept)")
        #expect(response.header("Content-Type")?.hasPrefix(contentType) == true, "Accept: \(accept)")
    }

    @Test func fieldsSelectsAndKeepsEveryKeyOnEveryRow() throws {
        let body = try api.json("/v1/documents?fields=id,year,venue.journal")
        let rows = try #require(body["data"] as? [[String: Any]])
        for row in rows { #expect(Set(row.keys) == ["id", "year", "venue.journal"]) }
        #expect(rows.contains { $0["year"] is NSNull })
        let bad = api.request("/v1/documents?fields=id,titel")
        #expect(try #require(bad.problem)["parameter"] as? String == "fields")
        #expect(bad.problem?["detail"] as? String == "parameter `fields`: no field `titel`; did you mean `title`?")
    }

    @Test func prettyIndents() {
        #expect(api.request("/v1/documents?pretty").text.hasPrefix("{\n  \"data\""))
        #expect(api.request("/v1/documents?pretty=maybe").status == 400)
    }

    @Test func everyListRowHasTheSameKeys() throws {
        for path in ["/v1/documents", "/v1/documents/pathak-post-cold-war/passages?limit=500"] {
            let rows = try #require(try api.json(path)["data"] as? [[String: Any]])
            let keys = Set(rows.first?.keys.map { $0 } ?? [])
            for row in rows { #expect(Set(row.keys) == keys, "\(path)") }
        }
    }
}
