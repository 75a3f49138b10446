/// What the search index needs from any record type: an id, the text to
/// index, and where it came from.
public protocol SearchableRecord: Sendable {
    var id: String { get }
    /// Words a reader would search for: title, summary, quote, names.
    var searchText: String { get }
    var sources: [Provenance] { get }
}

/// A curated record refines what extraction finds. Every one names its
/// document (through the file it sits in) and quotes the text verbatim; the
/// loader refuses a corpus whose curated quote is not in its document.
public protocol QuotedAnnotation: Sendable {
    var quote: String { get }
}
