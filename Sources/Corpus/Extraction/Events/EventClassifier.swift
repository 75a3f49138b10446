import Foundation

/// Reads a dated sentence for what happened: category, status, title, and
/// the key terms the merger compares. Word lists, no per-document code.
enum EventClassifier {
    // MARK: Category

    /// Weighted cue words per category. The sentence (citations removed)
    /// scores each category; ties go to the earlier category in this list.
    /// A sentence with no cue takes its section title's category ("Energy
    /// Sphere"), then its paragraph's; else `politics`.
    static let cues: [(EventCategory, [(String, Int)])] = [
        (.border, [("demarcation", 3), ("boundary", 3), ("border", 2), ("territorial", 1)]),
        (.military, [("military", 2), ("exercise", 3), ("naval", 2), ("air force", 2), ("patrol", 2), ("arms", 2),
            ("missile", 3), ("weapon", 2), ("defence", 2), ("defense", 2), ("army", 2), ("fighter", 2)]),
        (.energy, [("energy", 2), ("pipeline", 3), ("gas", 2), ("oil", 2), ("nuclear", 2), ("reactor", 3), ("lng", 3),
            ("power plant", 2), ("npp", 2)]),
        (.diplomacy, [("treaty", 3), ("joint statement", 3), ("statement", 1), ("declaration", 2), ("visit", 2),
            ("summit", 3), ("forum", 2), ("diplomatic", 3), ("strategic partnership", 2), ("partnership", 1),
            ("heads of state", 2), ("president", 1), ("signed", 1), ("global governance", 2), ("friendship", 1),
            ("alliance", 2), ("apec", 2), ("meeting", 1), ("agreement", 1), ("relations", 1)]),
        (.trade, [("trade", 2), ("export", 1), ("import", 1), ("e-commerce", 2), ("turnover", 2)]),
        (.investment, [("invest", 2), ("bank", 1), ("financ", 1)]),
        (.infrastructure, [("railway", 2), ("bridge", 2), ("corridor", 2), ("infrastructure", 2)]),
        (.economy, [("economic", 2), ("economy", 2), ("industrializ", 2), ("industrialis", 2), ("strategic projects", 2)]),
        (.education, [("universit", 2), ("education", 2), ("student", 2), ("language", 1), ("school", 1)]),
        (.culture, [("cultur", 2), ("year of", 2), ("years of", 2), ("tourism", 1), ("film", 2), ("scientific", 1)]),
        (.politics, [("white paper", 3), ("policy", 2), ("political", 1), ("came to power", 3), ("election", 2), ("arctic", 1)]),
    ]

    /// A year naming a thing ("the treaty of 2001") takes the thing's category.
    static let thingCategory: [String: EventCategory] = [
        "treaty": .diplomacy, "statement": .diplomacy, "statements": .diplomacy, "declaration": .diplomacy,
        "agreement": .diplomacy, "communique": .diplomacy, "summit": .diplomacy, "visit": .diplomacy,
        "forum": .diplomacy, "charter": .diplomacy, "protocol": .diplomacy, "mission": .military,
        "exercise": .military, "roadmap": .military,
    ]

    static func category(sentence: String, namedThing: String?, section: String, passage: String) -> EventCategory {
        if let c = thingCategory(of: namedThing) { return c }
        for text in [withoutParentheses(sentence), section, passage] {
            if let c = bestCategory(text) { return c }
        }
        return .politics
    }

    /// The category of the thing a year names ("the treaty of 2001"), by its last word.
    static func thingCategory(of namedThing: String?) -> EventCategory? {
        guard let noun = namedThing?.split(separator: " ").last.map({ $0.lowercased() }) else { return nil }
        return thingCategory[noun]
    }

    /// Every cue of `cues`, in order, counted in one pass (every cue is ASCII).
    static let cueTable = CueCounts.Table(cues.flatMap { $0.1.map(\.0) })

    static func bestCategory(_ text: String) -> EventCategory? {
        var lowered = text.lowercased()
        if CueText.isPlain(lowered) {
            let counts = lowered.withUTF8 { cueTable.counts(in: $0) }
            var best: (EventCategory, Int)?
            var c = 0
            for (category, words) in cues {
                var score = 0
                for (_, weight) in words {
                    score += counts[c] * weight
                    c += 1
                }
                if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
            }
            return best?.0
        }
        let lower = CueText(lowered)
        var best: (EventCategory, Int)?
        for (category, words) in cues {
            let score = words.reduce(0) { $0 + lower.count(of: $1.0) * $1.1 }
            if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
        }
        return best?.0
    }

    // MARK: Status

    static let plannedCues = ["according to the plan", "planned to", "plans to", "plan to", "going to be held",
        "to be held", "scheduled", "intend to", "intends to", "will be held", "is going to", "are going to"]
    /// The status cues as bytes (all ASCII), for `CueCounts`.
    static let plannedBytes = plannedCues.map { Array($0.utf8) }
    static let expectedBytes = expectedCues.map { Array($0.utf8) }
    static let expectedCues = ["is expected", "are expected", "expected to", "will be", "will ", "shall "]

    /// From the clause holding the date, so "X is expected in October 2019,
    /// and Y will be laid before the end of 2020" gives each its own status.
    /// Words inside quotation marks are someone's words, not the text's
    /// tense: "Jiang said ... China and Russia 'will continue'" is not a forecast.
    static func status(sentence: String, mention: Range<Int>) -> EventStatus {
        var lowered = withoutQuotations(self.clause(of: sentence, around: mention)).lowercased()
        if CueText.isPlain(lowered) {
            return lowered.withUTF8 { s -> EventStatus in
                if plannedBytes.contains(where: { CueCounts.contains($0, in: s) }) { return .planned }
                if expectedBytes.contains(where: { CueCounts.contains($0, in: s) }) { return .expected }
                return .occurred
            }
        }
        let clause = CueText(lowered)
        if plannedCues.contains(where: clause.contains) { return .planned }
        if expectedCues.contains(where: clause.contains) { return .expected }
        return .occurred
    }

    /// The stretch between clause breaks (", and", ";", ", while", ", but") around the mention.
    static func clause(of sentence: String, around mention: Range<Int>) -> String {
        let range = clauseRange(of: sentence, around: mention)
        return String(scalars: Array(sentence.unicodeScalars)[range])
    }

    static func clauseRange(of sentence: String, around mention: Range<Int>) -> Range<Int> {
        clauseRange(scalars: Array(sentence.unicodeScalars), around: mention)
    }

    static let clauseBreaks: [[UInt32]] = [", and ", "; ", ", while ", ", but ", ", whereas "].map {
        $0.unicodeScalars.map(\.value)
    }

    /// `clauseRange(of:around:)` on the sentence's scalars, which the caller
    /// read once for all its mentions: every break starts with "," or ";",
    /// so only those offsets are tried (the breaks and the scalars were
    /// made again for each mention, twice).
    static func clauseRange(scalars s: [Unicode.Scalar], around mention: Range<Int>) -> Range<Int> {
        var lo = 0
        var hi = s.count
        for i in s.indices where s[i] == "," || s[i] == ";" {
            for b in clauseBreaks where b[0] == s[i].value && i + b.count <= s.count {
                var k = 1
                while k < b.count && s[i + k].value == b[k] { k += 1 }
                guard k == b.count else { continue }
                if i + b.count <= mention.lowerBound { lo = max(lo, i + b.count) }
                if i >= mention.upperBound { hi = min(hi, i) }
            }
        }
        return lo..<max(lo, hi)
    }

    /// `status(sentence:mention:)` for the clause `clause` of the sentence's
    /// scalars: quotations dropped and case folded into bytes, the cues
    /// sought in them. A kept non-ASCII scalar must be `EventSimpleScalar`
    /// (it is kept as a byte no cue holds); nil for other text. The clause
    /// was copied three times (clause, quotations, lowercase) for every mention.
    static func status(scalars s: [Unicode.Scalar], clause: Range<Int>) -> EventStatus? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(clause.count)
        // `withoutQuotations`.
        var quotations = EventQuotationFilter()
        for i in clause {
            let c = s[i]
            guard quotations.keeps(c) else { continue }
            if c.isASCII {
                bytes.append(ASCIICase.lower(UInt8(c.value)))
            } else {
                guard EventSimpleScalar.isSimple(c) else { return nil }
                bytes.append(0x80)
            }
        }
        // One pass for both lists: a planned cue anywhere wins, as it did
        // when the planned cues were sought first.
        var expected = false
        var planned = false
        let plannedCount = plannedCueCount
        bytes.withUnsafeBufferPointer { s in
            statusCues.forEachMatch(in: s) { c, _, _ in
                if c < plannedCount {
                    planned = true
                    return false
                }
                expected = true
                return true
            }
        }
        return planned ? .planned : expected ? .expected : .occurred
    }

    /// The planned cues, then the expected ones.
    static let statusCues = EventCuePairs(plannedBytes + expectedBytes)
    static let plannedCueCount = plannedBytes.count

    // MARK: Key terms (what the merger compares)

    /// Happening nouns; two tellings of one happening share at least one.
    static let keyTerms: [(String, String)] = [
        ("treaty", "treaty"), ("joint statement", "statement"), ("statement", "statement"),
        ("declaration", "declaration"), ("visit", "visit"), ("exercise", "exercise"), ("pipeline", "pipeline"),
        ("forum", "forum"), ("roadmap", "roadmap"), ("white paper", "white-paper"), ("demarcation", "demarcation"),
        ("agreement", "agreement"), ("patrol", "patrol"), ("reactor", "reactor"), ("summit", "summit"),
        ("strategic partnership", "strategic-partnership"), ("diplomatic relations", "diplomatic-relations"),
    ]

    static func keyTerms(in sentence: String) -> Set<String> {
        keyTerms(inUnparenthesised: withoutParentheses(sentence))
    }

    /// `keyTerms(in:)` of a text `withoutParentheses` already made (it
    /// leaves no parenthesis, so a second pass would change nothing).
    static func keyTerms(inUnparenthesised text: String) -> Set<String> {
        var lowered = text.lowercased()
        if CueText.isPlain(lowered) {
            let table = keyTermBytes
            return lowered.withUTF8 { s in
                Set(table.filter { CueCounts.contains($0.0, in: s) }.map(\.1))
            }
        }
        let lower = CueText(lowered)
        return Set(keyTerms.filter { lower.contains($0.0) }.map(\.1))
    }

    /// `keyTerms` with the cues as bytes (every cue is ASCII).
    static let keyTermBytes: [([UInt8], String)] = keyTerms.map { (Array($0.0.utf8), $0.1) }

    // MARK: Helpers

    /// Drops “…” and "…" spans, and '…' spans opened after a space (not apostrophes).
    static func withoutQuotations(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var quotations = EventQuotationFilter()
        for c in text.unicodeScalars where quotations.keeps(c) { out.append(c) }
        return String(out)
    }

    /// Drops `( ... )` spans: citations and asides say nothing about the happening's kind.
    ///
    /// On the UTF-8 bytes: "(" and ")" are single bytes that never occur
    /// inside a longer scalar's encoding, so keeping or dropping bytes by
    /// depth keeps or drops whole scalars, as the scalar loop did.
    static func withoutParentheses(_ text: String) -> String {
        var bytes = text
        return bytes.withUTF8 { s -> String in
            guard s.contains(where: { $0 == 0x28 || $0 == 0x29 }) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var depth = 0
            for b in s {
                if b == 0x28 { depth += 1; continue }
                if b == 0x29 { depth = max(0, depth - 1); continue }
                if depth == 0 { out.append(b) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
