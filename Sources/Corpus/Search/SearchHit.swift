/// What kind of thing a search hit is; the `types` filter of a search.
public enum SearchHitType: String, Codable, Sendable, Hashable, CaseIterable {
    case passage, event, indicator, citation
}

/// One search result.
///
/// `snippet` is HTML, safe to assign to `innerHTML`: the text around the
/// match (about 200 characters of the cleaned text, `…` where cut) with every
/// `&`, `<`, `>`, `"` and `'` escaped, and each matched word wrapped in
/// `<mark>…</mark>`. Those `<mark>` tags are the only markup it contains.
public struct SearchHit: Sendable, Hashable, Codable {
    public var type: SearchHitType
    public var id: String
    /// BM25 score: only comparable between hits of the same search.
    public var score: Double
    public var snippet: String
    /// The passage itself, or the record's first source; `nil` only for a record without sources.
    public var provenance: Provenance?

    public init(type: SearchHitType, id: String, score: Double, snippet: String, provenance: Provenance?) {
        self.type = type
        self.id = id
        self.score = score
        self.snippet = snippet
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey { case type, id, score, snippet, provenance }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(id, forKey: .id)
        try c.encode(score, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(provenance, forKey: .provenance)
    }
}
