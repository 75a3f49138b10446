/// One entry of a document's reference list, parsed into CSL-JSON variables.
///
/// Field names follow CSL-JSON (`container-title`, `issued`, `URL`, `DOI`)
/// so the record can be handed to a citation processor; our own fields
/// (`year`, `raw`, `cited_count`, `source`) are snake_case. Whatever the
/// parser could not place stays in `raw`, which is the entry exactly as
/// printed (`raw == source.quote`), so nothing is ever lost.
public struct Reference: Codable, Sendable, Hashable, SearchableRecord {
    /// `<doc-short>-<family>-<year><suffix>`, e.g. `pathak-menon-1997a`; `nd` when no year.
    public var id: String
    public var document: String
    /// A CSL 1.0.2 item type (`article-journal`, `book`, `chapter`, `treaty`, …).
    public var type: String
    public var author: [CSLName]
    public var editor: [CSLName]
    /// Publication date; `nil` when the entry prints none (an access date is not an issue date).
    public var issued: CSLDate?
    public var title: String?
    public var containerTitle: String?
    public var volume: String?
    public var issue: String?
    public var page: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var url: String?
    public var doi: String?
    public var accessed: CSLDate?
    /// `zh`, `ru` or `en`, guessed from the script of the entry.
    public var language: String?
    /// A bracketed title in another script (the original of a translated title).
    public var originalTitle: String?
    /// Other bracketed text kept for the reader (e.g. an English gloss of a Chinese name).
    public var note: String?
    /// Issue year, or `nil`. Mirrors `issued` for clients that want a plain number.
    public var year: Int?
    /// `a`, `b` … as printed after the year (`1997a`).
    public var yearSuffix: String?
    /// The entry verbatim from the raw file.
    public var raw: String
    /// In-text citations resolved to this entry.
    public var citedCount: Int
    /// The entry's line in the raw file: `raw.slice(source.start..<source.end) == source.quote == raw`.
    public var source: Provenance

    public var sources: [Provenance] { [source] }

    public var searchText: String {
        let names = (author + editor).map(\.display)
        return (names + [title, containerTitle, originalTitle, raw].compactMap { $0 }).joined(separator: " ")
    }

    public init(id: String, document: String, type: String, raw: String, source: Provenance) {
        self.id = id
        self.document = document
        self.type = type
        self.author = []
        self.editor = []
        self.raw = raw
        self.citedCount = 0
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, document, type, author, editor, issued, title
        case containerTitle = "container-title"
        case volume, issue, page, publisher
        case publisherPlace = "publisher-place"
        case url = "URL"
        case doi = "DOI"
        case accessed, language
        case originalTitle = "original-title"
        case note, year
        case yearSuffix = "year_suffix"
        case raw
        case citedCount = "cited_count"
        case source
    }

    /// Explicit `null` for every missing optional, so every row has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(document, forKey: .document)
        try c.encode(type, forKey: .type)
        try c.encode(author, forKey: .author)
        try c.encode(editor, forKey: .editor)
        try c.encode(issued, forKey: .issued)
        try c.encode(title, forKey: .title)
        try c.encode(containerTitle, forKey: .containerTitle)
        try c.encode(volume, forKey: .volume)
        try c.encode(issue, forKey: .issue)
        try c.encode(page, forKey: .page)
        try c.encode(publisher, forKey: .publisher)
        try c.encode(publisherPlace, forKey: .publisherPlace)
        try c.encode(url, forKey: .url)
        try c.encode(doi, forKey: .doi)
        try c.encode(accessed, forKey: .accessed)
        try c.encode(language, forKey: .language)
        try c.encode(originalTitle, forKey: .originalTitle)
        try c.encode(note, forKey: .note)
        try c.encode(year, forKey: .year)
        try c.encode(yearSuffix, forKey: .yearSuffix)
        try c.encode(raw, forKey: .raw)
        try c.encode(citedCount, forKey: .citedCount)
        try c.encode(source, forKey: .source)
    }
}

/// A CSL name: a person (`family`, `given`) or an organisation (`literal`).
/// Only the parts present are encoded, as CSL-JSON expects.
public struct CSLName: Codable, Sendable, Hashable {
    public var family: String?
    public var given: String?
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
    }

    public static func person(_ family: String, _ given: String? = nil) -> CSLName {
        CSLName(family: family, given: given?.isEmpty == true ? nil : given)
    }

    public static func organisation(_ name: String) -> CSLName { CSLName(literal: name) }

    public var isOrganisation: Bool { literal != nil }

    /// "Family, Given", "Family" or the literal name.
    public var display: String {
        if let literal { return literal }
        return [family, given].compactMap { $0 }.joined(separator: ", ")
    }
}

/// A CSL date: `{"date-parts": [[2018, 1, 12]]}` (year, month, day; trailing parts optional).
public struct CSLDate: Codable, Sendable, Hashable {
    public var dateParts: [[Int]]

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        var parts = [year]
        if let month {
            parts.append(month)
            if let day { parts.append(day) }
        }
        dateParts = [parts]
    }

    public var year: Int? { dateParts.first?.first }
    public var month: Int? { dateParts.first.flatMap { $0.count > 1 ? $0[1] : nil } }
    public var day: Int? { dateParts.first.flatMap { $0.count > 2 ? $0[2] : nil } }

    enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
}
