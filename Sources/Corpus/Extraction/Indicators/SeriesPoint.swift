/// One point of a measure's chart: where it sits on a time axis, its value
/// and hedge, and the sentence that states it.
public struct SeriesPoint: Codable, Sendable, Hashable {
    public var period: String
    /// RFC 3339 start of the period (`2018-01-01T00:00:00Z`), for a time axis.
    public var time: String
    public var value: Double
    public var qualifier: Qualifier
    public var change: Change?
    public var isTarget: Bool
    public var source: Provenance
    /// The observation this point draws.
    public var observation: String

    enum CodingKeys: String, CodingKey {
        case period, time, value, qualifier, change, source, observation
        case isTarget = "is_target"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(time, forKey: .time)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(change, forKey: .change)
        try c.encode(isTarget, forKey: .isTarget)
        try c.encode(source, forKey: .source)
        try c.encode(observation, forKey: .observation)
    }
}


extension Measure {
    /// The dated observations of `measure` in time order (undated ones cannot be
    /// placed on a time axis and are left out; the observations list has them).
    /// Same start: the shorter period first, achieved before target.
    public static func series(measure: String, observations: [Observation]) -> [SeriesPoint] {
        observations.filter { $0.measure == measure }
            .compactMap { o -> (Period, Observation)? in o.periodValue.map { ($0, o) } }
            .sorted { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                if a.1.isTarget != b.1.isTarget { return !a.1.isTarget }
                return a.1.id < b.1.id
            }
            .compactMap { period, o in
                guard let source = o.sources.first else { return nil }
                return SeriesPoint(
                    period: period.description, time: period.startDay + "T00:00:00Z", value: o.value,
                    qualifier: o.qualifier, change: o.change, isTarget: o.isTarget, source: source,
                    observation: o.id)
            }
    }
}
