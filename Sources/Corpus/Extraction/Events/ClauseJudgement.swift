import Foundation

/// Whether the clause holding a date tells a happening, and if so whether it
/// took place, is planned or is expected.
///
/// The clause is the stretch between clause breaks (", and", ";", ", while",
/// ", but", ", whereas") around the date. Words inside quotation marks are
/// someone's words, not the text's: "Jiang said … 'will continue'" is no
/// forecast. The cue lists are `Lexicon`'s (`Cues.swift`); this file only
/// says how they are read:
/// - a self-referential clause ("This article traces … to 2024") is no event;
/// - a hypothetical one ("If … were to …", "Had X accepted …, could have …",
///   "Were X to …") is none, nor a negated one ("no contract was signed",
///   "did not take place", "denied … had been signed");
/// - else planned cues, then expected cues, else it took place.
enum ClauseJudgement {
    enum Verdict: Equatable {
        case event(EventStatus)
        case selfReference, hypothetical, negated
        /// "Kommersant, 3 June 2005.", "144 EURASIAN BORDERLANDS REVIEW 11 (2020)": a note or a running header.
        case notProse
        /// "By 2023 there were nineteen": a state of affairs, not a happening.
        case state
    }

    static func verdict(scalars s: [Unicode.Scalar], clause: Range<Int>, sentenceStart: Bool = true) -> Verdict {
        let text = lowercasedWithoutQuotations(s, clause)
        if Cue.anyAsWord(Cues.selfReference, in: text) || opensWithOutline(text) { return .selfReference }
        if !isProse(s, clause) { return .notProse }
        if Cue.anyAsWord(Cues.state, in: text) { return .state }
        if Cue.anyAsWord(Cues.hypothetical, in: text) || opensInvertedConditional(Array(s[clause])) {
            return .hypothetical
        }
        if Cue.anyAsWord(Cues.negation, in: text, except: Cues.negationExceptions) { return .negated }
        if Cue.anyAsWord(Cues.planned, in: text) { return .event(.planned) }
        if Cue.anyAsWord(Cues.expected, in: text) { return .event(.expected) }
        return .event(.occurred)
    }

    /// "Section II reviews the oil trade from 2009 to 2023", "Table 1 lists …": a numbered part of
    /// the text and an outline's verb open the clause (`Lexicon.documentPartWords`, `textMoveVerbs`).
    /// "Section 5 of the law took effect in 2019" names another text's part and stays an event.
    static func opensWithOutline(_ lowercased: String) -> Bool {
        // Cut at the third word: the clause's rest is not read.
        let words = lowercased.split(maxSplits: 3, whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(3).map(String.init)
        guard words.count == 3, Lexicon.documentPartWords.contains(words[0]), Lexicon.textMoveVerbs.contains(words[2]) else {
            return false
        }
        return words[1].allSatisfy(\.isNumber) || Lexicon.romanNumber(words[1]) != nil
    }

    /// `Lexicon`'s cue lists, encoded once, searched as whole words.
    enum Cues {
        static let selfReference = Cue.list(Lexicon.selfReferenceCues)
        static let state = Cue.list(Lexicon.stateCues)
        static let hypothetical = Cue.list(Lexicon.hypotheticalCues)
        static let negation = Cue.list(Lexicon.negationCues)
        static let negationExceptions = Cue.list(Lexicon.negationExceptions)
        static let planned = Cue.list(Lexicon.plannedCues)
        static let expected = Cue.list(Lexicon.expectedCues + Lexicon.futureModals)
    }

    /// A happening is told in prose: the clause has a lowercase word ("Putin visited Beijing").
    static func isProse(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> Bool {
        // ASCII (nearly every clause) is read on its scalars: there a word's
        // first Character is its first scalar, and a word of two scalars or
        // more has two Characters or more unless it is "\r\n", which is no lowercase.
        if s[clause].allSatisfy(\.isASCII) {
            var i = clause.lowerBound
            while i < clause.upperBound {
                if s[i] == " " {
                    i += 1
                    continue
                }
                let start = i
                while i < clause.upperBound, s[i] != " " { i += 1 }
                if ScalarClass.isLowercase(s[start]), i - start > 1 { return true }
            }
            return false
        }
        let words = String(scalars: s[clause]).split(separator: " ")
        return words.contains { $0.first?.isLowercase == true && $0.count > 1 }
    }

    /// The status a clause gives its happening, whether or not it is one
    /// (for curated events, which a curator has already judged).
    static func status(scalars s: [Unicode.Scalar], clause: Range<Int>) -> EventStatus {
        let text = lowercasedWithoutQuotations(s, clause)
        if Cue.anyAsWord(Cues.planned, in: text) { return .planned }
        if Cue.anyAsWord(Cues.expected, in: text) { return .expected }
        return .occurred
    }

    /// "Had Beijing accepted …", "Were Washington to …": the sentence opens
    /// with an auxiliary and a subject follows.
    static func opensInvertedConditional(_ s: [Unicode.Scalar]) -> Bool {
        let words = String(scalars: s.prefix(40)).split(separator: " ").prefix(2)
            .map { EdgeTrim.punctuation.trim($0) }
        guard words.count == 2, Lexicon.invertedConditionals.contains(words[0].lowercased()),
            words[0].first?.isUppercase == true, let second = words[1].first
        else { return false }
        return second.isUppercase || ["the", "a", "an"].contains(words[1].lowercased())
    }

    /// Where one clause ends and another begins; a relative clause (", whose", ", which") speaks of something else.
    static let clauseBreaks = [
        ", and ", "; ", ", while ", ", but ", " but ", ", whereas ", ", whose ", ", which ", ", although ", ", though ",
    ]
        .map { Array($0.unicodeScalars) }

    /// The stretch between clause breaks around `mention`. A sentence end
    /// the splitter missed (".12 At Aigun …", after a footnote mark) is a break too.
    static func clauseRange(scalars s: [Unicode.Scalar], around mention: Range<Int>) -> Range<Int> {
        var lo = 0
        var hi = s.count
        func cut(_ start: Int, _ end: Int) {
            if end <= mention.lowerBound { lo = max(lo, end) }
            if start >= mention.upperBound { hi = min(hi, start) }
        }
        for i in s.indices {
            if s[i] == "," || s[i] == ";" || s[i] == " " {
                for b in clauseBreaks where i + b.count <= s.count && s[i..<(i + b.count)].elementsEqual(b) {
                    if b[0] == " ", !joinsClauses(s, at: i, b.count) { continue }
                    cut(i, i + b.count)
                }
            } else if let end = sentenceEnd(s, at: i) {
                cut(i + 1, end)
            }
        }
        return lo..<max(lo, hi)
    }

    /// " but " joins two clauses, except in "all but", "nothing but" and "but also".
    static func joinsClauses(_ s: [Unicode.Scalar], at i: Int, _ width: Int) -> Bool {
        let before = String(scalars: s[max(0, i - 8)..<i]).lowercased()
        let after = String(scalars: s[(i + width)..<min(s.count, i + width + 5)]).lowercased()
        return !["all", "nothing", "anything", "everything"].contains { before.hasSuffix($0) } && !after.hasPrefix("also")
    }

    /// Where the next sentence starts when a full stop at `i` ends one: after
    /// a lowercase letter, digit or closing mark, then footnote digits, a
    /// space and a capital ("spring.6 When", "accepted. The").
    static func sentenceEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard s[i] == "." || s[i] == "!" || s[i] == "?", i > 0,
            s[i - 1].properties.isLowercase || ("0"..."9").contains(s[i - 1]) || s[i - 1] == ")" || s[i - 1] == "”"
        else { return nil }
        var j = i + 1
        while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
        guard j < s.count, s[j] == " ", j + 1 < s.count, s[j + 1].properties.isUppercase else { return nil }
        return j + 1
    }

    /// The clause lowercased, quotations dropped.
    /// Kept scalars that are all ASCII are lowercased byte by byte (what
    /// `lowercased()` does to ASCII), without building the string twice.
    static func lowercasedWithoutQuotations(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(range.count)
        var ascii = true
        var quotations = EventQuotationFilter()
        for c in s[range] where quotations.keeps(c) {
            kept.append(c)
            if !c.isASCII { ascii = false }
        }
        guard ascii else { return String(scalars: kept).lowercased() }
        return String(unsafeUninitializedCapacity: kept.count) { buffer in
            for (k, c) in kept.enumerated() {
                let b = UInt8(c.value)
                buffer[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            }
            return kept.count
        }
    }
}
