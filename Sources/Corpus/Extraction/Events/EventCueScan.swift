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

    /// `pairStart[p]..<pairStart[p + 1]`: the indices in `pairCues` of the
    /// cues whose first two bytes make pair p (`first << 7 | second`).
    static let pairStart: [Int] = {
        var counts = [Int](repeating: 0, count: 1 << 14 + 1)
        for cue in cues { counts[pair(cue[0], cue[1]) + 1] += 1 }
        for p in 1..<counts.count { counts[p] += counts[p - 1] }
        return counts
    }()
    static let pairCues: [Int] = {
        var slots = pairStart
        var out = [Int](repeating: 0, count: cues.count)
        for (c, cue) in cues.enumerated() {
            let p = pair(cue[0], cue[1])
            out[slots[p]] = c
            slots[p] += 1
        }
        return out
    }()

    @inline(__always) static func pair(_ a: UInt8, _ b: UInt8) -> Int { Int(a) << 7 | Int(b) }

    /// The category and the key terms of `text`, or nil if it holds a
    /// non-ASCII scalar that is not `EventSimpleScalar` (whose bytes then
    /// separate ASCII runs as its lowercase did).
    static func categoryAndTerms(_ text: String) -> (category: EventCategory?, terms: Set<String>)? {
        guard EventSimpleScalar.allSimple(text) else { return nil }
        var text = text
        let counts = text.withUTF8 { Self.counts(in: $0) }
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

    /// ASCII folded to lowercase; any other byte as 0x7F, which no cue holds.
    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b < 0x80 ? ASCIICase.lower(b) : 0x7F }

    /// `counts[i]`: non-overlapping occurrences of cue i in the folded bytes.
    static func counts(in hay: UnsafeBufferPointer<UInt8>) -> [Int] {
        let n = hay.count
        var counts = [Int](repeating: 0, count: cues.count)
        guard n >= 2 else { return counts }
        var nextAllowed = [Int](repeating: 0, count: cues.count)
        pairStart.withUnsafeBufferPointer { starts in
            pairCues.withUnsafeBufferPointer { slots in
                var first = fold(hay[0])
                for i in 0..<(n - 1) {
                    let second = fold(hay[i + 1])
                    let p = pair(first, second)
                    first = second
                    let lo = starts[p]
                    let hi = starts[p + 1]
                    guard lo < hi else { continue }
                    for slot in lo..<hi {
                        let c = slots[slot]
                        guard i >= nextAllowed[c] else { continue }
                        let cue = cues[c]
                        let m = cue.count
                        guard i + m <= n else { continue }
                        var k = 2
                        while k < m && fold(hay[i + k]) == cue[k] { k += 1 }
                        if k == m {
                            counts[c] += 1
                            nextAllowed[c] = i + m
                        }
                    }
                }
            }
        }
        return counts
    }
}
