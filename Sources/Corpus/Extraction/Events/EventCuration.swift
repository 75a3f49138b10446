/// Applies curated `EventAnnotation`s to one document's candidates.
///
/// An annotation with a `same_as` and no `date` whose quote dates nothing
/// attaches its sentence as one more source of the event `same_as` quotes:
/// how an undated retelling ("More than three years have passed since the
/// signing of the joint statement ...") joins the happening it retells.
enum EventCuration {
    /// Corrects, excludes or adds candidates in place; returns the index pairs
    /// (into `candidates`) that a `same_as` says are one happening.
    static func apply(
        _ notes: [EventAnnotation], to candidates: inout [EventCandidate], document: Document, order: Int,
        citations: [InTextCitation] = []
    ) -> [(Int, Int)] {
        var joins: [(Int, Int)] = []
        for note in notes {
            let spans = Self.spans(of: note.quote, in: document)
            // A dated note quotes the dating words; one whose quote holds no extracted date adds an event.
            var matched = matches(spans, in: candidates, bySentence: note.date == nil)
            // A quote covering two dates ("The treaty of 2001 was renewed on 28 June 2021") picks the one it dates.
            if matched.count > 1, let date = note.date {
                let same = matched.filter { candidates[$0].event.date.start == date.start }
                if !same.isEmpty { matched = same }
            }
            if matched.isEmpty, note.exclude != true, let date = note.date, let span = spans.first,
                let added = candidate(at: span, date: date, document: document, order: order, citations: citations)
            {
                candidates.append(added)
                matched = [candidates.count - 1]
            }
            // An undated retelling ("since the signing of the joint statement ...") joins the
            // event its `same_as` quotes, as one more source; it never becomes that event's face.
            if matched.isEmpty, note.exclude != true, note.date == nil, let other = note.sameAs, let span = spans.first,
                let target = matches(Self.spans(of: other, in: document), in: candidates).first,
                var added = candidate(
                    at: span, date: candidates[target].event.date, document: document, order: order, citations: citations)
            {
                added.event.category = candidates[target].event.category
                added.event.status = candidates[target].event.status
                added.isRetelling = true
                added.event.evidence[0].mention = nil
                candidates.append(added)
                joins.append((target, candidates.count - 1))
                continue
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

    /// Candidates whose dating words lie in the quote; failing that (when
    /// `bySentence`), whose sentence holds it.
    static func matches(_ spans: [Range<Int>], in candidates: [EventCandidate], bySentence: Bool = true) -> [Int] {
        let byMention = candidates.indices.filter { i in
            guard let mention = candidates[i].event.evidence.first?.mention else { return false }
            return spans.contains { $0.overlaps(mention) }
        }
        if !byMention.isEmpty || !bySentence { return byMention }
        return candidates.indices.filter { i in
            guard let p = candidates[i].event.evidence.first?.provenance else { return false }
            return spans.contains { $0.overlaps(p.start..<p.end) }
        }
    }

    /// An event extraction missed, from the sentence holding the curated quote.
    static func candidate(
        at span: Range<Int>, date: EventDate, document: Document, order: Int, citations: [InTextCitation]
    ) -> EventCandidate? {
        for passage in document.passages where passage.rawStart <= span.lowerBound && span.lowerBound < passage.rawEnd {
            guard let sentence = passage.sentences.first(where: { $0.rawStart <= span.lowerBound && span.lowerBound < $0.rawEnd })
            else { continue }
            let text = sentence.text
            let provenance = document.provenance(passage: passage, sentence: sentence, text: text)
            let mention = DateMention(range: 0..<0, date: date, namedThing: nil)
            let title = EventTitle.title(sentence: text, mention: mention)
            let event = TimelineEvent(
                id: EventExtractor.makeID(date: date, title: title, document: document.id, offset: span.lowerBound),
                date: date, status: ClauseJudgement.status(scalars: Array(text.unicodeScalars), clause: 0..<text.unicodeScalars.count),
                title: title,
                summary: text,
                category: EventClassifier.category(sentence: text, namedThing: nil, section: "", passage: passage.text),
                actors: ActorGazetteer.actors(in: EventClassifier.withoutParentheses(text)),
                evidence: [EventSource(
                    provenance: provenance, citations: EventExtractor.citationIDs(citations, in: document.id, overlapping: sentence),
                    mention: span)])
            return EventCandidate(
                event: event, keyTerms: EventClassifier.keyTerms(in: text), order: (order, span.lowerBound))
        }
        return nil
    }
}
