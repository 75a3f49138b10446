/// Lowercase pieces of one sentence, for the cue searches around its figures.
///
/// The extractor lowercased each piece it cut (`t.text(a, b).lowercased()`),
/// several per figure. In an ASCII sentence a scalar offset is a byte offset
/// and lowercasing maps byte to byte, so the piece of the lowered sentence is
/// that lowercase: it is cut from the sentence lowered once. Other sentences
/// keep the per-piece path, which is the spec.
struct IndicatorLowerPieces {
    let tokens: SentenceTokens
    /// The lowered sentence.
    private let lowered: String
    /// `lowered` as UTF-8; filled only when the sentence is ASCII.
    private let bytes: [UInt8]

    init(tokens: SentenceTokens, lowered sentence: String) {
        self.tokens = tokens
        self.bytes = tokens.isASCII ? Array(sentence.utf8) : []
        self.lowered = sentence
    }

    /// `tokens.text(from, to).lowercased()`.
    func piece(_ from: Int, _ to: Int) -> String {
        guard tokens.isASCII else { return tokens.text(from, to).lowercased() }
        let a = max(0, min(from, bytes.count))
        let b = max(a, min(to, bytes.count))
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    /// `String(scalars: lowered.unicodeScalars.prefix(n))`: the lowered
    /// sentence's first `n` scalars.
    func lead(_ n: Int) -> String {
        guard tokens.isASCII else { return String(scalars: lowered.unicodeScalars.prefix(n)) }
        return String(decoding: bytes.prefix(n), as: UTF8.self)
    }
}
