/// RIS (`application/x-research-info-systems`): one `TAG  - value` line per
/// field, CRLF line endings as the RIS specification prescribes, each record
/// opened by `TY` and closed by `ER  - `. One `AU` line per author, `ED` per
/// editor, `T2` for the journal or book, `SP`/`EP` for the page range, `Y2`
/// for the access date (`YYYY/MM/DD`).
public enum RISExport {
    public static let mediaType = "application/x-research-info-systems"

    public static func string(_ references: [Reference]) -> String {
        references.map(record).joined()
    }

    static func record(_ r: Reference) -> String {
        var lines: [String] = []
        func add(_ tag: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            // A line break inside a value would start a bogus tag.
            lines.append("\(tag)  - \(value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " "))")
        }
        add("TY", risType(r.type))
        add("ID", r.id)
        for a in r.author { add("AU", a.display) }
        for e in r.editor { add("ED", e.display) }
        add("PY", r.year.map(String.init))
        add("TI", r.title)
        add("T2", r.containerTitle)
        add("VL", r.volume)
        add("IS", r.issue)
        if let page = r.page {
            let parts = page.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingCharacters(in: .whitespaces) }
            add("SP", parts.first)
            if parts.count > 1 { add("EP", expandedEnd(parts[0], parts[1])) }
        }
        add("PB", r.publisher)
        add("CY", r.publisherPlace)
        add("UR", r.url)
        add("DO", r.doi)
        if let d = r.accessed?.dateParts.first {
            add("Y2", d.enumerated().map { i, v in i == 0 ? String(v) : (v < 10 ? "0\(v)" : "\(v)") }.joined(separator: "/"))
        }
        add("LA", r.language)
        add("OP", r.originalTitle)
        add("N1", r.note)
        lines.append("ER  - ")
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// "101", "25" → "125": RIS wants the full end page.
    static func expandedEnd(_ start: String, _ end: String) -> String {
        guard end.count < start.count, Int(start) != nil, Int(end) != nil else { return end }
        return String(start.dropLast(end.count)) + end
    }

    static func risType(_ csl: String) -> String {
        switch csl {
        case "article-journal", "article": return "JOUR"
        case "article-newspaper": return "NEWS"
        case "article-magazine": return "MGZN"
        case "book": return "BOOK"
        case "chapter": return "CHAP"
        case "report": return "RPRT"
        case "webpage", "post", "post-weblog": return "ELEC"
        case "treaty", "legislation", "bill", "regulation": return "GOVDOC"
        case "thesis": return "THES"
        case "paper-conference": return "CPAPER"
        case "dataset": return "DATA"
        default: return "GEN"
        }
    }
}
