import Foundation

/// Whether a clause states a figure: a count or an amount of something
/// ("more than 180 universities offered a degree", "China shipped some
/// 900,000 vehicles", "the number had risen to about 17,500"). Such a
/// clause reports an indicator, and its date dates the figure, not a
/// happening, unless a happening verb tells something besides (the event
/// extractor asks `hasHappeningVerb`). The words are `Lexicon`'s: units and
/// count nouns (Units.swift), scale words (Numbers.swift) and hedges
/// (Qualifiers.swift).
enum FigureClause {
    /// A number in digits that is not a year, followed within a few words by
    /// a unit, a count noun or a scale word, or led by a hedge ("some",
    /// "about", "more than") and not followed by a span of time; not the
    /// size of a thing after "for" ("signed a contract for 100 engines").
    static func statesAFigure(_ clause: String) -> Bool {
        let words = clauseWords(EventClassifier.withoutParentheses(clause).lowercased())
        for (i, word) in words.enumerated() where isAmount(word) {
            // "a contract for 100 engines": the count is the size of a thing the clause tells of.
            if i > 0, words[i - 1] == "for" { continue }
            let after = words[(i + 1)..<min(words.count, i + 1 + nounReach)]
            if after.contains(where: { amountWords.contains($0) }) { return true }
            let hedged = hedges.contains { hedge in
                hedge.count <= i && Array(words[(i - hedge.count)..<i]) == hedge
            }
            if hedged, let next = after.first, !Lexicon.timeSpans.contains(next) { return true }
            if hedged, after.isEmpty { return true }
        }
        return false
    }

    /// The clause's words, edge marks trimmed: cut at spaces, line feeds and
    /// no-break spaces. ASCII without a carriage return (where every Character
    /// is one byte) is cut on its bytes, not Character by Character.
    static func clauseWords(_ lower: String) -> [String] {
        guard lower.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return lower.split { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }.map(trimmingEdgePunctuation)
        }
        return lower.utf8.split { $0 == 0x20 || $0 == 0x0A }.map { trimmingEdgePunctuation(Substring($0)) }
    }

    /// How many words may stand between a number and its noun ("24 Su-35 aircraft", "450 Russian schools").
    static let nounReach = 3

    /// Digits with thousands separators or a decimal point ("17,500", "2.8"), not a year ("2023") nor a
    /// single digit, which numbers things in prose ("units 3 and 4", "Phase 2").
    static func isAmount(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, ("0"..."9").contains(first),
            word.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." })
        else { return false }
        let digits = word.filter(\.isNumber)
        if digits.count == 4, word.count == 4, let n = Int(digits), Lexicon.yearWindow.contains(n) { return false }
        return word.count > 1
    }

    /// Units and count nouns of one word, and scale words.
    static let amountWords: Set<String> = {
        var words = Set(Lexicon.units.map(\.phrase).filter { !$0.contains(" ") && $0.count > 1 })
        words.formUnion(Lexicon.scales.keys)
        return words
    }()

    /// Hedges that make a bare number an amount ("some 80,000"), as word sequences; "just" and
    /// "only" (exact) are left out, since they lead numbers of every kind.
    static let hedges: [[String]] = Lexicon.hedges.filter { $0.qualifier != .exact }
        .map { $0.phrase.split(separator: " ").map(String.init) }

    /// Marks trimmed from a word's ends ("17,500," → "17,500").
    static let edgeMarks = Array(",.;:!?\"'“”‘’*".unicodeScalars)
    static let edgePunctuation = CharacterSet(edgeMarks)

    /// `word.trimmingCharacters(in: edgePunctuation)` on its scalars (every
    /// mark is one scalar, so the answer is Foundation's), without bridging
    /// each word of each clause to an NSString.
    static func trimmingEdgePunctuation(_ word: Substring) -> String {
        let s = word.unicodeScalars
        var a = s.startIndex
        var b = s.endIndex
        while a < b, edgeMarks.contains(s[a]) { a = s.index(after: a) }
        while a < b, edgeMarks.contains(s[s.index(before: b)]) { b = s.index(before: b) }
        return String(s[a..<b])
    }

    // MARK: A sentence that reports a figure

    /// Whether a sentence reports a figure, whatever its verbs ("in 2016 China
    /// imported 52.48 million tons of oil", "the number of projects rose from
    /// nine in 2016 to 32 in 2017"): a number with a unit of measure, a scale
    /// word or a currency beside it; a number just after a verb that brings a
    /// figure to its level or changes it by an amount ("amounted to 153",
    /// "grew by almost 40"); or a number after "the number / share of". Its
    /// dates date the figure unless their clause has a happening verb (the
    /// event extractor asks). Counts, lengths and areas are not read here
    /// (`sentenceUnitKinds`). The words are `Lexicon`'s: units (Units.swift),
    /// scale words (Numbers.swift), currencies (Money.swift), figure verbs and
    /// change words (Cues.swift, Qualifiers.swift).
    static func reportsAFigure(_ sentence: String) -> Bool { reportsAFigure(SentenceTokens(sentence)) }

    /// `reportsAFigure` of a sentence already cut into tokens (`DocumentDates` shares them).
    static func reportsAFigure(_ t: SentenceTokens) -> Bool {
        var measured: Int?  // the token after "the number of" or another measure head
        for i in t.tokens.indices {
            if t.tokens[i].kind == .number {
                if measureFollows(t, after: i) || currencyBefore(t, i) { return true }
                if let m = measured, i >= m, !isYear(t.tokens[i]) { return true }
                if figureVerbEnds(t, before: i) { return true }
            } else if Lexicon.measureHeads.contains(t.lower(i)), t.lower(i + 1) == "of" {
                measured = measured ?? i + 2
            }
        }
        return false
    }

    /// How many tokens may stand between a figure verb and its number ("reached about $ 20").
    static let verbReach = 3

    /// A unit of measure (not a count noun), a scale word or a currency written after the number at token `i`.
    static func measureFollows(_ t: SentenceTokens, after i: Int) -> Bool {
        if Lexicon.scales[t.lower(i + 1)] != nil { return true }
        return measureTable.match(t, at: i + 1) != nil
    }

    /// A currency written before the number at token `i` ("$ 5", "US$2.5", "RMB 30").
    static func currencyBefore(_ t: SentenceTokens, _ i: Int) -> Bool {
        currencyLeadTable.match(t, endingBefore: i) != nil
    }

    /// Whether a figure verb ("reached", "rose by") ends within `verbReach` tokens before token `i`.
    static func figureVerbEnds(_ t: SentenceTokens, before i: Int) -> Bool {
        (max(0, i - verbReach)...i).contains { k in figureVerbTable.match(t, endingBefore: k) != nil }
    }

    static func isYear(_ token: SentenceTokens.Token) -> Bool {
        token.text.count == 4 && token.number.map { Lexicon.yearWindow.contains(Int($0)) } == true
    }

    /// The kinds of unit that make a sentence a figure's: shares, ratios and the
    /// quantities of trade and output. Lengths and areas size the things a
    /// happening concerns ("a bridge of 1,080 metres", "1,500 hectares were
    /// transferred"), and counts are read clause by clause (`statesAFigure`).
    static let sentenceUnitKinds: Set<Lexicon.UnitKind> = [
        .percent, .percentagePoints, .ratio, .mass, .volume, .energy, .containers,
    ]

    /// Units of `sentenceUnitKinds`, and currencies written after their number, as the
    /// tokenizer cuts them ("per cent" → "per", "cent"; "m³" → "m", "³").
    static let measurePhrases: [String] = measureLexiconPhrases.map(tokenPhrase)
    private static let measureLexiconPhrases: [String] = {
        let units = Lexicon.units.filter { sentenceUnitKinds.contains($0.kind) }.map(\.phrase)
        let currencies = Lexicon.currencies.filter { $0.placement != .before }.map(\.phrase)
        return units + currencies
    }()

    /// Currencies written before their number ("$", "us$", "rmb").
    static let currencyLeads: [String] = currencyLeadLexiconPhrases.map(tokenPhrase)
    private static let currencyLeadLexiconPhrases = Lexicon.currencies.filter { $0.placement != .after }.map(\.phrase)

    /// `Lexicon.figureVerbs`, and each verb of `Lexicon.changeWords` followed by "by" ("rose by").
    static let figureVerbs: [String] = figureVerbLexiconPhrases.map(tokenPhrase)
    private static let figureVerbLexiconPhrases = Lexicon.figureVerbs + Lexicon.changeWords.keys.sorted().map { $0 + " by" }

    /// A phrase of the Lexicon as `SentenceTokens` cuts it, its tokens' lowercase joined by spaces.
    static func tokenPhrase(_ phrase: String) -> String {
        SentenceTokens(phrase).tokens.map(\.lower).joined(separator: " ")
    }

    /// The three lists as phrase tables (`PhraseTable` cuts each phrase as
    /// `tokenPhrase` does and indexes it by first and last token): a number
    /// is looked up in them, not compared with every phrase of each list
    /// (that was 4 % of a load's instructions).
    static let measureTable = PhraseTable(measureLexiconPhrases.map { ($0, true) })
    static let currencyLeadTable = PhraseTable(currencyLeadLexiconPhrases.map { ($0, true) })
    static let figureVerbTable = PhraseTable(figureVerbLexiconPhrases.map { ($0, true) })
}
