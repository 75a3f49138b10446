import Foundation
import Testing

import Corpus
@testable import CorpusAPI

@Suite struct HealthTests {
    let api = APIClient.shared

    @Test(arguments: ["/livez", "/healthz"]) func liveness(path: String) throws {
        let r = api.request(path)
        #expect(r.status == 200)
        #expect(r.header("Cache-Control") == "no-store")
        #expect(try api.json(path)["status"] as? String == "ok")
    }

    @Test func readinessShowsTheModel() throws {
        let body = try api.json("/readyz")
        #expect(body["status"] as? String == "ready")
        let model = try #require(body["model"] as? [String: Any])
        #expect(model["documents"] as? Int == 2)
        #expect((model["version"] as? String)?.count == 16)
    }

    /// An operator sees whether a start read the extraction cache or extracted.
    @Test func readinessAndMetricsShowTheExtractionCache() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readyz-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ExtractionCache(directory: directory)
        let cold = try #require(try APIClient(options: .init(cache: cache)).json("/readyz")["extraction"] as? [String: Any])
        #expect(cold["cache"] as? Bool == true)
        #expect(cold["misses"] as? Int == 2)
        #expect(cold["hits"] as? Int == 0)
        let warmClient = APIClient(options: .init(cache: cache))
        let warm = try #require(try warmClient.json("/readyz")["extraction"] as? [String: Any])
        #expect(warm["hits"] as? Int == 2)
        #expect(warm["extracted"] as? Int == 0)
        let text = warmClient.request("/metrics").text
        #expect(text.contains("corpus_extraction_documents{outcome=\"hit\"} 2"))
        #expect(text.contains("corpus_extraction_documents{outcome=\"miss\"} 0"))
        #expect(text.contains("corpus_extraction_seconds"))
        let uncached = try #require(try api.json("/readyz")["extraction"] as? [String: Any])
        #expect(uncached["cache"] as? Bool == false)
        #expect(uncached["extracted"] as? Int == 2)
    }

    @Test func metricsCountRequestsByRouteAndStatus() {
        let client = APIClient()
        _ = client.request("/v1/documents")
        _ = client.request("/v1/documents/nope")
        let text = client.request("/metrics").text
        #expect(text.contains("http_requests_total{method=\"GET\",route=\"/v1/documents\",status=\"200\"} 1"))
        #expect(text.contains("http_requests_total{method=\"GET\",route=\"/v1/documents/{id}\",status=\"404\"} 1"))
        #expect(text.contains("http_request_duration_seconds_bucket"))
        #expect(text.contains("corpus_model_documents 2"))
    }

    @Test func indexListsEndpointsForPrograms() throws {
        let body = try api.json("/", headers: ["Accept": "application/json"])
        let endpoints = try #require(body["endpoints"] as? [[String: Any]])
        #expect(endpoints.contains { $0["path"] as? String == "/v1/documents" })
    }

    @Test func adminReloadIsOffWithoutAToken() {
        #expect(api.request("/admin/reload", method: .post).status == 404)
    }

    @Test func adminReloadNeedsTheToken() throws {
        var config = APIConfiguration()
        config.adminToken = "a-long-enough-secret-token"
        let client = APIClient(configuration: config)
        #expect(client.request("/admin/reload", method: .post).status == 401)
        #expect(client.request("/admin/reload", method: .post, headers: ["Authorization": "Bearer wrong"]).status == 401)
        let ok = client.request(
            "/admin/reload", method: .post, headers: ["Authorization": "Bearer a-long-enough-secret-token"])
        #expect(ok.status == 200)
        #expect(!ok.text.contains("a-long-enough-secret-token"))
    }
}
