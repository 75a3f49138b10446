/// The time an observation refers to: one partial date ("2017"), an interval
/// ("2018-01/2018-05" for "the five months of 2018", "2013/2016") or an open
/// interval ("1992/.." for "since 1992"). Built on the shared `PartialDate`.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: PartialDate
    /// Nil for a single partial date or an open interval.
    public var end: PartialDate?
    /// "Since 1992": no end is stated.
    public var openEnded: Bool

    public init(start: PartialDate, end: PartialDate? = nil, openEnded: Bool = false) {
        self.start = start
        self.end = end == start ? nil : end
        self.openEnded = openEnded
    }

    public static func year(_ y: Int) -> Period? { PartialDate(year: y).map { Period(start: $0) } }

    /// ISO 8601: `2017`, `2018-01/2018-05`, `1992/..`.
    public var description: String {
        if openEnded { return "\(start)/.." }
        if let end { return "\(start)/\(end)" }
        return start.description
    }

    /// First day covered, `YYYY-MM-DD`.
    public var startDay: String { start.lowerBound.description }
    /// Last day covered, `YYYY-MM-DD`; nil when open-ended.
    public var endDay: String? { openEnded ? nil : (end ?? start).upperBound.description }

    /// Parses what `description` writes.
    public init?(iso: String) {
        let parts = iso.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let start = PartialDate(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(start: start)
        } else if parts[1] == ".." {
            self.init(start: start, openEnded: true)
        } else if let end = PartialDate(parts[1]), start <= end {
            self.init(start: start, end: end)
        } else {
            return nil
        }
    }

    public static func < (a: Period, b: Period) -> Bool {
        if a.start != b.start { return a.start < b.start }
        return (a.endDay ?? "9999") < (b.endDay ?? "9999")
    }
}
