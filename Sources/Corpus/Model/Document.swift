/// One article: its metadata, the raw file kept byte for byte, and the
/// sections and passages derived from it.
public struct Document: Sendable, Identifiable {
    public var id: String { metadata.id }
    public var metadata: DocumentMetadata
    public var raw: RawText
    public var sections: [Section]
    public var passages: [Passage]

    public init(metadata: DocumentMetadata, raw: RawText, sections: [Section], passages: [Passage]) {
        self.metadata = metadata
        self.raw = raw
        self.sections = sections
        self.passages = passages
    }

    /// Provenance for cleaned scalars `[from, to)` of a passage.
    public func provenance(passage: Passage, fromScalar from: Int, toScalar to: Int) -> Provenance {
        let range = passage.rawRange(fromScalar: from, toScalar: to)
        let cleaned = String(scalars: passage.text.unicodeScalars.dropFirst(from).prefix(to - from))
        return Provenance(
            document: id, passage: passage.id, start: range.lowerBound, end: range.upperBound,
            quote: raw.slice(range, sharing: cleaned), text: cleaned)
    }

    /// Provenance for a whole sentence.
    public func provenance(passage: Passage, sentence: Sentence) -> Provenance {
        provenance(passage: passage, sentence: sentence, text: sentence.text)
    }

    /// Provenance for a whole sentence whose `text` the caller already made:
    /// the quote, the text and whatever else the caller keeps then share one
    /// storage (`Sentence.text` makes a new String per call).
    public func provenance(passage: Passage, sentence: Sentence, text: String) -> Provenance {
        Provenance(
            document: id, passage: passage.id, start: sentence.rawStart, end: sentence.rawEnd,
            quote: raw.slice(sentence.rawStart..<sentence.rawEnd, sharing: text), text: text)
    }
}

/// A heading and the passages under it.
public struct Section: Sendable, Hashable, Identifiable {
    /// Stable: `<document>-s<NN>`; `<document>-s00` is the front matter before the first heading.
    public var id: String
    public var title: String
    /// 1 for a top-level heading, deeper numbers for sub-headings (`2.1.` or `###`).
    public var level: Int
    public var index: Int
    public var passageIDs: [String]

    public init(id: String, title: String, level: Int, index: Int, passageIDs: [String]) {
        self.id = id
        self.title = title
        self.level = level
        self.index = index
        self.passageIDs = passageIDs
    }
}
