/// A curated correction from `annotations/*.json` (`"citations": [...]`).
///
/// `quote` is verbatim text of the raw file. If it lies inside a reference
/// entry, the other fields override what the parser found for that entry; if
/// it lies inside (or covers) an in-text citation, `resolve_to` names the
/// reference it cites (`null` with `unresolved_reason` marks a citation that
/// is known to match no entry). Fields left out change nothing.
public struct CitationAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
    public var referenceType: String?
    public var title: String?
    public var containerTitle: String?
    /// Person names as "Family, Given"; organisations as plain names (no comma).
    public var authors: [String]?
    public var year: Int?
    /// Set to true to clear a year the parser took from a title ("until 2020").
    public var noYear: Bool?
    public var resolveTo: String?
    public var unresolvedReason: String?
    public var comment: String?

    public init(
        quote: String, referenceType: String? = nil, title: String? = nil, containerTitle: String? = nil,
        authors: [String]? = nil, year: Int? = nil, noYear: Bool? = nil, resolveTo: String? = nil,
        unresolvedReason: String? = nil, comment: String? = nil
    ) {
        self.quote = quote
        self.referenceType = referenceType
        self.title = title
        self.containerTitle = containerTitle
        self.authors = authors
        self.year = year
        self.noYear = noYear
        self.resolveTo = resolveTo
        self.unresolvedReason = unresolvedReason
        self.comment = comment
    }

    enum CodingKeys: String, CodingKey {
        case quote
        case referenceType = "reference_type"
        case title
        case containerTitle = "container_title"
        case authors, year
        case noYear = "no_year"
        case resolveTo = "resolve_to"
        case unresolvedReason = "unresolved_reason"
        case comment
    }
}
