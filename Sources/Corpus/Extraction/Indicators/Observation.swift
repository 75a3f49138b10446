/// One figure told by the corpus. (Stub: the indicators issue fills this in.)
public struct Observation: Codable, Sendable, Hashable, SearchableRecord {
    public var id: String
    public var measure: String
    public var value: Double
    public var sources: [Provenance]
    public var searchText: String { measure }
}

/// A chartable quantity grouping observations (`bilateral-trade-turnover`).
public struct Measure: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
}

/// A curated correction for an observation, from `annotations/*.json`.
public struct IndicatorAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
}

public enum IndicatorExtractor {
    public static func extract(
        documents: [Document], citations: [InTextCitation], annotations: [String: [IndicatorAnnotation]]
    ) -> (observations: [Observation], measures: [Measure]) {
        ([], [])
    }
}
