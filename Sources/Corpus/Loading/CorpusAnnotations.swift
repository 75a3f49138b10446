/// One curated annotation file, `annotations/<name>.json`: records that
/// refine what extraction finds in one document. Each record quotes the
/// document verbatim; the loader checks that the quote is there.
public struct CorpusAnnotations: Codable, Sendable {
    public var document: String
    public var events: [EventAnnotation]?
    public var indicators: [IndicatorAnnotation]?
    public var citations: [CitationAnnotation]?
}
