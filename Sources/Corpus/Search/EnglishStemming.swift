/// Light English stemming for search keys: plural (and, after apostrophe
/// folding, possessive) endings only, the rules of the "S-stemmer" that
/// search engines ship as their minimal English stemmer. Aggressive stemming
/// (Porter) would merge "policy" and "police"; this keeps words apart and
/// only lets "pipelines" find "pipeline". Only keys of ASCII letters longer
/// than three letters are touched, so "gas", "US", "1990s" and Cyrillic words
/// stay as they are.
///
/// - `-ies` → `-y` (policies → policy), but not after a or e (series, "aies")
/// - `-es` after a vowel, `-us`, `-ss`, `-is` stay (shoes, status, class, analysis)
/// - any other final `s` goes (pipelines → pipeline, sanctions → sanction)
enum EnglishStemming {
    /// The length of `key`'s stem and whether its last letter becomes `y`.
    @inline(__always)
    static func stemmedLength(_ key: UnsafeBufferPointer<UInt8>) -> (Int, toY: Bool) {
        let n = key.count
        guard n > 3 else { return (n, false) }
        @inline(__always) func at(_ i: Int) -> UInt8 { key[key.startIndex + i] | 0x20 }
        guard at(n - 1) == UInt8(ascii: "s") else { return (n, false) }
        for i in 0..<n {
            let b = key[key.startIndex + i] | 0x20
            if b < UInt8(ascii: "a") || b > UInt8(ascii: "z") { return (n, false) }
        }
        switch at(n - 2) {
        case UInt8(ascii: "u"), UInt8(ascii: "s"), UInt8(ascii: "i"):
            return (n, false)
        case UInt8(ascii: "e"):
            let before = at(n - 3)
            if before == UInt8(ascii: "i"), n > 4, at(n - 4) != UInt8(ascii: "a"), at(n - 4) != UInt8(ascii: "e") {
                return (n - 2, true)  // policies → policy
            }
            if [UInt8(ascii: "i"), UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "e")].contains(before) {
                return (n, false)
            }
            return (n - 1, false)
        default:
            return (n - 1, false)
        }
    }

    /// Stems a lowercased key in place.
    static func stem(_ key: inout [UInt8]) {
        let (length, toY) = key.withUnsafeBufferPointer { stemmedLength($0) }
        guard length < key.count else { return }
        key.removeLast(key.count - length)
        if toY { key[length - 1] = UInt8(ascii: "y") }
    }
}
