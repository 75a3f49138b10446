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
        for (target, replacement) in repairs { replace(&text, target, with: replacement) }
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
        for cut in cuts {
            if let at = firstIndex(of: cut, in: text), at >= 20 { text.removeSubrange(at...) }
        }
        text = trimDangling(text)
        if text.count > EventTitle.maxLength {
            var words: [ArraySlice<UInt32>] = []
            var length = 0
            for w in text.split(separator: 0x20) {
                if length + w.count + 1 > EventTitle.maxLength - 1 { break }
                words.append(w)
                length += w.count + 1
            }
            text = trimDangling(Array(words.joined(separator: [0x20]))) + [ellipsis]
        }
        if let first = text.first { text[0] = uppercased(first) }
        var out = String.UnicodeScalarView()
        for v in text { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

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
        guard firstIndex(of: target, in: text) != nil else { return }
        var out: Text = []
        out.reserveCapacity(text.count)
        let n = target.count
        var i = 0
        while i < text.count {
            if i + n <= text.count && text[i..<(i + n)].elementsEqual(target) {
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
