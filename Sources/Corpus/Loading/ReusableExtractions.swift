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
struct ReusableExtractions: Sendable {
    private struct Kept: Sendable {
        var document: Document
        var extraction: DocumentExtraction
        /// SHA-256 of the text file, when the load had a cache ("" without).
        var textDigest: String
        var metadataDigest: String
        var annotationDigest: String
    }

    private let byID: [String: Kept]

    init() { byID = [:] }

    init(
        documents: [Document], extractions: [DocumentExtraction], textDigests: [String],
        metadataDigests: [String: String], annotationDigests: [String]
    ) {
        var byID: [String: Kept] = [:]
        byID.reserveCapacity(documents.count)
        for (d, document) in documents.enumerated() {
            byID[document.id] = Kept(
                document: document, extraction: extractions[d], textDigest: textDigests[d],
                metadataDigest: metadataDigests[document.id] ?? "",
                annotationDigest: annotationDigests[d])
        }
        self.byID = byID
    }

    /// The kept SHA-256 of document `id`'s text, if `bytes` are that text.
    func textDigest(_ id: String, bytes: Data) -> String? {
        guard let kept = byID[id], !kept.textDigest.isEmpty else { return nil }
        var text = kept.document.raw.string
        let same = text.withUTF8 { t in
            bytes.withUnsafeBytes { b in
                t.count == b.count && (t.isEmpty || memcmp(t.baseAddress!, b.baseAddress!, t.count) == 0)
            }
        }
        return same ? kept.textDigest : nil
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
        return kept.extraction
    }
}
