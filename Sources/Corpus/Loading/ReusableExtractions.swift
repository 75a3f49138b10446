import Foundation

/// What a load leaves for the next one (a reload) to reuse: each document
/// with its passages and its per-document extraction results, and the
/// inputs they were made from.
///
/// A document is reused only when the new load reads the same bytes:
/// the text compared byte for byte with the kept one (no hash to collide),
/// the metadata file and the curated annotations naming it by their
/// SHA-256 (`CorpusLoader.annotationDigest`, "raw" without annotations).
/// The extractor cannot change within a process, so it is not compared.
///
/// A document's references and in-text citations are not kept twice: the
/// model serves them in two arrays, document after document, and what is
/// kept here is those arrays (the same storage) and each document's range
/// in them. Kept per document as well, they were a twentieth of the
/// memory of a loaded corpus.
struct ReusableExtractions: Sendable {
    private struct Kept: Sendable {
        var document: Document
        /// Without its references and citations (see `references`).
        var extraction: DocumentExtraction
        var references: Range<Int>
        var citations: Range<Int>
        /// SHA-256 of the text file, when the load had a cache ("" without).
        var textDigest: String
        var metadataDigest: String
        var annotationDigest: String
    }

    private let byID: [String: Kept]
    /// The model's references and in-text citations: every document's, in document order.
    private let references: [Reference]
    private let citations: [InTextCitation]

    init() {
        byID = [:]
        references = []
        citations = []
    }

    /// `references` and `citations` are the extractions' own, concatenated in document order.
    init(
        documents: [Document], extractions: [DocumentExtraction], references: [Reference],
        citations: [InTextCitation], textDigests: [String], metadataDigests: [String: String],
        annotationDigests: [String]
    ) {
        var byID: [String: Kept] = [:]
        byID.reserveCapacity(documents.count)
        var r = 0
        var c = 0
        for (d, document) in documents.enumerated() {
            var extraction = extractions[d]
            let kept = (references: r..<r + extraction.references.count, citations: c..<c + extraction.citations.count)
            (r, c) = (kept.references.upperBound, kept.citations.upperBound)
            extraction.references = []
            extraction.citations = []
            byID[document.id] = Kept(
                document: document, extraction: extraction, references: kept.references, citations: kept.citations,
                textDigest: textDigests[d], metadataDigest: metadataDigests[document.id] ?? "",
                annotationDigest: annotationDigests[d])
        }
        precondition(r == references.count && c == citations.count, "references and citations are the extractions' own")
        self.byID = byID
        self.references = references
        self.citations = citations
    }

    /// Where document `id`'s references stand in the model's references (and its index's citations).
    func referenceRange(of id: String) -> Range<Int>? { byID[id]?.references }

    /// Document `id`'s kept text and its SHA-256 ("" when that load had
    /// no cache), if `bytes` are that text.
    func text(_ id: String, bytes: Data) -> (text: String, digest: String)? {
        guard let kept = byID[id] else { return nil }
        var text = kept.document.raw.string
        let same = text.withUTF8 { t in
            bytes.withUnsafeBytes { b in
                t.count == b.count && (t.isEmpty || memcmp(t.baseAddress!, b.baseAddress!, t.count) == 0)
            }
        }
        return same ? (text, kept.textDigest) : nil
    }

    /// The kept document `id`, if its text and metadata are the ones given.
    func document(_ id: String, text: String, metadataDigest: String) -> Document? {
        guard let kept = byID[id], kept.metadataDigest == metadataDigest,
            EntryWriter.sameBytes(kept.document.raw.string, text)
        else { return nil }
        return kept.document
    }

    /// The kept results for `document`, if its text, metadata and annotations are unchanged.
    func extraction(of document: Document, metadataDigest: String, annotationDigest: String) -> DocumentExtraction? {
        guard let kept = byID[document.id], kept.metadataDigest == metadataDigest,
            kept.annotationDigest == annotationDigest, EntryWriter.sameBytes(kept.document.raw.string, document.raw.string)
        else { return nil }
        var extraction = kept.extraction
        extraction.references = Array(references[kept.references])
        extraction.citations = Array(citations[kept.citations])
        return extraction
    }
}
