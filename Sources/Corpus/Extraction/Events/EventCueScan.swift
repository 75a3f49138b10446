/// `EventClassifier.bestCategory` and `EventClassifier.keyTerms` of one
/// text (ASCII, or with `EventSimpleScalar`s only) in a single pass, case folded as it is read: both lowercased
/// the sentence and searched it again (75 category cues, 17 happening
/// nouns), and together they were a sixth of event extraction. A cue is
/// tried only where the text holds its first two letters (a bitmap of
/// letter pairs). Counts are `CueCounts.Table`'s: non-overlapping, left to
/// right, per cue.
enum EventCueScan {
    /// The category cues of `EventClassifier.cues` in order, then the key-term cues.
    static let cues: [[UInt8]] =
        EventClassifier.cues.flatMap { $0.1.map { Array($0.0.utf8) } } + EventClassifier.keyTerms.map { Array($0.0.utf8) }
    static let categoryCueCount = EventClassifier.cues.reduce(0) { $0 + $1.1.count }

    /// `cues` indexed by their first two bytes.
    static let pairs = EventCuePairs(cues)

    /// The category and the key terms of `text`, or nil if it holds a
    /// non-ASCII scalar that is not `EventSimpleScalar` (whose bytes then
    /// separate ASCII runs as its lowercase did).
    static func categoryAndTerms(_ text: String) -> (category: EventCategory?, terms: Set<String>)? {
        var bytes = text
        let counts = bytes.withUTF8 { s -> [Int]? in
            // ASCII folded to lowercase, any other byte 0x7F (which no cue
            // holds); a non-ASCII byte sends the text to the scalar test.
            var ascii = true
            let folded = [UInt8](unsafeUninitializedCapacity: s.count) { out, made in
                for i in 0..<s.count {
                    let b = s[i]
                    if b < 0x80 {
                        out[i] = ASCIICase.lower(b)
                    } else {
                        out[i] = 0x7F
                        ascii = false
                    }
                }
                made = s.count
            }
            guard ascii || EventSimpleScalar.allSimple(text) else { return nil }
            return folded.withUnsafeBufferPointer { Self.counts(inFolded: $0) }
        }
        guard let counts else { return nil }
        var best: (EventCategory, Int)?
        var c = 0
        for (category, words) in EventClassifier.cues {
            var score = 0
            for (_, weight) in words {
                score += counts[c] * weight
                c += 1
            }
            if score > 0, score > (best?.1 ?? 0) { best = (category, score) }
        }
        var terms = Set<String>()
        for (k, term) in EventClassifier.keyTerms.enumerated() where counts[categoryCueCount + k] > 0 {
            terms.insert(term.1)
        }
        return (best?.0, terms)
    }

    /// `EventClassifier.bestCategory(text)`, by `categoryAndTerms` where it applies.
    static func category(_ text: String) -> EventCategory? {
        if let scan = categoryAndTerms(text) { return scan.category }
        return EventClassifier.bestCategory(text)
    }

    /// `counts[i]`: non-overlapping occurrences of cue i in the folded bytes: a match counts when it starts
    /// at or after the end of that cue's previous match.
    static func counts(inFolded hay: UnsafeBufferPointer<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: cues.count)
        var nextAllowed = [Int](repeating: 0, count: cues.count)
        counts.withUnsafeMutableBufferPointer { counts in
            nextAllowed.withUnsafeMutableBufferPointer { nextAllowed in
                pairs.forEachMatch(in: hay) { c, i, m in
                    if i >= nextAllowed[c] {
                        counts[c] += 1
                        nextAllowed[c] = i + m
                    }
                    return true
                }
            }
        }
        return counts
    }
}
