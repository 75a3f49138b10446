import Foundation
import Corpus

/// Renders the OpenAPI document as one static HTML page: every operation with
/// its summary, parameters and responses, and a curl line to copy.
enum DocsPage {
    static func render(openAPI: [UInt8]) -> String {
        guard let spec = try? JSONSerialization.jsonObject(with: Data(openAPI)) as? [String: Any],
            let paths = spec["paths"] as? [String: Any]
        else {
            return "<!doctype html><title>corpus-api</title><p>The API description is missing from this build.</p>"
        }
        let info = spec["info"] as? [String: Any] ?? [:]
        let components = (spec["components"] as? [String: Any])?["parameters"] as? [String: Any] ?? [:]
        var html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscaping.escape(info["title"] as? String ?? "corpus-api")) — API reference</title>
            <link rel="stylesheet" href="/assets/docs.css"><link rel="icon" href="data:,">
            </head><body>
            <h1>\(HTMLEscaping.escape(info["title"] as? String ?? "corpus-api"))</h1>
            <p>\(prose(info["description"] as? String ?? ""))</p>
            <p>Machine-readable: <a href="/openapi.json">openapi.json</a> · <a href="/openapi.yaml">openapi.yaml</a> · <a href="/">dashboard</a></p>

            """
        for path in paths.keys.sorted() {
            guard let operations = paths[path] as? [String: Any] else { continue }
            for method in ["get", "post", "head", "options"] {
                guard let op = operations[method] as? [String: Any] else { continue }
                html += "<div class=\"op\"><h2><span class=\"m\">\(method.uppercased())</span> <code>\(HTMLEscaping.escape(path))</code></h2>"
                html += "<p>\(prose(op["summary"] as? String ?? ""))</p>"
                if let d = op["description"] as? String { html += "<p>\(prose(d))</p>" }
                let parameters = (op["parameters"] as? [Any] ?? []).compactMap { p -> [String: Any]? in
                    if let ref = (p as? [String: Any])?["$ref"] as? String {
                        return components[String(ref.split(separator: "/").last ?? "")] as? [String: Any]
                    }
                    return p as? [String: Any]
                }
                if !parameters.isEmpty {
                    html += "<table><tr><th>parameter</th><th>in</th><th>description</th></tr>"
                    for p in parameters {
                        html += "<tr><td><code>\(HTMLEscaping.escape(p["name"] as? String ?? ""))</code></td><td>\(HTMLEscaping.escape(p["in"] as? String ?? ""))</td><td>\(prose(p["description"] as? String ?? ""))</td></tr>"
                    }
                    html += "</table>"
                }
                let responses = (op["responses"] as? [String: Any] ?? [:]).keys.sorted().joined(separator: ", ")
                html += "<p>Responses: \(HTMLEscaping.escape(responses))</p>"
                html += "<pre>curl -s 'http://localhost:8080\(HTMLEscaping.escape(path))'</pre></div>\n"
            }
        }
        return html + "</body></html>\n"
    }

    /// The spec's descriptions are CommonMark: escaped for HTML, with the
    /// one markup they use, `code spans`, shown as code rather than literal
    /// backticks. An unpaired backtick stays as it is.
    static func prose(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        var html = ""
        for (i, part) in parts.enumerated() {
            let escaped = HTMLEscaping.escape(String(part))
            if i % 2 == 1 && i < parts.count - 1 {
                html += "<code>\(escaped)</code>"
            } else if i % 2 == 1 {
                html += "`" + escaped  // the last, unpaired backtick
            } else {
                html += escaped
            }
        }
        return html
    }
}
