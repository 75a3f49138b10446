import Corpus
import Foundation

/// References (`/v1/citations`), their exports, and in-text citations.
enum CitationHandlers {
    static let filterParameters: Set<String> = ["author", "year", "document", "type", "q", "cited", "sort"]
    static let exportFormats: [Format] = [.json, .csv, .cslJSON, .bibtex, .ris, .apa]

    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        var warnings: [String] = []
        let document = try DocumentFilter.parse(context.query, model: context.model, warnings: &warnings)
        let references = try filtered(context, document: document, warnings: &warnings)
        return try respond(references, context: context, warnings: warnings)
    }

    /// `/v1/documents/{id}/references`: one document's list, in its own order.
    static func forDocument(_ context: RequestContext) throws(APIError) -> APIResult {
        let document = try DocumentHandlers.find(context)
        var warnings: [String] = []
        let references = try filtered(context, document: document.id, warnings: &warnings)
        return try respond(references, context: context, warnings: warnings)
    }

    static func detail(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("id")
        let model = context.model
        guard let reference = model.references.first(where: { $0.id == id }) else {
            throw .notFound(resource: "citation", id: id)
        }
        if let bytes = export([reference], format: context.format) {
            return APIResult(body: .bytes(bytes, contentType: context.format.contentType))
        }
        let citing = model.inTextCitations.filter { $0.referenceIDs.contains(id) }
        let citationIDs = Set(citing.map(\.id))
        let events = model.events.filter { !citationIDs.isDisjoint(with: $0.citations) }
        let indicators = model.observations.filter { !citationIDs.isDisjoint(with: $0.citations) }
        guard case .object(var pairs) = try JSONValue.record(reference) else { throw .internalError }
        pairs.append(("cited_in", .array(try citing.map { c throws(APIError) in try JSONValue.record(c) })))
        pairs.append(("events", .array(events.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })))
        pairs.append(("indicators", .array(indicators.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })))
        return .json(.object(pairs))
    }

    static func inText(_ context: RequestContext) throws(APIError) -> APIResult {
        var warnings: [String] = []
        let document = try DocumentFilter.parse(context.query, model: context.model, warnings: &warnings)
        let resolved = try context.query.bool("resolved")
        let citations = context.model.inTextCitations.filter {
            (document == nil || $0.document == document) && (resolved == nil || $0.resolved == resolved)
        }
        let resolvedCount = citations.filter(\.resolved).count
        let meta: [(String, JSONValue)] = [
            ("resolved", .int(resolvedCount)), ("unresolved", .int(citations.count - resolvedCount)),
        ] + warnings.asMeta
        return APIResult(body: .list(try .paging(citations, page: try context.page(), meta: meta, kind: context.model.inTextCitations, modelVersion: context.model.version)))
    }

    private static func respond(_ references: [Reference], context: RequestContext, warnings: [String]) throws(APIError) -> APIResult {
        var page = try context.page()
        if isExport(context.format) {
            // Exports have their own fixed fields, but a misspelt `fields`
            // is still an error rather than silently ignored.
            if context.query.contains("fields") {
                let template = try context.model.references.first.map { r throws(APIError) in try JSONValue.record(r) }
                _ = try ResponseRenderer.select(
                    fields: context.query.all("fields"), hasParameter: true, rows: [], template: template)
            }
            // A bibliography is the whole filtered list unless the client
            // pages it; a paged export says so with `Link` like any list.
            let paged = context.query.contains("limit") || context.query.contains("offset")
            if !paged { page = Page(limit: max(references.count, 1), offset: 0) }
            let bytes = export(Array(page.slice(references)), format: context.format) ?? []
            var headers = HTTPFieldsBuilder()
            headers.add("X-Total-Count", String(references.count))
            if paged,
                let link = ResponseRenderer.linkHeader(
                    request: context.request, list: ListPage(rows: [], total: references.count, page: page))
            {
                headers.add("Link", link)
            }
            return APIResult(body: .bytes(bytes, contentType: context.format.contentType), headers: headers.fields)
        }
        return APIResult(body: .list(try .paging(references, page: page, meta: warnings.asMeta, kind: context.model.references, modelVersion: context.model.version)))
    }

    static func isExport(_ format: Format) -> Bool {
        [Format.cslJSON.name, Format.bibtex.name, Format.ris.name, Format.apa.name].contains(format.name)
    }

    /// The bytes of an export format, or nil for JSON and CSV (rendered as a list).
    static func export(_ references: [Reference], format: Format) -> [UInt8]? {
        switch format.name {
        case Format.cslJSON.name: Array(CSLJSONExport.string(references).utf8)
        case Format.bibtex.name: Array(BibTeXExport.string(references).utf8)
        case Format.ris.name: Array(RISExport.string(references).utf8)
        case Format.apa.name: Array(APABibliography.string(references).utf8)
        default: nil
        }
    }

    static func filtered(_ context: RequestContext, document: String?, warnings: inout [String]) throws(APIError) -> [Reference] {
        let query = context.query
        let author = try query.text("author").map { TextMatch($0) }
        let year = try query.single("year").map { raw throws(APIError) -> Int in
            guard let y = Int(raw), (1000...2999).contains(y) else {
                throw .invalidParameter(name: "year", value: raw, reason: "must be a four-digit year")
            }
            return y
        }
        let type = try query.single("type")
        if let type, type.isEmpty || type.count > 40 || !type.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" || $0 == "_" }) {
            throw .invalidParameter(name: "type", value: type, reason: "must be a CSL item type such as article-journal or book")
        }
        if let year, !context.model.references.contains(where: { $0.year == year }) {
            let years = context.model.references.compactMap(\.year)
            let span = years.min().map { " (the corpus's references are dated \($0) to \(years.max()!))" } ?? ""
            warnings.append("no reference is dated \(year)\(span)")
        }
        // A well-formed type that no reference has matches nothing; say so
        // and name the types there are, as for an unknown document or measure.
        if let type, !context.model.references.contains(where: { $0.type == type }) {
            let known = Set(context.model.references.map(\.type))
            let hint = Suggestion.closest(to: type, in: known).map { "; did you mean `\($0)`?" } ?? ""
            let listed = known.sorted().map { "`\($0)`" }.joined(separator: ", ")
            warnings.append("no reference has the type `\(type)` (the corpus has \(listed))\(hint)")
        }
        let text = try query.text("q").map { TextMatch($0) }
        let cited = try query.bool("cited")
        let sort = try query.choice("sort", from: ["document", "author", "year", "-year", "cited", "-cited"]) ?? "document"
        var result = context.model.references.filter { r in
            (document == nil || r.document == document)
                && (author == nil || r.author.contains { author!.matches($0.display) })
                && (year == nil || r.year == year)
                && (type == nil || r.type == type)
                && (cited == nil || (r.citedCount > 0) == cited)
                && (text == nil || text!.matches(r.searchText))
        }
        switch sort {
        case "author": result.sort { (($0.author.first?.display ?? $0.raw).lowercased(), $0.id) < (($1.author.first?.display ?? $1.raw).lowercased(), $1.id) }
        case "year": result.sort { ($0.year ?? 9999, $0.id) < ($1.year ?? 9999, $1.id) }
        case "-year": result.sort { ($0.year ?? 0, $0.id) > ($1.year ?? 0, $1.id) }
        case "cited": result.sort { ($0.citedCount, $0.id) < ($1.citedCount, $1.id) }
        case "-cited": result.sort { ($0.citedCount, $1.id) > ($1.citedCount, $0.id) }
        default: break
        }
        return result
    }
}
