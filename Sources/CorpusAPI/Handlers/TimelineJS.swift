import Corpus

/// A TimelineJS3 document (https://timeline.knightlab.com/docs/json-format.html).
/// TimelineJS renders `text` as HTML, so every string from the corpus is
/// escaped before it goes in.
enum TimelineJS {
    static func document(events: [TimelineEvent], model: CorpusModel) -> JSONValue {
        let titles = model.documents.map(\.metadata.title)
        return .object([
            ("title", .object([
                ("text", .object([
                    ("headline", "China–Russia relations: a timeline from the corpus"),
                    ("text", .string("<p>\(events.count) events from \(titles.count) articles: " + titles.map(HTMLEscaping.escape).joined(separator: "; ") + "</p>")),
                ]))
            ])),
            ("events", .array(events.map(event))),
        ])
    }

    static func event(_ e: TimelineEvent) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("unique_id", .string(e.id))]
        let span = TimelineYear.span(e.date)
        if span.first != e.date.start.year || span.last != (e.date.end ?? e.date.start).year {
            // A hedged decade or century: the part of it the text names.
            pairs.append(("start_date", .object([("year", .int(span.first))])))
            pairs.append(("end_date", .object([("year", .int(span.last))])))
        } else {
            pairs.append(("start_date", date(e.date.start)))
            if let end = e.date.end { pairs.append(("end_date", date(end))) }
        }
        // Month and coarser dates read better as the text says them ("May 2015", "mid-17th century").
        if e.date.precision != .day { pairs.append(("display_date", .string(e.date.display))) }
        // The summary is often the source sentence itself: then the quote
        // alone says it, rather than the slide repeating it.
        let repeatsSummary = e.evidence.contains { Self.sameWords($0.provenance.text, e.summary) || Self.sameWords($0.provenance.quote, e.summary) }
        var body = repeatsSummary ? "" : "<p>\(HTMLEscaping.escape(e.summary))</p>"
        for source in e.evidence {
            body += "<blockquote>\(HTMLEscaping.escape(source.provenance.quote))</blockquote>"
            body += "<p><small>\(HTMLEscaping.escape(source.provenance.document)), passage \(HTMLEscaping.escape(source.provenance.passage)), characters \(source.provenance.start)–\(source.provenance.end)</small></p>"
        }
        pairs.append(("text", .object([("headline", .string(HTMLEscaping.escape(e.title))), ("text", .string(body))])))
        pairs.append(("group", .string(e.category.rawValue)))
        return .object(pairs)
    }

    /// Equal but for spacing and case.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        func words(_ s: String) -> [Substring] { s.lowercased().split(whereSeparator: { $0.isWhitespace }) }
        return words(a) == words(b)
    }

    /// TimelineJS wants numbers; the year is always there, month and day only when known.
    static func date(_ d: PartialDate) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("year", .int(d.year))]
        if let m = d.month { pairs.append(("month", .int(m))) }
        if let day = d.day { pairs.append(("day", .int(day))) }
        return .object(pairs)
    }
}
