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
        (.education, [("universit", 2), ("education", 2), ("student", 2), ("language", 1), ("school", 1),
            ("scientific", 2), ("science", 2), ("technical cooperation", 3), ("research", 1)]),
        (.culture, [("cultur", 2), ("year of", 2), ("years of", 2), ("tourism", 1), ("film", 2)]),
        (.politics, [("white paper", 3), ("policy", 2), ("political", 1), ("came to power", 3), ("election", 2), ("arctic", 1)]),
    ]

    /// A year naming a thing ("the treaty of 2001") takes the thing's category.
    static let thingCategory: [String: EventCategory] = Lexicon.datedThings.compactMapValues { $0 }

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

    /// The cues as UTF-8 bytes, made once.
    static let cueBytes: [(EventCategory, [([UInt8], Int)])] = cues.map { ($0.0, $0.1.map { (Array($0.0.utf8), $0.1) }) }

    /// Every cue counted in one pass over the text: at each byte only the
    /// cues starting with it are tried, each from where its last match
    /// ended, which counts as `count(of:in:)` does cue by cue.
    static func bestCategory(_ text: String) -> EventCategory? {
        let lower = Array(text.lowercased().utf8)
        var counts = [Int](repeating: 0, count: flatCues.count)
        var free = [Int](repeating: 0, count: flatCues.count)
        for i in lower.indices {
            for c in cuesByFirstByte[Int(lower[i])] where i >= free[c] {
                let cue = flatCues[c].bytes
                guard i + cue.count <= lower.count else { continue }
                var k = 1
                while k < cue.count && lower[i + k] == cue[k] { k += 1 }
                if k == cue.count {
                    counts[c] += 1
                    free[c] = i + cue.count
                }
            }
        }
        var best: (EventCategory, Int)?
        var c = 0
        for (category, words) in cueBytes {
            var score = 0
            for (_, weight) in words {
                score += counts[c] * weight
                c += 1
            }
            if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
        }
        return best?.0
    }

    /// `cueBytes` in one list, in order, and the cues by their first byte.
    private static let flatCues: [(bytes: [UInt8], weight: Int)] = cueBytes.flatMap { $0.1.map { ($0.0, $0.1) } }
    private static let cuesByFirstByte: [[Int]] = (0..<256).map { b in
        flatCues.indices.filter { flatCues[$0].bytes.first == UInt8(b) }
    }

    /// Occurrences of `cue` in `text`, not overlapping (as a substring search counts them).
    static func count(of cue: [UInt8], in text: [UInt8]) -> Int {
        guard !cue.isEmpty, text.count >= cue.count else { return 0 }
        var n = 0
        var i = 0
        let first = cue[0]
        while i <= text.count - cue.count {
            if text[i] == first {
                var k = 1
                while k < cue.count && text[i + k] == cue[k] { k += 1 }
                if k == cue.count {
                    n += 1
                    i += cue.count
                    continue
                }
            }
            i += 1
        }
        return n
    }

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

    /// `keyTerms(in:)` of a text `withoutParentheses` already made.
    static func keyTerms(inUnparenthesised text: String) -> Set<String> {
        // Searched on bytes with cues made once (`CueText`, Foundation's answers):
        // `String.contains` bridged to NSString for every term of every dated sentence.
        let lower = CueText(text.lowercased())
        return Set(keyTermCues.filter { lower.contains($0.0) }.map(\.1))
    }

    private static let keyTermCues = keyTerms.map { (Cue($0.0), $0.1) }

    // MARK: Helpers

    /// Drops `( ... )` and `[ ... ]` spans: citations ("(Lo, 2017)", "[4, p. 12]")
    /// and asides say nothing about the happening's kind, and are no part of a title.
    /// Read on the UTF-8 bytes (the four marks are ASCII, so a multi-byte
    /// scalar is kept or dropped whole); a text without them is itself.
    static func withoutParentheses(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x28 || $0 == 0x5B || $0 == 0x29 || $0 == 0x5D }) else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var depth = 0
            for c in bytes {
                if c == 0x28 || c == 0x5B { depth += 1; continue }  // ( [
                if c == 0x29 || c == 0x5D { depth = max(0, depth - 1); continue }  // ) ]
                if depth == 0 { out.append(c) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
