/// Hedges and qualifiers: the words that say how exact a figure is, or that
/// it is a plan or a forecast rather than a result.
extension Lexicon {
    /// Written just before a figure (or its currency sign).
    static let hedges: [(phrase: String, qualifier: Qualifier)] = [
        ("more than", .moreThan), ("over", .moreThan), ("above", .moreThan), ("exceeded", .moreThan),
        ("exceeds", .moreThan), ("exceeding", .moreThan), ("upwards of", .moreThan), ("in excess of", .moreThan),
        ("just over", .moreThan), ("well over", .moreThan), ("greater than", .moreThan),
        ("less than", .lessThan), ("fewer than", .lessThan), ("under", .lessThan), ("below", .lessThan),
        ("just under", .lessThan),
        ("at least", .atLeast), ("no less than", .atLeast), ("not less than", .atLeast), ("no fewer than", .atLeast),
        ("up to", .upTo), ("as many as", .upTo), ("as much as", .upTo),
        ("about", .about), ("around", .about), ("some", .about), ("approximately", .about), ("roughly", .about),
        ("nearly", .about), ("almost", .about), ("close to", .about), ("an estimated", .about), ("circa", .about),
        ("approx", .about), ("estimated", .about),
        ("a record", .exact), ("just", .exact), ("only", .exact),
    ]

    /// Anywhere before a figure in its sentence: the figure is a plan.
    static let targetCues = [
        "planned to", "plan to", "plans to", "planning to", "task of", "target", "aim to", "aims to", "goal",
        "intend to", "intends to", "is due to", "are due to", "scheduled to",
    ]

    /// A forecast: anywhere before a figure in its sentence, the figure is
    /// expected; in an event's clause, the event is.
    static let expectedCues = [
        "expected to", "is expected", "are expected", "expects", "expect", "forecast", "forecasts", "projected to",
        "predicts", "predicted",
    ]

    /// Words of a change, before its figure ("rose by 28.6 %", "jumped 47%",
    /// "an increase of 3.4 per cent") or after it ("26.3% more", "up 8.2%").
    static let changeWords: [String: Change.Direction] = [
        "increased": .increase, "increase": .increase, "increases": .increase, "grew": .increase,
        "grow": .increase, "growth": .increase, "rose": .increase, "rise": .increase, "risen": .increase,
        "rising": .increase, "up": .increase, "jumped": .increase, "jump": .increase, "climbed": .increase,
        "surged": .increase, "gained": .increase, "expanded": .increase, "more": .increase, "higher": .increase,
        "decreased": .decrease, "decrease": .decrease, "decreases": .decrease, "fell": .decrease,
        "fall": .decrease, "fallen": .decrease, "falling": .decrease, "declined": .decrease, "decline": .decrease,
        "dropped": .decrease, "drop": .decrease, "down": .decrease, "slipped": .decrease, "slumped": .decrease,
        "plunged": .decrease, "shrank": .decrease, "contracted": .decrease, "reduced": .decrease,
        "less": .decrease, "lower": .decrease,
    ]

    /// After a change: its basis, when it is the same period a year before.
    static let yearOnYear = ["y/y", "year on year", "year-on-year", "yoy", "year over year", "year-over-year"]
}

