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
        if CuePhrases.contains(text, any: Cue.selfReference) { return .selfReference }
        if !isProse(s, clause) { return .notProse }
        if CuePhrases.contains(text, any: Cue.state) { return .state }
        if CuePhrases.contains(text, any: Cue.hypothetical) || opensInvertedConditional(Array(s[clause])) {
            return .hypothetical
        }
        if CuePhrases.contains(text, any: Cue.negation, except: Cue.negationExceptions) { return .negated }
        if CuePhrases.contains(text, any: Cue.planned) { return .event(.planned) }
        if CuePhrases.contains(text, any: Cue.expected) { return .event(.expected) }
        return .event(.occurred)
    }

    /// `Lexicon`'s cue lists as `CuePhrases` searches them, encoded once.
    enum Cue {
        static let selfReference = CueList(Lexicon.selfReferenceCues)
        static let state = CueList(Lexicon.stateCues)
        static let hypothetical = CueList(Lexicon.hypotheticalCues)
        static let negation = CueList(Lexicon.negationCues)
        static let negationExceptions = CueList(Lexicon.negationExceptions)
        static let planned = CueList(Lexicon.plannedCues)
        static let expected = CueList(Lexicon.expectedCues + Lexicon.futureModals)
    }

    /// A happening is told in prose: the clause has a lowercase word ("Putin visited Beijing").
    static func isProse(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> Bool {
        let words = String(String.UnicodeScalarView(s[clause])).split(separator: " ")
        return words.contains { $0.first?.isLowercase == true && $0.count > 1 }
    }

    /// The status a clause gives its happening, whether or not it is one
    /// (for curated events, which a curator has already judged).
    static func status(scalars s: [Unicode.Scalar], clause: Range<Int>) -> EventStatus {
        let text = lowercasedWithoutQuotations(s, clause)
        if CuePhrases.contains(text, any: Cue.planned) { return .planned }
        if CuePhrases.contains(text, any: Cue.expected) { return .expected }
        return .occurred
    }

    /// "Had Beijing accepted …", "Were Washington to …": the sentence opens
    /// with an auxiliary and a subject follows.
    static func opensInvertedConditional(_ s: [Unicode.Scalar]) -> Bool {
        let words = String(String.UnicodeScalarView(s.prefix(40))).split(separator: " ").prefix(2)
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
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
        let before = String(String.UnicodeScalarView(s[max(0, i - 8)..<i])).lowercased()
        let after = String(String.UnicodeScalarView(s[(i + width)..<min(s.count, i + width + 5)])).lowercased()
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
    static func lowercasedWithoutQuotations(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        var quotations = EventQuotationFilter()
        for c in s[range] where quotations.keeps(c) { out.append(c) }
        return String(out).lowercased()
    }
}

/// A list of cue phrases as `CuePhrases` searches them: each cue's UTF-8
/// bytes, made once where the list is declared (a `static let`), so a search
/// neither re-encodes nor looks the list up.
struct CueList: Sendable {
    let cues: [[UInt8]]

    init(_ phrases: [String]) { cues = phrases.map { Array($0.utf8) } }
}

/// Finds cue phrases in lowercased text on word boundaries: "no" is found
/// in "no contract", not in "note" or "Nobel"; "n't" after any letter.
/// Searched on UTF-8 bytes (a non-ASCII letter's bytes are all ≥ 0x80, so
/// they count as letters on both sides of a cue).
enum CuePhrases {
    static func contains(_ text: String, any cues: CueList, except exceptions: CueList = CueList([])) -> Bool {
        let t = Array(text.utf8)
        for c in cues.cues {
            var i = 0
            while let at = find(c, in: t, from: i) {
                i = at + 1
                let before: UInt8 = at == 0 ? 0x20 : t[at - 1]
                let after: UInt8 = at + c.count < t.count ? t[at + c.count] : 0x20
                let startsWord = !isLetter(c[0]) || !isLetter(before)
                let endsWord = !isLetter(c[c.count - 1]) || !isLetter(after)
                guard startsWord, endsWord else { continue }
                let excepted = exceptions.cues.contains { x in
                    at + x.count <= t.count && t[at..<(at + x.count)].elementsEqual(x)
                }
                if !excepted { return true }
            }
        }
        return false
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80 }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, start <= hay.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        while i <= hay.count - needle.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
