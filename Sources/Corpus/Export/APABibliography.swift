import Foundation

/// An APA 7 reference list as plain text (`text/x-bibliography`), one entry
/// per line, sorted by the first element (author, or title when there is
/// none) then year. Plain text cannot carry italics, so titles of books and
/// journal names are printed without them; "n.d." stands for a missing year;
/// an organisation is its own author. A best-effort rendering of what the
/// parser found, not a replacement for a citation processor.
public enum APABibliography {
    public static let mediaType = "text/x-bibliography"

    public static func string(_ references: [Reference]) -> String {
        let sorted = references.sorted { a, b in
            let ka = sortKey(a), kb = sortKey(b)
            return ka != kb ? ka < kb : (a.year ?? 0, a.id) < (b.year ?? 0, b.id)
        }
        return sorted.map(entry).map { $0 + "\n" }.joined()
    }

    /// The first element folded, without a leading article: APA files "The Century
    /// Foundation" under C and "A Theory of …" under T.
    static func sortKey(_ r: Reference) -> String {
        let first = r.author.first.map { $0.literal ?? $0.family ?? "" } ?? r.title ?? r.raw
        let folded = first.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .punctuationCharacters)
        for article in ["the ", "a ", "an "] where folded.hasPrefix(article) && r.author.first?.family == nil {
            return String(folded.dropFirst(article.count))
        }
        return folded
    }

    static func entry(_ r: Reference) -> String {
        let date = "(" + (r.year.map { "\($0)\(r.yearSuffix ?? "")" } ?? "n.d.") + ")."
        let title = r.title.map { sentence($0) }
        var parts: [String] = []
        if let authors = authorList(r.author) {
            // "Organisation. (2018)." but "Larson, D. W., & Shevchenko, A. (2010)."
            parts = [authors.hasSuffix(".") ? authors : authors + ".", date]
            if let title { parts.append(title) }
        } else if let title {
            parts = [title, date]
        } else {
            parts = [date]
        }
        switch r.type {
        case "article-journal", "article-magazine", "article-newspaper":
            var source = r.containerTitle ?? ""
            if let v = r.volume { source += source.isEmpty ? v : ", \(v)" }
            if let i = r.issue { source += "(\(i))" }
            if let p = r.page { source += ", \(pages(p))" }
            if !source.isEmpty { parts.append(source + ".") }
        case "chapter":
            var source = "In "
            if !r.editor.isEmpty {
                source += r.editor.map(givenFirst).joined(separator: " & ") + (r.editor.count > 1 ? " (Eds.), " : " (Ed.), ")
            }
            source += r.containerTitle ?? ""
            if let p = r.page { source += " (pp. \(pages(p)))" }
            parts.append(source + ".")
            if let pb = r.publisher { parts.append(pb + ".") }
        default:
            if let c = r.containerTitle { parts.append(c + ".") }
            if let pb = r.publisher, !(r.author.first?.literal == pb) { parts.append(pb + ".") }
        }
        if let doi = r.doi {
            parts.append("https://doi.org/\(doi)")
        } else if let url = r.url {
            if let d = r.accessed, let year = d.year {
                let month = d.month.map { months[($0 - 1) % 12] + " " } ?? ""
                let day = d.day.map { "\($0), " } ?? ""
                parts.append("Retrieved \(month)\(day)\(year), from \(url)")
            } else {
                parts.append(url)
            }
        }
        return parts.joined(separator: " ")
    }

    /// "145-68" → "145–168": APA prints full page numbers joined by an en dash.
    static func pages(_ p: String) -> String {
        let parts = p.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return p }
        return parts[0] + "–" + RISExport.expandedEnd(parts[0], parts[1])
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "Family, G. G.", joined APA-style: "A, & B" / "A, B, & C".
    static func authorList(_ names: [CSLName]) -> String? {
        let formatted = names.map { n -> String in
            if let literal = n.literal { return literal }
            // Chinese names are written whole, family first: 赵文文.
            if TextPattern.containsHan(n.family ?? "") { return (n.family ?? "") + (n.given ?? "") }
            let initials = (n.given ?? "").split(whereSeparator: { $0 == " " || $0 == "." })
                .map { "\($0.prefix(1))." }.joined(separator: " ")
            return initials.isEmpty ? (n.family ?? "") : "\(n.family ?? ""), \(initials)"
        }
        switch formatted.count {
        case 0: return nil
        case 1: return formatted[0]
        case 2: return "\(formatted[0]), & \(formatted[1])"
        default: return formatted.dropLast().joined(separator: ", ") + ", & " + formatted.last!
        }
    }

    static func givenFirst(_ n: CSLName) -> String {
        if let literal = n.literal { return literal }
        let initials = (n.given ?? "").split(whereSeparator: { $0 == " " || $0 == "." }).map { "\($0.prefix(1))." }
        return (initials + [n.family ?? ""]).joined(separator: " ")
    }

    /// A title ends with a period unless it already ends with ? or !.
    static func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return "?!.".contains(last) ? s : s + "."
    }
}
