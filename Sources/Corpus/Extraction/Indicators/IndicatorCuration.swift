/// Applies curated `IndicatorAnnotation`s to what extraction found in one document.
///
/// An annotation names its figure by a verbatim quote; the observations whose
/// figure lies inside an occurrence of the quote are the ones it speaks about
/// (the one with the same value if several). Its fields override theirs; a new
/// measure brings its own label and category from the rule table unless the
/// annotation gives them. `exclude` drops them. When extraction found no figure
/// there, an annotation with a value and unit adds the observation, sourced
/// from the sentence that holds the quote.
enum IndicatorCuration {
    static func apply(
        _ notes: [IndicatorAnnotation], to drafts: inout [Observation], document: Document,
        citations: [InTextCitation]
    ) {
        for note in notes {
            let length = note.quote.unicodeScalars.count
            let spans = document.raw.occurrences(of: note.quote).map { $0..<($0 + length) }
            let hits = drafts.indices.filter { i in
                drafts[i].figures.contains { f in
                    f.document == document.id && spans.contains { $0.overlaps(f.start..<f.end) }
                }
            }
            var chosen = hits
            if let value = note.value {
                let same = hits.filter { abs(drafts[$0].value - value) < 1e-9 }
                chosen = same.isEmpty ? Array(hits.prefix(1)) : same
            }
            if note.exclude == true {
                for i in chosen.sorted(by: >) { drafts.remove(at: i) }
                continue
            }
            if chosen.isEmpty {
                if let added = observation(from: note, spans: spans, document: document, citations: citations) {
                    drafts.append(added)
                }
                continue
            }
            for i in chosen { override(&drafts[i], with: note) }
        }
    }

    static func override(_ o: inout Observation, with note: IndicatorAnnotation) {
        if let measure = note.measure, measure != o.measure {
            o.measure = measure
            if let rule = MeasureClassifier.rule(id: measure) {
                o.label = rule.label
                o.category = rule.category
            }
        }
        if let label = note.label { o.label = label }
        if let category = note.category { o.category = category }
        if let value = note.value { o.value = value }
        if let unit = note.unit { o.unit = unit }
        if let period = note.period { o.setPeriod(Period(iso: period)) }
        if let qualifier = note.qualifier { o.qualifier = qualifier }
        if let isTarget = note.isTarget { o.isTarget = isTarget }
    }

    private static func observation(
        from note: IndicatorAnnotation, spans: [Range<Int>], document: Document, citations: [InTextCitation]
    ) -> Observation? {
        guard let value = note.value, let unit = note.unit, let span = spans.first else { return nil }
        for passage in document.passages {
            guard passage.rawStart <= span.lowerBound && span.lowerBound < passage.rawEnd else { continue }
            guard
                let sentence = passage.sentences.first(where: {
                    $0.rawStart <= span.lowerBound && span.lowerBound < $0.rawEnd
                })
            else { continue }
            let measure = note.measure ?? "unclassified"
            let rule = MeasureClassifier.rule(id: measure)
            let ids = citations.filter {
                $0.source.document == document.id && $0.source.start < sentence.rawEnd
                    && $0.source.end > sentence.rawStart
            }.map(\.id).sorted()
            return Observation(
                id: "", measure: measure, label: note.label ?? rule?.label ?? measure, value: value, unit: unit,
                period: note.period.flatMap { Period(iso: $0) }, qualifier: note.qualifier ?? .exact, change: nil,
                category: note.category ?? rule?.category ?? .economy, reporter: nil, citations: ids,
                isTarget: note.isTarget ?? (note.qualifier == .target),
                sources: [document.provenance(passage: passage, sentence: sentence)],
                figures: [
                    FigureSpan(
                        document: document.id, start: span.lowerBound, end: span.upperBound, quote: note.quote)
                ])
        }
        return nil
    }
}
