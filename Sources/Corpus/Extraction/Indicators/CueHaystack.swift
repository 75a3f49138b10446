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

/// `CueText` for prebuilt `Cue`s: the same answers (a byte search when the
/// text is plain and the cue ASCII, else `CueText`'s own Foundation path),
/// without the per-call cue encoding.
struct CueHaystack: Sendable {
    let text: String
    /// `CueText.isPlain(text)`: a byte search gives Foundation's answers.
    private let plain: Bool

    init(_ text: String) {
        self.text = text
        self.plain = CueText.isPlain(text)
    }

    func contains(_ cue: Cue) -> Bool {
        guard plain, let needle = cue.bytes else { return CueText(text).contains(cue.text) }
        var text = text
        return text.withUTF8 { hay in needle.withUnsafeBufferPointer { ByteSearch.contains($0, in: hay) } }
    }

    func contains(_ cue: String) -> Bool { contains(Cue(cue)) }
}
