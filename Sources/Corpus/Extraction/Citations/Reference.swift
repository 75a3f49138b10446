/// One entry of a document's reference list. (Stub: the citations issue fills this in.)
public struct Reference: Codable, Sendable, Hashable, SearchableRecord {
    public var id: String
    public var document: String
    public var raw: String
    public var sources: [Provenance]
    public var searchText: String { raw }
}

/// A citation in the body text, resolved to a reference when possible.
public struct InTextCitation: Codable, Sendable, Hashable {
    public var id: String
    public var document: String
    public var referenceID: String?
    public var source: Provenance
}

/// A curated correction for a citation, from `annotations/*.json`.
public struct CitationAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
}

public enum CitationExtractor {
    public static func extract(
        documents: [Document], annotations: [String: [CitationAnnotation]]
    ) -> (references: [Reference], inText: [InTextCitation]) {
        ([], [])
    }
}
