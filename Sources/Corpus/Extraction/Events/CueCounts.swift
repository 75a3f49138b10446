/// The classifiers' cue searches on bytes prepared once. `CueText` made a
/// byte array of each cue on every call, dozens per sentence; here each cue
/// list is encoded at start-up and one text's bytes serve them all. Same
/// answers as `CueText` (non-overlapping counts, byte search), and only for
/// the text `CueText` itself would search on bytes (`CueText.isPlain`);
/// callers keep the `CueText` path for the rest.
enum CueCounts {
    static func contains(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        !needle.isEmpty && needle.withUnsafeBufferPointer { ByteSearch.contains($0, in: hay) }
    }

    /// Many cues counted in one pass over the text. For each cue this is
    /// `CueText.count(of:)`: a match counts when it starts at or after the
    /// end of that cue's previous match.
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
