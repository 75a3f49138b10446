import HTTPTypes

/// What a handler returns; `ResponseRenderer` turns it into bytes in the
/// negotiated format, with ETag, caching, compression and CORS applied in
/// one place.
public struct APIResult: Sendable {
    public enum Body: Sendable {
        /// A single JSON document (a record, the index, a TimelineJS document).
        case json(JSONValue)
        /// One page of a list: the `{data, meta}` envelope, `Link` header,
        /// `fields=` selection and CSV all derive from it.
        case list(ListPage)
        /// Bytes already in their final format (BibTeX, YAML, HTML, ZIP).
        case bytes([UInt8], contentType: String)
    }

    public var status: HTTPResponse.Status
    public var body: Body
    public var headers: HTTPFields
    /// False for answers that must never be stored (health, metrics, admin).
    public var cacheable: Bool

    public init(status: HTTPResponse.Status = .ok, body: Body, headers: HTTPFields = [:], cacheable: Bool = true) {
        self.status = status
        self.body = body
        self.headers = headers
        self.cacheable = cacheable
    }

    public static func json(_ value: JSONValue, cacheable: Bool = true) -> APIResult {
        APIResult(body: .json(value), cacheable: cacheable)
    }
}

/// One page of a list endpoint.
public struct ListPage: Sendable {
    public var rows: [JSONValue]
    public var total: Int
    public var page: Page
    /// Extra `meta` members such as facet counts.
    public var meta: [(String, JSONValue)]
    /// A full row of this list's kind, so `fields=` can be checked even when
    /// the page is empty.
    public var template: JSONValue?
    /// The CSV columns of the list's kind (the same on every page); nil
    /// means the columns of the rows at hand.
    public var columns: @Sendable () -> [String]?

    public init(
        rows: [JSONValue], total: Int, page: Page, meta: [(String, JSONValue)] = [], template: JSONValue? = nil,
        columns: @escaping @Sendable () -> [String]? = { nil }
    ) {
        self.rows = rows
        self.total = total
        self.page = page
        self.meta = meta
        self.template = template ?? rows.first
        self.columns = columns
    }

    /// Pages `all` (already filtered and sorted) and encodes only the page's
    /// rows; `kind` is every record of the kind in the model, which gives the
    /// `fields=` template when `all` is empty and the CSV columns.
    public static func paging<T: Encodable & Sendable>(
        _ all: [T], page: Page, meta: [(String, JSONValue)] = [], kind: [T], modelVersion: String
    ) throws(APIError) -> ListPage {
        do {
            let rows = try page.slice(all).map { try JSONValue.encode($0) }
            let example = try (all.first ?? kind.first).map { try JSONValue.encode($0) }
            return ListPage(
                rows: rows, total: all.count, page: page, meta: meta, template: example,
                columns: { CSVSchema.columns(of: kind, modelVersion: modelVersion) })
        } catch {
            throw .internalError
        }
    }
}

extension JSONValue {
    /// Encodes a record for a response; an encoding failure is our bug, a 500.
    static func record<T: Encodable>(_ value: T) throws(APIError) -> JSONValue {
        do { return try JSONValue.encode(value) } catch { throw .internalError }
    }
}
