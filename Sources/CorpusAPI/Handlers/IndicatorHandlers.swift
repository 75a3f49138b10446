import Corpus

/// `/v1/indicators`, `/v1/indicators/{id}`, `/v1/measures` and a measure's series.
enum IndicatorHandlers {
    static let filterParameters: Set<String> = ["measure", "category", "from", "to", "document", "qualifier", "q", "sort"]

    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        let (observations, warnings) = try filtered(context)
        let page = try context.page()
        let facets = Facets.counts(observations.map(\.measure), all: [])
        let meta: [(String, JSONValue)] = [("facets", .object([("measure", facets)]))] + warnings.asMeta
        return APIResult(body: .list(try .paging(observations, page: page, meta: meta, template: context.model.observations.first)))
    }

    static func detail(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("id")
        guard let observation = context.model.observations.first(where: { $0.id == id }) else {
            throw .notFound(resource: "indicator", id: id)
        }
        return .json(try .record(observation))
    }

    static func measures(_ context: RequestContext) throws(APIError) -> APIResult {
        let query = context.query
        let category = try query.choice("category", from: IndicatorCategory.allCases.map(\.rawValue))
        let measures = context.model.measures.filter { category == nil || $0.category.rawValue == category }
        return APIResult(body: .list(try .paging(measures, page: try context.page(), template: context.model.measures.first)))
    }

    /// The observations of one measure ordered by period, ready for a chart:
    /// Grafana's JSON and CSV sources read `points` (or the CSV rows) as is.
    static func series(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("measure")
        guard let measure = context.model.measures.first(where: { $0.id == id }) else {
            throw .notFound(resource: "measure", id: id)
        }
        let points = Measure.series(measure: id, observations: context.model.observations)
        let rows = try points.map { p throws(APIError) in try JSONValue.record(p) }
        if context.format == .csv {
            return APIResult(body: .bytes(CSVTable.render(rows: rows), contentType: Format.csv.contentType))
        }
        return .json(.object([("measure", try .record(measure)), ("points", .array(rows))]))
    }

    static func filtered(_ context: RequestContext) throws(APIError) -> (observations: [Observation], warnings: [String]) {
        let query = context.query
        let model = context.model
        let known = Set(model.measures.map(\.id))
        var warnings: [String] = []
        for item in query.items where item.name == "measure" {
            for part in item.value.split(separator: ",", omittingEmptySubsequences: false) {
                try IdentifierSyntax.check(String(part), parameter: "measure")
            }
        }
        let measures = Set(query.all("measure"))
        for m in measures.sorted() where !known.contains(m) {
            try IdentifierSyntax.check(m, parameter: "measure")
            let hint = Suggestion.closest(to: m, in: known).map { "; did you mean `\($0)`?" } ?? ""
            warnings.append("no measure `\(m)` (see /v1/measures)\(hint)")
        }
        let categories = Set(try query.choices("category", from: IndicatorCategory.allCases.map(\.rawValue)))
        let qualifier = try query.choice("qualifier", from: Qualifier.allCases.map(\.rawValue))
        let window = try DateWindow(query)
        let document = try DocumentFilter.parse(query, model: model, warnings: &warnings)
        let text = try query.text("q").map { TextMatch($0) }
        let sort = try query.choice("sort", from: ["period", "-period", "value", "-value", "measure"]) ?? "period"

        var result = model.observations.filter { o in
            (measures.isEmpty || measures.contains(o.measure))
                && (categories.isEmpty || categories.contains(o.category.rawValue))
                && (qualifier == nil || o.qualifier.rawValue == qualifier)
                && window.overlaps(start: o.periodStart.flatMap { PartialDate($0) }, end: o.periodEnd.flatMap { PartialDate($0) })
                && (document == nil || o.sources.contains { $0.document == document })
                && (text == nil || text!.matches(o.searchText))
        }
        let byPeriod: (Observation, Observation) -> Bool = { a, b in
            (a.periodStart ?? "9999", a.id) < (b.periodStart ?? "9999", b.id)
        }
        switch sort {
        case "-period": result.sort { byPeriod($1, $0) }
        case "value": result.sort { ($0.value, $0.id) < ($1.value, $1.id) }
        case "-value": result.sort { ($0.value, $0.id) > ($1.value, $1.id) }
        case "measure": result.sort { ($0.measure, $0.periodStart ?? "", $0.id) < ($1.measure, $1.periodStart ?? "", $1.id) }
        default: result.sort(by: byPeriod)
        }
        return (result, warnings)
    }
}
