/// The `Character` arrays of `TextPattern.editDistance` and `similar`, for
/// text outside ASCII whose every scalar is a whole `Character` that equals
/// no other scalar: Latin-1 and Latin Extended-A letters (U+00C0–U+017F),
/// Cyrillic letters (U+0400–U+04FF without the combining U+0483–U+0489) and
/// CJK unified ideographs (U+4E00–U+9FFF), with ASCII but "\r". None of these
/// is a combining mark or joins its neighbours into one grapheme, and none is
/// canonically equivalent to another (no singleton decompositions), so the
/// scalars compare as the `Character`s do. The Cyrillic and Chinese names of
/// the corpus took the `Array(String)` path on every comparison.
enum SimpleScalars {
    /// The scalars of `s`, or nil when one is outside the ranges above.
    static func scalars(_ s: String) -> [UInt32]? {
        var out: [UInt32] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard isSimple(scalar.value) else { return nil }
            out.append(scalar.value)
        }
        return out
    }

    /// Whether a scalar is in the ranges above.
    @inline(__always) static func isSimple(_ v: UInt32) -> Bool {
        (v < 0x80 && v != 0x0D) || (v >= 0xC0 && v <= 0x17F) || (v >= 0x400 && v <= 0x482)
            || (v >= 0x48A && v <= 0x4FF) || (v >= 0x4E00 && v <= 0x9FFF)
    }

    /// `TextPattern.editDistance` when both strings qualify (see `ASCIIText.editDistance` for `limit`).
    static func editDistance(_ a: String, _ b: String, limit: Int?) -> Int? {
        guard let x = scalars(a), let y = scalars(b) else { return nil }
        return distance(x, y, limit: limit)
    }

    /// `TextPattern.similar` when both strings qualify (already found unequal).
    static func similar(_ a: String, _ b: String) -> Bool? {
        guard let x = scalars(a), let y = scalars(b) else { return nil }
        let shorter = min(x.count, y.count)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 7 ? 2 : 1
        guard abs(x.count - y.count) <= allowed else { return false }
        return distance(x, y, limit: allowed) <= allowed
    }

    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int?) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                current[j] = value
                if value < rowMin { rowMin = value }
            }
            if let limit, rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
