import Corpus

/// Documents, their sections and passages.
enum DocumentHandlers {
    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        let page = try context.page()
        let model = context.model
        let rows = model.documents.map { DocumentView.summary($0, model: model) }
        return APIResult(
            body: .list(
                ListPage(
                    rows: Array(page.slice(rows)), total: rows.count, page: page, template: rows.first,
                    columns: { CSVTable.columns(of: rows) })))
    }

    static func detail(_ context: RequestContext) throws(APIError) -> APIResult {
        let document = try find(context)
        return .json(DocumentView.detail(document, model: context.model))
    }

    static func passages(_ context: RequestContext) throws(APIError) -> APIResult {
        let document = try find(context)
        let page = try context.page()
        var passages = document.passages
        var warnings: [String] = []
        if let section = try context.query.single("section") {
            try IdentifierSyntax.check(section, parameter: "section")
            if !document.sections.contains(where: { $0.id == section }) {
                warnings.append("no section `\(section)` in \(document.id); see /v1/documents/\(document.id)")
            }
            passages = passages.filter { $0.sectionID == section }
        }
        let rows = page.slice(passages).map { PassageView.json($0, document: document, sentences: false) }
        let template = document.passages.first.map { PassageView.json($0, document: document, sentences: false) }
        return APIResult(
            body: .list(ListPage(rows: Array(rows), total: passages.count, page: page, meta: warnings.asMeta, template: template)))
    }

    static func passage(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("id")
        guard let (document, passage) = context.model.passage(id: id) else {
            throw .notFound(resource: "passage", id: id)
        }
        return .json(PassageView.json(passage, document: document, sentences: true))
    }

    static func find(_ context: RequestContext) throws(APIError) -> Document {
        let id = context.pathParameter("id")
        guard let document = context.model.document(id: id) else { throw .notFound(resource: "document", id: id) }
        return document
    }
}

enum DocumentView {
    static func metadata(_ d: Document) -> [(String, JSONValue)] {
        let m = d.metadata
        let venue: JSONValue =
            m.venue.map { v in
                .object([
                    ("journal", JSONValue(v.journal)), ("volume", JSONValue(v.volume)),
                    ("issue", JSONValue(v.issue)), ("pages", JSONValue(v.pages)),
                ])
            } ?? .null
        return [
            ("id", .string(m.id)),
            ("title", .string(m.title)),
            ("authors", .array(m.authors.map { a in
                .object([("family", .string(a.family)), ("given", JSONValue(a.given)), ("affiliation", JSONValue(a.affiliation))])
            })),
            ("year", JSONValue(m.year)),
            ("venue", venue),
            ("publisher", JSONValue(m.publisher)),
            ("doi", JSONValue(m.doi)),
            ("issn", JSONValue(m.issn)),
            ("url", JSONValue(m.url)),
            ("licence", JSONValue(m.licence)),
            ("language", JSONValue(m.language)),
            ("note", JSONValue(m.note)),
            ("text_file", .string(m.text)),
            ("characters", .int(d.raw.count)),
        ]
    }

    static func counts(_ d: Document, model: CorpusModel) -> JSONValue {
        func count(_ records: [some SearchableRecord]) -> Int {
            records.reduce(0) { $0 + ($1.sources.contains { $0.document == d.id } ? 1 : 0) }
        }
        return .object([
            ("sections", .int(d.sections.count)),
            ("passages", .int(d.passages.count)),
            ("events", .int(count(model.events))),
            ("indicators", .int(count(model.observations))),
            ("references", .int(model.references.filter { $0.document == d.id }.count)),
            ("in_text_citations", .int(model.inTextCitations.filter { $0.document == d.id }.count)),
        ])
    }

    static func summary(_ d: Document, model: CorpusModel) -> JSONValue {
        .object(metadata(d) + [("counts", counts(d, model: model))])
    }

    static func detail(_ d: Document, model: CorpusModel) -> JSONValue {
        let sections: [JSONValue] = d.sections.map { s in
            .object([
                ("id", .string(s.id)), ("title", .string(s.title)), ("level", .int(s.level)),
                ("passages", .int(s.passageIDs.count)),
                ("first_passage", JSONValue(s.passageIDs.first)),
            ])
        }
        return .object(metadata(d) + [("counts", counts(d, model: model)), ("sections", .array(sections))])
    }
}

enum PassageView {
    static func json(_ p: Passage, document: Document, sentences: Bool) -> JSONValue {
        let section = document.sections.first { $0.id == p.sectionID }
        var pairs: [(String, JSONValue)] = [
            ("id", .string(p.id)),
            ("document", .string(document.id)),
            ("section", .string(p.sectionID)),
            ("section_title", JSONValue(section?.title)),
            ("index", .int(p.index)),
            ("start", .int(p.rawStart)),
            ("end", .int(p.rawEnd)),
            ("text", .string(p.text)),
            ("sentence_count", .int(p.sentences.count)),
        ]
        if sentences {
            pairs.append(
                ("sentences", .array(p.sentences.map { s in
                    .object([
                        ("index", .int(s.index)), ("start", .int(s.rawStart)), ("end", .int(s.rawEnd)),
                        ("text", .string(s.text)), ("quote", .string(document.raw.slice(s.rawStart..<s.rawEnd))),
                    ])
                })))
        }
        return .object(pairs)
    }
}
