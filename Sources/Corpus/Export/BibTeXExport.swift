import Foundation

/// BibTeX (`application/x-bibtex`). Unicode is kept as is (biber and
/// BibTeX 8-bit read UTF-8); the special characters `{ } % & $ # _ \` are
/// escaped in text fields. `url` and `doi` are verbatim fields in biblatex and
/// hyperref, so they are written unescaped (only braces would break them, and
/// URLs cannot hold unbalanced braces here). Organisations are braced so
/// BibTeX does not split them into given and family names. Keys are the
/// reference ids (any script), unique.
public enum BibTeXExport {
    public static let mediaType = "application/x-bibtex"

    public static func string(_ references: [Reference]) -> String {
        let keys = citationKeys(references)
        return zip(references, keys).map { entry($0, key: $1) }.joined(separator: "\n")
    }

    static func entry(_ r: Reference, key: String) -> String {
        var fields: [(String, String)] = []
        func add(_ name: String, _ value: String?, escape: Bool = true) {
            guard let value, !value.isEmpty else { return }
            fields.append((name, escape ? escaped(value) : value))
        }
        let kind = entryType(r.type)
        add("author", names(r.author), escape: false)  // names() escapes each part itself
        add("editor", names(r.editor), escape: false)
        if let title = r.title { fields.append(("title", "{\(escaped(title))}")) }
        switch kind {
        case "article": add("journal", r.containerTitle)
        case "incollection": add("booktitle", r.containerTitle)
        default: add("howpublished", r.containerTitle)
        }
        add("year", r.year.map(String.init))
        add("volume", r.volume)
        add("number", r.issue)
        add("pages", r.page.map(pageRange))
        add(kind == "techreport" ? "institution" : "publisher", r.publisher)
        add("address", r.publisherPlace)
        add("url", r.url, escape: false)
        add("doi", r.doi, escape: false)
        add("urldate", r.accessed.map(isoDate))
        add("language", r.language)
        let notes = [r.originalTitle.map { "Original title: \($0)" }, r.note].compactMap { $0 }
        add("note", notes.isEmpty ? nil : notes.joined(separator: ". "))
        let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@\(kind){\(key),\n\(body)\n}\n"
    }

    /// "101-25" → "101--125": the end page in full, as RIS and APA print it.
    static func pageRange(_ page: String) -> String {
        let parts = page.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return page }
        return parts[0] + "--" + RISExport.expandedEnd(parts[0], parts[1])
    }

    static func entryType(_ csl: String) -> String {
        switch csl {
        case "article-journal", "article-magazine", "article-newspaper", "article": return "article"
        case "book": return "book"
        case "chapter": return "incollection"
        case "report": return "techreport"
        case "thesis": return "phdthesis"
        case "paper-conference": return "inproceedings"
        default: return "misc"
        }
    }

    /// "Family, Given and {Organisation}".
    static func names(_ list: [CSLName]) -> String? {
        guard !list.isEmpty else { return nil }
        return list.map { n in
            if let literal = n.literal { return "{\(escaped(literal))}" }
            return [n.family, n.given].compactMap { $0.map(escaped) }.joined(separator: ", ")
        }.joined(separator: " and ")
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }

    static func isoDate(_ d: CSLDate) -> String {
        let parts = d.dateParts.first ?? []
        return parts.enumerated().map { i, v in i == 0 ? String(v) : (v < 10 ? "0\(v)" : "\(v)") }.joined(separator: "-")
    }

    /// Keys are the reference ids (`pathak-menon-1997a`, `burkitbayevna-赵文文-2015`), so a
    /// key cited in LaTeX is the id the API and the other exports use: biber and
    /// BibTeX 8-bit read UTF-8 keys, and an id holds only letters, digits and
    /// "-". An id with anything a key cannot hold (space, comma, brace, …) is
    /// reduced to those; one with nothing left falls back to `ref<n>`.
    static func citationKeys(_ references: [Reference]) -> [String] {
        var used = Set<String>()
        return references.enumerated().map { index, r in
            var key = String(r.id.unicodeScalars.filter(isKeyScalar).map(Character.init))
            while key.contains("--") { key = key.replacingOccurrences(of: "--", with: "-ref\(index + 1)-") }
            if key.isEmpty { key = "ref\(index + 1)" }
            var unique = key
            var n = 2
            while used.contains(unique) {
                unique = "\(key)-\(n)"
                n += 1
            }
            used.insert(unique)
            return unique
        }
    }

    /// A letter or digit of any script, "-", "_", ":" or ".": what a BibTeX key may hold.
    static func isKeyScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType == .decimal || "-_:.".unicodeScalars.contains(c)
    }
}
