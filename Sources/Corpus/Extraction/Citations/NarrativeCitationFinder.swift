import Foundation

/// Narrative citations, read over the passage cut into `SentencePieces`
/// (runs of letters, runs of digits, single marks), the pieces the date
/// reader reads:
/// - a name and a bracketed year after it: "Dittmer (1994)", "Larson and
///   Shevchenko (2010: 63)", "Menon (1997a) notes";
/// - a name and a reporting verb of `Lexicon.citationReportingVerbs`:
///   "Rajan Menon notes", "as Lukin argues".
///
/// A name is a run of letters, "'" and "-" that opens with a capital and is
/// two letters long or more ("Menon", "O'Hanlon", "Al-Rodhan"); only names
/// whose family the document's list holds are kept.
enum NarrativeCitationFinder {
    /// One citation found: what it names and where (scalar offsets in the passage).
    struct Found {
        /// "Larson and Shevchenko (2010)" cites two authors; a signal phrase's names are one ("Rajan Menon").
        var authors: [String]
        var year: Int?
        var yearSuffix: String?
        /// The page as printed ("60 - 74" keeps its spaces).
        var locator: String?
        var start: Int
        var end: Int
    }

    /// "Dittmer (1994)", "Larson and Shevchenko (2010: 63)", "Lo & Trenin (2001a)".
    static func withYear(in p: SentencePieces, families: Set<String>) -> [Found] {
        var out: [Found] = []
        for open in 1..<max(1, p.count) where p.isMark(open, "(") && !p[open].joined {
            guard let year = BracketedYear.read(p, at: open, pages: false, undated: false),
                let names = names(endingAt: open - 1, in: p, joinedBy: conjunctions)
            else { continue }
            let authors = InTextCitationFinder.splitAuthors(p.text(of: names))
            guard let family = authors.first?.split(separator: " ").last.map({ $0.lowercased() }), families.contains(family)
            else { continue }
            out.append(Found(
                authors: authors, year: year.year, yearSuffix: year.suffix, locator: year.locator,
                start: p[names.lowerBound].range.lowerBound, end: p[year.close].range.upperBound))
        }
        return out
    }

    /// "Rajan Menon notes", "Gabuev argues": one or two names, then a
    /// reporting verb. A word that opens the sentence is no given name
    /// ("As Gabuev argues" cites Gabuev).
    static func withVerb(in p: SentencePieces, families: Set<String>) -> [Found] {
        var out: [Found] = []
        for verb in 1..<max(1, p.count) where p[verb].kind == .word && !p[verb].joined && !p[verb].isCapitalised {
            // The name comes first: most words follow no name, and the table need not be asked for them.
            guard p.isNamePiece(verb - 1), let family = name(endingAt: verb - 1, in: p),
                let end = reportingVerb(at: verb, in: p)
            else { continue }
            guard families.contains(p.text(of: family).lowercased()) else { continue }
            var names = family
            if !p[family.lowerBound].joined, let given = name(endingAt: family.lowerBound - 1, in: p),
                !Lexicon.signalPhraseOpeners.contains(p.text(of: given).lowercased())
            {
                names = given.lowerBound..<family.upperBound
            }
            out.append(Found(
                authors: [p.text(of: names)], year: nil, yearSuffix: nil, locator: nil,
                start: p[names.lowerBound].range.lowerBound, end: p[end - 1].range.upperBound))
        }
        return out
    }

    /// What joins two names before a year.
    static let conjunctions: Set<String> = ["and", "&"]

    static let reportingVerbs = PhraseTable(Lexicon.citationReportingVerbs.map { ($0, true) })

    /// The piece after a reporting verb that starts at piece `i`, printed in
    /// lower case with a space between its words ("points out") and ending a word.
    static func reportingVerb(at i: Int, in p: SentencePieces) -> Int? {
        guard let end = reportingVerbs.match(p, at: i)?.end,
            (i..<end).allSatisfy({ p[$0].kind == .word && !p[$0].isCapitalised && ($0 == i || !p[$0].joined) }),
            end == p.count || !(p[end].joined && p[end].kind == .number)
        else { return nil }
        return end
    }

    /// The pieces of the name whose last piece is `last`: within the run of
    /// letters, "'" and "-" touching one another that ends there, from its
    /// first capitalised word, when that is two scalars or more before the end.
    static func name(endingAt last: Int, in p: SentencePieces) -> Range<Int>? {
        guard last >= 0, p.isNamePiece(last) else { return nil }
        var first = last
        while first > 0 && p[first].joined && p.isNamePiece(first - 1) { first -= 1 }
        while first <= last && !(p[first].kind == .word && p[first].isCapitalised) { first += 1 }
        guard first <= last, p[last].range.upperBound - p[first].range.lowerBound >= 2 else { return nil }
        return first..<(last + 1)
    }

    /// A name ending at piece `last`, or two joined by one of `conjunctions`
    /// ("Larson and Shevchenko", "Lo & Trenin"), spaces between them.
    static func names(endingAt last: Int, in p: SentencePieces, joinedBy conjunctions: Set<String>) -> Range<Int>? {
        guard let second = name(endingAt: last, in: p) else { return nil }
        let and = second.lowerBound - 1
        guard !p[second.lowerBound].joined, and >= 1, !p[and].joined, conjunctions.contains(p.text(p[and].range)),
            let first = name(endingAt: and - 1, in: p)
        else { return second }
        return first.lowerBound..<second.upperBound
    }
}

/// A year in brackets as citations print it: "(1994)", "(1997a)", "(2010: 63)",
/// "(2021, 60 - 74)"; with `pages`, a locator may say so ("(2019, p. 51)"),
/// and with `undated`, "(n.d.)" and "(n.d.-a)" stand for the year.
struct BracketedYear {
    /// The year, or nil for "n.d.".
    var year: Int?
    var suffix: String?
    /// The locator as printed, without its "p."/"pp.".
    var locator: String?
    /// The piece of the closing bracket.
    var close: Int

    /// The bracketed year whose "(" is piece `open`.
    static func read(_ p: SentencePieces, at open: Int, pages: Bool, undated: Bool) -> BracketedYear? {
        guard p.isMark(open, "(") else { return nil }
        /// Piece `k` when it touches the one before it.
        func touching(_ k: Int) -> SentencePieces.Piece? { k < p.count && p[k].joined ? p[k] : nil }
        var found = BracketedYear(close: open)
        var k = open + 1
        if let year = touching(k), year.kind == .number, year.range.count == 4 {
            found.year = year.value
            k += 1
            if let suffix = touching(k), suffix.kind == .word, suffix.range.count == 1, p.isLowercaseLetter(suffix.range.lowerBound) {
                found.suffix = p.lower(k)
                k += 1
            }
        } else if undated, p.isWord(k, "n"), touching(k) != nil, p.isMark(k + 1, "."), touching(k + 1) != nil,
            p.isWord(k + 2, "d"), p.gap(before: k + 2) <= 1, p.isMark(k + 3, "."), touching(k + 3) != nil
        {
            k += 4
            if p.isMark(k, "-"), touching(k) != nil, let suffix = touching(k + 1), suffix.kind == .word, suffix.range.count == 1,
                p.isLowercaseLetter(suffix.range.lowerBound)
            {
                found.suffix = p.lower(k + 1)
                k += 2
            }
        } else {
            return nil
        }
        if p.isMark(k, ")"), touching(k) != nil {
            found.close = k
            return found
        }
        // A locator: ":" or ",", a page or a range of pages, and the bracket right after it.
        guard p.isMark(k, ":") || p.isMark(k, ",") else { return nil }
        k += 1
        if pages, p.isWord(k, "p") || p.isWord(k, "pp"), p.isMark(k + 1, "."), touching(k + 1) != nil { k += 2 }
        guard k < p.count, p[k].kind == .number else { return nil }
        let first = k
        k += 1
        if p.isMark(k, "-") || p.isMark(k, "–"), k + 1 < p.count, p[k + 1].kind == .number { k += 2 }
        guard p.isMark(k, ")"), touching(k) != nil else { return nil }
        found.locator = p.text(p[first].range.lowerBound, p[k - 1].range.upperBound)
        found.close = k
        return found
    }
}

extension SentencePieces {
    /// What a name is made of: letters, "'" and "-".
    func isNamePiece(_ i: Int) -> Bool {
        i >= 0 && i < count && (pieces[i].kind == .word || isMark(i, "'") || isMark(i, "-"))
    }

    func isLowercaseLetter(_ scalar: Int) -> Bool { ("a"..."z").contains(scalars[scalar]) }

    /// The text of `pieces` (a range of pieces), with what lies between them.
    func text(of pieces: Range<Int>) -> String {
        text(self[pieces.lowerBound].range.lowerBound, self[pieces.upperBound - 1].range.upperBound)
    }
}

/// UTF-16 offsets of a text's scalar offsets, for the rules that place what
/// they find by `NSRange`; the table is built on first use, and only for a
/// text that is not ASCII.
struct UTF16Offsets {
    let scalars: [Unicode.Scalar]
    private var table: [Int]?

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func utf16(_ scalar: Int) -> Int {
        if table == nil {
            guard scalars.contains(where: { !$0.isASCII }) else {
                table = []
                return scalar
            }
            var offsets = [0]
            offsets.reserveCapacity(scalars.count + 1)
            for s in scalars { offsets.append(offsets[offsets.count - 1] + s.utf16.count) }
            table = offsets
        }
        return table!.isEmpty ? scalar : table![scalar]
    }

    mutating func range(_ from: Int, _ to: Int) -> NSRange {
        let start = utf16(from)
        return NSRange(location: start, length: utf16(to) - start)
    }
}
