/// Whether a paragraph of a reference list opens a new entry, by its first
/// visible character: a capital or a letter of a script without case, a
/// quoted title, a number ("12.", "[12]", "(12)"), a bullet or a ditto dash
/// ("———."), or a name particle followed by a capitalised name ("van Dijk").
/// A paragraph that opens in lower case or with a bare number carries on
/// the entry before it (a page break cut it).
enum ReferenceEntryShape {
    static func opensNewEntry(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.drop { $0 == "*" || $0 == "_" || $0.properties.isWhitespace })
        guard let first = scalars.first else { return false }
        let p = first.properties
        if p.isUppercase || p.generalCategory == .titlecaseLetter { return true }
        if p.isAlphabetic && !p.isLowercase && !p.changesWhenCaseMapped { return true }
        if "“\"«‘„".unicodeScalars.contains(first) || "—–-•_".unicodeScalars.contains(first) { return true }
        if first == "[" || first == "(" { return scalars.dropFirst().first.map(isDigit) ?? false }
        if isDigit(first) {
            let rest = scalars.drop(while: isDigit)
            guard scalars.count - rest.count <= 3, let mark = rest.first, mark == "." || mark == ")" else { return false }
            return rest.dropFirst().first.map(\.properties.isWhitespace) ?? false
        }
        if p.isLowercase {
            let word = String(String.UnicodeScalarView(scalars.prefix { $0.properties.isAlphabetic }))
            let after = scalars.dropFirst(word.unicodeScalars.count).first { !$0.properties.isWhitespace && $0 != "-" && $0 != "'" }
            return Lexicon.nameParticles.contains(word) && (after?.properties.isUppercase ?? false)
        }
        return false
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    /// The number an entry or note opens with: "12. ", "12) ", "[12] ", "(12) " (one to three digits).
    static func number(_ text: some StringProtocol) -> Int? {
        var scalars = Substring(text).unicodeScalars.drop { $0.properties.isWhitespace }
        let bracket = scalars.first.flatMap { $0 == "[" || $0 == "(" ? $0 : nil }
        if bracket != nil { scalars = scalars.dropFirst() }
        let digits = scalars.prefix(while: isDigit)
        guard (1...3).contains(digits.count), let n = Int(String(String.UnicodeScalarView(digits))) else { return nil }
        let rest = scalars.dropFirst(digits.count)
        guard let mark = rest.first else { return nil }
        switch bracket {
        case "[": guard mark == "]" else { return nil }
        case "(": guard mark == ")" else { return nil }
        default: guard mark == "." || mark == ")" else { return nil }
        }
        guard let after = rest.dropFirst().first, after.properties.isWhitespace else { return nil }
        return n
    }
}
