import Foundation

/// Names, titles and bare years inside reference entries.
extension ReferenceParser {

    /// "Donaldson, R. H. and Noguee, J. L.", "Wang L.", "TIMOFEYEV O. A.", "Jiang," → people, else nil.
    static func persons(_ text: String) -> [CSLName]? {
        let t = TextPattern.trim(text, ", ")
        guard !t.isEmpty else { return nil }
        let parts = ReferenceNameSplitter.splitAtConjunctions(t)
        var out: [CSLName] = []
        for part in parts {
            let p = TextPattern.trim(part, ", ")
            if let m = TextPattern.firstMatch(commaInitialsPattern, in: p) {
                out.append(.person(familyCase(m[1]!), m[2].map { TextPattern.trim($0, " ") }))
            } else if let m = TextPattern.firstMatch(spaceInitialsPattern, in: p) {
                out.append(.person(familyCase(m[1]!), TextPattern.trim(m[2]!, " ")))
            } else if let m = TextPattern.firstMatch(familyPattern, in: p), parts.count == 1,
                text.contains(",")
            {
                out.append(.person(familyCase(m[1]!)))
            } else {
                return nil
            }
        }
        return out
    }

    /// "Donaldson, R. H.", "Jiang," (the initials are optional).
    static let commaInitialsPattern = "^(\\p{Lu}[\\p{L}'\\-]+)\\s*,\\s*((?:\\p{Lu}\\.?\\s*){1,3})?$"
    /// "Wang L.", "TIMOFEYEV O. A."
    static let spaceInitialsPattern = "^(\\p{Lu}[\\p{L}'\\-]+)\\s+((?:\\p{Lu}\\.\\s*){1,3})$"
    /// "Jiang" alone (the parser also asks for a comma in the entry).
    static let familyPattern = "^(\\p{Lu}[\\p{L}'\\-]+)$"

    /// "Ron Huisken", "Samuel S. Kim", "Li Hui" → family is the last word.
    static func namesGivenFirst(_ text: String) -> [CSLName] {
        let words = TextPattern.trim(text).split(separator: " ").map(String.init)
        guard let family = words.last else { return [] }
        return [.person(family, words.dropLast().joined(separator: " "))]
    }

    /// Surnames printed in capitals ("TIMOFEYEV") are a style, not the name: "Timofeyev".
    static func familyCase(_ s: String) -> String {
        guard s.count > 1, s == s.uppercased(), s != s.lowercased() else { return s }
        return s.prefix(1) + s.dropFirst().lowercased()
    }

    static func cleanTitle(_ s: String) -> String? {
        // Replacing runs only when the text has what it replaces.
        var t = ByteSearch.contains(s, "*") ? s.replacingOccurrences(of: "*", with: "") : s
        t = TextPattern.trim(t, ",.;: \"“”'")
        if ByteSearch.contains(t, "  ") { t = t.replacingOccurrences(of: "  ", with: " ") }
        // A quote left open by the author ("Trud," → Trud) would read as a typo.
        if t.filter({ $0 == "\"" }).count % 2 == 1 { t = t.replacingOccurrences(of: "\"", with: "") }
        return t.isEmpty ? nil : t
    }

    /// A lowercase word ending the text: "until" in "… until 2020".
    static let lowercaseWordAtEndPattern = "\\b\\p{Ll}+\\s*$"

    /// A year standing alone ("…, 2004 Ministry", "Weapon 2021 Ministry") but not inside a phrase
    /// such as "until 2020" (a lowercase word before it makes it part of the title).
    static func standaloneYear(_ s: String) -> (year: Int, before: String, after: String)? {
        let matches = TextPattern.allMatches("(?<![\\d./\\-])(1[6-9]\\d\\d|20\\d\\d)(?![\\d/\\-]|\\.\\d)", in: s)
        let length = s.utf16.count
        for m in matches.reversed() {
            let before = TextPattern.substring(s, NSRange(location: 0, length: m.range.location))
            if TextPattern.matches(lowercaseWordAtEndPattern, before) {
                continue
            }
            let end = m.range.location + m.range.length
            let after = TextPattern.substring(s, NSRange(location: end, length: length - end))
            return (Int(m.groups[1]!)!, before, after)
        }
        return nil
    }
}
