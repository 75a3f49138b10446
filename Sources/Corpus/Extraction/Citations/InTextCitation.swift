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
    /// The citation as written (cleaned: a page break inside it is joined).
    public var text: String
    public var authors: [String]
    public var year: Int?
    /// `a`, `b` … after the year (`2021a`).
    public var yearSuffix: String?
    /// Pages or other locator as printed ("183", "63-95").
    public var locator: String?
    public var kind: Kind
    public var referenceID: String?
    public var resolved: Bool
    /// How it was resolved ("author and year", "fuzzy author (Wishnik ~ Wishnick)", "curated" …).
    public var match: String?
    public var unresolvedReason: String?
    /// The sentence the citation supports.
    public var source: Provenance
    /// The citation's own span in the raw file.
    public var span: Provenance

    public enum Kind: String, Codable, Sendable, Hashable {
        /// "(Voskressenski, 2003:183)"
        case parenthetical
        /// "Rajan Menon notes that", "Dittmer (1994) argues"
        case narrative
    }

    public var sources: [Provenance] { [source] }
    public var searchText: String { ([text] + authors + [source.text]).joined(separator: " ") }

    enum CodingKeys: String, CodingKey {
        case id, document, passage, text, authors, year
        case yearSuffix = "year_suffix"
        case locator, kind
        case referenceID = "reference_id"
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
        try c.encode(resolved, forKey: .resolved)
        try c.encode(match, forKey: .match)
        try c.encode(unresolvedReason, forKey: .unresolvedReason)
        try c.encode(source, forKey: .source)
        try c.encode(span, forKey: .span)
    }
}
