import Foundation

/// CSL-JSON (`application/vnd.citationstyles.csl+json`): a top-level array,
/// `id` and `type` on every item, only CSL 1.0.2 variables at the top level
/// (missing ones left out: the CSL schema allows no `null`), our own fields
/// under `custom`. Pure: no I/O.
public enum CSLJSONExport {
    public static let mediaType = "application/vnd.citationstyles.csl+json"

    public static func string(_ references: [Reference]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(references.map(Item.init))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One CSL item. Separate from `Reference` so the API's own JSON (explicit nulls,
    /// provenance) and the strict CSL form can differ.
    struct Item: Encodable {
        let ref: Reference

        enum Key: String, CodingKey {
            case id, type, author, editor, issued, title, volume, issue, page, publisher, accessed, language, note, custom
            case containerTitle = "container-title"
            case publisherPlace = "publisher-place"
            case url = "URL"
            case doi = "DOI"
            case originalTitle = "original-title"
            case yearSuffix = "year-suffix"
        }

        struct Custom: Encodable {
            let document: String
            let raw: String
            let citedCount: Int
            let source: Provenance
            enum CodingKeys: String, CodingKey {
                case document, raw, source
                case citedCount = "cited_count"
            }
        }

        init(_ ref: Reference) { self.ref = ref }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(ref.id, forKey: .id)
            try c.encode(ref.type, forKey: .type)
            if !ref.author.isEmpty { try c.encode(ref.author, forKey: .author) }
            if !ref.editor.isEmpty { try c.encode(ref.editor, forKey: .editor) }
            try c.encodeIfPresent(ref.issued, forKey: .issued)
            try c.encodeIfPresent(ref.title, forKey: .title)
            try c.encodeIfPresent(ref.containerTitle, forKey: .containerTitle)
            try c.encodeIfPresent(ref.volume, forKey: .volume)
            try c.encodeIfPresent(ref.issue, forKey: .issue)
            try c.encodeIfPresent(ref.page, forKey: .page)
            try c.encodeIfPresent(ref.publisher, forKey: .publisher)
            try c.encodeIfPresent(ref.publisherPlace, forKey: .publisherPlace)
            try c.encodeIfPresent(ref.url, forKey: .url)
            try c.encodeIfPresent(ref.doi, forKey: .doi)
            try c.encodeIfPresent(ref.accessed, forKey: .accessed)
            try c.encodeIfPresent(ref.language, forKey: .language)
            try c.encodeIfPresent(ref.originalTitle, forKey: .originalTitle)
            try c.encodeIfPresent(ref.note, forKey: .note)
            try c.encodeIfPresent(ref.yearSuffix, forKey: .yearSuffix)
            try c.encode(
                Custom(document: ref.document, raw: ref.raw, citedCount: ref.citedCount, source: ref.source),
                forKey: .custom)
        }
    }
}
