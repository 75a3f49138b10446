import Corpus
import HTTPServer
import HTTPTypes

/// Turns a handler's `APIResult` into final bytes: the list envelope and
/// `Link` header, `fields=` selection, JSON or CSV, `pretty`, and the
/// Content-Security-Policy of an HTML page.
enum ResponseRenderer {
    struct Rendered {
        var contentType: String
        var body: [UInt8]
        var headers: HTTPFields = [:]
    }

    /// Pages (the dashboard, `/docs`) may load scripts, styles, images and
    /// API answers from this service only: no inline script or style, so an
    /// injected `<script>` or `style=` in data we render cannot run.
    /// `data:` images are allowed for the dashboard's empty favicon
    /// (`<link rel="icon" href="data:,">`, which stops the browser asking
    /// for `/favicon.ico`). `frame-ancestors 'none'` keeps the pages out of
    /// other sites' frames; `base-uri 'none'` stops a `<base>` redirecting
    /// our relative script URLs.
    static let pagePolicy =
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func render(
        _ result: APIResult, format: Format, query: QueryParameters, request: ServerRequest, model: CorpusModel
    ) throws(APIError) -> Rendered {
        let pretty = try query.bool("pretty") ?? false
        switch result.body {
        case .bytes(let bytes, let contentType):
            var headers: HTTPFields = [:]
            if contentType.hasPrefix("text/html") { headers[.contentSecurityPolicy] = pagePolicy }
            return Rendered(contentType: contentType, body: bytes, headers: headers)
        case .json(let value):
            if format == .csv {
                return Rendered(contentType: format.contentType, body: CSVTable.render(rows: [value]))
            }
            return Rendered(contentType: format.contentType, body: value.serialized(pretty: pretty))
        case .list(let list):
            let rows = try select(
                fields: query.all("fields"), hasParameter: query.contains("fields"), rows: list.rows,
                template: list.template)
            var headers: HTTPFields = [:]
            if let link = linkHeader(request: request, list: list) { headers[.link] = link }
            if format == .csv {
                headers[.totalCount] = String(list.total)
                // The list's own columns unless `fields=` chose them.
                let columns = query.contains("fields") ? nil : list.columns()
                return Rendered(
                    contentType: format.contentType, body: CSVTable.render(rows: rows, columns: columns), headers: headers)
            }
            let meta: JSONValue = .object(
                [
                    ("total", .int(list.total)), ("limit", .int(list.page.limit)), ("offset", .int(list.page.offset)),
                    ("model_version", .string(model.version)),
                ] + list.meta)
            let envelope: JSONValue = .object([("data", .array(rows)), ("meta", meta)])
            return Rendered(contentType: format.contentType, body: envelope.serialized(pretty: pretty), headers: headers)
        }
    }

    /// `fields=id,title,date.start`: keeps those keys, in that order, on every
    /// row (null where a row lacks one). A name whose top-level field no row
    /// has is a 400.
    static func select(
        fields: [String], hasParameter: Bool, rows: [JSONValue], template: JSONValue? = nil
    ) throws(APIError) -> [JSONValue] {
        if !hasParameter { return rows }
        if fields.isEmpty {
            throw .invalidParameter(name: "fields", value: "", reason: "list at least one field, comma separated")
        }
        let samples = rows + (template.map { [$0] } ?? [])
        let known = Set(samples.flatMap { flattenedKeys($0) })
        // A dotted name is known when its top-level field is: `venue.journal`
        // on a page whose only row has `venue: null` gives null, not a 400.
        let topLevel = Set(samples.flatMap(\.objectKeys))
        if !samples.isEmpty {
            for field in fields where !known.contains(field) && !topLevel.contains(String(field.prefix { $0 != "." })) {
                let hint = Suggestion.closest(to: field, in: known).map { "; did you mean `\($0)`?" } ?? ""
                throw .invalidParameter(name: "fields", value: field, reason: "no field `\(field)`\(hint)")
            }
        }
        return rows.map { row in .object(fields.map { ($0, lookup(row, path: $0)) }) }
    }

    static func flattenedKeys(_ row: JSONValue, prefix: String = "") -> [String] {
        guard case .object(let pairs) = row else { return [] }
        return pairs.flatMap { key, value -> [String] in
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            return [name] + flattenedKeys(value, prefix: name)
        }
    }

    static func lookup(_ row: JSONValue, path: String) -> JSONValue {
        var value = row
        for part in path.split(separator: ".") {
            guard let next = value[String(part)] else { return .null }
            value = next
        }
        return value
    }

    /// RFC 8288 `next`/`prev` links, keeping every other query parameter
    /// except cache busters: the answer is cached without them in its key, so
    /// its links must not carry one request's `_=...` to the next.
    static func linkHeader(request: ServerRequest, list: ListPage) -> String? {
        var links: [String] = []
        let page = list.page
        if page.offset + page.limit < list.total {
            links.append("<\(url(request, offset: page.offset + page.limit, limit: page.limit))>; rel=\"next\"")
        }
        if page.offset > 0 {
            // Past the end, `prev` is the last page that has rows, not
            // another empty one.
            let previous = page.offset >= list.total
                ? max(0, (list.total - 1) / page.limit * page.limit) : max(0, page.offset - page.limit)
            links.append("<\(url(request, offset: previous, limit: page.limit))>; rel=\"prev\"")
        }
        return links.isEmpty ? nil : links.joined(separator: ", ")
    }

    static func url(_ request: ServerRequest, offset: Int, limit: Int) -> String {
        var items = request.query.filter {
            $0.name != "offset" && $0.name != "limit" && !QueryParameters.isIgnored($0.name)
        }
        items.append(QueryItem(name: "limit", value: String(limit)))
        items.append(QueryItem(name: "offset", value: String(offset)))
        return request.path + "?" + items.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }.joined(separator: "&")
    }

    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
