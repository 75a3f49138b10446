import Corpus
import CorpusAPI
import Foundation
import HTTPServer
import HTTPTypes

/// Drives the API in process: a request value in, a response value out.
struct APIClient {
    let app: CorpusAPIApplication

    static let shared = APIClient()

    init(
        configuration: APIConfiguration = APIConfiguration(), directory: URL = CorpusLoader.defaultCorpusDirectory,
        options: CorpusLoader.Options = .init()
    ) {
        // Each client its own descriptor budget for cached bodies: the
        // process-wide one is shared with the server tests, which need some.
        var configuration = configuration
        if configuration.bodyFileBudget === ResponseBodyFile.shared {
            configuration.bodyFileBudget = ResponseBodyFile.Budget(limit: 32)
        }
        let store = try! ModelStore(directory: directory, options: options)
        app = CorpusAPIApplication(
            services: APIServices(store: store, configuration: configuration, metrics: APIMetrics()))
    }

    func request(
        _ target: String, method: HTTPRequest.Method = .get, headers: [String: String] = [:]
    ) -> ServerResponse {
        let (path, query) = Self.split(target)
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        let head = HTTPRequest(method: method, scheme: nil, authority: "localhost", path: target, headerFields: fields)
        return app.respond(to: ServerRequest(head: head, path: path, query: query))
    }

    func json(_ target: String, headers: [String: String] = [:]) throws -> [String: Any] {
        let response = request(target, headers: headers)
        return try JSONSerialization.jsonObject(with: Data(response.body)) as! [String: Any]
    }

    /// Splits and percent-decodes a target the way the server does.
    static func split(_ target: String) -> (String, [QueryItem]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        guard parts.count > 1 else { return (path, []) }
        let items = parts[1].split(separator: "&").map { pair -> QueryItem in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return QueryItem(name: decode(kv[0]), value: kv.count > 1 ? decode(kv[1]) : "")
        }
        return (path, items)
    }
}

extension ServerResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { head.headerFields[HTTPField.Name(name)!] }
    var status: Int { Int(head.status.code) }
    var problem: [String: Any]? {
        guard header("Content-Type") == "application/problem+json" else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    }
}
