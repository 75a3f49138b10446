import Corpus

/// `/v1/events`, `/v1/events/{id}` and `/v1/timeline`.
enum EventHandlers {
    static let filterParameters: Set<String> = ["from", "to", "category", "actor", "document", "status", "q", "sort"]

    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        let (events, warnings) = try filtered(context)
        let page = try context.page()
        let facets = Facets.counts(events.map(\.category.rawValue), all: EventCategory.allCases.map(\.rawValue))
        let meta: [(String, JSONValue)] = [("facets", .object([("category", facets)]))] + warnings.asMeta
        return APIResult(body: .list(try .paging(events, page: page, meta: meta, template: context.model.events.first)))
    }

    static func detail(_ context: RequestContext) throws(APIError) -> APIResult {
        let id = context.pathParameter("id")
        guard let event = context.model.events.first(where: { $0.id == id }) else {
            throw .notFound(resource: "event", id: id)
        }
        return .json(try .record(event))
    }

    /// The events shaped for timeline tools: TimelineJS3, CSV, or JSON grouped by year.
    static func timeline(_ context: RequestContext) throws(APIError) -> APIResult {
        let events = try filtered(context).events
        switch context.format.name {
        case "timelinejs":
            return .json(TimelineJS.document(events: events, model: context.model))
        case "csv":
            let rows = try events.map { event throws(APIError) in try JSONValue.record(event) }
            return APIResult(body: .bytes(CSVTable.render(rows: rows), contentType: Format.csv.contentType))
        default:
            var years: [(Int, [TimelineEvent])] = []
            for event in events {
                if years.last?.0 == event.date.start.year {
                    years[years.count - 1].1.append(event)
                } else {
                    years.append((event.date.start.year, [event]))
                }
            }
            let groups = try years.map { year, items throws(APIError) -> JSONValue in
                .object([
                    ("year", .int(year)), ("count", .int(items.count)),
                    ("events", .array(try items.map { e throws(APIError) in try JSONValue.record(e) })),
                ])
            }
            return .json(.object([
                ("total", .int(events.count)), ("model_version", .string(context.model.version)),
                ("years", .array(groups)),
            ]))
        }
    }

    static func filtered(_ context: RequestContext) throws(APIError) -> (events: [TimelineEvent], warnings: [String]) {
        let query = context.query
        let window = try DateWindow(query)
        let categories = Set(try query.choices("category", from: EventCategory.allCases.map(\.rawValue)))
        let status = try query.choice("status", from: EventStatus.allCases.map(\.rawValue))
        let actor = try query.text("actor").map { TextMatch($0) }
        var warnings: [String] = []
        let document = try DocumentFilter.parse(query, model: context.model, warnings: &warnings)
        let text = try query.text("q").map { TextMatch($0) }
        let sort = try query.choice("sort", from: ["date", "-date"]) ?? "date"

        var events = context.model.events.filter { event in
            (categories.isEmpty || categories.contains(event.category.rawValue))
                && (status == nil || event.status.rawValue == status)
                && window.overlaps(start: event.date.start, end: event.date.end)
                && (document == nil || event.documents.contains(document!))
                && (actor == nil || event.actors.contains { actor!.matches($0) })
                && (text == nil || text!.matches(event.searchText))
        }
        if sort == "-date" { events.reverse() }
        return (events, warnings)
    }
}
