/// `EventTitle.title` for a clause of ASCII (no carriage return) and
/// `EventSimpleScalar`s, on an array of scalar values: the same steps (date
/// and parentheses dropped, spacing repaired, edges trimmed, leading glue
/// dropped, cut at a later clause, dangling words dropped, shortened to 80)
/// with each string operation done on the array. In such text a Character
/// is one scalar, so counts, prefixes and offsets are scalar ones, and the
/// Foundation searches and trims give scalar answers (see `ASCIITrimming`,
/// `CueText`). The String path copied the title a dozen times and bridged
/// some copies to NSString. `EventFastPathTests` checks both paths agree
/// on every dated sentence.
enum EventTitleScalars {
    typealias Text = [UInt32]

    static func values(_ s: String) -> Text { s.unicodeScalars.map(\.value) }
    static let repairs = EventTitle.repairs.map { (values($0.0), values($0.1)) }
    static let glue = EventTitle.leadingGlue.map(values)
    static let cuts = EventTitle.cuts.map(values)
    static let ellipsis: UInt32 = 0x2026

    /// The punctuation among the simple scalars: U+2010–U+2027, all of it
    /// (`EventFastPathTests` asks Foundation and Character of each).
    @inline(__always) static func isSimplePunctuation(_ v: UInt32) -> Bool { v >= 0x2010 && v <= 0x2027 }

    /// Membership in a set whose ASCII table is `table` and whose simple non-ASCII members are its punctuation, if `punctuation`.
    @inline(__always) static func isIn(_ v: UInt32, _ table: [Bool], punctuation: Bool) -> Bool {
        v < 0x80 ? table[Int(v)] : punctuation && isSimplePunctuation(v)
    }

    /// The title from the clause `clause` of the sentence's scalars without
    /// the scalars of `mention`; nil unless that text is ASCII without "\r"
    /// and simple scalars.
    static func title(scalars s: [Unicode.Scalar], clause: Range<Int>, mention: Range<Int>) -> String? {
        var text: Text = []
        text.reserveCapacity(clause.count)
        var depth = 0
        for i in clause where !mention.contains(i) {
            let v = s[i].value
            guard v < 0x80 ? v != 0x0D : EventSimpleScalar.isSimple(s[i]) else { return nil }
            // `EventClassifier.withoutParentheses`.
            if v == 0x28 { depth += 1; continue }
            if v == 0x29 { depth = max(0, depth - 1); continue }
            if depth == 0 { text.append(v) }
        }
        // Most titles need no repair: if no target occurs, none is made by another's replacement.
        if repairNeedles.firstIndices(in: text).contains(where: { $0 != nil }) {
            for (target, replacement) in repairs { replace(&text, target, with: replacement) }
        }
        trim(&text, EventTitle.edgeTable, punctuation: true)
        var changed = true
        while changed {
            changed = false
            for word in glue where hasPrefix(text, word, then: 0x20) || hasPrefix(text, word, then: 0x2C) {
                text.removeFirst(word.count)
                trim(&text, EventTitle.spaceAndCommaTable, punctuation: false)
                changed = true
                break
            }
        }
        // Each cut shortens the text to a prefix, in which a later cut's
        // first occurrence is its first in the whole text if it fits there
        // (and none does if that one does not), so one pass finds them all.
        var end = text.count
        for (cut, found) in zip(cuts, cutNeedles.firstIndices(in: text)) {
            if let at = found, at + cut.count <= end, at >= 20 { end = at }
        }
        if end < text.count { text.removeSubrange(end...) }
        text = trimDangling(text)
        if text.count > EventTitle.maxLength {
            // The words (runs between spaces) that fit, joined by one space.
            var kept: Text = []
            kept.reserveCapacity(EventTitle.maxLength)
            var length = 0
            var i = 0
            while i < text.count {
                if text[i] == 0x20 {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < text.count && text[j] != 0x20 { j += 1 }
                if length + (j - i) + 1 > EventTitle.maxLength - 1 { break }
                if !kept.isEmpty { kept.append(0x20) }
                kept += text[i..<j]
                length += j - i + 1
                i = j
            }
            text = trimDangling(kept) + [ellipsis]
        }
        if let first = text.first { text[0] = uppercased(first) }
        return string(text)
    }

    /// The String of ASCII and simple scalar values (all in the basic
    /// plane, none a surrogate), encoded to UTF-8 here: appending scalar by
    /// scalar to a String's view grew and checked its storage per scalar.
    static func string(_ text: Text) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count + text.count / 2)
        for v in text {
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | v >> 6))
                bytes.append(UInt8(0x80 | v & 0x3F))
            } else {
                bytes.append(UInt8(0xE0 | v >> 12))
                bytes.append(UInt8(0x80 | v >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The repair targets and the cuts, each list flat (sought at every
    /// space of every title, a list of arrays retained a needle per try).
    struct Needles: Sendable {
        /// Needle k is `values[start[k]..<start[k + 1]]`.
        let values: [UInt32]
        let start: [Int]
        /// Whether some needle starts with ASCII scalar v (all needles start with one).
        let starts: [Bool]

        init(_ needles: [Text]) {
            values = needles.flatMap { $0 }
            start = needles.reduce(into: [0]) { $0.append($0.last! + $1.count) }
            starts = (0..<128).map { v in needles.contains { $0[0] == UInt32(v) } }
        }

        var count: Int { start.count - 1 }

        /// `needles.map { firstIndex(of: $0, in: text) }` in one pass.
        func firstIndices(in text: Text) -> [Int?] {
            var found = [Int?](repeating: nil, count: count)
            var missing = count
            let n = text.count
            text.withUnsafeBufferPointer { t in
                values.withUnsafeBufferPointer { values in
                    start.withUnsafeBufferPointer { start in
                        for i in 0..<n {
                            let v = t[i]
                            guard v < 0x80, starts[Int(v)] else { continue }
                            for k in 0..<(start.count - 1) where values[start[k]] == v && found[k] == nil {
                                let lo = start[k]
                                let m = start[k + 1] - lo
                                guard i + m <= n else { continue }
                                var j = 1
                                while j < m && t[i + j] == values[lo + j] { j += 1 }
                                if j == m {
                                    found[k] = i
                                    missing -= 1
                                }
                            }
                            if missing == 0 { return }
                        }
                    }
                }
            }
            return found
        }
    }

    static let repairNeedles = Needles(repairs.map(\.0))
    static let cutNeedles = Needles(cuts)

    /// `Character.uppercased()` of an ASCII or simple scalar: a-z and basic
    /// Cyrillic lowercase change, the rest is its own uppercase.
    static func uppercased(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x61...0x7A, 0x0430...0x044F: return v - 0x20
        case 0x0450...0x045F: return v - 0x50
        default: return v
        }
    }

    /// Whether `text` starts with `word` (ASCII) then `next`, with ASCII case
    /// folded (the String path compared the lowercased title; no simple
    /// scalar lowercases to ASCII).
    static func hasPrefix(_ text: Text, _ word: Text, then next: UInt32) -> Bool {
        guard text.count > word.count, text[word.count] == next else { return false }
        for k in word.indices {
            let v = text[k]
            guard v < 0x80, UInt32(ASCIICase.lower(UInt8(v))) == word[k] else { return false }
        }
        return true
    }

    /// Where `needle` first occurs in `text`.
    static func firstIndex(of needle: Text, in text: Text) -> Int? {
        guard let first = needle.first, text.count >= needle.count else { return nil }
        var i = 0
        let last = text.count - needle.count
        while i <= last {
            if text[i] == first {
                var k = 1
                while k < needle.count && text[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// `replacingOccurrences(of:with:)`: left to right, resuming after each match.
    static func replace(_ text: inout Text, _ target: Text, with replacement: Text) {
        guard let first = firstIndex(of: target, in: text) else { return }
        var out: Text = []
        out.reserveCapacity(text.count)
        out += text[..<first]
        let n = target.count
        let count = text.count
        var i = first
        while i < count {
            var k = 0
            if i + n <= count {
                while k < n && text[i + k] == target[k] { k += 1 }
            }
            if k == n {
                out += replacement
                i += n
            } else {
                out.append(text[i])
                i += 1
            }
        }
        text = out
    }

    /// `trimmingCharacters(in:)` of the set whose ASCII table is `table`.
    static func trim(_ text: inout Text, _ table: [Bool], punctuation: Bool) {
        var lo = 0
        var hi = text.count
        while lo < hi && isIn(text[lo], table, punctuation: punctuation) { lo += 1 }
        while hi > lo && isIn(text[hi - 1], table, punctuation: punctuation) { hi -= 1 }
        if lo > 0 || hi < text.count { text = Array(text[lo..<hi]) }
    }

    /// `EventTitle.isDangling`: a dangling word once punctuation is trimmed
    /// from its ends, or punctuation alone. A word that keeps a non-ASCII
    /// scalar after the trim is none of the (ASCII) dangling words.
    static func isDangling(_ w: ArraySlice<UInt32>) -> Bool {
        let punct = DanglingWord.isPunctuation
        var lo = w.startIndex
        var hi = w.endIndex
        while lo < hi && isIn(w[lo], punct, punctuation: true) { lo += 1 }
        if lo == hi { return true }
        while hi > lo && isIn(w[hi - 1], punct, punctuation: true) { hi -= 1 }
        let n = hi - lo
        for d in DanglingWord.words where d.count == n {
            var k = 0
            while k < n && w[lo + k] < 0x80 && ASCIICase.lower(UInt8(w[lo + k])) == d[k] { k += 1 }
            if k == n { return true }
        }
        return false
    }

    /// `EventTitle.trimDangling`: the space-separated words, dangling ones
    /// dropped from the end, joined by one space and trimmed of " ,;:".
    /// The last words are read from the end, and the rest is copied once
    /// with its runs of spaces made one (what splitting and joining did).
    static func trimDangling(_ text: Text) -> Text {
        var end = text.count
        while true {
            while end > 0 && text[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0 && text[start - 1] != 0x20 { start -= 1 }
            guard start < end, isDangling(text[start..<end]) else { break }
            end = start
        }
        var out: Text = []
        out.reserveCapacity(end)
        for i in 0..<end where text[i] != 0x20 || (!out.isEmpty && out[out.count - 1] != 0x20) {
            out.append(text[i])
        }
        // The kept words end with a word, so no space is left at the end.
        trim(&out, EventTitle.danglingEdgeTable, punctuation: false)
        return out
    }
}
