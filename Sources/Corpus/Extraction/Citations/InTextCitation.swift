/// A citation in the body text, resolved to a reference when possible.
///
/// `source` is the sentence the citation supports (events and indicators
/// match on `source.document` + offset overlap with their own sentences);
/// `span` is the citation itself, so a reader can highlight it.
public struct InTextCitation: Codable, Sendable, Hashable, SearchableRecord {
    /// `<document>-cite-<raw start offset>`: stable across reloads of the same file.
    public var id: String
    public var document: String
    public var passage: String
    /// The citation as printed, italics marks included ("(Marsh, *Harbin Modern* 140)"); one that a
    /// page break splits is given as the passage reads, joined.
    public var text: String
    public var authors: [String]
    public var year: Int?
    /// `a`, `b` … after the year (`2021a`).
    public var yearSuffix: String?
    /// Pages or other locator as printed ("183", "63-95").
    public var locator: String?
    public var kind: Kind
    /// The first work cited (`referenceIDs.first`), for clients that read one.
    public var referenceID: String?
    /// Every work the marker cites, in its order: "[2, 3]", "[6–8]" or a
    /// note that names several works list them all. Empty when none resolved.
    public var referenceIDs: [String]
    public var resolved: Bool
    /// How it was resolved ("author and year", "fuzzy author (Wishnik ~ Wishnick)", "curated" …).
    public var match: String?
    public var unresolvedReason: String?
    /// The sentence the citation supports.
    public var source: Provenance
    /// The citation's own span in the raw file.
    public var span: Provenance

    public enum Kind: String, Codable, Sendable, Hashable {
        /// Author-date or author-page in brackets: "(Voskressenski, 2003:183)", "(Lukin 45)".
        case parenthetical
        /// The author named in the sentence: "Rajan Menon notes that", "Dittmer (1994) argues",
        /// "Bank of Russia (2023)", or an unbracketed "Ivanova 22" in a source line.
        case narrative
        /// A number of a numbered list: "[1]", "[2, 3]", "[4, p. 12]", "(6–8)".
        case numeric
        /// A note mark, "<sup>12</sup>" or "¹²", resolved through the note it points to.
        case note
    }

    public var sources: [Provenance] { [source] }
    public var searchText: String { ([text] + authors + [source.text]).joined(separator: " ") }

    enum CodingKeys: String, CodingKey {
        case id, document, passage, text, authors, year
        case yearSuffix = "year_suffix"
        case locator, kind
        case referenceID = "reference_id"
        case referenceIDs = "reference_ids"
        case resolved, match
        case unresolvedReason = "unresolved_reason"
        case source, span
    }

    public init(
        id: String, document: String, passage: String, text: String, authors: [String], year: Int?,
        yearSuffix: String?, locator: String?, kind: Kind, source: Provenance, span: Provenance
    ) {
        self.id = id
        self.document = document
        self.passage = passage
        self.text = text
        self.authors = authors
        self.year = year
        self.yearSuffix = yearSuffix
        self.locator = locator
        self.kind = kind
        self.referenceID = nil
        self.referenceIDs = []
        self.resolved = false
        self.match = nil
        self.unresolvedReason = nil
        self.source = source
        self.span = span
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(document, forKey: .document)
        try c.encode(passage, forKey: .passage)
        try c.encode(text, forKey: .text)
        try c.encode(authors, forKey: .authors)
        try c.encode(year, forKey: .year)
        try c.encode(yearSuffix, forKey: .yearSuffix)
        try c.encode(locator, forKey: .locator)
        try c.encode(kind, forKey: .kind)
        try c.encode(referenceID, forKey: .referenceID)
        try c.encode(referenceIDs, forKey: .referenceIDs)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(match, forKey: .match)
        try c.encode(unresolvedReason, forKey: .unresolvedReason)
        try c.encode(source, forKey: .source)
        try c.encode(span, forKey: .span)
    }
}
