/// Things a year can name: "the treaty of 2001", "the 2014 roadmap".
extension Lexicon {
    /// One row per noun, with the category an event dated by the thing takes;
    /// nil when the thing says nothing of it (a plan can be of any kind).
    static let datedThings: [String: EventCategory?] = [
        "treaty": .diplomacy, "statement": .diplomacy, "statements": .diplomacy, "declaration": .diplomacy,
        "agreement": .diplomacy, "communique": .diplomacy, "summit": .diplomacy, "visit": .diplomacy,
        "forum": .diplomacy, "charter": .diplomacy, "protocol": .diplomacy, "accord": .diplomacy,
        "convention": .diplomacy, "memorandum": .diplomacy, "mission": .military,
        "exercise": .military, "roadmap": .military,
        "plan": nil, "programme": nil, "program": nil, "concept": nil, "strategy": nil,
    ]
}
