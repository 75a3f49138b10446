/// A folded word that the resolver compares with `TextPattern.similar`,
/// with its ASCII length known once. Resolving compares each cited word
/// with every family and title word of the list, and for ASCII words (almost
/// all) the lengths alone settle most pairs: `similar` needs the shorter
/// word to have four letters and the two lengths to be one or two apart at
/// most. Without the length at hand each pair scanned both words first.
struct CitationWord: Sendable, Hashable {
    let text: String
    /// The UTF-8 length when `text` is ASCII without "\r" (then each byte is one `Character`).
    let plainLength: Int?
    /// The bytes' classes, for `ASCIIText.distanceBound`.
    let mask: UInt64

    init(_ text: String) {
        self.text = text
        var copy = text
        (plainLength, mask) = copy.withUTF8 { b -> (Int?, UInt64) in
            let plain = b.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            return (plain ? b.count : nil, ASCIIText.mask(b))
        }
    }

    /// `TextPattern.similar(a.text, b.text)`.
    static func similar(_ a: CitationWord, _ b: CitationWord) -> Bool {
        guard let countA = a.plainLength, let countB = b.plainLength else { return TextPattern.similar(a.text, b.text) }
        // ASCII strings of different lengths differ; of the same length, they may be equal.
        if countA == countB && a.text == b.text { return true }
        let shorter = min(countA, countB)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 7 ? 2 : 1
        guard abs(countA - countB) <= allowed, ASCIIText.distanceBound(a.mask, b.mask) <= allowed else { return false }
        return TextPattern.editDistance(a.text, b.text, limit: allowed) <= allowed
    }
}
