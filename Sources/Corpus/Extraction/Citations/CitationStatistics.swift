/// Resolved and unresolved in-text citations per document.
public struct CitationStatistics: Codable, Sendable, Hashable {
    public struct Row: Codable, Sendable, Hashable {
        public var document: String
        public var references: Int
        public var inText: Int
        public var resolved: Int
        public var unresolved: Int
        public var uncitedReferences: Int

        enum CodingKeys: String, CodingKey {
            case document, references
            case inText = "in_text"
            case resolved, unresolved
            case uncitedReferences = "uncited_references"
        }
    }

    public var documents: [Row]

    public init(references: [Reference], inText: [InTextCitation]) {
        let ids = Set(references.map(\.document)).union(inText.map(\.document)).sorted()
        documents = ids.map { id in
            let refs = references.filter { $0.document == id }
            let cites = inText.filter { $0.document == id }
            let resolved = cites.filter(\.resolved).count
            return Row(
                document: id, references: refs.count, inText: cites.count, resolved: resolved,
                unresolved: cites.count - resolved, uncitedReferences: refs.filter { $0.citedCount == 0 }.count)
        }
    }

    public func row(_ document: String) -> Row? { documents.first { $0.document == document } }
}
