/// A cue word with its UTF-8 bytes made once: `CueText.contains` turns its
/// cue into a byte array on every call, and the rule table asks hundreds of
/// cues per figure.
struct Cue: Sendable, Hashable {
    let text: String
    /// The bytes to search for; nil where `CueText` would not search bytes
    /// (an empty or non-ASCII cue).
    let bytes: [UInt8]?

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = !bytes.isEmpty && bytes.allSatisfy({ $0 < 0x80 }) ? bytes : nil
    }
}

extension CueText {
    /// `contains(cue.text)` for a prebuilt `Cue`: the same answers (a byte
    /// search when the text is plain and the cue ASCII, else Foundation's
    /// path), without encoding the cue on every call.
    func contains(_ cue: Cue) -> Bool {
        guard plain, let needle = cue.bytes else { return contains(cue.text) }
        var text = text
        return text.withUTF8 { hay in needle.withUnsafeBufferPointer { ByteSearch.contains($0, in: hay) } }
    }
}
