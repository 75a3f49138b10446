/// A dated happening told by the corpus. (Stub: the events issue fills this in.)
public struct TimelineEvent: Codable, Sendable, Hashable, SearchableRecord {
    public var id: String
    public var title: String
    public var sources: [Provenance]
    public var searchText: String { title }
}

/// A curated correction for an event, from `annotations/*.json`.
public struct EventAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
}

public enum EventExtractor {
    public static func extract(
        documents: [Document], citations: [InTextCitation], annotations: [String: [EventAnnotation]]
    ) -> [TimelineEvent] {
        []
    }
}
