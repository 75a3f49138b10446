import Corpus
import Foundation

/// `/v1/search`: ranked full-text search over passages and every record type.
enum SearchHandlers {
    static let maxQueryLength = 500

    static func search(_ context: RequestContext) throws(APIError) -> APIResult {
        let query = context.query
        guard let q = try query.single("q"), !q.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw .invalidParameter(name: "q", value: "", reason: "give the words to search for, e.g. q=gas+pipeline")
        }
        // Scalars, as the spec's maxLength counts them.
        guard q.unicodeScalars.count <= maxQueryLength else {
            throw .invalidParameter(name: "q", value: String(q.prefix(40)) + "…", reason: "at most \(maxQueryLength) characters")
        }
        let types = try query.choices("type", from: SearchHitType.allCases.map(\.rawValue))
        let page = try context.page()
        let wanted = types.isEmpty ? nil : Set(types.compactMap(SearchHitType.init(rawValue:)))
        let (total, hits) = context.model.search.search(q, types: wanted, limit: page.limit, offset: page.offset)
        let rows = try hits.map { hit throws(APIError) in try JSONValue.record(hit) }
        // Every field a hit can have, provenance included, whatever this page holds.
        let template = try JSONValue.record(
            SearchHit(
                type: .passage, id: "", score: 0, snippet: "",
                provenance: Provenance(document: "", passage: "", start: 0, end: 0, quote: "", text: "")))
        return APIResult(
            body: .list(
                ListPage(
                    rows: rows, total: total, page: page, meta: [("query", .string(q))], template: template,
                    columns: { CSVTable.columns(of: [template]) })))
    }
}
