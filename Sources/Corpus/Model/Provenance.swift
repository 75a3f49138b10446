/// Where a record came from: the exact span of the original file.
///
/// Offsets count Unicode scalars (code points) from the start of the raw
/// file, end exclusive, so `Array(rawFile.unicodeScalars)[start..<end]`
/// (or Python's `text[start:end]`) gives back `quote` exactly. `quote` is
/// verbatim: it keeps the file's own escapes and page breaks; `text` is the
/// same sentence cleaned for reading.
public struct Provenance: Codable, Sendable, Hashable {
    public var document: String
    public var passage: String
    public var start: Int
    public var end: Int
    public var quote: String
    public var text: String

    public init(document: String, passage: String, start: Int, end: Int, quote: String, text: String) {
        self.document = document
        self.passage = passage
        self.start = start
        self.end = end
        self.quote = quote
        self.text = text
    }
}
