import Foundation

/// Narrative citations that name a work of the document's own list in the
/// forms `InTextCitationFinder.narrative` does not read:
///
/// - before a bracketed year: an organisation as author ("the Bank of
///   Russia (2023) reports"), "et al." ("Kaczmarski et al. (2021)"), a
///   locator or no date in the bracket ("Ignatova (2019, p. 51)",
///   "Ministry of Economy (n.d.)");
/// - MLA's forms without brackets, as source lines of tables write them:
///   "figures from Ivanova 22", "Zhang et al. 207; Sinitsina 44", and an
///   organisation with the title of its work, "Association of Tour
///   Operators, “Chinese Inbound Tourism”".
///
/// Every name must be one of the list's (a family name, or an organisation
/// word for word), so "South China (2016)" or "Article 4" are not authors.
/// The MLA forms run only in documents that cite by author and page.
enum CitationListNameFinder {
    /// The names of a document's list, as the finder compares them.
    struct Names {
        /// Lowercased family names.
        var families: Set<String>
        /// Each organisation author: its words (`TextPattern.words`), as printed, and the
        /// significant words of its work's title (for "Organisation, “Title”").
        var organisations: [(words: [String], printed: String, titleWords: [String])]
        /// The most words a name may have (an organisation's), plus "et al.".
        var longest: Int

        init(_ references: [Reference]) {
            var families = Set(references.flatMap { $0.author.compactMap(\.family) }.map { $0.lowercased() })
            var organisations: [(words: [String], printed: String, titleWords: [String])] = []
            for ref in references {
                for literal in ref.author.compactMap(\.literal) {
                    let words = TextPattern.words(literal)
                    if !words.isEmpty {
                        organisations.append((words, literal, TextPattern.significantWords(ref.title ?? "")))
                    }
                }
                // An entry read with no author still opens with its name: "Bank of Russia. (2023).",
                // "Wang, Lei 王磊. *Title*". One word before a comma is a family name; more are an organisation.
                guard ref.author.isEmpty, let head = Self.head(ref.raw) else { continue }
                if head.family {
                    families.insert(head.name.lowercased())
                } else {
                    organisations.append((TextPattern.words(head.name), head.name, TextPattern.significantWords(head.rest)))
                }
            }
            self.families = families
            self.organisations = organisations
            longest = max(3, organisations.map(\.words.count).max() ?? 0)
        }

        /// The name an entry opens with, up to ". ", " (" or ", ": a capital first, no quote, italics or
        /// bracket, at most twelve words; `family` when it is one word before a comma.
        static func head(_ raw: String) -> (name: String, rest: String, family: Bool)? {
            let body = TextPattern.replace("^\\s*(?:[-*•]\\s+)?(?:\\[\\d{1,3}\\]\\s*|\\d{1,3}[.)]\\s+)?", in: raw, with: "")
            guard let m = TextPattern.firstMatch("^(\\p{Lu}[^.()“”\"*\\[\\],;:]{1,120}?)(\\.\\s|\\s*\\(|,\\s)(.*)$", in: body) else { return nil }
            let name = TextPattern.trimSpaces(m[1]!)
            let count = name.split(separator: " ").count
            guard count <= 12 else { return nil }
            guard count == 1 else { return (name, m[3]!, false) }
            // One word is a family name when a short given name follows ("Wang, Lei 王磊. *Title*"),
            // not the first words of a title ("China, Russia Issue Beijing Declaration").
            let given = m[3]!.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? ""
            let givenWords = given.split(separator: " ")
            guard m[2]!.hasPrefix(","), (1...3).contains(givenWords.count), givenWords.count < m[3]!.split(separator: " ").count,
                givenWords.first?.first?.isUppercase == true
            else { return nil }
            return (name, m[3]!, true)
        }

        var isEmpty: Bool { families.isEmpty && organisations.isEmpty }
    }

    /// Names before a bracketed year, suffix and locator, or "n.d.", after a space: "(2019, p. 51)",
    /// "(2024a)", "(n.d.)" (`BracketedYear`). `pieces` are the passage's; `taken` are UTF-16 ranges
    /// of citations already found in it.
    static func beforeYear(
        in text: String, pieces p: SentencePieces, utf16: inout UTF16Offsets, names: Names, taken: [NSRange]
    ) -> [(CitationCandidate, NSRange)] {
        guard !names.isEmpty else { return [] }
        let ns = text as NSString
        var out: [(CitationCandidate, NSRange)] = []
        for open in 1..<max(1, p.count) where p.isMark(open, "(") && !p[open].joined {
            guard let year = BracketedYear.read(p, at: open, pages: true, undated: true) else { continue }
            let bracket = utf16.range(p[open].range.lowerBound, p[year.close].range.upperBound)
            guard !taken.contains(where: { NSIntersectionRange($0, bracket).length > 0 }) else { continue }
            guard let name = nameEnding(at: bracket.location, in: ns, names: names) else { continue }
            let whole = NSRange(location: name.start, length: bracket.location + bracket.length - name.start)
            let candidate = CitationCandidate(
                passage: InTextCitationFinder.placeholder, text: ns.substring(with: whole), authors: name.authors,
                year: year.year, yearSuffix: year.suffix, locator: year.locator.map(InTextCitationFinder.pages),
                kind: .narrative, from: 0, to: 0)
            out.append((candidate, whole))
        }
        return out
    }

    /// The list name that ends just before `end` (spaces between): the
    /// longest that is one, so "the Bank of Russia" gives "Bank of Russia".
    static func nameEnding(at end: Int, in ns: NSString, names: Names) -> (start: Int, authors: [String])? {
        var stop = end
        while stop > 0, let u = UnicodeScalar(ns.character(at: stop - 1)), u.properties.isWhitespace { stop -= 1 }
        // Word starts before `stop`, nearest first, as far back as the longest name.
        var starts: [Int] = []
        var i = stop
        while i > 0 && starts.count < names.longest + 2 {
            i -= 1
            let c = ns.character(at: i)
            let isWordChar = isNameUnit(c)
            let previousIsWordChar = i > 0 && isNameUnit(ns.character(at: i - 1))
            if isWordChar && !previousIsWordChar { starts.append(i) }
            // A clause or sentence ends the search: a name holds no ";", ":", bracket, line
            // break, or full stop before a space (but the one of "et al.").
            if c == 0x3B || c == 0x3A || c == 0x28 || c == 0x29 || c == 0x0A { break }
            if c == 0x2E, i + 1 < stop, ns.character(at: i + 1) == 0x20, !endsWithEtAl(ns, dot: i) { break }
        }
        for start in starts.reversed() {
            guard let first = UnicodeScalar(ns.character(at: start)), first.properties.isUppercase else { continue }
            let printed = ns.substring(with: NSRange(location: start, length: stop - start))
            let words = TextPattern.words(printed)
            if names.organisations.contains(where: { $0.words == words }) { return (start, [printed]) }
            if let authors = personNames(words, printed: printed, families: names.families) { return (start, authors) }
        }
        return nil
    }

    /// "Lo", "Lukin and Yakunin", "Lukin & Yakunin", "Zhang et al.", each first family one of the list's.
    static func personNames(_ words: [String], printed: String, families: Set<String>) -> [String]? {
        guard let first = words.first, families.contains(first) else { return nil }
        let parts = printed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.count {
        case 1:
            return [printed]
        case 2 where words[1] != "et" && parts.count == 3 && parts[1] == "&":
            return [parts[0], parts[2]]
        case 3 where words[1] == "and" && parts.count == 3:
            return [parts[0], parts[2]]
        case 3 where words[1] == "et" && words[2] == "al":
            return [parts[0]]
        default:
            return nil
        }
    }

    private static func endsWithEtAl(_ ns: NSString, dot: Int) -> Bool {
        dot >= 3 && ns.substring(with: NSRange(location: dot - 3, length: 3)) == " al"
    }

    /// A letter, "'", "’" or "-": what a name is made of (a UTF-16 unit; surrogates count as letters).
    private static func isNameUnit(_ c: unichar) -> Bool {
        if c == 0x27 || c == 0x2019 || c == 0x2D { return true }
        if c >= 0xD800 && c <= 0xDFFF { return true }
        guard let u = UnicodeScalar(c) else { return false }
        return u.properties.isAlphabetic
    }

    /// The reporting verbs in the plural as well ("et al. find", "note", "point out").
    static let pluralReportingVerbs: [String] = Lexicon.citationReportingVerbs.flatMap { verb -> [String] in
        var words = verb.split(separator: " ").map(String.init)
        guard let first = words.first, first.hasSuffix("s"), !first.hasSuffix("ss") else { return [verb] }
        words[0] = String(first.dropLast())
        return [verb, words.joined(separator: " ")]
    }

    /// "Okafor et al. find", "Okafor et al find": a signal phrase whose name has "et al.".
    static let etAlWithVerb = "(\\p{Lu}[\\p{L}'\\-]+),?\\s+et\\s+al\\.?\\s+(?:\(pluralReportingVerbs.joined(separator: "|")))\\b"

    static func etAlSignalPhrases(in text: String, names: Names, taken: [NSRange]) -> [(CitationCandidate, NSRange)] {
        guard !names.families.isEmpty, ByteSearch.contains(text, "et al") else { return [] }
        var out: [(CitationCandidate, NSRange)] = []
        for m in TextPattern.allMatches(etAlWithVerb, in: text) {
            guard names.families.contains(m.groups[1]!.lowercased()),
                !taken.contains(where: { NSIntersectionRange($0, m.range).length > 0 })
            else { continue }
            let candidate = CitationCandidate(
                passage: InTextCitationFinder.placeholder, text: m.groups[0]!, authors: [m.groups[1]!], year: nil,
                yearSuffix: nil, locator: nil, kind: .narrative, from: 0, to: 0)
            out.append((candidate, m.range))
        }
        return out
    }

    // MARK: MLA without brackets

    /// "Ivanova 22", "Lo and Trenin 12-14", "Zhang et al. 207", "Kovalenko A6", before ".", ";", "," or the end.
    static let authorPage =
        "(?<![\\p{L}(])(\\p{Lu}[\\p{L}'\\-]+)((?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\-]+)|\\s+et\\s+al\\.)?\\s+([A-Z]?\\d{1,3}(?:\\s*[-–]\\s*\\d{1,4})?)(?=[.;,]|\\s*$)"

    static func authorPageWithoutBrackets(in text: String, names: Names, taken: [NSRange]) -> [(CitationCandidate, NSRange)] {
        guard !names.families.isEmpty, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        var out: [(CitationCandidate, NSRange)] = []
        for m in TextPattern.allMatches(authorPage, in: text) {
            guard names.families.contains(m.groups[1]!.lowercased()),
                !taken.contains(where: { NSIntersectionRange($0, m.range).length > 0 })
            else { continue }
            let authors = m.groups[2].map { $0.contains("et al") ? [m.groups[1]!] : InTextCitationFinder.splitAuthors(m.groups[1]! + $0) }
                ?? [m.groups[1]!]
            let candidate = CitationCandidate(
                passage: InTextCitationFinder.placeholder, text: m.groups[0]!, authors: authors, year: nil, yearSuffix: nil,
                locator: InTextCitationFinder.pages(m.groups[3]!), kind: .narrative, from: 0, to: 0)
            out.append((candidate, m.range))
        }
        return out
    }

    /// An organisation of the list, a comma, and the opening words of its work's title in quotes or italics.
    static func organisationWithTitle(in text: String, names: Names, taken: [NSRange]) -> [(CitationCandidate, NSRange)] {
        var out: [(CitationCandidate, NSRange)] = []
        let ns = text as NSString
        for organisation in names.organisations where organisation.words.count >= 2 {
            guard ByteSearch.contains(text, organisation.printed) else { continue }
            var from = 0
            while from < ns.length {
                let found = ns.range(of: organisation.printed, range: NSRange(location: from, length: ns.length - from))
                guard found.location != NSNotFound else { break }
                from = found.location + found.length
                let rest = ns.substring(from: from)
                guard let m = TextPattern.firstMatch("^,\\s*(“[^”]{2,120}”|\"[^\"]{2,120}\"|\\*[^*]{2,120}\\*)", in: rest) else { continue }
                let title = TextPattern.significantWords(m[1]!)
                guard !title.isEmpty, organisation.titleWords.starts(with: title) else { continue }
                let whole = NSRange(location: found.location, length: found.length + (m[0]! as NSString).length)
                guard !taken.contains(where: { NSIntersectionRange($0, whole).length > 0 }) else { continue }
                let candidate = CitationCandidate(
                    passage: InTextCitationFinder.placeholder, text: ns.substring(with: whole), authors: [organisation.printed],
                    year: nil, yearSuffix: nil, locator: nil, kind: .narrative, from: 0, to: 0)
                out.append((candidate, whole))
            }
        }
        return out
    }
}
