/// Applies curated `EventAnnotation`s to one document's candidates.
enum EventCuration {
    /// Corrects, excludes or adds candidates in place; returns the index pairs
    /// (into `candidates`) that a `same_as` says are one happening.
    static func apply(
        _ notes: [EventAnnotation], to candidates: inout [EventCandidate], document: Document, order: Int
    ) -> [(Int, Int)] {
        var joins: [(Int, Int)] = []
        for note in notes {
            let spans = Self.spans(of: note.quote, in: document)
            var matched = matches(spans, in: candidates)
            // A quote covering two dates ("The treaty of 2001 was renewed on 28 June 2021") picks the one it dates.
            if matched.count > 1, let date = note.date {
                let same = matched.filter { candidates[$0].event.date.start == date.start }
                if !same.isEmpty { matched = same }
            }
            if matched.isEmpty, note.exclude != true, let date = note.date, let span = spans.first,
                let added = candidate(at: span, date: date, document: document, order: order)
            {
                candidates.append(added)
                matched = [candidates.count - 1]
            }
            for i in matched {
                var c = candidates[i]
                c.curated = true
                if note.exclude == true { c.excluded = true }
                if let title = note.title { c.event.title = title }
                if let category = note.category { c.event.category = category }
                if let status = note.status { c.event.status = status }
                if let actors = note.actors { c.event.actors = actors }
                if let date = note.date { c.event.date = date }
                candidates[i] = c
            }
            if let other = note.sameAs {
                for j in matches(Self.spans(of: other, in: document), in: candidates) {
                    for i in matched where i != j { joins.append((i, j)) }
                }
            }
        }
        return joins
    }

    static func spans(of quote: String, in document: Document) -> [Range<Int>] {
        let n = quote.unicodeScalars.count
        return document.raw.occurrences(of: quote).map { $0..<($0 + n) }
    }

    /// Candidates whose dating words lie in the quote; failing that, whose sentence holds it.
    static func matches(_ spans: [Range<Int>], in candidates: [EventCandidate]) -> [Int] {
        let byMention = candidates.indices.filter { i in
            guard let mention = candidates[i].event.evidence.first?.mention else { return false }
            return spans.contains { $0.overlaps(mention) }
        }
        if !byMention.isEmpty { return byMention }
        return candidates.indices.filter { i in
            guard let p = candidates[i].event.evidence.first?.provenance else { return false }
            return spans.contains { $0.overlaps(p.start..<p.end) }
        }
    }

    /// An event extraction missed, from the sentence holding the curated quote.
    static func candidate(at span: Range<Int>, date: EventDate, document: Document, order: Int) -> EventCandidate? {
        for passage in document.passages where passage.rawStart <= span.lowerBound && span.lowerBound < passage.rawEnd {
            guard let sentence = passage.sentences.first(where: { $0.rawStart <= span.lowerBound && span.lowerBound < $0.rawEnd })
            else { continue }
            let provenance = document.provenance(passage: passage, sentence: sentence)
            let mention = DateMention(range: 0..<0, date: date, namedThing: nil)
            let title = EventTitle.title(sentence: sentence.text, mention: mention)
            let event = TimelineEvent(
                id: EventExtractor.makeID(date: date, title: title, document: document.id, offset: span.lowerBound),
                date: date, status: EventClassifier.status(sentence: sentence.text, mention: 0..<0), title: title,
                summary: sentence.text,
                category: EventClassifier.category(sentence: sentence.text, namedThing: nil, section: "", passage: passage.text),
                actors: ActorGazetteer.actors(in: EventClassifier.withoutParentheses(sentence.text)),
                evidence: [EventSource(provenance: provenance, citations: [], mention: span)])
            return EventCandidate(
                event: event, keyTerms: EventClassifier.keyTerms(in: sentence.text), order: (order, span.lowerBound))
        }
        return nil
    }
}
