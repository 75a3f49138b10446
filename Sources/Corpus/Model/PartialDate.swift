/// A calendar date known only as far as the text tells it: a year (`2001`),
/// a month (`2015-05`) or a day (`2001-07-16`).
///
/// Texts date things loosely, and API queries (`?from=2015&to=2017-06`) are
/// loose too, so both sides use this one type. A partial date stands for the
/// whole span it covers: `2015-05` is every day of May 2015, from
/// `lowerBound` (2015-05-01) to `upperBound` (2015-05-31). Range tests compare
/// those day bounds, so "May 2015" overlaps "2015" and "2015-05-20".
///
/// Encodes as its ISO string (`"2015-05"`), never as an object.
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    public enum Precision: String, Sendable, Hashable, Codable, CaseIterable {
        case year, month, day
    }

    /// Why a string is not a partial date; the API turns it into a 400 message.
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        case monthOutOfRange(String)
        case dayOutOfRange(String)

        public var description: String {
            switch self {
            case .malformed(let s): "\"\(s)\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            case .monthOutOfRange(let s): "\"\(s)\": month must be 01-12"
            case .dayOutOfRange(let s): "\"\(s)\": no such day in that month"
            }
        }
    }

    public let year: Int
    public let month: Int?
    /// Only set when `month` is set.
    public let day: Int?

    /// Returns nil for an impossible date (month 13, February 30, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit
    /// month and day); nil for anything else, including `2001-13` and `2001-02-30`.
    public init?(_ description: String) {
        guard let date = try? Self.parse(description) else { return nil }
        self = date
    }

    /// Like `init?(_:)` but says what is wrong, for error messages.
    public static func parse(_ string: String) throws(ParseError) -> PartialDate {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { throw .malformed(string) }
        var numbers: [Int] = []
        for (i, part) in parts.enumerated() {
            guard part.count == widths[i], part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
                let n = Int(part)
            else { throw .malformed(string) }
            numbers.append(n)
        }
        guard numbers[0] >= 1 else { throw .malformed(string) }
        if numbers.count > 1, !(1...12).contains(numbers[1]) { throw .monthOutOfRange(string) }
        guard
            let date = PartialDate(
                year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
                day: numbers.count > 2 ? numbers[2] : nil)
        else { throw .dayOutOfRange(string) }
        return date
    }

    public var precision: Precision {
        day != nil ? .day : month != nil ? .month : .year
    }

    /// `2001`, `2015-05`, `2001-07-16`.
    public var description: String {
        var s = Self.pad(year, 4)
        if let month { s += "-" + Self.pad(month, 2) }
        if let day { s += "-" + Self.pad(day, 2) }
        return s
    }

    public var iso: String { description }

    /// First day covered (`2015-05` → `2015-05-01`); always day precision.
    public var lowerBound: PartialDate {
        PartialDate(uncheckedYear: year, month: month ?? 1, day: day ?? 1)
    }

    /// Last day covered (`2015` → `2015-12-31`, `2016-02` → `2016-02-29`); always day precision.
    public var upperBound: PartialDate {
        let m = month ?? 12
        return PartialDate(uncheckedYear: year, month: m, day: day ?? Self.daysIn(month: m, year: year))
    }

    /// Whether every day of `other` lies within this date's span (`2015` contains `2015-05`).
    public func contains(_ other: PartialDate) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }

    /// Whether the two spans share at least one day.
    public func overlaps(_ other: PartialDate) -> Bool {
        lowerBound <= other.upperBound && other.lowerBound <= upperBound
    }

    /// Whether the span `start...(end ?? start)` shares a day with the query
    /// window `from...to`, either side of which may be open (nil). This is the
    /// one rule for `?from=&to=` filters on events and indicator periods.
    public static func span(
        start: PartialDate, end: PartialDate?, overlapsFrom from: PartialDate?, to: PartialDate?
    ) -> Bool {
        let last = (end ?? start).upperBound
        if let from, last < from.lowerBound { return false }
        if let to, to.upperBound < start.lowerBound { return false }
        return true
    }

    /// Chronological by first day; a coarser date sorts before a finer one
    /// starting the same day (`2001` < `2001-01` < `2001-01-01`).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        do {
            self = try Self.parse(string)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private init(uncheckedYear year: Int, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
