import Corpus

/// `/v1/events`, `/v1/events/{id}` and `/v1/timeline`.
enum EventHandlers {
    static let filterParameters: Set<String> = ["from", "to", "category", "actor", "document", "status", "q", "sort"]

    static func list(_ context: RequestContext) throws(APIError) -> APIResult {
        let (events, warnings) = try filtered(context)
        let page = try context.page()
        let facets = Facets.counts(events.map(\.category.rawValue), all: EventCategory.allCases.map(\.rawValue))
        let meta: [(String, JSONValue)] = [("facets", .object([("category", facets)]))] + warnings.asMeta
        return APIResult(body: .list(try .paging(events, page: page, meta: meta, kind: context.model.events, modelVersion: context.model.version)))
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
        let (events, warnings) = try filtered(context)
        switch context.format.name {
        case "timelinejs":
            return .json(TimelineJS.document(events: events, model: context.model))
        case "csv":
            let rows = try events.map { event throws(APIError) in try JSONValue.record(event) }
            let columns = CSVSchema.columns(of: context.model.events, modelVersion: context.model.version)
            return APIResult(body: .bytes(CSVTable.render(rows: rows, columns: columns), contentType: Format.csv.contentType))
        default:
            // By the year each event stands for (a hedged century is filed
            // in the part it names), years ascending, events in list order.
            var byYear: [Int: [TimelineEvent]] = [:]
            for event in events { byYear[TimelineYear.year(event.date), default: []].append(event) }
            var years = byYear.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if try context.query.choice("sort", from: ["date", "-date"]) == "-date" { years.reverse() }
            let groups = try years.map { year, items throws(APIError) -> JSONValue in
                .object([
                    ("year", .int(year)), ("count", .int(items.count)),
                    ("events", .array(try items.map { e throws(APIError) in try JSONValue.record(e) })),
                ])
            }
            return .json(.object([
                ("total", .int(events.count)), ("model_version", .string(context.model.version)),
                ("years", .array(groups)),
            ] + warnings.asMeta))
        }
    }

    static func filtered(_ context: RequestContext) throws(APIError) -> (events: [TimelineEvent], warnings: [String]) {
        let query = context.query
        var warnings: [String] = []
        let window = try DateWindow(query, warnings: &warnings)
        let categories = Set(try query.choices("category", from: EventCategory.allCases.map(\.rawValue)))
        let status = try query.choice("status", from: EventStatus.allCases.map(\.rawValue))
        let actor = try query.text("actor")
        // `actor=` with nothing after it is a mistake, not "no filter" (the
        // spec says minLength 1); a value that folds to nothing (`-`) is
        // well formed and, like any unknown name, matches nothing with a warning.
        if let actor, actor.isEmpty {
            throw .invalidParameter(name: "actor", value: actor, reason: "give a name, e.g. actor=Putin or actor=EAEU")
        }
        if let actor, !context.model.events.contains(where: { $0.actors.contains { ActorNames.matches(query: actor, actor: $0) } }) {
            // A typo is usually in one word of a name ("Puttin"), so each
            // word of a name is a candidate beside the whole name.
            let names = Set(context.model.events.flatMap(\.actors))
            let words = names.flatMap { $0.split(separator: " ").filter { $0.count >= 4 }.map(String.init) }
            let known = names.union(words)
            let hint = Suggestion.closest(to: actor, in: known).map { "; did you mean `\($0)`?" } ?? ""
            warnings.append("no event names the actor `\(actor)` (see meta.facets or any event's `actors`)\(hint)")
        }
        let document = try DocumentFilter.parse(query, model: context.model, warnings: &warnings)
        let text = try query.text("q").map { TextMatch($0) }
        let sort = try query.choice("sort", from: ["date", "-date"]) ?? "date"

        var events = context.model.events.filter { event in
            (categories.isEmpty || categories.contains(event.category.rawValue))
                && (status == nil || event.status.rawValue == status)
                && window.overlaps(start: event.date.start, end: event.date.end, openEnded: event.date.qualifier == .since)
                && (document == nil || event.documents.contains(document!))
                && (actor == nil || event.actors.contains { ActorNames.matches(query: actor!, actor: $0) })
                && (text == nil || text!.matches(event.searchText))
        }
        if sort == "-date" { events.reverse() }
        return (events, warnings)
    }
}
