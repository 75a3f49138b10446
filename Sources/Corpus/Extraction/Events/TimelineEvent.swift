/// A dated happening told by the corpus, with every sentence that tells it.
///
/// JSON (snake_case, optionals as explicit `null`):
/// `{"id", "date": {start, end, precision, qualifier, display}, "status",
/// "title", "summary", "category", "actors": [..], "sources": [{document,
/// passage, start, end, quote, text, citations: [..]}]}`.
public struct TimelineEvent: Codable, Sendable, Hashable, SearchableRecord {
    /// `evt-<start>-<slug>-<hash>`: from the extracted date, words of the
    /// extracted title and the first source's offsets, so it survives a reload.
    public var id: String
    public var date: EventDate
    public var status: EventStatus
    /// Short headline (≤ ~80 characters) from the sentence's main clause, or curated.
    public var title: String
    /// The first source's sentence, cleaned for reading.
    public var summary: String
    public var category: EventCategory
    /// Canonical names (see `ActorGazetteer`), in order of first mention.
    public var actors: [String]
    /// Every sentence telling this happening; the one that dates it most precisely first.
    public var evidence: [EventSource]

    public init(
        id: String, date: EventDate, status: EventStatus, title: String, summary: String, category: EventCategory,
        actors: [String], evidence: [EventSource]
    ) {
        self.id = id
        self.date = date
        self.status = status
        self.title = title
        self.summary = summary
        self.category = category
        self.actors = actors
        self.evidence = evidence
    }

    /// `SearchableRecord`: the plain provenance of each source.
    public var sources: [Provenance] { evidence.map(\.provenance) }

    /// Title, summary and actors, each set off by " — " so a search snippet
    /// does not run the title into the summary.
    public var searchText: String {
        ([title, summary] + actors).joined(separator: " — ")
    }

    /// Documents telling this happening, for `?document=` filters.
    public var documents: [String] {
        var seen = Set<String>()
        return evidence.map(\.provenance.document).filter { seen.insert($0).inserted }
    }

    /// In-text citation ids made in any of the sources' sentences.
    public var citations: [String] {
        var seen = Set<String>()
        return evidence.flatMap(\.citations).filter { seen.insert($0).inserted }
    }

    private enum CodingKeys: String, CodingKey {
        case id, date, status, title, summary, category, actors
        case evidence = "sources"
    }
}

/// What kind of happening: a fixed list, so clients can colour and filter a timeline.
public enum EventCategory: String, Codable, Sendable, Hashable, CaseIterable {
    /// Treaties, joint statements, visits, summits, diplomatic relations.
    case diplomacy
    /// Economic cooperation in general, strategic projects, industrialisation.
    case economy
    /// Trade agreements and turnover milestones.
    case trade
    /// Investment and finance.
    case investment
    /// Oil, gas, pipelines, nuclear energy.
    case energy
    /// Exercises, patrols, arms sales, military-technical cooperation.
    case military
    /// Cultural exchange, cross years, festivals, film, tourism.
    case culture
    /// Universities, students, language teaching, science and research.
    case education
    /// Railways, bridges, corridors, transport routes.
    case infrastructure
    /// Border settlement and demarcation.
    case border
    /// Domestic or foreign policy acts: white papers, strategies, changes of power.
    case politics
}

/// Whether the text tells the happening as done or as still to come.
public enum EventStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case occurred
    /// Scheduled or intended: "planned to", "is going to be held", "according to the plan".
    case planned
    /// Forecast: "is expected to", "will be".
    case expected
}

/// One sentence telling a happening, with the citations made in it.
public struct EventSource: Codable, Sendable, Hashable {
    public var provenance: Provenance
    /// Ids of the in-text citations whose sentence overlaps this one.
    public var citations: [String]
    /// Raw-file scalar offsets of the words that date the happening ("In May
    /// 2015"); internal, to match curated quotes to the right event when one
    /// sentence tells two. Not encoded.
    var mention: Range<Int>?

    public init(provenance: Provenance, citations: [String]) {
        self.provenance = provenance
        self.citations = citations
    }

    init(provenance: Provenance, citations: [String], mention: Range<Int>?) {
        self.provenance = provenance
        self.citations = citations
        self.mention = mention
    }

    private enum CodingKeys: String, CodingKey {
        case document, passage, start, end, quote, text, citations
    }

    /// Flat: the provenance fields and `citations` side by side.
    public init(from decoder: any Decoder) throws {
        provenance = try Provenance(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        citations = try c.decode([String].self, forKey: .citations)
    }

    public func encode(to encoder: any Encoder) throws {
        try provenance.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(citations, forKey: .citations)
    }
}
