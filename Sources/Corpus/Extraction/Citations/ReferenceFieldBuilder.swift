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
        let labels = ReferenceTitleEnd.subtitleReadAsImprint(tokens: tokens, labels: ReferenceContainerFinder.repaired(
            tokens: tokens,
            labels: hostAfterDoubleSlash(
                tokens: tokens, labels: bookAfterIn(
                    tokens: tokens,
                    labels: ReferenceTitleEnd.repaired(tokens: tokens, labels: ReferenceTitleStart.repaired(tokens: tokens, labels: labels))))))
        let seg = segments(tokens: tokens, labels: labels)
        var f = ReferenceFields()
        let all = tokens.joined(separator: " ")
        f.language = TextPattern.containsHan(all) ? "zh" : TextPattern.containsCyrillic(all) ? "ru" : "en"
        if let a = seg["author"]?.first {
            f.author = ReferenceNameSplitter.names(a)
            f.authorText = a
        }
        if let t = labels.firstIndex(of: "title"), let d = labels.firstIndex(of: "date") {
            f.titleBeforeDate = t < d
            f.titleAfterDate = t > d
        }
        if let e = seg["editor"] { f.editor = ReferenceNameSplitter.names(e.joined(separator: "; ")) }
        let dates = issueDates(tokens: tokens, labels: datesInNotes(tokens: tokens, labels: labels))
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
        var containerVolume: String?
        if let c = container.first {
            var text = clean(c)
            if let m = TextPattern.firstMatch("^(?:[Ii]n|В|в)\\s*:?\\s+(.+)$", in: text) { text = clean(m[1]!) }
            let tail = containerWithoutNumbers(text)
            text = tail.name
            containerVolume = tail.volume
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
        if f.volume == nil, let found = volumeOutsideItsLabel(seg: seg) ?? containerVolume.map({ (volume: $0, issue: String?.none) }) {
            f.volume = found.volume
            f.issue = f.issue ?? found.issue
        }
        if let p = seg["pages"]?.first.map({ pagesAfterVolume($0, volume: f.volume) }) {
            if let m = TextPattern.firstMatch("(\\d+)\\s*[-–—]+\\s*(\\d+)", in: p) {
                f.page = "\(m[1]!)-\(m[2]!)"
            } else if let m = TextPattern.firstMatch("\\d+", in: p), !TextPattern.matches("\\d+\\s*(?:pp|S|p|с|стр)\\.?\\s*$", p) {
                f.page = m[0]
            }
        }
        f.publisher = seg["publisher"]?.first.map { clean(publisherWithoutTrailer($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        f.publisherPlace = seg["location"]?.first.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        if let p = f.publisher, let split = placeBeforePublisher(p) {
            // "Indianapolis: Hackett" labelled publisher whole: the place is what comes before the colon.
            f.publisher = split.publisher
            f.publisherPlace = f.publisherPlace ?? split.place
        }
        if f.publisherPlace == nil, let p = f.publisher, let split = placeAfterPublisher(p) {
            // "Delft University Press, Delft" labelled publisher whole: the place follows the name.
            f.publisher = split.publisher
            f.publisherPlace = split.place
        }
        if f.publisher == nil, f.publisherPlace == nil, let title = seg["title"]?.first, let imprint = imprintEndingTitle(title) {
            // "Title. Thessaloniki: Typophilia." labelled title whole: its last sentence is the imprint.
            f.publisherPlace = imprint.place
            f.publisher = imprint.publisher
            if f.title == clean(title), title.hasSuffix(imprint.printed) { f.title = clean(String(title.dropLast(imprint.printed.count))) }
        }
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
            let m = TextPattern.firstMatch(addressPattern, in: u)
        {
            f.url = addressContinued(TextPattern.trim(m[1]!, ".,;)>]"), in: all)
        } else if let m = TextPattern.firstMatch("(?<![@\\w.])" + addressPattern, in: all) {
            // An address the model gave another label ("… 1911–15. www.host.com, doi:…").
            f.url = addressContinued(TextPattern.trim(m[1]!, ".,;)>]"), in: all)
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
            // Chicago notes write ", in Book": a lower-case "in" after a comma, a capital after it.
            let lower = word.elementsEqual("in".unicodeScalars) && tokens[i - 1].hasSuffix(",") && i + 1 < tokens.count
                && ReferenceContainerFinder.capitalised(tokens[i + 1])
            let opens = word.elementsEqual("In".unicodeScalars) || word.elementsEqual("В".unicodeScalars) || lower
            let previous = lower || (tokens[i - 1].unicodeScalars.last.map { ".?!”\"".unicodeScalars.contains($0) } ?? false)
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

    /// A container less the volume, series number or locator printed after its name:
    /// "Handbook of Economics (Vol. 3, Part A" → "Handbook of Economics" and 3;
    /// "BAR International Series, 604", "Review, LXV" and "Jeevadhara XLII/248" → the name and 604, LXV, XLII;
    /// "Elements of Grammar., 73-137" → the name (pages are no volume).
    static func containerWithoutNumbers(_ text: String) -> (name: String, volume: String?) {
        if let m = TextPattern.firstMatch("^(.*?\\p{L}.*?)[\\s,.]*\\(([^()]*)\\)?$", in: text), let inside = m[2],
            let volume = TextPattern.firstMatch(volumeWordPattern, in: inside)?[1] ?? TextPattern.firstMatch("^[^()]*\\p{L}[^()]*,\\s*(\\d{1,4})$", in: inside)?[1]
        {
            // "(Vol. 3, Part A" or "(BAR International Series, 604)": the series' number is its volume.
            return (clean(m[1]!), volume)
        }
        if let m = TextPattern.firstMatch("^(.*?\\p{L}.*?)[\\s,.]+(\\d+\\s*[-–—]+\\s*\\d+)$", in: text) { return (clean(m[1]!), nil) }
        // After a comma only: a number that ends a name ("Advances in Neural Systems 7", "RFC 5327") is part of it.
        if let m = TextPattern.firstMatch("^(.*?\\p{L}.*?),\\s*(?:(?i:vols?)\\.?\\s*)?(\\d{1,4}|[IVXLC]+)$", in: text)
            ?? TextPattern.firstMatch("^(.*?\\p{L}.*?)\\s+([IVXLC]+)/\\d+$", in: text),
            !TextPattern.matches("^(1[5-9]\\d\\d|20[0-3]\\d)$", m[2]!)
        {
            return (clean(m[1]!), m[2])
        }
        return (text, nil)
    }

    /// A volume the model put in another field, where none is labelled volume: a number
    /// before the year in a date run ("Journal 18 (2003–2004): 4–44", "Revue, 27, 1994,"),
    /// a number after the year and a semicolon or comma ("Journal 2014; 8(2): 94",
    /// "Chem. Rev. 1999, 96, 9997"), or before a colon in the pages ("Miner 51:197–204").
    static func volumeOutsideItsLabel(seg: [String: [String]]) -> (volume: String, issue: String?)? {
        for d in seg["date"] ?? [] {
            let lower = d.lowercased()
            if monthNames.contains(where: { names in names.contains { lower.contains($0) } }) && !TextPattern.matches(";", d) { continue }
            // "22 (spring 2000):": a season may stand before the year.
            if let m = TextPattern.firstMatch("^\\(?(\\d{1,3}|[IVXLC]+)(?:\\.\\d+)?[,.]?\\s+\\(?(?:\\p{L}+\\.?\\s+)?(?:1[5-9]\\d\\d|20[0-3]\\d)", in: d) {
                return (m[1]!, nil)
            }
        }
        for d in seg["date"] ?? [] {
            if let m = TextPattern.firstMatch("(?:1[5-9]\\d\\d|20[0-3]\\d)[^;,]*[;,]\\s*(\\d{1,4})\\s*(?:\\((\\d+)\\)|\\([^()]*\\))?\\s*(?:[,:.;]|$)", in: d),
                !TextPattern.matches("^(?:1[5-9]\\d\\d|20[0-3]\\d)$", m[1]!)
            {
                // "TR-2018-04, 2018": a second year is no volume.
                return (m[1]!, m[2])
            }
        }
        if let p = seg["pages"]?.first, let m = TextPattern.firstMatch("^\\s*(\\d{1,4})\\s*(?:\\((\\w+)\\))?\\s*:\\s*[A-Za-z]?\\d", in: p) {
            return (m[1]!, m[2])
        }
        // "Chem. Rev. 1999, 96, 9997–10002": the number before the pages and a comma.
        if let p = seg["pages"]?.first, let m = TextPattern.firstMatch("^\\s*(\\d{1,4}),\\s+[A-Za-z]?\\d", in: p) {
            return (m[1]!, nil)
        }
        return nil
    }

    /// The pages of "51:197–204" or "81(4):044005" (a volume before the colon), or of
    /// "96, 9997–10002" when 96 is the volume read; else the text.
    static func pagesAfterVolume(_ text: String, volume: String? = nil) -> String {
        if let m = TextPattern.firstMatch("^\\s*\\d{1,4}\\s*(?:\\(\\w+\\))?\\s*:\\s*([A-Za-z]?\\d.*)$", in: text) { return m[1]! }
        if let volume, let m = TextPattern.firstMatch("^\\s*(\\d{1,4}),\\s+([A-Za-z]?\\d.*)$", in: text), m[1] == volume { return m[2]! }
        return text
    }

    /// A publisher less what the model ran on into it: an ISBN, a medium or access note
    /// ("Web. Accessed …", "Available at"), a bracketed shelf mark, "cop.", a page range.
    static func publisherWithoutTrailer(_ text: String) -> String {
        var t = TextPattern.replace("(?i)(?:[\\s.,;]*(?:\\bISBN\\b|\\[|https?:)|[.,;]\\s*(?:Web|Accessed|Retrieved|Available|cop\\.)(?![\\p{L}])).*$", in: text, with: "")
        t = TextPattern.replace("[\\s.,;]+\\d+\\s*[-–—]+\\s*\\d+[\\s.,;]*$", in: t, with: "")
        return t.isEmpty ? text : t
    }

    /// "Indianapolis: Hackett", "White River Junction (VT): Chelsea Green": place, then publisher.
    static func placeBeforePublisher(_ text: String) -> (place: String, publisher: String)? {
        guard let m = TextPattern.firstMatch("^([^:]*\\p{L}[^:]*?)\\s*:\\s*([^:]*\\p{L}[^:]*)$", in: text) else { return nil }
        let place = clean(m[1]!)
        let publisher = clean(m[2]!)
        // A place is a few words ("New York, NY"), not a sentence.
        guard !place.isEmpty, !publisher.isEmpty, place.split(separator: " ").count <= 5 else { return nil }
        return (place, publisher)
    }

    /// "Fjord University Press, Tromsø" or "Harbour Authority, Las Vegas, Nev.": a publisher
    /// (the last comma part with a publisher's word, `Lexicon.publisherWords`) then parts of
    /// one to three capitalised words, which are the place.
    static func placeAfterPublisher(_ text: String) -> (publisher: String, place: String)? {
        let parts = text.components(separatedBy: ", ")
        guard parts.count > 1 else { return nil }
        let named = parts.lastIndex { part in
            part.split(separator: " ").contains { Lexicon.publisherWords.contains(TextPattern.trim(String($0), ".,;:()").lowercased()) }
        }
        guard let named, named < parts.count - 1 else { return nil }
        let place = parts[(named + 1)...]
        let placeLike = place.allSatisfy { part in
            let words = part.split(separator: " ")
            return (1...3).contains(words.count) && words.allSatisfy { $0.unicodeScalars.first?.properties.isUppercase == true }
        }
        guard placeLike else { return nil }
        return (clean(parts[...named].joined(separator: ", ")), clean(place.joined(separator: ", ")))
    }

    /// "Title of the Book. Thessaloniki: Typophilia." labelled title whole: the last sentence
    /// when it reads "Place: Publisher", with the text it was printed as.
    static func imprintEndingTitle(_ title: String) -> (place: String, publisher: String, printed: String)? {
        guard let m = TextPattern.firstMatch("[.?!]\\s+((\\p{Lu}[\\p{L}-]*(?:,?\\s\\p{Lu}[\\p{L}.-]*){0,2})\\s*:\\s*(\\p{Lu}[^.:;]{0,60}?)[\\s.,;]*)$", in: title) else {
            return nil
        }
        return (m[2]!, clean(m[3]!), m[1]!)
    }

    /// An address: with a scheme, opening "www.", or a host and a path ("host.org/a/b.pdf").
    static let addressPattern = "((?:https?|ftp)://\\S+|www\\.[\\w-]+\\.\\S+|[\\w-]+(?:\\.[\\w-]+)*\\.[a-z]{2,}(?::\\d+)?/\\S+)"

    /// An address with the pieces a line break split off it joined again: after a piece
    /// ending in "-", "_" or "/" ("…/bilan- faucon.pdf"), or a next piece that is a path
    /// itself ("…/community development/assets/x.pdf").
    static func addressContinued(_ address: String, in text: String) -> String {
        guard let r = text.range(of: address) else { return address }
        var out = address
        var rest = text[r.upperBound...]
        for _ in 0..<3 {
            guard rest.first == " " else { break }
            let next = rest.drop(while: { $0 == " " }).prefix { $0 != " " }
            let piece = TextPattern.trim(String(next), ".,;)>]")
            guard !piece.isEmpty, !piece.contains("://"), !piece.hasPrefix("("), !piece.lowercased().hasPrefix("doi") else { break }
            let broken = out.hasSuffix("-") || out.hasSuffix("_") || out.hasSuffix("/")
            // A word after an address ("…/ Accessed 3 May") is none of it: a piece holds a path's marks.
            let path = TextPattern.matches("^[\\w.~%-]+(?:/[\\w.~%-]*){2,}$", piece)
            let fragment = TextPattern.matches("^[a-z0-9][\\w~%]*[._/-][\\w.~%/-]*$", piece)
            guard (broken && fragment) || path else { break }
            out += piece
            // A piece that kept its closing punctuation ends the address.
            if piece.count != next.count { break }
            rest = rest.drop(while: { $0 == " " }).dropFirst(next.count)
        }
        return out
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

    /// With no run labelled date, the dates the model left in a note ("*Site*, 12 Apr. 2021,
    /// host/path. Accessed 3 Mar. 2024." read as one note): each year there, with the day
    /// and month words just before it, becomes a date run (`issueDates` then tells the
    /// access date apart by its word).
    static func datesInNotes(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains("date") else { return labels }
        var out = labels
        for (i, token) in tokens.enumerated() where labels[i] == "note" {
            let word = String(String.UnicodeScalarView(ReferenceTokenFeatures.core(Array(token.unicodeScalars))))
            guard TextPattern.matches("^(?:1[5-9]\\d\\d|20[0-3]\\d)[a-z]?$", word) else { continue }
            // "pp. 1573 – 1584": a page range is no date.
            let range = TextPattern.matches("\\d[-–—]", token)
                || (i + 1 < tokens.count && tokens[i + 1].unicodeScalars.first.map { "-–—".unicodeScalars.contains($0) } == true)
                || (i > 0 && ["pp.", "p.", "pp", "s."].contains(tokens[i - 1].lowercased()))
                || (i > 0 && tokens[i - 1].unicodeScalars.last.map { "-–—".unicodeScalars.contains($0) } == true)
            if range { continue }
            out[i] = "date"
            var k = i - 1
            while k >= 0 && k >= i - 2 && labels[k] == "note" {
                let w = String(String.UnicodeScalarView(ReferenceTokenFeatures.core(Array(tokens[k].unicodeScalars)))).lowercased()
                let day = TextPattern.matches("^[0-3]?\\d$", w)
                let month = w.count >= 3 && monthNames.contains { names in names.contains { $0.hasPrefix(w) || w.hasPrefix($0) } }
                guard day || month else { break }
                out[k] = "date"
                k -= 1
            }
        }
        return out
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
        // TeX quotes (``Title,'') too.
        var t = TextPattern.trim(s, " ,.;:*_\"“”‘’«»()[]/`'")
        if t.hasPrefix("\\") { t.removeFirst() }
        t = t.replacingOccurrences(of: "\\$", with: "$").replacingOccurrences(of: "*", with: "")
        t = TextPattern.trim(t, " ,.;:")
        // A parenthesis the title closes keeps its mark: "Herons (Bird Report)".
        if t.filter({ $0 == "(" }).count > t.filter({ $0 == ")" }).count, s.contains(")"), !t.hasPrefix("(") { t += ")" }
        return t
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
        // A report series ("The Century Foundation Reports") holds reports, not chapters.
        if f.editor.isEmpty, Lexicon.reportWords.contains(where: { container.contains($0) }) { return "report" }
        if seg["container"] != nil || (f.containerTitle != nil && !f.editor.isEmpty) { return f.editor.isEmpty && f.publisher == nil && f.volume != nil ? "article-journal" : "chapter" }
        if Lexicon.reportWords.contains(where: { genre.contains($0) }) { return "report" }
        if f.publisher != nil || f.publisherPlace != nil { return "book" }
        if f.url != nil { return "webpage" }
        return "document"
    }
}
