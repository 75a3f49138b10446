/// One figure the corpus states, typed and dated so a dashboard can chart it:
/// "in 2017, the bilateral trade turnover reached 84.07 billion dollars,
/// which is 20.8% more than in 2016" is 84.07 `USD billion`, period `2017`,
/// measure `bilateral-trade-turnover`, with a change of +20.8 percent
/// `compared-to-2016`.
///
/// The same figure told twice (same measure, period, value, unit, qualifier)
/// is one observation with two sources; different figures stay apart.
public struct Observation: Codable, Sendable, Hashable, SearchableRecord {
    /// `<measure>-<period>-<hash>`: from the content, stable across reloads.
    public var id: String
    /// The measure's slug (`bilateral-trade-turnover`).
    public var measure: String
    public var label: String
    public var value: Double
    /// `USD billion`, `percent`, `million tonnes`, `thousand people`, `count`, `ratio`...
    public var unit: String
    /// ISO 8601 partial date or interval: `2017`, `2018-01/2018-05`, `1992/..`; null when the text gives none.
    public var period: String?
    /// First and last day of `period` (`YYYY-MM-DD`), for filters and time axes.
    public var periodStart: String?
    public var periodEnd: String?
    public var qualifier: Qualifier
    /// The change the text states for this figure, if any.
    public var change: Change?
    public var category: IndicatorCategory
    /// Who the text says published the figure ("General Customs Administration of China").
    public var reporter: String?
    /// Ids of the in-text citations made in the figure's sentence.
    public var citations: [String]
    /// A planned level ("to raise trade to 200 billion dollars up to 2024"), not an achieved one.
    public var isTarget: Bool
    /// The sentences stating the figure.
    public var sources: [Provenance]
    /// The figure itself in each source ("84.07 billion dollars"), verbatim, for highlighting.
    public var figures: [FigureSpan]

    /// The cleaned sentences, not the verbatim quotes: search snippets are
    /// read by people, and `\$ 40.67` should read `$ 40.67`.
    public var searchText: String {
        // " — " between the parts, so a snippet does not run the label into the sentence.
        ([label] + sources.map(\.text) + [reporter].compactMap { $0 }).joined(separator: " — ")
    }

    public init(
        id: String, measure: String, label: String, value: Double, unit: String, period: Period?,
        qualifier: Qualifier, change: Change?, category: IndicatorCategory, reporter: String?,
        citations: [String], isTarget: Bool, sources: [Provenance], figures: [FigureSpan]
    ) {
        self.id = id
        self.measure = measure
        self.label = label
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.change = change
        self.category = category
        self.reporter = reporter
        self.citations = citations
        self.isTarget = isTarget
        self.sources = sources
        self.figures = figures
        self.setPeriod(period)
    }

    /// The period as a value, parsed back from `period`.
    public var periodValue: Period? { period.flatMap { Period(iso: $0) } }

    mutating func setPeriod(_ p: Period?) {
        period = p?.description
        periodStart = p?.startDay
        periodEnd = p?.endDay
    }

    enum CodingKeys: String, CodingKey {
        case id, measure, label, value, unit, period, qualifier, change, category, reporter, citations, sources
        case figures
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case isTarget = "is_target"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(measure, forKey: .measure)
        try c.encode(label, forKey: .label)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(period, forKey: .period)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(change, forKey: .change)
        try c.encode(category, forKey: .category)
        try c.encode(reporter, forKey: .reporter)
        try c.encode(citations, forKey: .citations)
        try c.encode(isTarget, forKey: .isTarget)
        try c.encode(sources, forKey: .sources)
        try c.encode(figures, forKey: .figures)
    }
}

/// Where exactly in a source sentence the figure stands: raw scalar offsets,
/// end exclusive, and the verbatim slice ("\$ 40.67 billion").
public struct FigureSpan: Codable, Sendable, Hashable {
    public var document: String
    public var start: Int
    public var end: Int
    public var quote: String

    public init(document: String, start: Int, end: Int, quote: String) {
        self.document = document
        self.start = start
        self.end = end
        self.quote = quote
    }
}
