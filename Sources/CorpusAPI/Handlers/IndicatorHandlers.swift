import Corpus

/// `/v1/indicators`, `/v1/indicators/{id}`, `/v1/measures` and a measure's series.
enum IndicatorHandlers {
    static let filterParameters: Set<String> = ["measure", "category", "from", "to", "document", "qualifier", "q", "sort"]

    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        let (observations, warnings) = try filtered(context)
        let page = try context.page()
        let facets = Facets.counts(observations.map(\.measure), all: [])
        let meta: [(String, JSONValue)] = [("facets", .object([("measure", facets)]))] + warnings.asMeta
        return APIResult(body: .list(try .paging(observations, page: page, meta: meta, kind: context.model.observations, modelVersion: context.model.version)))
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
        return APIResult(body: .list(try .paging(measures, page: try context.page(), kind: context.model.measures, modelVersion: context.model.version)))
    }

    /// The observations of one measure ordered by period, ready for a chart:
    /// Grafana's JSON and CSV sources read `points` (or the CSV rows) as is.
    static func series(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("measure")
        guard let measure = context.model.measures.first(where: { $0.id == id }) else {
            throw .notFound(resource: "measure", id: id)
        }
        let observations = context.model.observations.filter { $0.measure == id }
        let byID = Dictionary(observations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let points = Measure.series(measure: id, observations: observations).compactMap { p -> SeriesRow? in
            guard let o = byID[p.observation], let period = o.periodValue else { return nil }
            return SeriesRow(p, period: period, unit: o.unit)
        }
        let rows = try points.map { p throws(APIError) in try JSONValue.record(p) }
        if context.format == .csv {
            return APIResult(body: .bytes(CSVTable.render(rows: rows, columns: SeriesRow.csvColumns), contentType: Format.csv.contentType))
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
        let window = try DateWindow(query, warnings: &warnings)
        let document = try DocumentFilter.parse(query, model: model, warnings: &warnings)
        let text = try query.text("q").map { TextMatch($0) }
        let sort = try query.choice("sort", from: ["period", "-period", "value", "-value", "measure"]) ?? "period"

        // `qualifier=target` also finds observations flagged `is_target` whose
        // wording gave another qualifier ("a goal of at least …").
        var result = model.observations.filter { o in
            (measures.isEmpty || measures.contains(o.measure))
                && (categories.isEmpty || categories.contains(o.category.rawValue))
                && (qualifier == nil || o.qualifier.rawValue == qualifier || (qualifier == Qualifier.target.rawValue && o.isTarget))
                && window.overlaps(
                    start: o.periodStart.flatMap { PartialDate($0) }, end: o.periodEnd.flatMap { PartialDate($0) },
                    openEnded: o.periodValue?.openEnded == true)
                && (document == nil || o.sources.contains { $0.document == document })
                && (text == nil || text!.matches(o.searchText))
        }
        // Undated rows go last whichever way the periods run.
        let byPeriod: (Observation, Observation, Bool) -> Bool = { a, b, descending in
            switch (a.periodStart, b.periodStart) {
            case (nil, nil): return a.id < b.id
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x != y { return descending ? x > y : x < y }
                return descending ? a.id > b.id : a.id < b.id
            }
        }
        // Values are compared within a unit only: 5 % and 5 USD billion are
        // not neighbours, so rows are grouped by unit, then ordered by value.
        switch sort {
        case "-period": result.sort { byPeriod($0, $1, true) }
        case "value": result.sort { ($0.unit, $0.value, $0.id) < ($1.unit, $1.value, $1.id) }
        case "-value": result.sort { ($0.unit, $1.value, $1.id) < ($1.unit, $0.value, $0.id) }
        case "measure": result.sort { ($0.measure, $0.periodStart ?? "", $0.id) < ($1.measure, $1.periodStart ?? "", $1.id) }
        default: result.sort { byPeriod($0, $1, false) }
        }
        return (result, warnings)
    }
}
