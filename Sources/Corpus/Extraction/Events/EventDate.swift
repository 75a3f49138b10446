/// When a happening took place, as precisely as the text says and no more.
///
/// `start`/`end` are ISO partial dates, so a client can sort and filter
/// without parsing prose; `display` keeps the text's own hedging ("since
/// 1992", "before the end of 2020", "mid-17th century") for a reader.
/// Decades and centuries have no ISO form of their own, so they are spans of
/// years: "the 1950s" is 1950...1959, "the XVII century" 1601...1700.
public struct EventDate: Codable, Sendable, Hashable, Comparable {
    public enum Precision: String, Codable, Sendable, Hashable, CaseIterable {
        case day, month, year, decade, century

        /// Finer precision ranks higher: a day-precise source is the better witness.
        var rank: Int {
            switch self {
            case .day: 4
            case .month: 3
            case .year: 2
            case .decade: 1
            case .century: 0
            }
        }
    }

    /// How the text hedges the date; `nil` when it states it plainly.
    public enum Qualifier: String, Codable, Sendable, Hashable, CaseIterable {
        /// "since 1992": the happening starts then and goes on.
        case since
        /// "before the end of 2020", "by 2024": a deadline, not a day.
        case by
        /// "the early 1950s", "the late XIX century".
        case early
        /// "in the middle of the XVII century", "mid-1990s".
        case mid
        case late
    }

    public var start: PartialDate
    /// Last year/month/day covered, for ranges ("2020-21"), decades and centuries.
    public var end: PartialDate?
    public var precision: Precision
    public var qualifier: Qualifier?
    /// For a reader: "July 16, 2001", "May 2015", "2020–2021", "mid-17th century".
    public var display: String

    public init(
        start: PartialDate, end: PartialDate? = nil, precision: Precision? = nil, qualifier: Qualifier? = nil,
        display: String? = nil
    ) {
        self.start = start
        self.end = end
        self.qualifier = qualifier
        let p = precision ?? Self.precision(of: start)
        self.precision = p
        self.display = display ?? Self.display(start: start, end: end, precision: p, qualifier: qualifier)
    }

    /// Whether the happening's span shares a day with the window `from...to`
    /// (either side open). "since 1992" counts as 1992 only: the text does
    /// not say how long it lasted.
    public func overlaps(from: PartialDate?, to: PartialDate?) -> Bool {
        PartialDate.span(start: start, end: end, overlapsFrom: from, to: to)
    }

    /// Whether every day of `other` lies within this date's span (2001 contains July 16, 2001).
    public func contains(_ other: EventDate) -> Bool {
        let mine = (start.lowerBound, (end ?? start).upperBound)
        return mine.0 <= other.start.lowerBound && (other.end ?? other.start).upperBound <= mine.1
    }

    /// Chronological by start; a wider span first when two start together.
    public static func < (a: EventDate, b: EventDate) -> Bool {
        if a.start != b.start { return a.start < b.start }
        return (a.end ?? a.start) > (b.end ?? b.start)
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, precision, qualifier, display
    }

    /// Curated annotations may give just `"2015-05"` or an object with only
    /// `start`; the rest is derived as extraction would.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let string = try? single.decode(String.self) {
            guard let start = PartialDate(string) else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "\"\(string)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
            }
            self.init(start: start)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            start: try c.decode(PartialDate.self, forKey: .start),
            end: try c.decodeIfPresent(PartialDate.self, forKey: .end),
            precision: try c.decodeIfPresent(Precision.self, forKey: .precision),
            qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier),
            display: try c.decodeIfPresent(String.self, forKey: .display))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(precision, forKey: .precision)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(display, forKey: .display)
    }

    static func precision(of date: PartialDate) -> Precision {
        switch date.precision {
        case .day: .day
        case .month: .month
        case .year: .year
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func display(start: PartialDate, end: PartialDate?, precision: Precision, qualifier: Qualifier?) -> String {
        var text: String
        switch precision {
        case .day:
            text = "\(monthNames[(start.month ?? 1) - 1]) \(start.day ?? 1), \(start.year)"
        case .month:
            text = "\(monthNames[(start.month ?? 1) - 1]) \(start.year)"
        case .year:
            text = String(start.year)
            if let end, end.year != start.year { text += "–\(end.year)" }
        case .decade:
            text = "\(start.year / 10 * 10)s"
        case .century:
            text = ordinal((start.year - 1) / 100 + 1) + " century"
        }
        switch qualifier {
        case nil: return text
        case .since: return "since " + text
        case .by: return "by the end of " + text
        case .early: return "early " + text
        case .mid: return "mid-" + text
        case .late: return "late " + text
        }
    }

    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
