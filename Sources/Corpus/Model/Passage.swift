/// A paragraph of a document, repaired and cleaned for reading, with a map
/// back to the original file so any part of it can be quoted verbatim.
public struct Passage: Sendable, Hashable, Identifiable {
    /// Stable: `<document>-p<NNN>` (1-based, zero-padded), so it survives a reload.
    public var id: String
    public var documentID: String
    public var sectionID: String
    /// Position in the document, 0-based.
    public var index: Int
    /// Cleaned text: Markdown escapes, `<sup>` tags, emphasis and footnote
    /// marks removed; a paragraph split by a page break is joined again.
    public var text: String
    /// `rawOffsets[i]` is the raw-file scalar offset of the i-th scalar of
    /// `text`; one extra entry at the end holds the raw end offset. Stored as
    /// runs (see `OffsetMap`), read like an array.
    public var rawOffsets: OffsetMap
    public var sentences: [Sentence]

    public init(
        id: String, documentID: String, sectionID: String, index: Int, text: String, rawOffsets: [Int],
        sentences: [Sentence]
    ) {
        self.id = id
        self.documentID = documentID
        self.sectionID = sectionID
        self.index = index
        self.text = text
        self.rawOffsets = OffsetMap(rawOffsets)
        self.sentences = sentences
    }

    /// Raw-file scalar offsets `[start, end)` of the whole passage.
    public var rawStart: Int { rawOffsets.first ?? 0 }
    public var rawEnd: Int { rawOffsets.last ?? 0 }

    /// The raw span `[start, end)` covering cleaned scalars `[from, to)` of `text`.
    public func rawRange(fromScalar from: Int, toScalar to: Int) -> Range<Int> {
        precondition(from >= 0 && from <= to && to < rawOffsets.count)
        let start = rawOffsets[from]
        // The raw end is just past the last scalar we cover.
        let end = to > from ? rawOffsets[to - 1] + 1 : start
        return start..<max(start, end)
    }
}

/// One sentence of a passage. Offsets are scalar offsets into the passage's
/// cleaned `text` (`start..<end`) and into the raw file (`rawStart..<rawEnd`).
///
/// The text is kept as a slice of the passage's `text`, not as a String of
/// its own: a copy of every sentence was a third of the text a loaded corpus
/// holds (about 25 MiB of 277 at 1,000 articles). `text` makes the String
/// when asked; callers that use it more than once should keep it. The
/// numbers are stored as `Int32` (a file is far below 2 GiB), which keeps a
/// sentence at 56 bytes with the slice.
public struct Sentence: Sendable, Hashable {
    /// Shares the passage text's storage.
    private var slice: Substring
    private var storedIndex: Int32
    private var storedStart: Int32
    private var storedEnd: Int32
    private var storedRawStart: Int32
    private var storedRawEnd: Int32

    public var index: Int {
        get { Int(storedIndex) }
        set { storedIndex = Int32(newValue) }
    }
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(newValue) }
    }
    public var rawStart: Int {
        get { Int(storedRawStart) }
        set { storedRawStart = Int32(newValue) }
    }
    public var rawEnd: Int {
        get { Int(storedRawEnd) }
        set { storedRawEnd = Int32(newValue) }
    }

    /// The sentence as its own String (a copy of the slice, made per call).
    public var text: String {
        get { String(slice) }
        set { slice = Substring(newValue) }
    }

    public init(index: Int, text: String, start: Int, end: Int, rawStart: Int, rawEnd: Int) {
        self.init(index: index, slice: Substring(text), start: start, end: end, rawStart: rawStart, rawEnd: rawEnd)
    }

    /// A sentence whose text is `slice`, a part of its passage's text, kept without a copy.
    public init(index: Int, slice: Substring, start: Int, end: Int, rawStart: Int, rawEnd: Int) {
        self.slice = slice
        self.storedIndex = Int32(index)
        self.storedStart = Int32(start)
        self.storedEnd = Int32(end)
        self.storedRawStart = Int32(rawStart)
        self.storedRawEnd = Int32(rawEnd)
    }
}
