/// The classifiers' cue searches on bytes prepared once. `CueText` made a
/// byte array of each cue on every call, dozens per sentence; here each cue
/// list is encoded at start-up and one text's bytes serve them all. Same
/// answers as `CueText` (non-overlapping counts, byte search), and only for
/// the text `CueText` itself would search on bytes (`CueText.isPlain`);
/// callers keep the `CueText` path for the rest.
enum CueCounts {
    /// Non-overlapping occurrences of `needle` in `hay`, left to right.
    static func count(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int {
        let n = needle.count
        guard n > 0, hay.count >= n else { return 0 }
        let first = needle[0]
        var found = 0
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == needle[k] { k += 1 }
                if k == n {
                    found += 1
                    i += n
                    continue
                }
            }
            i += 1
        }
        return found
    }

    static func contains(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        !needle.isEmpty && needle.withUnsafeBufferPointer { ByteSearch.contains($0, in: hay) }
    }

    /// Many cues counted in one pass over the text. For each cue this is
    /// `count(_:in:)`: a match counts when it starts at or after the end of
    /// that cue's previous match.
    struct Table: Sendable {
        let cues: [[UInt8]]
        /// `byFirst[b]`: indices of the cues whose first byte is b.
        let byFirst: [[Int]]

        init(_ cues: [String]) {
            let bytes = cues.map { Array($0.utf8) }
            self.cues = bytes
            var byFirst = [[Int]](repeating: [], count: 256)
            for (i, cue) in bytes.enumerated() where !cue.isEmpty { byFirst[Int(cue[0])].append(i) }
            self.byFirst = byFirst
        }

        /// `counts[i]`: non-overlapping occurrences of cue i.
        func counts(in hay: UnsafeBufferPointer<UInt8>) -> [Int] {
            var counts = [Int](repeating: 0, count: cues.count)
            var nextAllowed = [Int](repeating: 0, count: cues.count)
            let total = hay.count
            for i in 0..<total {
                for c in byFirst[Int(hay[i])] where i >= nextAllowed[c] {
                    let cue = cues[c]
                    let n = cue.count
                    guard i + n <= total else { continue }
                    var k = 1
                    while k < n && hay[i + k] == cue[k] { k += 1 }
                    if k == n {
                        counts[c] += 1
                        nextAllowed[c] = i + n
                    }
                }
            }
            return counts
        }
    }
}
