/// A folded word (or name) that the resolver compares with
/// `TextPattern.similar` or `editDistance`, with what settles most pairs
/// known once: its length in scalars and which scalars it has. Resolving
/// compares each cited word with every family and title word of the list,
/// and an unresolved name with every entry's label; `similar` needs the
/// shorter word to have four letters and the lengths to be one or two apart
/// at most, and neither side may have more letters the other lacks than the
/// edits allowed. Without these at hand each pair scanned both words first,
/// and most pairs then went through a whole edit distance.
struct CitationWord: Sendable, Hashable {
    let text: String
    /// The length in scalars when each scalar is one `SimpleScalars` takes
    /// (ASCII but "\r", Latin, Cyrillic, CJK), where a scalar is one
    /// `Character` equal to no other; nil otherwise.
    let simpleLength: Int?
    /// The scalars' classes, for `ASCIIText.distanceBound`.
    let mask: UInt64

    init(_ text: String) {
        self.text = text
        var count = 0
        var simple = true
        var mask: UInt64 = 0
        for scalar in text.unicodeScalars {
            simple = simple && SimpleScalars.isSimple(scalar.value)
            mask |= 1 << UInt64(scalar.value & 63)
            count += 1
        }
        simpleLength = simple ? count : nil
        self.mask = mask
    }

    /// `TextPattern.similar(a.text, b.text)`.
    static func similar(_ a: CitationWord, _ b: CitationWord) -> Bool {
        guard let countA = a.simpleLength, let countB = b.simpleLength else { return TextPattern.similar(a.text, b.text) }
        // Such words of different lengths differ; of the same length, they may be equal.
        if countA == countB && a.text == b.text { return true }
        let shorter = min(countA, countB)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 7 ? 2 : 1
        guard abs(countA - countB) <= allowed, ASCIIText.distanceBound(a.mask, b.mask) <= allowed else { return false }
        return TextPattern.editDistance(a.text, b.text, limit: allowed) <= allowed
    }

    /// `TextPattern.editDistance(a.text, b.text, limit:)`: the distance when
    /// at most `limit`, else any value above it.
    static func distance(_ a: CitationWord, _ b: CitationWord, limit: Int) -> Int {
        if let countA = a.simpleLength, let countB = b.simpleLength,
            abs(countA - countB) > limit || ASCIIText.distanceBound(a.mask, b.mask) > limit
        {
            return limit + 1
        }
        return TextPattern.editDistance(a.text, b.text, limit: limit)
    }
}
