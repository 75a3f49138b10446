/// A list of ASCII cues (lowercase bytes, two or more each) sought in one
/// pass over case-folded bytes, tried only where the text holds a cue's
/// first two bytes: a 256-bit mask of second bytes per first byte rules out
/// nearly every offset with one load. Everything sits in flat arrays read
/// through unsafe buffers, so the loop makes no retain and no bounds check.
/// The status cues were sought one after the other (eighteen passes per
/// mention), and the category cues' table of arrays retained a cue per try.
struct EventCuePairs: Sendable {
    /// Every cue's bytes, one after another: cue c is `bytes[start[c]..<start[c + 1]]`.
    private let bytes: [UInt8]
    private let start: [Int]
    /// Cue indices by first two bytes a, b (pair `a << 7 | b`):
    /// `byPair[pairStart[p]..<pairStart[p + 1]]`, in list order. Bytes, as
    /// a list has fewer than 256 cues: the table is 16 KiB.
    private let byPair: [UInt8]
    private let pairStart: [UInt8]
    /// `pairMask[a << 2 | b >> 6]` has bit `b & 63` set when some cue starts with bytes a, b.
    private let pairMask: [UInt64]

    init(_ cues: [[UInt8]]) {
        precondition(cues.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0 < 0x80 } })
        var bytes: [UInt8] = []
        var start = [0]
        for cue in cues {
            bytes += cue
            start.append(bytes.count)
        }
        precondition(cues.count < 256)
        var pairStart = [UInt8](repeating: 0, count: 1 << 14 + 1)
        for cue in cues { pairStart[Int(cue[0]) << 7 | Int(cue[1]) + 1] += 1 }
        for p in 1..<pairStart.count { pairStart[p] += pairStart[p - 1] }
        var slots = pairStart
        var byPair = [UInt8](repeating: 0, count: cues.count)
        for (c, cue) in cues.enumerated() {
            let p = Int(cue[0]) << 7 | Int(cue[1])
            byPair[Int(slots[p])] = UInt8(c)
            slots[p] += 1
        }
        var pairMask = [UInt64](repeating: 0, count: 512)
        for cue in cues { pairMask[Int(cue[0]) << 2 | Int(cue[1] >> 6)] |= 1 << UInt64(cue[1] & 63) }
        self.bytes = bytes
        self.start = start
        self.byPair = byPair
        self.pairStart = pairStart
        self.pairMask = pairMask
    }

    var count: Int { start.count - 1 }

    /// Calls `found(cue, offset, length)` for every occurrence of every cue
    /// in `hay`, by offset, the cues of one offset in list order; stops
    /// early when `found` returns false.
    @inline(__always)
    func forEachMatch(in hay: UnsafeBufferPointer<UInt8>, _ found: (Int, Int, Int) -> Bool) {
        let n = hay.count
        guard n >= 2 else { return }
        bytes.withUnsafeBufferPointer { cueBytes in
            start.withUnsafeBufferPointer { start in
                byPair.withUnsafeBufferPointer { byPair in
                    pairStart.withUnsafeBufferPointer { pairStart in
                        pairMask.withUnsafeBufferPointer { mask in
                            for i in 0..<(n - 1) {
                                let a = hay[i]
                                guard a < 0x80 else { continue }
                                let b = hay[i + 1]
                                guard (mask[Int(a) << 2 | Int(b >> 6)] >> UInt64(b & 63)) & 1 != 0 else { continue }
                                // The mask holds only ASCII second bytes, so b < 0x80 here.
                                let p = Int(a) << 7 | Int(b)
                                for slot in Int(pairStart[p])..<Int(pairStart[p + 1]) {
                                    let c = Int(byPair[slot])
                                    let lo = start[c]
                                    let m = start[c + 1] - lo
                                    guard i + m <= n else { continue }
                                    var k = 2
                                    while k < m && hay[i + k] == cueBytes[lo + k] { k += 1 }
                                    if k == m && !found(c, i, m) { return }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
