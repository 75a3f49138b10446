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
        let labels = crf.label(tokens: tokens)
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
        let labels = hostAfterDoubleSlash(tokens: tokens, labels: bookAfterIn(tokens: tokens, labels: labels))
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
        f.title = quotedTitle(tokens: tokens, labels: labels).map(clean).flatMap { $0.isEmpty ? nil : $0 }
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
            let paren = TextPattern.firstMatch("(\\d+)\\s*\\(([^)]+)\\)", in: v)
            // "vol. II (1257–1319)": the number the volume word names, not the pages after it.
            let number = TextPattern.firstMatch(volumeWordPattern, in: v) ?? paren ?? TextPattern.firstMatch("(\\d+)", in: v)
            f.volume = number?[1]
            if let paren, paren[1] == f.volume {
                f.issue = paren[2]
            } else if f.volume != nil, let i = TextPattern.firstMatch("(?:[Nn]o\\.?|[Nn]r\\.?|[Ii]ssue|№|[Hh]eft|Nº)\\s*(\\d+)", in: v) {
                f.issue = i[1]
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
        if f.publisher == nil, f.publisherPlace == nil, let title = seg["title"]?.first, let quoted = quotedTitle(tokens: tokens, labels: labels),
            title.count > quoted.count, title.hasPrefix(quoted),
            let m = TextPattern.firstMatch(placeAndPublisherPattern, in: String(title.dropFirst(quoted.count)))
        {
            // "*Title*. Manila: ADB." labelled title whole: what follows the closed quotes, when it reads "Place: Publisher".
            f.publisherPlace = m[1]
            f.publisher = m[2]
        }
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

    /// The labels with a chapter's book taken out of the title: in "Title. In Book, …" the
    /// model often reads "In Book" as more title. From an "In" ("In:", "В") that opens a
    /// sentence inside or right after the first title run, to that run's end, the tokens
    /// become `container` (the "In" is dropped with the container's other punctuation).
    /// Only where nothing before is labelled journal or container.
    static func bookAfterIn(tokens: [String], labels: [String]) -> [String] {
        guard let first = labels.firstIndex(of: "title"), !labels[..<first].contains(where: { $0 == "journal" || $0 == "container" })
        else { return labels }
        var i = first + 1
        while i < tokens.count && labels[i] == "title" {
            let t = tokens[i]
            let word = ReferenceTokenFeatures.core(Array(t.unicodeScalars))
            let opens = word.elementsEqual("In".unicodeScalars) || word.elementsEqual("В".unicodeScalars)
            let previous = tokens[i - 1].unicodeScalars.last.map { ".?!”\"".unicodeScalars.contains($0) } ?? false
            if opens && previous && i + 1 < tokens.count && labels[i + 1] == "title" {
                var out = labels
                var j = i
                while j < tokens.count && labels[j] == "title" { out[j] = "container"; j += 1 }
                return out
            }
            i += 1
        }
        return labels
    }

    /// "vol. 12", "Vols. 4", "Vol. VI", "т. 3", "Bd. 2": a volume word and its number, Arabic or Roman.
    static let volumeWordPattern = "(?i)(?<![\\p{L}])(?:vols?|bd|т|tome)\\.?\\s*(\\d+|[ivxlc]+)(?![\\p{L}\\d])"

    /// "Place: Publisher." (each a few capitalised words) at the start of a text.
    static let placeAndPublisherPattern = "^[\\s.,]*(\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*){0,2})\\s*:\\s*(\\p{Lu}[^.,:;]{0,60}?)\\s*[.,;]"

    /// The first title run, up to the token that closes its quotes or emphasis where it
    /// opens with one ("*Title*. Manila: ADB" labelled title whole is "*Title*.").
    static func quotedTitle(tokens: [String], labels: [String]) -> String? {
        guard let start = labels.firstIndex(of: "title") else { return nil }
        var end = labels[start...].firstIndex { $0 != "title" } ?? labels.endIndex
        let first = tokens[start].unicodeScalars
        if let open = first.first, ReferenceTokenFeatures.openingQuotes.contains(open) {
            if first.dropFirst().contains(where: ReferenceTokenFeatures.closingQuotes.contains) {
                end = start + 1
            } else if let close = (start + 1..<end).first(where: { tokens[$0].unicodeScalars.contains(where: ReferenceTokenFeatures.closingQuotes.contains) }) {
                end = close + 1
            }
        }
        return tokens[start..<end].joined(separator: " ")
    }

    /// The labels with the host publication after a GOST "//" ("Title // Journal. 2016.")
    /// read as a container: the model, trained on few such entries, takes a newspaper's
    /// name there for an author or more title. Up to the end of that sentence.
    static func hostAfterDoubleSlash(tokens: [String], labels: [String]) -> [String] {
        guard let slash = tokens.firstIndex(of: "//"), slash > 0 else { return labels }
        var out = labels
        var j = slash + 1
        while j < tokens.count, ["author", "title", "publisher", "location", "note"].contains(out[j]) {
            out[j] = "journal"
            if ReferenceTokenFeatures.endsSentence(Substring(tokens[j])) { break }
            j += 1
        }
        return out
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
        // Every title run: words a title's quotes leave out ("…", Foundation Reports) still say report.
        let genre = ((seg["genre"] ?? []) + (seg["note"] ?? []) + (seg["title"] ?? [])).joined(separator: " ").lowercased()
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
