/// Lowercase pieces of one sentence, for the cue searches around its figures.
///
/// The extractor lowercased each piece it cut (`t.text(a, b).lowercased()`),
/// several per figure; each is now a slice of the sentence lowered once
/// (see `IndicatorLoweredScalars`).
struct IndicatorLowerPieces {
    let tokens: SentenceTokens

    /// `tokens.text(from, to).lowercased()`.
    func piece(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, tokens.scalars.count))
        let b = max(a, min(to, tokens.scalars.count))
        return tokens.lowered.string(a, b)
    }

    /// `String(scalars: lowered.unicodeScalars.prefix(n))`, where `lowered`
    /// is the sentence lowercased: its first `n` scalars.
    func lead(_ n: Int) -> String { tokens.lowered.lowercasePrefix(scalars: n) }
}
