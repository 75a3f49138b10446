/// Everything extraction finds in one document without looking at any
/// other: its reference list, its in-text citations, its event tellings
/// (curated), and its figures (curated), before the cross-document steps
/// (event merging, figure merging, measures, the search index).
///
/// This is what the extraction cache stores, one entry per document, and
/// what `corpus-api extract --out` writes. It is `Codable` through the
/// records' own conformances (synthesised where the record has no custom
/// decoder), so a new field of a record needs no cache code; a change of
/// what extraction produces needs a new `ExtractorVersion`.
struct DocumentExtraction: Codable, Sendable {
    var references: [Reference]
    var citations: [InTextCitation]
    /// Event candidates, with `order.document` as extracted; `tellings(order:)`
    /// puts the document's place in the corpus back.
    var events: [EventCandidate]
    /// Candidates a curated `same_as` joins (indices into `events`).
    var joins: [Join]
    var observations: [Observation]

    struct Join: Codable, Sendable {
        var first: Int
        var second: Int
    }

    /// Runs the whole per-document extraction: citations first (events and
    /// figures match their sentences against them), then events beside figures.
    static func extract(
        document: Document,
        citationNotes: [CitationAnnotation] = [],
        eventNotes: [EventAnnotation] = [],
        indicatorNotes: [IndicatorAnnotation] = []
    ) -> DocumentExtraction {
        let cited = CitationExtractor.extract(document: document, annotations: citationNotes)
        // Each sentence's dates are read once, by whichever of the two asks first.
        let dates = DocumentDates()
        let (tellings, drafts) = Concurrently.both(
            {
                // Order 0: the document's place in a corpus is not part of
                // its results (it changes when another document is added).
                EventExtractor.tellings(
                    in: document, order: 0, citations: cited.citations, annotations: eventNotes, dates: dates)
            },
            {
                IndicatorExtractor.drafts(
                    in: document, citations: cited.citations, annotations: indicatorNotes, dates: dates)
            })
        return DocumentExtraction(
            references: cited.references, citations: cited.citations, events: tellings.found,
            joins: tellings.pairs.map { Join(first: $0.0, second: $0.1) }, observations: drafts)
    }

    /// The event tellings as the merge wants them, placed at `order` in the corpus.
    func tellings(order: Int) -> EventExtractor.DocumentTellings {
        var found = events
        for i in found.indices { found[i].order.document = order }
        return EventExtractor.DocumentTellings(found: found, pairs: joins.map { ($0.first, $0.second) })
    }
}
