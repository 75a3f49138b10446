/// Page furniture: what a printed page repeats and a text conversion leaves
/// among the paragraphs, often between the two halves of a sentence: running
/// headers and footers (a short line naming the journal, the title or the
/// authors, with a page number) and bare page numbers. It is recognised by its
/// shape, never by its words, so it is found in any article, in the body as in
/// the reference list. `TextBlock.blocks` marks it; `PassageBuilder` makes no
/// passage of it and rejoins the sentence it cuts, so it is never an event, a
/// figure or a reference (the verbatim quote of that sentence still spans it).
enum PageFurniture {
    /// Why a single line is furniture.
    enum Shape: Sendable, Equatable {
        /// "12", "— 12 —", "[12]", "Page 12", "p. 12", "12 of 30".
        case pageNumber
        /// A page number set apart by a separator at one end:
        /// "8 · THE LEDGER · 14 March 2024", "Smith. A Title | 12".
        case separatedPageNumber
        /// A page number of two or three digits beside a line in capitals:
        /// "212 OSTROVSKAYA AND DAHLGAARD", "STEPPE TRADE QUARTERLY 41". A
        /// section number is small, a journal's page number seldom is, so
        /// "2 LITERATURE REVIEW" stays a heading.
        case pageNumberBesideCapitals
        /// A line that comes back elsewhere in the file, its numbers aside,
        /// with a page number at one end: "Havel 93" … "Havel 95".
        case repeatedWithPageNumber
        /// A short line between a paragraph left open and the lowercase words
        /// that carry its sentence on: "… are to / 88 Vestnik … / be delivered".
        case betweenHalvesOfASentence
        /// A line with a page number at one end, or one that comes back in the
        /// file, between a long paragraph cut after a lowercase word and a
        /// paragraph opening in capitals, where the sentence carries on with
        /// a name: "… treated in the / Steppe Med Rev. 2021;4(2)   77 / Kazakh
        /// capital". Before a capital the sentence could have ended, so the
        /// line must look like furniture on its own.
        case headerBeforeACapitalisedHalf
    }

    /// Longest line read as a header or footer, in scalars: a running header
    /// is one line of the page, not a paragraph.
    static let maxLength = 160
    /// Longest line that may sit between the two halves of a sentence.
    static let maxLengthInsideASentence = 120
    /// Shortest paragraph read as cut mid-sentence when the next half opens
    /// with a capital: a body paragraph runs over more than a line.
    static let minLengthBeforeACapitalisedHalf = 120
    /// A page number has one to three digits; four digits are read as a year.
    static let pageNumberDigits = 1...3
    /// Marks that set a page number apart from the rest of a running header.
    static let separators: Set<String> = ["·", "|", "•", "–", "—", "-", "/", "~"]
    /// Marks that may wrap a bare page number ("— 12 —", "[12]").
    static let wrappers: Set<Unicode.Scalar> = ["-", "–", "—", "[", "]", "(", ")"]

    /// The word kinds of a bare page-number line.
    enum Word { case page, pageWord, of, total }
    /// Words that may stand before a bare page number.
    static let pageWords: Set<String> = ["page", "p.", "pg.", "pp.", "стр.", "с."]
    /// The bare page-number lines, word by word (wrappers removed).
    static let pageNumberLines: [[Word]] = [[.page], [.pageWord, .page], [.page, .of, .total], [.pageWord, .page, .of, .total]]

    /// The shape of a line judged alone, or nil when it could be content.
    static func shapeAlone(_ line: [Unicode.Scalar]) -> Shape? {
        guard !line.isEmpty, line.count <= maxLength, line.first != "|", line.first != "#" else { return nil }
        var a = 0
        var b = line.count
        while a < b, wrappers.contains(line[a]) || line[a].properties.isWhitespace { a += 1 }
        while b > a, wrappers.contains(line[b - 1]) || line[b - 1].properties.isWhitespace { b -= 1 }
        let core = words(Array(line[a..<b]))
        if pageNumberLines.contains(where: { fits(core, $0) }) { return .pageNumber }

        let all = words(line)
        guard all.count >= 3 else { return nil }
        // The separator must be a layout mark, not a range ("rose by 12 - 15"):
        // it comes back in the line, or the rest of the line has no number.
        func setApart(_ separator: String, rest: ArraySlice<String>) -> Bool {
            all.filter { $0 == separator }.count >= 2 || !rest.contains { $0.unicodeScalars.contains(where: isDigit) }
        }
        if isPageNumber(all[0]), separators.contains(all[1]), setApart(all[1], rest: all.dropFirst(2)) {
            return .separatedPageNumber
        }
        let n = all.count
        if isPageNumber(all[n - 1]), separators.contains(all[n - 2]), setApart(all[n - 2], rest: all.dropLast(2)) {
            return .separatedPageNumber
        }
        for (page, rest) in [(all[0], all.dropFirst()), (all[n - 1], all.dropLast())]
        where isPageNumber(page) && page.count >= 2 && inCapitals(rest) {
            return .pageNumberBesideCapitals
        }
        return nil
    }

    /// A cheap first look at a line of raw text: every shape above has a page
    /// number, or a mark wrapping one, at one end of the line.
    static func mayBeFurniture(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        guard !line.isEmpty, line.count <= maxLength else { return false }
        let ends = [s[line.lowerBound], s[line.upperBound - 1]]
        return ends.contains { isDigit($0) || wrappers.contains($0) }
    }

    /// Whether the line has a page number as its first or last word.
    static func hasPageNumberAtAnEnd(_ line: [Unicode.Scalar]) -> Bool {
        let all = words(line)
        guard all.count >= 2, line.count <= maxLength else { return false }
        return isPageNumber(all[0]) || isPageNumber(all[all.count - 1])
    }

    /// Whether a line standing where a sentence is cut before a capitalised
    /// word is a running header or footer: a page number at one end, or the
    /// line comes back in the file (`repeated`, its numbers aside). A line
    /// with neither is read as content (a heading, a caption).
    static func isHeaderBeforeACapitalisedHalf(_ line: [Unicode.Scalar], repeated: Bool) -> Bool {
        guard line.count <= maxLengthInsideASentence else { return false }
        return repeated || hasPageNumberAtAnEnd(line)
    }

    /// The line with every run of digits replaced by one `#`: the running
    /// headers of two pages have the same key.
    static func repetitionKey(_ line: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for s in line {
            let digit = isDigit(s)
            if digit && !inDigits { out.append("#") }
            if !digit { out.append(s) }
            inDigits = digit
        }
        return String(out)
    }

    static func isPageNumber(_ word: String) -> Bool {
        pageNumberDigits.contains(word.unicodeScalars.count) && word.unicodeScalars.allSatisfy(isDigit)
    }

    /// Words with at least four letters, none of them lowercase.
    private static func inCapitals(_ words: ArraySlice<String>) -> Bool {
        let letters = words.joined().unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 4 && !letters.contains { $0.properties.isLowercase }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    private static func words(_ line: [Unicode.Scalar]) -> [String] {
        line.split(whereSeparator: { $0.properties.isWhitespace }).map { String(String.UnicodeScalarView($0)) }
    }

    private static func fits(_ words: [String], _ pattern: [Word]) -> Bool {
        guard words.count == pattern.count else { return false }
        return zip(words, pattern).allSatisfy { word, kind in
            switch kind {
            case .page: return isPageNumber(word)
            case .pageWord: return pageWords.contains(word.lowercased())
            case .of: return word.lowercased() == "of"
            case .total: return !word.isEmpty && word.unicodeScalars.allSatisfy(isDigit)
            }
        }
    }
}
