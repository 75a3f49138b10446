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
    /// Scalar offsets in the passage's cleaned text.
    var from: Int
    var to: Int
}

enum InTextCitationFinder {
    static let reportingVerbs = [
        "notes", "argues", "observes", "writes", "says", "states", "points out", "suggests", "contends",
        "maintains", "claims", "asserts", "remarks", "explains", "noted", "argued", "observed", "wrote",
        "describes", "finds", "shows", "reports", "recalls", "estimates", "described", "found", "showed", "reported",
    ]

    /// The verbs' UTF-8 by first letter (a-z), for the byte test before the verb pattern runs.
    static let verbsByFirstLetter: [[[UInt8]]] = (0..<26).map { letter in
        reportingVerbs.map { Array($0.utf8) }.filter { $0[0] == 0x61 + UInt8(letter) }
    }

    /// The narrative patterns, built once (they were built per passage).
    static let name = "\\p{Lu}[\\p{L}'\\-]+"
    /// "Dittmer (1994)", "Larson and Shevchenko (2010: 63)"
    static let withYear =
        "(\(name)(?:\\s+(?:and|&)\\s+\(name))?)\\s+\\((\\d{4})([a-z]?)(?:\\s*[:,]\\s*(\\d+(?:\\s*[-–]\\s*\\d+)?))?\\)"
    /// "Rajan Menon notes that"
    static let withVerb = "((?:\(name)\\s+)?(\(name)))\\s+(?:\(reportingVerbs.joined(separator: "|")))\\b"

    static let yearPrepositions: Set<String> = ["until", "since", "in", "of", "to", "by", "from", "after", "before", "till"]

    static func find(
        in document: Document, references: [Reference],
        referenceSections: Set<String>? = nil
    ) -> [CitationCandidate] {
        let referenceSections = referenceSections ?? ReferenceListFinder.referenceSectionIDs(in: document)
        let families = Set(references.flatMap { $0.author.compactMap(\.family) }.map { $0.lowercased() })
        let titles = references.compactMap(\.title).map { TextPattern.significantWords($0) }
        var out: [CitationCandidate] = []
        for passage in document.passages where !referenceSections.contains(passage.sectionID) {
            let text = passage.text
            var map = CitationScalarOffsets(text)
            // Spec: `TextPattern.allMatches("\\(([^()]{1,400})\\)", in: text)`.
            for m in ParenthesisScanner.matches(in: text, minInner: 1, maxInner: 400) {
                let inner = m.inner
                let range = NSRange(location: m.location, length: m.length)
                let innerStart = m.location + 1
                var parts: [(String, Int)] = []
                var offset = 0
                // Without a ";" the one part is the whole (what `components` would return).
                for piece in ByteSearch.contains(inner, ";") ? inner.components(separatedBy: ";") : [inner] {
                    parts.append((piece, innerStart + offset))
                    offset += (piece as NSString).length + 1
                }
                var found: [CitationCandidate] = []
                for (piece, start) in parts {
                    guard var c = parenthetical(piece, titles: titles) ?? authorPage(piece, families: families, titles: titles)
                    else { continue }
                    let leading = piece.utf16.prefix { $0 == 0x20 }.count
                    let trimmed = ScalarTrim.whitespace(piece)
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
                out += found
            }
            out += narrative(in: passage, map: &map, families: families)
        }
        return out
    }

    /// One part of a parenthesis: "Author, 2003:183" or a title of the list.
    static func parenthetical(_ piece: String, titles: [[String]]) -> CitationCandidate? {
        let p = ScalarTrim.whitespace(piece)
        // The pattern needs four digits in a row; most parentheses have none.
        if CitationPrefilters.mayHaveFourDigits(p), let m = authorYear(p) {
            let author = TextPattern.trim(m[1]!, ", ")
            // "(… Federation Until 2020)": the year belongs to a title, handled below.
            let lastWord = ASCIIText.lastSpaceSeparatedWord(author) ?? author.split(separator: " ").last.map { $0.lowercased() } ?? ""
            // "(September 2020)" is a date, not a citation.
            let isMonth = ReferenceFieldBuilder.monthNames.contains { $0.first == author.lowercased() }
            if isAuthorLike(author), !yearPrepositions.contains(lastWord), !isMonth {
                let locator = m[4].map(CitationPartScanner.pages)
                return CitationCandidate(
                    passage: placeholder, text: p, authors: splitAuthors(author), year: Int(m[2]!),
                    yearSuffix: m[3]!.isEmpty ? nil : m[3], locator: locator, kind: .parenthetical, from: 0, to: 0)
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

    /// MLA's author-page citation with no year: "Lukin 45", "Lo and Trenin 12-14",
    /// "Zhang et al. 203", "Marsh, *Harbin Modern* 140", "qtd. in Sun 88", "Kovalenko A6".
    /// Taken only when the first name is a family name of the document's list
    /// (or the words open one of its titles), so "(Figure 3)" or "(Article 4)" are not.
    static let authorPagePattern =
        "^(?:qtd\\.\\s+in\\s+)?(\\p{Lu}[\\p{L}'\\-]+(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'\\-]+)?(?:\\s+et\\s+al\\.)?)(?:,\\s*(\\*[^*]+\\*|\"[^\"]+\"|“[^”]+”|[^,;()]{2,60}?))?\\s+([A-Z]?\\d{1,4}(?:\\s*[-–]\\s*\\d{1,4})?)$"

    static func authorPage(_ piece: String, families: Set<String>, titles: [[String]]) -> CitationCandidate? {
        let p = ScalarTrim.whitespace(piece)
        guard let first = p.unicodeScalars.last, first.properties.numericType != nil,
            let m = TextPattern.firstMatch(authorPagePattern, in: p)
        else { return nil }
        let names = m[1]!.replacingOccurrences(of: " et al.", with: "")
        let authors = splitAuthors(names)
        guard let lead = authors.first, families.contains(lead.lowercased()) else { return nil }
        return CitationCandidate(
            passage: placeholder, text: p, authors: authors, year: nil, yearSuffix: nil,
            locator: CitationPartScanner.pages(m[3]!), kind: .parenthetical, from: 0, to: 0)
    }

    /// "Author, 2003:183", "Bin, 2009, 81", "Salin 2021: 60-74": author, year, suffix and locator.
    static let partPattern =
        "^(.+?)\\s*,?\\s*(\\d{4})([a-z]?)\\s*(?:[:,\"”]\\s*((?:pp?\\.\\s*)?\\d+(?:\\s*[-–]\\s*\\d+)?))?\\s*$"

    /// The groups of `partPattern` in `part`: by the scanner, or by the regex where the scanner cannot tell.
    static func authorYear(_ part: String) -> [String?]? {
        CitationPartScanner.scan(part).groups(orRegex: partPattern, in: part)
    }

    /// An author part starts with a capital (or a Han character) and is not a sentence.
    static func isAuthorLike(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        let startsWell = first.properties.isUppercase || TextPattern.containsHan(String(first))
            || first == "\"" || first == "“"
        // Digits are fine after a word ("Article-4, 2001") but not alone ("2009-1212").
        guard startsWell, s.first?.isNumber == false else { return false }
        return (ASCIIText.spaceSeparatedCount(s) ?? s.split(separator: " ").count) <= 30
    }

    /// "Larson and Shevchenko" → two authors; "Timofeyev O. A." stays one.
    static func splitAuthors(_ s: String) -> [String] {
        let parts = CitationPrefilters.splitNames(s)
        // Only split names, not organisation names that contain "and".
        if parts.count > 1, parts.allSatisfy({ $0.split(separator: " ").count <= 2 }) {
            return parts.map { TextPattern.trim($0) }
        }
        return [s]
    }

    static func narrative(in passage: Passage, map: inout CitationScalarOffsets, families: Set<String>) -> [CitationCandidate] {
        var out: [CitationCandidate] = []
        // Both rules keep only names of the document's list, so with no
        // list there is nothing to find; and each pattern needs a literal
        // (a "(" before the year, a reporting verb) that a byte test rules
        // out for most passages before the regex runs.
        guard !families.isEmpty else { return out }
        let text = passage.text
        let (yearMatches, verbMatches) = CitationNarrativeScanner.matches(in: text) ?? narrativeByRegex(in: text)
        for m in yearMatches {
            let authors = splitAuthors(m.groups[1]!)
            guard let firstFamily = authors.first?.split(separator: " ").last.map({ String($0).lowercased() }),
                families.contains(firstFamily)
            else { continue }
            out.append(
                CitationCandidate(
                    passage: passage, text: m.groups[0]!, authors: authors,
                    year: Int(m.groups[2]!), yearSuffix: m.groups[3]!.isEmpty ? nil : m.groups[3],
                    locator: m.groups[4], kind: .narrative, from: map.scalar(m.range.location),
                    to: map.scalar(m.range.location + m.range.length)))
        }
        // "Rajan Menon notes that"
        for m in verbMatches {
            guard families.contains(m.groups[2]!.lowercased()) else { continue }
            // The names open the match (what `NSString.range(of:)` found within it).
            let nameRange = NSRange(location: m.range.location, length: m.groups[1]!.utf16.count)
            out.append(
                CitationCandidate(
                    passage: passage, text: m.groups[1]!, authors: [m.groups[1]!], year: nil, yearSuffix: nil,
                    locator: nil, kind: .narrative, from: map.scalar(nameRange.location),
                    to: map.scalar(nameRange.location + nameRange.length)))
        }
        return out
    }

    /// Both narrative patterns by ICU, each behind its byte prefilter: for
    /// text `CitationNarrativeScanner` leaves undecided.
    static func narrativeByRegex(
        in text: String
    ) -> (withYear: [(groups: [String?], range: NSRange)], withVerb: [(groups: [String?], range: NSRange)]) {
        let years = CitationPrefilters.mayHaveSpaceParenthesisYear(text) ? TextPattern.allMatches(withYear, in: text) : []
        let hasVerb = CitationPrefilters.mayHaveWordAfterSpace(text, verbsByFirstLetter)
        return (years, hasVerb ? TextPattern.allMatches(withVerb, in: text) : [])
    }

    private static let placeholder = Passage(
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
