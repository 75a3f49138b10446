/// Byte-level fast paths for `TextPattern.words`, `editDistance` and
/// `similar` when the text is ASCII, as almost every name and title word is.
///
/// For ASCII the `Character` APIs the general paths use reduce to bytes:
/// each byte is one `Character` (except "\r\n", one `Character` of two
/// bytes, so strings with "\r" take the general path where it matters),
/// `isLetter` is [A-Za-z], `isNumber` is [0-9] and lowercasing maps A-Z only.
/// Resolving citations compares every cited word with every entry's words,
/// and `Array(String)` plus `Character` comparison per pair was most of it.
/// Each function returns nil when its fast path does not apply.
enum ASCIIText {
    /// `TextPattern.words` for ASCII text: maximal runs of [A-Za-z0-9], lowercased.
    ///
    /// Also for text whose only non-ASCII scalars are typographic quotes,
    /// dashes, the ellipsis, guillemets and the no-break space (see
    /// `separatorLength`): the general path folds such text with Foundation,
    /// which leaves those scalars as they are (no case, no diacritic), and
    /// then splits at them, as none is a letter or number nor joins the next
    /// scalar into its `Character`. Titles and entries are full of them.
    static func words(_ s: String) -> [String]? {
        var s = s
        return s.withUTF8 { bytes -> [String]? in
            var k = 0
            while k < bytes.count {
                if bytes[k] < 0x80 {
                    k += 1
                } else if let n = separatorLength(bytes, at: k) {
                    k += n
                } else {
                    return nil
                }
            }
            var out: [String] = []
            var i = 0
            while i < bytes.count {
                guard isAlphanumeric(bytes[i]) else {
                    i += 1
                    continue
                }
                let start = i
                while i < bytes.count && isAlphanumeric(bytes[i]) { i += 1 }
                out.append(
                    String(unsafeUninitializedCapacity: i - start) { dst in
                        for k in 0..<(i - start) { dst[k] = lowered(bytes[start + k]) }
                        return i - start
                    })
            }
            return out
        }
    }

    /// The UTF-8 length of the separator scalar at `i`, if it is one of
    /// U+00A0 (no-break space), U+00AB and U+00BB (guillemets), U+2013 and
    /// U+2014 (dashes), U+2018 to U+201F (quotes) and U+2026 (ellipsis).
    static func separatorLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 || b[i + 1] == 0xAB || b[i + 1] == 0xBB { return 2 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
            let c = b[i + 2]
            if c == 0x93 || c == 0x94 || (c >= 0x98 && c <= 0x9F) || c == 0xA6 { return 3 }
        }
        return nil
    }

    /// `TextPattern.editDistance` for ASCII strings without "\r"; with a
    /// `limit`, any distance above it may be reported as `limit + 1` (the
    /// smallest value of a row never decreases in later rows, so the
    /// computation stops once a whole row exceeds the limit).
    static func editDistance(_ a: String, _ b: String, limit: Int?) -> Int? {
        var a = a
        var b = b
        return a.withUTF8 { x -> Int? in
            b.withUTF8 { y -> Int? in
                guard isPlain(x), isPlain(y) else { return nil }
                return distance(x, y, limit: limit)
            }
        }
    }

    /// `TextPattern.similar` for ASCII strings without "\r" (which the caller
    /// has already found unequal).
    static func similar(_ a: String, _ b: String) -> Bool? {
        var a = a
        var b = b
        return a.withUTF8 { x -> Bool? in
            b.withUTF8 { y -> Bool? in
                guard isPlain(x), isPlain(y) else { return nil }
                let shorter = min(x.count, y.count)
                guard shorter >= 4 else { return false }
                let allowed = shorter >= 7 ? 2 : 1
                guard abs(x.count - y.count) <= allowed else { return false }
                return distance(x, y, limit: allowed) <= allowed
            }
        }
    }

    /// Levenshtein distance over bytes (see `editDistance` for `limit`).
    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int?) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // The distance is at least the difference in length, and at least `distanceBound`.
        if let limit, abs(a.count - b.count) > limit || distanceBound(mask(a), mask(b)) > limit { return limit + 1 }
        if a.count <= 64 { return bitParallelDistance(a, b) }
        if b.count <= 64 { return bitParallelDistance(b, a) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows -> Int in
            var previous = rows.baseAddress!
            var current = previous + width
            for j in 0..<width { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMin = i
                let ai = a[i - 1]
                for j in 1..<width {
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai == b[j - 1] ? 0 : 1))
                    current[j] = value
                    if value < rowMin { rowMin = value }
                }
                if let limit, rowMin > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    /// The Levenshtein distance by Hyyrö's bit-vector form of Myers's
    /// algorithm, for a `pattern` of at most 64 ASCII bytes: one machine word
    /// holds a whole column of the table, so each byte of `text` costs a
    /// few word operations instead of a row of cells. (Carries only run
    /// upward, so the bits above the pattern's length never reach those below.)
    static func bitParallelDistance(_ pattern: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        let m = pattern.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 128) { peq -> Int in
            peq.initialize(repeating: 0)
            for i in 0..<m { peq[Int(pattern[i] & 0x7F)] |= 1 << UInt64(i) }
            let top: UInt64 = 1 << UInt64(m - 1)
            var vp: UInt64 = ~0
            var vn: UInt64 = 0
            var score = m
            for c in text {
                let x = peq[Int(c & 0x7F)] | vn
                let d0 = (((x & vp) &+ vp) ^ vp) | x
                let hp = vn | ~(d0 | vp)
                let hn = vp & d0
                if hp & top != 0 {
                    score += 1
                } else if hn & top != 0 {
                    score -= 1
                }
                let shifted = (hp << 1) | 1
                vn = shifted & d0
                vp = (hn << 1) | ~(shifted | d0)
            }
            return score
        }
    }

    /// `s.split(separator: " ").count` for ASCII `s` (where the `Character`
    /// " " is the byte 0x20): the number of runs of other bytes. Nil otherwise.
    static func spaceSeparatedCount(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { b -> Int? in
            var count = 0
            var inWord = false
            for c in b {
                if c >= 0x80 { return nil }
                if c == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
    }

    /// `s.split(separator: " ").last.map { $0.lowercased() } ?? ""` for ASCII `s`; nil otherwise.
    static func lastSpaceSeparatedWord(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = b.count
            while end > 0 && b[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0 && b[start - 1] != 0x20 { start -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for k in 0..<(end - start) { out[k] = lowered(b[start + k]) }
                return end - start
            }
        }
    }

    /// A lower bound of the edit distance from the scalars (here bytes)
    /// each side has: every class of `mask` that one side has and the other
    /// lacks needs an edit of its own (`mask` may fold several scalars into
    /// one class, which only lowers the bound).
    @inline(__always) static func distanceBound(_ maskA: UInt64, _ maskB: UInt64) -> Int {
        max((maskA & ~maskB).nonzeroBitCount, (maskB & ~maskA).nonzeroBitCount)
    }

    @inline(__always) static func mask(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var m: UInt64 = 0
        for c in bytes { m |= 1 << UInt64(c & 63) }
        return m
    }

    /// ASCII with no "\r" (so one byte is one `Character`).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 || b == 0x0D { return false }
        return true
    }

    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    @inline(__always) static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
