import Corpus

/// One point of a measure's series as the API serves it: the point, plus
/// what a chart needs to keep unlike points apart — the first and last day
/// of the period, its `span` (a whole year, part of a year, several years,
/// open-ended) and the unit. "2018: 107" and "January–May 2018: 40.67" share
/// a start but not a span, so a chart draws one line per span and does not
/// show a drop that is only a shorter period.
struct SeriesRow: Encodable, Sendable {
    enum Span: String, Encodable, Sendable {
        /// One calendar year, January to December.
        case year
        /// Several whole calendar years.
        case years
        /// Less than a year: months, a quarter, a day.
        case partYear = "part-year"
        /// Longer than a year but not whole years ("mid-2016 to 2018").
        case other
        /// "Since 1992": no end stated.
        case open
    }

    var point: SeriesPoint
    var periodStart: String
    var periodEnd: String?
    var span: Span
    var unit: String

    init(_ point: SeriesPoint, period: Period, unit: String) {
        self.point = point
        self.periodStart = period.startDay
        self.periodEnd = period.endDay
        self.span = Self.span(period)
        self.unit = unit
    }

    /// The CSV columns, the same for every measure (even one with no dated
    /// point): `change` and `source` flattened. A test checks them against
    /// the keys a full row encodes to.
    static let csvColumns = [
        "period", "time", "period_start", "period_end", "span", "value", "unit", "qualifier",
        "change.value", "change.unit", "change.direction", "change.basis", "is_target",
        "source.document", "source.passage", "source.start", "source.end", "source.quote", "source.text", "observation",
    ]

    static func span(_ period: Period) -> Span {
        if period.openEnded { return .open }
        let first = period.start.lowerBound
        let last = (period.end ?? period.start).upperBound
        let wholeYears = first.month == 1 && first.day == 1 && last.month == 12 && last.day == 31
        if wholeYears { return first.year == last.year ? .year : .years }
        return first.year == last.year ? .partYear : .other
    }

    enum CodingKeys: String, CodingKey {
        case period, time, periodStart = "period_start", periodEnd = "period_end", span, value, unit, qualifier
        case change, isTarget = "is_target", source, observation
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(point.period, forKey: .period)
        try c.encode(point.time, forKey: .time)
        try c.encode(periodStart, forKey: .periodStart)
        try c.encode(periodEnd, forKey: .periodEnd)
        try c.encode(span, forKey: .span)
        try c.encode(point.value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(point.qualifier, forKey: .qualifier)
        try c.encode(point.change, forKey: .change)
        try c.encode(point.isTarget, forKey: .isTarget)
        try c.encode(point.source, forKey: .source)
        try c.encode(point.observation, forKey: .observation)
    }
}
