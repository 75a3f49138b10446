/// A chartable quantity that gathers observations (`bilateral-trade-turnover`:
/// 2008, 2017, Jan–May 2018, 2018 and the 2024 target, all in `USD billion`).
public struct Measure: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    /// The unit its observations share (the most common one if they differ).
    public var unit: String
    public var category: IndicatorCategory
    public var observationCount: Int
    /// First and last day covered by its dated observations; null when none is dated.
    public var periodStart: String?
    public var periodEnd: String?

    public init(
        id: String, label: String, unit: String, category: IndicatorCategory, observationCount: Int,
        periodStart: String?, periodEnd: String?
    ) {
        self.id = id
        self.label = label
        self.unit = unit
        self.category = category
        self.observationCount = observationCount
        self.periodStart = periodStart
        self.periodEnd = periodEnd
    }

    enum CodingKeys: String, CodingKey {
        case id, label, unit, category
        case observationCount = "observation_count"
        case periodStart = "period_start"
        case periodEnd = "period_end"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(unit, forKey: .unit)
        try c.encode(category, forKey: .category)
        try c.encode(observationCount, forKey: .observationCount)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
    }

    /// Builds one measure per measure id found in `observations`, sorted by id.
    public static func measures(from observations: [Observation]) -> [Measure] {
        Dictionary(grouping: observations, by: \.measure).map { id, group in
            let label = mostCommon(group.map(\.label))
            let unit = mostCommon(group.map(\.unit))
            let category = IndicatorCategory(rawValue: mostCommon(group.map(\.category.rawValue))) ?? group[0].category
            let starts = group.compactMap(\.periodStart)
            // An open-ended period ("since 1992") has no last day; the span ends at the latest known one.
            let ends = group.compactMap(\.periodEnd)
            return Measure(
                id: id, label: label, unit: unit, category: category, observationCount: group.count,
                periodStart: starts.min(), periodEnd: ends.max())
        }.sorted { $0.id < $1.id }
    }

    private static func mostCommon(_ values: [String]) -> String {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        // Ties go to the first seen, so the choice is stable.
        return values.max { counts[$0]! < counts[$1]! } ?? ""
    }
}
