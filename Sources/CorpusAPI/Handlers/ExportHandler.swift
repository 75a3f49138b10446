import Corpus

/// `/v1/export`: the whole model at one stable URL, as one JSON document or
/// a ZIP of CSV tables (one per record type), for notebooks and spreadsheets.
/// Built once per model version and cached like any other response.
enum ExportHandler {
    static func export(_ context: RequestContext) throws(APIError) -> APIResult {
        let model = context.model
        let tables = try ExportTables(model: model)
        if context.format == .zip {
            var zip = ZipArchive()
            for (name, rows) in tables.all {
                zip.add(name: "\(name).csv", bytes: CSVTable.render(rows: rows))
            }
            var headers = HTTPFieldsBuilder()
            headers.add("Content-Disposition", "attachment; filename=\"corpus-api-\(model.version).zip\"")
            return APIResult(body: .bytes(zip.finish(), contentType: Format.zip.contentType), headers: headers.fields)
        }
        let body: JSONValue = .object(
            [("model", ModelSummary.json(model, generation: context.services.store.generation))]
                + tables.all.map { ($0.name, .array($0.rows)) })
        return .json(body)
    }
}

/// Every record type as rows, the same rows the list endpoints serve.
struct ExportTables {
    var all: [(name: String, rows: [JSONValue])]

    init(model: CorpusModel) throws(APIError) {
        func rows<T: Encodable>(_ items: [T]) throws(APIError) -> [JSONValue] {
            try items.map { item throws(APIError) in try JSONValue.record(item) }
        }
        all = [
            ("documents", model.documents.map { DocumentView.summary($0, model: model) }),
            ("passages", model.documents.flatMap { d in d.passages.map { PassageView.json($0, document: d, sentences: false) } }),
            ("events", try rows(model.events)),
            ("indicators", try rows(model.observations)),
            ("measures", try rows(model.measures)),
            ("citations", try rows(model.references)),
            ("in_text_citations", try rows(model.inTextCitations)),
        ]
    }
}
