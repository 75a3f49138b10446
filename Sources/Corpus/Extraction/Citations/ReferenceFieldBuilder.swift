import Foundation

/// Turns the CRF's labelled tokens into CSL fields: one small normaliser per
/// field (names, date, volume and issue, pages, container, links), then the
/// CSL type the fields imply.
enum ReferenceFieldBuilder {
    /// Labels each token of `entry` and reads the fields; nil when no model is shipped.
    static func fields(_ entry: String, crf: ReferenceCRF? = ReferenceCRF.shipped) -> ReferenceFields? {
        guard let crf else { return nil }
        let tokens = ReferenceTokenFeatures.tokenize(entry)
        guard !tokens.isEmpty else { return nil }
        let labels = crf.label(ReferenceTokenFeatures.features(tokens, dictionary: crf.dictionary))
        return fields(tokens: tokens.map(String.init), labels: labels)
    }

    /// The text of each label, its runs joined with spaces, first run first.
    static func segments(tokens: [String], labels: [String]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count && labels[j] == labels[i] { j += 1 }
            out[labels[i], default: []].append(tokens[i..<j].joined(separator: " "))
            i = j
        }
        return out
    }

    static func fields(tokens: [String], labels: [String]) -> ReferenceFields {
        let seg = segments(tokens: tokens, labels: labels)
        var f = ReferenceFields()
        let all = tokens.joined(separator: " ")
        f.language = TextPattern.containsHan(all) ? "zh" : TextPattern.containsCyrillic(all) ? "ru" : "en"
        if let a = seg["author"]?.first {
            f.author = ReferenceNameSplitter.names(a)
            f.authorText = a
        }
        if let t = labels.firstIndex(of: "title"), let d = labels.firstIndex(of: "date") { f.titleBeforeDate = t < d }
        if let e = seg["editor"] { f.editor = ReferenceNameSplitter.names(e.joined(separator: "; ")) }
        let dates = issueDates(tokens: tokens, labels: labels)
        if let access = dates.access.lazy.compactMap(date).first { f.accessed = access.csl }
        if let d = dates.issue {
            for text in d {
                if let date = date(text) {
                    f.year = date.year
                    f.yearSuffix = date.suffix
                    f.issued = date.csl
                    break
                }
            }
        }
        // The first run: a second one is most often a subtitle the model lost, or a series.
        f.title = seg["title"]?.first.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        var container = (seg["journal"] ?? []) + (seg["container"] ?? [])
        if container.isEmpty, let book = titleAfterEditors(tokens: tokens, labels: labels) {
            // "Title" in A. Editor (eds.) *Book*: the model labels the book as a second title.
            container = [book]
        }
        if let c = container.first {
            var text = clean(c)
            if let m = TextPattern.firstMatch("^(?:[Ii]n|В|в)\\s*:?\\s+(.+)$", in: text) { text = clean(m[1]!) }
            f.containerTitle = text.isEmpty ? nil : text
        }
        if let v = seg["volume"]?.joined(separator: " ") {
            if let m = TextPattern.firstMatch("(\\d+)\\s*\\(([^)]+)\\)", in: v) {
                f.volume = m[1]
                f.issue = m[2]
            } else if let m = TextPattern.firstMatch("\\d+", in: v) {
                f.volume = m[0]
                if let i = TextPattern.firstMatch("(?:[Nn]o\\.?|[Nn]r\\.?|[Ii]ssue|№|[Hh]eft|Nº)\\s*(\\d+)", in: v) { f.issue = i[1] }
            }
        }
        if let p = seg["pages"]?.first {
            if let m = TextPattern.firstMatch("(\\d+)\\s*[-–—]+\\s*(\\d+)", in: p) {
                f.page = "\(m[1]!)-\(m[2]!)"
            } else if let m = TextPattern.firstMatch("\\d+", in: p), !TextPattern.matches("\\d+\\s*(?:pp|S|p|с|стр)\\.?\\s*$", p) {
                f.page = m[0]
            }
        }
        f.publisher = seg["publisher"]?.first.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        f.publisherPlace = seg["location"]?.first.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        // An address broken at a slash ("https://host/ path") is joined again; a bare host counts.
        // A Markdown link ("[host](https://host/path)") names its address inside the parentheses.
        if let link = TextPattern.firstMatch("\\[[^\\]]*\\]\\(((?:https?|ftp)://\\S+?)\\)", in: all) {
            f.url = link[1]
        } else if let u = seg["url"]?.joined(separator: " ").replacingOccurrences(of: "/ ", with: "/").replacingOccurrences(of: " /", with: "/"),
            let m = TextPattern.firstMatch("((?:https?|ftp)://\\S+|www\\.\\S+|[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}(?::\\d+)?/\\S*)", in: u)
        {
            f.url = TextPattern.trim(m[1]!, ".,;)>]")
        }
        if let m = TextPattern.firstMatch("\\b(10\\.\\d{4,9}/[^\\s,;>]+)", in: all) {
            f.doi = TextPattern.trim(m[1]!, ".)]")
        }
        f.type = type(f, seg)
        return f
    }

    /// A title run that follows the editors (a chapter's book), if any.
    static func titleAfterEditors(tokens: [String], labels: [String]) -> String? {
        guard let editor = labels.firstIndex(of: "editor"), labels[..<editor].contains("title") else { return nil }
        guard let start = labels[editor...].firstIndex(of: "title") else { return nil }
        let end = labels[start...].firstIndex { $0 != "title" } ?? labels.endIndex
        return tokens[start..<end].joined(separator: " ")
    }

    /// The runs labelled date, less those an access word opens ("accessed 3 May 2019",
    /// "Retrieved …", "Date of access: …", "дата обращения"): an access date is not an issue date.
    static func issueDates(tokens: [String], labels: [String]) -> (issue: [String]?, access: [String]) {
        var out: [String] = []
        var access: [String] = []
        var i = 0
        while i < tokens.count {
            guard labels[i] == "date" else { i += 1; continue }
            var j = i
            while j < tokens.count && labels[j] == "date" { j += 1 }
            let before = tokens[max(0, i - 3)..<j].joined(separator: " ").lowercased()
            if Lexicon.accessDateWords.contains(where: { before.contains($0) }) {
                access.append(tokens[i..<j].joined(separator: " "))
            } else {
                out.append(tokens[i..<j].joined(separator: " "))
            }
            i = j
        }
        return (out.isEmpty ? nil : out, access)
    }

    /// A year (with its letter) and, where printed, month and day: "(2011a).", "17 June 2018", "2018-07-18".
    static func date(_ text: String) -> (year: Int, suffix: String?, csl: CSLDate)? {
        guard let m = TextPattern.firstMatch("(?<![\\d])(1[5-9]\\d\\d|20[0-3]\\d)([a-z])?(?![\\d])", in: text), let y = Int(m[1]!) else {
            return nil
        }
        var month: Int?
        var day: Int?
        let lower = text.lowercased()
        for (i, names) in monthNames.enumerated() where names.contains(where: { lower.contains($0) }) {
            month = i + 1
            break
        }
        if let iso = TextPattern.firstMatch("\\d{4}-(\\d{2})-(\\d{2})", in: text) {
            month = Int(iso[1]!)
            day = Int(iso[2]!)
        } else if month != nil, let d = TextPattern.firstMatch("(?<![\\d])([0-3]?\\d)(?![\\d])", in: text), let v = Int(d[1]!), (1...31).contains(v) {
            day = v
        }
        return (y, m[2], CSLDate(year: y, month: month, day: month == nil ? nil : day))
    }

    static let monthNames: [[String]] = [
        ["january", "jan.", "janvier", "januar", "январ"], ["february", "feb.", "février", "februar", "феврал"],
        ["march", "mar.", "mars", "märz", "март"], ["april", "apr.", "avril", "апрел"], ["may", "mai", "ма"],
        ["june", "jun.", "juin", "juni", "июн"], ["july", "jul.", "juillet", "juli", "июл"],
        ["august", "aug.", "août", "август"], ["september", "sep.", "sept.", "septembre", "сентябр"],
        ["october", "oct.", "octobre", "oktober", "октябр"], ["november", "nov.", "novembre", "ноябр"],
        ["december", "dec.", "décembre", "dezember", "декабр"],
    ]

    /// A field without the punctuation, quotes and emphasis marks around it.
    static func clean(_ s: String) -> String {
        var t = TextPattern.trim(s, " ,.;:*_\"“”‘’«»()[]/")
        if t.hasPrefix("\\") { t.removeFirst() }
        t = t.replacingOccurrences(of: "\\$", with: "$").replacingOccurrences(of: "*", with: "")
        return TextPattern.trim(t, " ,.;:")
    }

    /// The CSL type the labelled fields imply.
    static func type(_ f: ReferenceFields, _ seg: [String: [String]]) -> String {
        let genre = ((seg["genre"] ?? []) + (seg["note"] ?? []) + [f.title ?? ""]).joined(separator: " ").lowercased()
        let container = (f.containerTitle ?? "").lowercased()
        if Lexicon.thesisWords.contains(where: { genre.contains($0) }) && seg["journal"] == nil { return "thesis" }
        if seg["journal"] != nil {
            if f.issued?.day != nil || Lexicon.newspaperWords.contains(where: { container.contains($0) }) && f.volume == nil {
                return "article-newspaper"
            }
            return "article-journal"
        }
        let persons = f.author.contains { $0.literal == nil && $0.given != nil }
        if !persons, TextPattern.matches(ReferenceParser.treatyPattern, f.title ?? "", options: .caseInsensitive) {
            return "treaty"
        }
        if seg["container"] != nil || (f.containerTitle != nil && !f.editor.isEmpty) { return f.editor.isEmpty && f.publisher == nil && f.volume != nil ? "article-journal" : "chapter" }
        if Lexicon.reportWords.contains(where: { genre.contains($0) }) { return "report" }
        if f.publisher != nil || f.publisherPlace != nil { return "book" }
        if f.url != nil { return "webpage" }
        return "document"
    }
}
