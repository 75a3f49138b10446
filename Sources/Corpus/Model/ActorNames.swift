import Foundation

/// Actor names as a user types them in `actor=`: a whole name or any of the
/// spellings the extraction recognises for it ("EAEU", "Yel'tsin", "USSR"),
/// ignoring case, diacritics, apostrophes and hyphens. A filter compares
/// whole names and whole words, never substrings: `in` is not a name.
public enum ActorNames {
    /// Folded spelling → canonical names (a spelling such as "Sino-Russian" names two).
    private static let aliases: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for (spelling, canonical) in ActorGazetteer.entries {
            for name in canonical.split(separator: "|") { table[fold(spelling), default: []].insert(String(name)) }
        }
        return table
    }()

    /// Lowercased, without diacritics, apostrophes or hyphens, spaces single.
    public static func fold(_ s: String) -> String {
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var space = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "\u{2019}", "\u{2018}", "\u{02BC}", "`": continue
            case "-", "\u{2010}", "\u{2011}", "\u{2013}": space = true
            case _ where scalar.properties.isWhitespace || scalar == ",": space = true
            default:
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `actor` (a canonical name on a record) is the one `query` names:
    /// the same name, a recognised spelling of it, or every word of the query
    /// a whole word of the name ("putin" for "Vladimir Putin").
    public static func matches(query: String, actor: String) -> Bool {
        let q = fold(query)
        if q.isEmpty { return false }
        let name = fold(actor)
        if q == name { return true }
        if aliases[q]?.contains(actor) == true { return true }
        let words = Set(name.split(separator: " "))
        return q.split(separator: " ").allSatisfy { words.contains($0) }
    }
}
