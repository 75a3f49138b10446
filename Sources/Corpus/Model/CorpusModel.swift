import Foundation

/// Everything the API serves, built once from a corpus directory and never
/// mutated afterwards. A reload builds a new model and swaps it in whole, so
/// a request keeps the snapshot it started with.
public struct CorpusModel: Sendable {
    /// Content hash of the corpus files (and the extractor version): the
    /// same corpus gives the same version, so ETags survive a restart.
    public let version: String
    public let loadedAt: Date
    public let directory: String
    public let documents: [Document]
    public let references: [Reference]
    public let inTextCitations: [InTextCitation]
    public let events: [TimelineEvent]
    public let observations: [Observation]
    public let measures: [Measure]
    /// Full-text search over the passages and every record, built with the model.
    public let search: SearchIndex
    /// How long each phase of the load took; empty for a model built in code.
    public let loadTimings: LoadTimings

    private let lookups: CorpusLookups
    /// Each document's passages and per-document results, for the next
    /// reload to reuse; empty for a model built in code.
    let reusable: ReusableExtractions

    public init(
        version: String, loadedAt: Date = Date(), directory: String, documents: [Document],
        references: [Reference], inTextCitations: [InTextCitation], events: [TimelineEvent],
        observations: [Observation], measures: [Measure], search: SearchIndex? = nil,
        loadTimings: LoadTimings = LoadTimings()
    ) {
        self.init(
            version: version, loadedAt: loadedAt, directory: directory, documents: documents,
            references: references, inTextCitations: inTextCitations, events: events,
            observations: observations, measures: measures,
            search: search
                ?? SearchIndex(documents: documents, events: events, indicators: observations, citations: references),
            lookups: CorpusLookups(documents: documents), loadTimings: loadTimings)
    }

    /// The loader's: the index and lookups built already, side by side.
    init(
        version: String, loadedAt: Date = Date(), directory: String, documents: [Document],
        references: [Reference], inTextCitations: [InTextCitation], events: [TimelineEvent],
        observations: [Observation], measures: [Measure], search: SearchIndex, lookups: CorpusLookups,
        loadTimings: LoadTimings, reusable: ReusableExtractions = ReusableExtractions()
    ) {
        self.loadTimings = loadTimings
        self.reusable = reusable
        self.version = version
        self.loadedAt = loadedAt
        self.directory = directory
        self.documents = documents
        self.references = references
        self.inTextCitations = inTextCitations
        self.events = events
        self.observations = observations
        self.measures = measures
        self.search = search
        self.lookups = lookups
    }

    /// The position of document `id` in `documents`.
    func documentIndex(id: String) -> Int? { lookups.documentIndex[id] }

    public func document(id: String) -> Document? {
        lookups.documentIndex[id].map { documents[$0] }
    }

    public func passage(id: String) -> (document: Document, passage: Passage)? {
        guard let (d, p) = lookups.passageIndex[id] else { return nil }
        return (documents[d], documents[d].passages[p])
    }
}
