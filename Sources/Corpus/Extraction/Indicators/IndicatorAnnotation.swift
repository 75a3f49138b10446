/// A curated statement about one figure, from `annotations/*.json`
/// (`"indicators": [...]`). `quote` is verbatim from the raw file and covers
/// the figure ("84.07 billion dollars"); the other fields state what the
/// figure is and override what extraction found. An annotation whose figure
/// extraction missed adds the observation; `exclude` drops one.
///
/// The annotation files double as the ground truth the extraction tests check.
public struct IndicatorAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
    public var measure: String?
    public var label: String?
    public var category: IndicatorCategory?
    public var value: Double?
    public var unit: String?
    /// ISO (`2017`, `2018-01/2018-05`, `1992/..`); absent means undated.
    public var period: String?
    public var qualifier: Qualifier?
    public var isTarget: Bool?
    public var exclude: Bool?
    /// Why the curator decided so; not served.
    public var note: String?

    public init(
        quote: String, measure: String? = nil, label: String? = nil, category: IndicatorCategory? = nil,
        value: Double? = nil, unit: String? = nil, period: String? = nil, qualifier: Qualifier? = nil,
        isTarget: Bool? = nil, exclude: Bool? = nil, note: String? = nil
    ) {
        self.quote = quote
        self.measure = measure
        self.label = label
        self.category = category
        self.value = value
        self.unit = unit
        self.period = period
        self.qualifier = qualifier
        self.isTarget = isTarget
        self.exclude = exclude
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case quote, measure, label, category, value, unit, period, qualifier, exclude, note
        case isTarget = "is_target"
    }
}
