import Foundation
import Synchronization

/// Turns one raw reference entry into CSL fields, whatever its style
/// (APA-like "Family, I. (2009).", GOST-like "FAMILY I. A., 2014,", Chinese
/// "赵文文. 题名. 《刊名》2015 年第 5 期.", title-first entries with no author).
/// Rules are general, never per document; what they cannot place stays in
/// the entry's `raw`.
struct ReferenceFields: Sendable, Hashable {
    var type = "document"
    var author: [CSLName] = []
    var editor: [CSLName] = []
    var year: Int?
    var yearSuffix: String?
    /// The issue date with its month and day where printed; `year` alone otherwise.
    var issued: CSLDate?
    var title: String?
    var containerTitle: String?
    var volume: String?
    var issue: String?
    var page: String?
    var publisher: String?
    var publisherPlace: String?
    var url: String?
    var doi: String?
    var accessed: CSLDate?
    var language = "en"
    var originalTitle: String?
    var note: String?
    /// The author list as printed, where the CRF labelled one.
    var authorText: String?
    /// Whether the CRF's first title run comes before its first date ("Title. (2005).").
    var titleBeforeDate = false
    /// Whether the CRF labelled a title after its first date ("Org Name. (2007). Title.").
    var titleAfterDate = false
    /// Which rule read the entry (see `ReferenceParser.parseByRules`).
    var shape: RuleShape = .other

    /// The shapes the rules know; the CRF's reading is checked against the ones its training data lacks.
    enum RuleShape: Sendable, Hashable {
        case namesYear, titleYear, italicTitle, organisationQuote, bareYear, interview, nameAndLink, other
    }
}

enum ReferenceParser {
    /// The CRF's fields (see `ReferenceFieldBuilder`), with what it left empty
    /// filled from the rules below (links, access dates, bracketed
    /// translations, a year printed outside what it labelled); Chinese
    /// entries, which the training data lacks, by the rules alone.
    static func parse(_ rawEntry: String) -> ReferenceFields {
        // The same entry printed in several documents is read once.
        if let known = cache.withLock({ $0[rawEntry] }) { return known }
        let fields = read(rawEntry)
        cache.withLock { memo in
            if memo.count >= cacheLimit { memo.removeAll(keepingCapacity: true) }
            memo[rawEntry] = fields
        }
        return fields
    }

    /// Entries already read, by their raw text (the reading depends on nothing else).
    static let cache = Mutex<[String: ReferenceFields]>([:])
    static let cacheLimit = 200_000

    static func read(_ rawEntry: String) -> ReferenceFields {
        // The bullet and the entry's number ("12.", "[12]") are no part of its fields.
        let text = TextPattern.replace("^\\s*(?:[-*•]\\s+)?(?:\\[\\d{1,3}\\]|\\(\\d{1,3}\\)|\\d{1,3}[.)])?\\s*", in: rawEntry, with: "")
        let rules = parseByRules(text)
        guard rules.language != "zh", var f = ReferenceFieldBuilder.fields(text) else { return rules }
        if let title = f.title { f.title = trimmedTitle(title, originalTitle: rules.originalTitle) }
        // Where the rules read a title, "people" with no initials are the title's first words
        // ("China Russia Joint Statement. (2005)."): the training data has few such entries.
        // A list of names holds no quote, no word in lower case but particles and
        // conjunctions, and no document word (Treaty, Joint Statement): the
        // model's "author" is then the opening of a title the rules read whole.
        let printed = TextPattern.trimSpaces(f.authorText ?? "")
        let initials = f.author.contains { person in
            person.literal == nil && (person.given ?? "").split(separator: " ").contains { ReferenceNameSplitter.isInitials(String($0)) }
        }
        let bareFamilies = !initials && ReferenceNameSplitter.readsAsTitle(printed)
        // "Boas, Franz. “Title.” Journal 22 (1920): 1–9": a name written family first with a comma
        // is a person even with no initials and the year after the title.
        let inverted = !bareFamilies && TextPattern.matches(invertedNamePattern, printed)
        switch rules.shape {
        // "Alliance for Safe Roads. (2007). Title.": with a title after the year, the words before it are its author.
        case .titleYear where (bareFamilies && (!f.titleAfterDate || ReferenceNameSplitter.readsAsTitleByItsMarks(printed))) || (f.titleBeforeDate && !initials && !inverted), .italicTitle where !initials:
            // "Title. (2005)." and "*Title*, Publisher.": no author, whatever word the title opens with.
            f.author = []
            f.title = rules.title
            if f.type == "document" || rules.shape == .italicTitle { f.type = rules.type }
        case .nameAndLink where f.author.isEmpty:
            f.author = rules.author
            f.title = nil
        case .organisationQuote where bareFamilies || f.author.isEmpty, .interview:
            // 'Organisation, "Title" / Person' and interviews: government and press items the training set lacks.
            f = rules
        case .bareYear where bareFamilies:
            f.author = rules.author
            f.title = rules.title
            f.type = rules.type
        default:
            break
        }
        if f.author.isEmpty && f.title == nil { f.author = rules.author }
        f.title = f.title ?? rules.title
        if f.year == nil, f.accessed == nil, let y = rules.year {
            f.year = y
            f.yearSuffix = rules.yearSuffix
        }
        if f.issued == nil { f.issued = f.year.map { CSLDate(year: $0) } }
        f.url = f.url ?? rules.url
        f.doi = f.doi ?? rules.doi
        f.accessed = rules.accessed ?? f.accessed
        f.originalTitle = rules.originalTitle
        f.note = rules.note
        return f
    }

    /// "Family, Given." as the whole author text, closed by a full stop or comma ("Boas, Franz.",
    /// "D’Aulnoy, Marie-Catherine.", "Lund, Ada M.,"); "China, Russia" running on into a title is none.
    static let invertedNamePattern = "^\\p{Lu}[\\p{L}'’-]+,\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]*\\.?)*[.,]$"

    /// The model's title less what the rules read as other fields after it in the same run:
    /// a bracketed title in another script (the original title) and an access note
    /// ("Date of access: 19.09.2018", "Accessed 3 May 2019"). The training data has few of either.
    static func trimmedTitle(_ title: String, originalTitle: String?) -> String {
        var t = title
        if let o = originalTitle, let r = t.range(of: "(" + o) { t = String(t[..<r.lowerBound]) }
        for phrase in accessPhrases {
            if let r = t.range(of: phrase, options: .caseInsensitive) { t = String(t[..<r.lowerBound]) }
        }
        let cut = ReferenceFieldBuilder.clean(t)
        return cut.isEmpty ? title : cut
    }

    /// What opens an access note in an entry.
    static let accessPhrases = ["date of access", "accessed", "retrieved from", "retrieved on", "дата обращения"]

    /// The rule-based reading of an entry.
    static func parseByRules(_ rawEntry: String) -> ReferenceFields {
        var f = ReferenceFields()
        var s = TextPattern.trim(rawEntry, "")
        s = droppingBullet(s)
        if ByteSearch.contains(s, "\n") { s = s.replacingOccurrences(of: "\n", with: " ") }
        f.language = TextPattern.containsHan(s) ? "zh" : TextPattern.containsCyrillic(s) ? "ru" : "en"
        extractLinks(&s, into: &f)
        extractAccessDate(&s, into: &f)
        extractBracketed(&s, into: &f)
        if f.language == "zh", parseChinese(s, into: &f) { return finish(f) }

        // 1. "(2009)." / "(1997a)." after the authors (or a title when there are none).
        if ByteSearch.hasParenthesisThenPossibleDigit(s), let m = TextPattern.firstMatch(yearAfterNamesPattern, in: s)
        {
            f.year = Int(m[3]!)
            f.yearSuffix = m[4].flatMap { $0.isEmpty ? nil : $0 }
            // Keep the punctuation before the year: "Wang L." and "Jiang," are names because of it.
            let head = (m[1] ?? "") + TextPattern.trimSpaces(m[2] ?? "")
            if let people = persons(head) {
                f.author = people
                parseBody(m[5] ?? "", into: &f)
            } else {
                f.title = cleanTitle(head)
                f.shape = .titleYear
                parseContainer(m[5] ?? "", into: &f)
            }
            return finish(f)
        }
        // 2. "TIMOFEYEV O. A., 2014, Title. Container, 64."
        if let m = TextPattern.firstMatch("^(.*?),\\s*(\\d{4})([a-z]?)\\s*,\\s*(.*)$", in: s), let people = persons(m[1]!)
        {
            f.author = people
            f.year = Int(m[2]!)
            f.yearSuffix = m[3].flatMap { $0.isEmpty ? nil : $0 }
            parseBody(m[4] ?? "", into: &f)
            return finish(f)
        }
        // 3. "KUZNECOV S., Title ..." (no year printed).
        if ByteSearch.contains(s, "."), ByteSearch.contains(s, ","),
            let m = TextPattern.firstMatch(initialsNoYearPattern, in: s),
            let people = persons(m[1]!)
        {
            f.author = people
            parseBody(m[2]!, into: &f)
            return finish(f)
        }
        // 4. Starts with an italic title: "*Force, Intervention ...*, Publisher."
        if let m = TextPattern.firstMatch("^\\*([^*]+)\\*[\\s,.]*(.*)$", in: s) {
            f.title = cleanTitle(m[1]!)
            f.type = "book"
            f.shape = .italicTitle
            let rest = TextPattern.trim(m[2] ?? "")
            if !rest.isEmpty { f.publisher = rest }
            return finish(f)
        }
        // 5. Organisation, "Quoted title" / Responsible person
        if ByteSearch.contains(s, ","), ByteSearch.contains(s, "\"") || ByteSearch.contains(s, "“"),
            let m = TextPattern.firstMatch(nameCommaQuotePattern, in: s)
        {
            f.author = [.organisation(TextPattern.trim(m[1]!))]
            var title = TextPattern.trim(m[2]!)
            if let slash = TextPattern.firstMatch("^(.*?)\\s+/\\s+([^,/]+?)\\s*,?\\s*$", in: title) {
                title = slash[1]!
                // "/ Li Hui": the person responsible, kept as written (name order varies by culture).
                f.author.append(.organisation(TextPattern.trim(slash[2]!)))
            }
            f.title = cleanTitle(title.replacingOccurrences(of: "\"", with: ""))
            f.year = standaloneYear(s)?.year
            f.shape = .organisationQuote
            return finish(f)
        }
        // 6. A title (or organisation) with a bare year somewhere: "Joint Statement ..., 2004 Ministry of ...".
        if let y = standaloneYear(s) {
            f.year = y.year
            f.shape = .bareYear
            f.title = cleanTitle(y.before)
            let after = TextPattern.trim(y.after)
            if !after.isEmpty { parseContainer(after, into: &f) }
            return finish(f)
        }
        // 7. Nothing but a name and a link: "General Directorate of Customs of China, <url>".
        let parts = s.split(separator: ",").map { TextPattern.trim(String($0)) }.filter { !$0.isEmpty }
        if parts.count == 1, f.accessed != nil, !s.contains("\"") {
            f.author = [.organisation(parts[0])]
            f.shape = .nameAndLink
            return finish(f)
        }
        if s.hasPrefix("Interview") || s.hasPrefix("interview") {
            if let m = TextPattern.firstMatch("[Nn]ewspaper\\s+[\"“]([^\"”]+?)[,.]?[\"”]", in: s) { f.containerTitle = m[1] }
            f.title = cleanTitle(s)
            f.type = "interview"
            f.shape = .interview
            return finish(f)
        }
        f.title = cleanTitle(s.replacingOccurrences(of: "\"", with: ""))
        return finish(f)
    }

    /// "Family, I. (2009). Rest": names (or a title), the run before the bracket, year, suffix, rest.
    static let yearAfterNamesPattern = "^(.*?)([\\s,.]*)\\((\\d{4})([a-z]?)\\)[.,]?\\s*(.*)$"

    /// "KUZNECOV S., Title": names with initials, a comma, the rest.
    static let initialsNoYearPattern = "^(\\p{Lu}[\\p{L}'\\-]+,?\\s+(?:\\p{Lu}\\.\\s*){1,3}),\\s*(.+)$"
    /// "Organisation, \"Title\"": the part before the first comma, then a quoted title.
    static let nameCommaQuotePattern = "^([^,\"“]+),\\s*[\"“](.+)$"

    // MARK: pieces

    private static func extractLinks(_ s: inout String, into f: inout ReferenceFields) {
        // The three link patterns need "](", the address patterns "://".
        if ByteSearch.contains(s, "](") {
            for m in TextPattern.allMatches("\\[([^\\]]*)\\]\\((\\S+?)\\)", in: s) where f.url == nil { f.url = m.groups[2] }
            // A link whose text is only the address says nothing more: drop it with its target.
            s = TextPattern.replace("\\[(?:www\\.|https?://|[^\\]\\s]*\\.[a-z]{2,})[^\\]\\s]*\\]\\(\\S+?\\)", in: s, with: "")
            s = TextPattern.replace("\\[([^\\]]*)\\]\\(\\S+?\\)", in: s, with: "$1")
        }
        // Each address is taken and then removed with every other match of its pattern.
        if ByteSearch.contains(s, "<"), ByteSearch.contains(s, "://"),
            let (m, rest) = TextPattern.firstMatchRemovingAll(angleAddressPattern, in: s)
        {
            if f.url == nil { f.url = m[1] }
            s = rest
        }
        if ByteSearch.contains(s, "://"), let (m, rest) = TextPattern.firstMatchRemovingAll("((?:https?|ftp)://\\S+)", in: s) {
            if f.url == nil { f.url = TextPattern.trim(m[1]!, ".,;)") }
            if let doi = TextPattern.firstMatch("doi\\.org/(10\\.\\d{4,9}/\\S+)", in: f.url ?? "") { f.doi = doi[1] }
            s = rest
        }
        // Digits and "." have no other case: "10." is needed even ignoring case.
        if ByteSearch.contains(s, "10."),
            let m = TextPattern.firstMatch("(?:doi:\\s*|doi\\.org/)?\\b(10\\.\\d{4,9}/[^\\s,;]+)", in: s, options: .caseInsensitive)
        {
            f.doi = TextPattern.trim(m[1]!, ".")
            s = TextPattern.replace("(?:doi:\\s*|https?://doi\\.org/)?10\\.\\d{4,9}/[^\\s,;]+", in: s, with: "", options: .caseInsensitive)
        }
        if ByteSearch.contains(s, "vailable") || ByteSearch.contains(s, "etrieved") {
            s = TextPattern.replace("[,\\s]*\\b(?:[Aa]vailable\\s+(?:at|from|online)|[Rr]etrieved\\s+from)\\s*:?", in: s, with: "")
        }
        s = droppingDanglingAt(s)
    }

    /// The entry without its bullet: "- ", "* " or "• " and the spaces after it.
    static func droppingBullet(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.first, first == "-" || first == "*" || first == "•" else { return s }
        let text = scalars.dropFirst().drop(while: ScalarClass.isWhitespace)
        return text.startIndex == scalars.index(after: scalars.startIndex) ? s : String(Substring(text))
    }

    /// The entry without the "at" an address taken out of it left dangling:
    /// " at" after a space with nothing but spaces before a ",", a "." or the
    /// end, removed with the spaces around it ("Available at ." → "Available.").
    static func droppingDanglingAt(_ s: String) -> String {
        let c = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < c.count {
            guard ScalarClass.isWhitespace(c[i]) else {
                out.append(c[i])
                i += 1
                continue
            }
            var j = i
            while j < c.count && ScalarClass.isWhitespace(c[j]) { j += 1 }
            var k = j + 2
            if k <= c.count && c[j] == "a" && c[j + 1] == "t" {
                while k < c.count && ScalarClass.isWhitespace(c[k]) { k += 1 }
                if k == c.count || c[k] == "," || c[k] == "." {
                    changed = true
                    i = k
                    continue
                }
            }
            out.append(contentsOf: c[i..<j])
            i = j
        }
        return changed ? String(out) : s
    }

    /// "<http://…>": where an address is written in angle brackets.
    static let angleAddressPattern = "<((?:https?|ftp)://[^>\\s]+)>"

    private static func extractAccessDate(_ s: inout String, into f: inout ReferenceFields) {
        let western = "(?:Date of access|[Aa]ccessed(?: on)?|Retrieved(?: on)?)\\s*:?\\s*(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\.?"
        let mayHaveWestern = ByteSearch.contains(s, "ccessed") || ByteSearch.contains(s, "Retrieved")
            || ByteSearch.contains(s, "Date of access")
        if mayHaveWestern, let (m, rest) = TextPattern.firstMatchRemovingAll(western, in: s), let d = Int(m[1]!),
            let mo = Int(m[2]!), let y = Int(m[3]!)
        {
            f.accessed = CSLDate(year: y, month: mo, day: d)
            s = rest
        }
        let chinese = "(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})\\s*访问日期"
        if ByteSearch.contains(s, "访问日期"), let (m, rest) = TextPattern.firstMatchRemovingAll(chinese, in: s), let y = Int(m[1]!),
            let mo = Int(m[2]!), let d = Int(m[3]!)
        {
            if f.accessed == nil { f.accessed = CSLDate(year: y, month: mo, day: d) }
            s = rest
        }
    }

    /// Long bracketed text in another script is a translation or original title:
    /// "(Китай Россия: Союз ...)" or "(The office of the Adviser ...)" next to Chinese.
    private static func extractBracketed(_ s: inout String, into f: inout ReferenceFields) {
        // Spec: `TextPattern.allMatches("\\(([^()]{12,})\\)", in: s)`; the ranges
        // are those of the text before this loop changes it, as they were.
        for scanned in ParenthesisScanner.matches(in: s, minInner: 12) {
            let m = (groups: [nil, scanned.inner], range: NSRange(location: scanned.location, length: scanned.length))
            let inner = scanned.inner
            guard !TextPattern.matches("^\\s*\\d{4}", inner) else { continue }
            let innerForeign = TextPattern.containsHan(inner) || TextPattern.containsCyrillic(inner)
            let outside = (s as NSString).replacingCharacters(in: m.range, with: "")
            let outsideForeign = TextPattern.containsHan(outside) || TextPattern.containsCyrillic(outside)
            if innerForeign && !outsideForeign {
                f.originalTitle = inner
            } else if !innerForeign && outsideForeign {
                f.note = inner
            } else {
                continue
            }
            s = (s as NSString).replacingCharacters(in: m.range, with: "")
        }
        // "[电子资源]" (electronic resource) and similar medium marks.
        if ByteSearch.contains(s, "["), s.utf8.contains(where: { $0 >= 0x80 }) {
            s = TextPattern.replace("\\s*\\[[^\\]]*\\p{Han}[^\\]]*\\]", in: s, with: "")
        }
    }

    /// 赵文文. 中俄关系进入新的历史发展时期. 《俄罗斯中亚东欧研究》2015 年第 5 期.
    private static func parseChinese(_ s: String, into f: inout ReferenceFields) -> Bool {
        if let m = TextPattern.firstMatch("^(\\p{Han}{2,4})\\s*[.．。]\\s*(.*)$", in: s) {
            let name = m[1]!
            f.author = [.person(String(name.prefix(1)), String(name.dropFirst()))]
            let rest = m[2]!
            if let c = TextPattern.firstMatch("^(.*?)\\s*[.．。]?\\s*《([^》]+)》(.*)$", in: rest) {
                f.title = cleanTitle(c[1]!)
                f.containerTitle = c[2]
                f.type = "article-journal"
                let tail = c[3]!
                if let y = TextPattern.firstMatch("(\\d{4})\\s*年", in: tail) { f.year = Int(y[1]!) }
                if let i = TextPattern.firstMatch("第\\s*(\\d+)\\s*期", in: tail) { f.issue = i[1] }
                if let v = TextPattern.firstMatch("第\\s*(\\d+)\\s*卷", in: tail) { f.volume = v[1] }
            } else {
                f.title = cleanTitle(rest)
            }
            return true
        }
        // An organisation written in Chinese, then commas: "中华人民共和国驻…参赞处, …".
        let head = TextPattern.trim(String(s.prefix { $0 != "," && $0 != "，" }))
        if TextPattern.containsHan(head) && !head.contains(" ") {
            f.author = [.organisation(head)]
            if let y = standaloneYear(s) { f.year = y.year }
            return true
        }
        return false
    }
}
