import Foundation

/// Finds citations in the body of a document (never in its reference list).
///
/// Parenthetical: "(Voskressenski, 2003:183)", "(Bin, 2009, 81)", "(Menon, 1997"101)",
/// "(Salin 2021: 60-74)", several joined by ";", and title-only ones such as
/// "(White Paper: China's Peaceful Development)" when the words open a title of
/// the document's own list. Narrative: "Dittmer (1994) argues", "Rajan Menon
/// notes that", only for surnames that the list contains, so "(USSR)",
/// "(Heihe – Changlin)" or "South China (2016)" are not taken for citations.
struct CitationCandidate: Sendable, Hashable {
    var passage: Passage
    var text: String
    var authors: [String]
    var year: Int?
    var yearSuffix: String?
    var locator: String?
    var kind: InTextCitation.Kind
    /// The short title an author-page citation adds when the author has
    /// several works: "Marsh, *Harbin Modern* 140" → "Harbin Modern".
    var shortTitle: String? = nil
    /// "n.d.": the work has no date, so an undated entry is the one meant.
    var undated = false
    /// "(ibid., p. 9)": the work of the citation before it.
    var ibid = false
    /// Scalar offsets in the passage's cleaned text.
    var from: Int
    var to: Int
}

enum InTextCitationFinder {
    static let yearPrepositions: Set<String> = ["until", "since", "in", "of", "to", "by", "from", "after", "before", "till"]

    static func find(
        in document: Document, references: [Reference],
        referenceSections: Set<String>? = nil
    ) -> [CitationCandidate] {
        let referenceSections = referenceSections ?? ReferenceListFinder.referenceSectionIDs(in: document)
        let names = CitationListNameFinder.Names(references)
        let families = names.families
        // What a citation without a year may open with: a title of the list, or an organisation that wrote one.
        let titles = references.compactMap(\.title).map { TextPattern.significantWords($0) }
            + names.organisations.map(\.words).map { $0.filter { !TextPattern.stopwords.contains($0) } }.filter { $0.count >= 2 }
        // A numbered list is cited by number: "(12)" is then its entry 12 (`MarkerCitationFinder`), not a page.
        let numberedList = references.contains { ReferenceEntryShape.number($0.raw) != nil }
        var out: [CitationCandidate] = []
        /// Parentheses in which nothing was found, kept until the document shows it cites by author
        /// and page (MLA): then "(126)" after a signal phrase, and "(Kireeva 57)" by a name not in the list.
        var pending: [(passage: Passage, range: NSRange, inner: String)] = []
        var citesByAuthorAndPage = false
        var taken: [String: [NSRange]] = [:]
        for passage in document.passages where !referenceSections.contains(passage.sectionID) {
            let text = passage.text
            var map = CitationScalarOffsets(text)
            var ranges: [NSRange] = []
            // Spec: `TextPattern.allMatches("\\(([^()]{1,400})\\)", in: text)`.
            for m in ParenthesisScanner.matches(in: text, minInner: 1, maxInner: 400) {
                let range = NSRange(location: m.location, length: m.length)
                let found = parts(of: m.inner, at: range, in: passage, &map) { piece in
                    if let c = ibid(piece) { return c }
                    if let c = parenthetical(piece, titles: titles) { return c }
                    if let c = authorPage(piece, families: families, titles: titles) {
                        citesByAuthorAndPage = true
                        return c
                    }
                    return titleAndLocator(piece, titles: titles)
                }
                if found.isEmpty {
                    if !numberedList && !families.isEmpty { pending.append((passage, range, m.inner)) }
                } else {
                    ranges.append(range)
                }
                out += found
            }
            // Both narrative rules and the names before a year read the passage's pieces; with no list there is nothing to find.
            let pieces = names.isEmpty ? SentencePieces(scalars: []) : SentencePieces(text)
            var utf16 = UTF16Offsets(pieces.scalars)
            let narratives = narrative(in: passage, pieces: pieces, utf16: &utf16, families: families)
            ranges += narratives.map(\.range)
            out += narratives.map(\.candidate)
            // Names of the list the narrative rules do not read ("Bank of Russia (2023)", "Ignatova (2019, p. 51)").
            for (c, range) in CitationListNameFinder.beforeYear(in: text, pieces: pieces, utf16: &utf16, names: names, taken: ranges) {
                out.append(placed(c, passage, range, &map))
                ranges.append(range)
            }
            for (c, range) in CitationListNameFinder.etAlSignalPhrases(in: text, names: names, taken: ranges) {
                out.append(placed(c, passage, range, &map))
                ranges.append(range)
            }
            taken[passage.id] = ranges
        }
        // Author and page with no year (MLA): the forms that would be too loose in other styles.
        guard citesByAuthorAndPage else { return out }
        for item in pending {
            var map = CitationScalarOffsets(item.passage.text)
            if var c = pageAfterSignalPhrase(item.inner, before: item.range, in: item.passage, families: families) {
                c = placed(c, item.passage, item.range, &map)
                c.text = "(" + item.inner + ")"
                out.append(c)
                continue
            }
            let found = parts(of: item.inner, at: item.range, in: item.passage, &map) { piece in
                authorPage(piece, families: families, titles: titles, anyName: true)
            }
            if !found.isEmpty { taken[item.passage.id, default: []].append(item.range) }
            out += found
        }
        for passage in document.passages where !referenceSections.contains(passage.sectionID) {
            var ranges = taken[passage.id] ?? []
            var map = CitationScalarOffsets(passage.text)
            let unbracketed = CitationListNameFinder.organisationWithTitle(in: passage.text, names: names, taken: ranges)
            ranges += unbracketed.map(\.1)
            for (c, range) in unbracketed + CitationListNameFinder.authorPageWithoutBrackets(in: passage.text, names: names, taken: ranges) {
                out.append(placed(c, passage, range, &map))
            }
        }
        return out
    }

    /// The citations `read` finds in the parts of one parenthesis (split at ";"), placed in `passage`.
    static func parts(
        of inner: String, at range: NSRange, in passage: Passage, _ map: inout CitationScalarOffsets,
        read: (String) -> CitationCandidate?
    ) -> [CitationCandidate] {
        let innerStart = range.location + 1
        var parts: [(String, Int)] = []
        var offset = 0
        // Without a ";" the one part is the whole (what `components` would return).
        for piece in ByteSearch.contains(inner, ";") ? inner.components(separatedBy: ";") : [inner] {
            parts.append((piece, innerStart + offset))
            offset += (piece as NSString).length + 1
        }
        var found: [CitationCandidate] = []
        for (piece, start) in parts {
            guard var c = read(piece) else { continue }
            let leading = piece.utf16.prefix { $0 == 0x20 }.count
            let trimmed = TextPattern.trimSpaces(piece)
            c.passage = passage
            c.from = map.scalar(start + leading)
            c.to = map.scalar(start + leading + (trimmed as NSString).length)
            c.text = trimmed
            found.append(c)
        }
        if found.count == 1 && parts.count == 1 {
            // A lone citation is quoted with its brackets, as written.
            found[0].from = map.scalar(range.location)
            found[0].to = map.scalar(range.location + range.length)
            found[0].text = "(" + inner + ")"
        }
        return found
    }

    /// `c` placed at the UTF-16 `range` of `passage`.
    static func placed(_ c: CitationCandidate, _ passage: Passage, _ range: NSRange, _ map: inout CitationScalarOffsets) -> CitationCandidate {
        var c = c
        c.passage = passage
        c.from = map.scalar(range.location)
        c.to = map.scalar(range.location + range.length)
        return c
    }

    /// A page or page range alone in brackets: "126", "12-14", "p. 9", "pp. 88–90". Not a year.
    static func pageLocator(_ inner: String) -> String? {
        guard inner.utf8.count <= 20, let m = TextPattern.firstMatch("^\\s*(?:pp?\\.\\s*)?(\\d{1,4})(?:\\s*[-–]\\s*\\d{1,4})?\\s*$", in: inner),
            let first = Int(m[1]!), !(m[1]!.count == 4 && (1000...2099).contains(first))
        else { return nil }
        return pages(TextPattern.trimSpaces(inner))
    }

    /// MLA's "Petrova describes the agreement as … (126)": a page alone cites
    /// the author the sentence named before it, when that name is a family of the list.
    static func pageAfterSignalPhrase(_ inner: String, before range: NSRange, in passage: Passage, families: Set<String>) -> CitationCandidate? {
        guard let locator = pageLocator(inner) else { return nil }
        var map = CitationScalarOffsets(passage.text)
        let at = map.scalar(range.location)
        let sentenceStart = passage.sentences.last(where: { $0.start <= at })?.start ?? 0
        let scalars = Array(passage.text.unicodeScalars)
        guard sentenceStart < at, at <= scalars.count else { return nil }
        let sentence = String(String.UnicodeScalarView(scalars[sentenceStart..<at]))
        // The nearest capitalised word before the page that is a family of the list.
        let named = sentence.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "-") }).last { word in
            word.first?.isUppercase == true && families.contains(word.lowercased())
        }
        guard let named else { return nil }
        return CitationCandidate(
            passage: placeholder, text: inner, authors: [String(named)], year: nil, yearSuffix: nil, locator: locator,
            kind: .parenthetical, from: 0, to: 0)
    }

    /// MLA's work cited by its title, with a locator or none: "\"Cross-Border
    /// Tourism\" 67", "*Amur Crossing* 00:41:10-00:42:35", "*Agreement* art. 4"
    /// (the passage text has lost the asterisks: "Agreement art. 4"). Taken
    /// when the title's words open a title of the list, and in quotes or with a
    /// locator (a bare title of two words or more is `parenthetical`'s).
    static let titleLocatorPattern =
        "^(.+?)\\s+((?:(?:art|arts|ch|chap|sec|para|pt|l|ll|pp?|vol|no)\\.\\s*)?[A-Z]?\\d[\\d:.]*(?:\\s*[-–]\\s*[A-Z]?\\d[\\d:.]*)?)$"

    static func titleAndLocator(_ piece: String, titles: [[String]]) -> CitationCandidate? {
        let p = TextPattern.trimSpaces(piece)
        guard let first = p.unicodeScalars.first, first.properties.isUppercase || "*\"“".unicodeScalars.contains(first) else { return nil }
        let split = p.unicodeScalars.last?.properties.numericType != nil ? TextPattern.firstMatch(titleLocatorPattern, in: p) : nil
        let titlePart = split?[1] ?? p
        let locator = split?[2]
        let marked = titlePart.hasPrefix("*") || titlePart.hasPrefix("\"") || titlePart.hasPrefix("“")
        guard marked || locator != nil else { return nil }
        let title = TextPattern.trim(titlePart, "*\"“”,. ")
        let words = TextPattern.significantWords(title)
        guard !words.isEmpty, titles.contains(where: { $0.starts(with: words) }) else { return nil }
        return CitationCandidate(
            passage: placeholder, text: p, authors: [title], year: nil, yearSuffix: nil, locator: locator,
            kind: .parenthetical, shortTitle: title, from: 0, to: 0)
    }

    /// One part of a parenthesis: "Author, 2003:183" or a title of the list.
    static func parenthetical(_ piece: String, titles: [[String]]) -> CitationCandidate? {
        let p = TextPattern.trimSpaces(piece)
        if let m = TextPattern.firstMatch(partPattern, in: p) {
            let author = TextPattern.trim(m[1]!, ", ")
            // "(… Federation Until 2020)": the year belongs to a title, handled below.
            let lastWord = author.split(separator: " ").last.map { $0.lowercased() } ?? ""
            // "(September 2020)" is a date, not a citation.
            let isMonth = ReferenceFieldBuilder.monthNames.contains { $0.first == author.lowercased() }
            if isAuthorLike(author), !yearPrepositions.contains(lastWord), !isMonth {
                let locator = m[4].map(pages)
                return CitationCandidate(
                    passage: placeholder, text: p, authors: splitAuthors(author), year: Int(m[2]!),
                    yearSuffix: m[3]!.isEmpty ? nil : m[3], locator: locator, kind: .parenthetical, from: 0, to: 0)
            }
        }
        // "Ministry of Economy, n.d.": no date, said so.
        if ByteSearch.contains(p, "n."), let m = TextPattern.firstMatch(noDatePattern, in: p) {
            let author = TextPattern.trim(m[1]!, ", ")
            if isAuthorLike(author) {
                var c = CitationCandidate(
                    passage: placeholder, text: p, authors: splitAuthors(author), year: nil, yearSuffix: m[2],
                    locator: m[3].map(pages), kind: .parenthetical, from: 0, to: 0)
                c.undated = true
                return c
            }
        }
        // No year: only when the words open a title of the list.
        // The capital is tested first: it is cheaper than the words and rules out most.
        guard let first = p.first, first.isUppercase else { return nil }
        let words = TextPattern.significantWords(p)
        guard words.count >= 2 else { return nil }
        guard titles.contains(where: { $0.count >= words.count && Array($0.prefix(words.count)) == words }) else { return nil }
        return CitationCandidate(
            passage: placeholder, text: p, authors: [p], year: nil, yearSuffix: nil, locator: nil,
            kind: .parenthetical, from: 0, to: 0)
    }

    /// "ibid.", "Ibid., p. 9", "ibid.: 45", "ibid 12-14": the work cited just before.
    static let ibidPattern = "^[Ii]bid(?:em)?\\.?(?:\\s*[:,]?\\s*((?:pp?\\.\\s*)?\\d+(?:\\s*[-–]\\s*\\d+)?))?$"

    static func ibid(_ piece: String) -> CitationCandidate? {
        let p = TextPattern.trimSpaces(piece)
        guard p.utf8.first == 0x49 || p.utf8.first == 0x69, let m = TextPattern.firstMatch(ibidPattern, in: p) else { return nil }
        var c = CitationCandidate(
            passage: placeholder, text: p, authors: [], year: nil, yearSuffix: nil, locator: m[1].map(pages),
            kind: .parenthetical, from: 0, to: 0)
        c.ibid = true
        return c
    }

    /// "Author, n.d.", "Author n.d.-a, p. 4".
    static let noDatePattern =
        "^(.+?),?\\s+n\\.\\s?d\\.(?:-([a-z]))?(?:\\s*[:,]\\s*((?:pp?\\.\\s*)?\\d+(?:\\s*[-–]\\s*\\d+)?))?$"

    /// MLA's author-page citation with no year: "Lukin 45", "Lo and Trenin 12-14",
    /// "Zhang et al. 203", "Marsh, *Harbin Modern* 140", "qtd. in Sun 88", "Kovalenko A6".
    /// Taken only when the first name is a family name of the document's list
    /// (or the words open one of its titles), so "(Figure 3)" or "(Article 4)" are not.
    static let authorPagePattern =
        "^(?:qtd\\.\\s+in\\s+)?(\\p{Lu}[\\p{L}'\\-]+(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\-]+)?(?:,?\\s+et\\s+al\\.?)?)(?:,\\s*(\\*[^*]+\\*|\"[^\"]+\"|“[^”]+”|[^,;()]{2,60}?))?\\s+([A-Z]?\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?)$"

    /// With `anyName` (in a document that cites so), a name that is not in the list is taken
    /// too, so "(Kireeva 57)" is found and reported unresolved; not a label such as "Figure" nor a year.
    static func authorPage(_ piece: String, families: Set<String>, titles: [[String]], anyName: Bool = false) -> CitationCandidate? {
        let p = TextPattern.trimSpaces(piece)
        guard let first = p.unicodeScalars.last, first.properties.numericType != nil,
            let m = TextPattern.firstMatch(authorPagePattern, in: p)
        else { return nil }
        // "et al." in any of its spellings: "Zhang et al.", "Zhang et al", "Zhang, et al.".
        let names = TextPattern.replace(",?\\s+et\\s+al\\.?$", in: m[1]!, with: "")
        let authors = splitAuthors(names)
        guard let lead = authors.first else { return nil }
        if !families.contains(lead.lowercased()) {
            let page = m[3]!
            let yearLike = page.count == 4 && Lexicon.yearWindow.contains(Int(page) ?? 0)
            guard anyName, !yearLike, !Lexicon.citationNonAuthors.contains(lead.lowercased()) else { return nil }
        }
        return CitationCandidate(
            passage: placeholder, text: p, authors: authors, year: nil, yearSuffix: nil,
            locator: pages(m[3]!), kind: .parenthetical,
            shortTitle: m[2].map { TextPattern.trim($0, "*\"“”,. ") }, from: 0, to: 0)
    }

    /// "Author, 2003:183", "Bin, 2009, 81", "Salin 2021: 60-74": author, year, suffix and locator.
    static let partPattern =
        "^(.+?)\\s*,?\\s*(\\d{4})([a-z]?)\\s*(?:[:,\"”]\\s*((?:pp?\\.\\s*)?\\d+(?:\\s*[-–]\\s*\\d+)?))?\\s*$"

    /// A locator as a citation keeps it: without a "p."/"pp." prefix and without spaces ("pp. 12 - 14" → "12-14").
    static func pages(_ locator: String) -> String {
        TextPattern.replace("^pp?\\.\\s*", in: locator, with: "").replacingOccurrences(of: " ", with: "")
    }

    /// An author part starts with a capital (or a Han character) and is not a sentence.
    static func isAuthorLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        let startsWell = first.properties.isUppercase || TextPattern.containsHan(String(first))
            || first == "\"" || first == "“"
        // Digits are fine after a word ("Article-4, 2001") but not alone ("2009-1212").
        guard startsWell, s.first?.isNumber == false else { return false }
        return s.split(separator: " ").count <= 30
    }

    /// "Larson and Shevchenko" → two authors; "Timofeyev O. A." stays one.
    static func splitAuthors(_ s: String) -> [String] {
        let parts = ReferenceNameSplitter.splitAtConjunctions(s)
        // Only split names, not organisation names that contain "and".
        if parts.count > 1, parts.allSatisfy({ $0.split(separator: " ").count <= 2 }) {
            return parts.map { TextPattern.trim($0) }
        }
        return [s]
    }

    /// The narrative citations of `passage` (`NarrativeCitationFinder`), placed.
    static func narrative(
        in passage: Passage, pieces: SentencePieces, utf16: inout UTF16Offsets, families: Set<String>
    ) -> [(candidate: CitationCandidate, range: NSRange)] {
        guard !families.isEmpty else { return [] }
        let found = NarrativeCitationFinder.withYear(in: pieces, families: families)
            + NarrativeCitationFinder.withVerb(in: pieces, families: families)
        return found.map { f in
            let candidate = CitationCandidate(
                passage: passage, text: pieces.text(f.start, f.end), authors: f.authors, year: f.year, yearSuffix: f.yearSuffix,
                locator: f.locator, kind: .narrative, from: f.start, to: f.end)
            return (candidate, utf16.range(f.start, f.end))
        }
    }

    static let placeholder = Passage(
        id: "", documentID: "", sectionID: "", index: 0, text: "", rawOffsets: [0], sentences: [])
}

/// A passage's `ScalarMap`, built when the first offset is asked for: most
/// passages hold no citation, and building the map of one that is not ASCII
/// walked all of it.
struct CitationScalarOffsets {
    let text: String
    private var map: ScalarMap?

    init(_ text: String) { self.text = text }

    mutating func scalar(_ utf16Offset: Int) -> Int {
        if map == nil { map = ScalarMap(text) }
        return map!.scalar(utf16Offset)
    }
}

/// UTF-16 offsets (what NSRegularExpression reports) → Unicode scalar offsets
/// (what provenance uses), for one string.
struct ScalarMap: Sendable {
    /// Empty for ASCII text, where the offsets are the same.
    private var scalarAt: [Int]
    private let count: Int

    /// Built from the UTF-8: each scalar opens with a non-continuation byte,
    /// and takes two UTF-16 units when four bytes long (lead byte >= 0xF0).
    init(_ s: String) {
        var s = s
        let (count, table) = s.withUTF8 { bytes -> (Int, [Int]) in
            if !bytes.contains(where: { $0 >= 0x80 }) { return (bytes.count, []) }
            var table: [Int] = []
            table.reserveCapacity(bytes.count + 1)
            var scalar = 0
            for b in bytes where b & 0xC0 != 0x80 {
                table.append(scalar)
                if b >= 0xF0 { table.append(scalar) }
                scalar += 1
            }
            table.append(scalar)
            return (scalar, table)
        }
        self.count = count
        scalarAt = table
    }

    func scalar(_ utf16Offset: Int) -> Int {
        if scalarAt.isEmpty { return min(max(0, utf16Offset), count) }
        return scalarAt[min(max(0, utf16Offset), scalarAt.count - 1)]
    }
}
