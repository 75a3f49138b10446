/// One figure as the scanner reads it out of a sentence, before it is given a
/// measure or a period: the number, its scale folded into a normalised unit,
/// the hedge around it ("more than", "about") and whether it is itself a
/// change ("20.8% more", "increased by 5 times") or a share ("54% of the total").
struct Quantity: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case money, percent, mass, volume, length, area, energy, containers, people, count, ratio
    }

    /// How the figure relates to its neighbours in a "from X to Y" pair.
    enum Role: Sendable, Hashable { case from, to }

    var value: Double
    /// The upper end of a range ("40-50%"), whose lower end is `value`.
    var valueMax: Double?
    /// Normalised, one unit per kind: `USD billion`, `percent`, `million tonnes`,
    /// `billion cubic metres`, `km`, `people`, `count`, `ratio`.
    var unit: String
    var kind: Kind
    var qualifier: Qualifier
    /// Token range `[firstToken, endToken)` of the figure with its scale and unit words.
    var firstToken: Int
    var endToken: Int
    /// Scalar range of the figure in the cleaned sentence text.
    var start: Int
    var end: Int
    /// Scalar offset where the words after the number and its scale start
    /// ("fighters" in "24 fighters"): what the rules read as the figure's `after`.
    var unitStart: Int
    /// Set when the figure states a change rather than a level.
    var change: Change.Direction?
    /// "up 26.3% y/y": the change is against the same period a year before.
    var yearOnYear = false
    var isShare = false
    var role: Role?
    /// A count whose noun says what is counted ("24 fighters", "1,500 students"):
    /// a figure even when no measure row names it. A bare count ("the two
    /// countries") is a figure only when a row claims it.
    var counted = false
}
/// How exact the text says a figure is.
public enum Qualifier: String, Codable, Sendable, Hashable, CaseIterable {
    case exact
    case moreThan = "more-than"
    case lessThan = "less-than"
    case atLeast = "at-least"
    case about
    case upTo = "up-to"
    case target
    case expected
}

/// A stated change of a figure: "20.8% more than in 2016" → 20.8 percent,
/// increase, basis `compared-to-2016`.
public struct Change: Codable, Sendable, Hashable {
    public enum Direction: String, Codable, Sendable, Hashable {
        case increase, decrease
    }

    public var value: Double
    public var unit: String
    public var direction: Direction
    /// `year-over-year` ("than in the same period last year") or
    /// `compared-to-YYYY` ("than in 2016"); null when the text names no basis.
    public var basis: String?

    public init(value: Double, unit: String, direction: Direction, basis: String? = nil) {
        self.value = value
        self.unit = unit
        self.direction = direction
        self.basis = basis
    }

    enum CodingKeys: String, CodingKey { case value, unit, direction, basis }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(direction, forKey: .direction)
        try c.encode(basis, forKey: .basis)
    }
}
