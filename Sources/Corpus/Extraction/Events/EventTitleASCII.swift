/// `EventTitle.title` for a clause of ASCII text (no carriage return), on
/// its bytes: the same steps (date and parentheses dropped, spacing
/// repaired, edges trimmed, leading glue dropped, cut at a later clause,
/// dangling words dropped, shortened to 80) with each string operation done
/// on a byte array. In such text a Character is one byte, so counts,
/// prefixes and offsets are byte ones, and the Foundation searches and
/// trims give byte answers (see `ASCIITrimming`, `CueText`). The String
/// path copied the title a dozen times and bridged some copies to NSString.
/// `DateScannerTests` checks both paths agree on every dated sentence.
enum EventTitleASCII {
    static let repairs = EventTitle.repairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    static let glue = EventTitle.leadingGlue.map { Array($0.utf8) }
    static let cuts = EventTitle.cuts.map { Array($0.utf8) }
    static let ellipsis = Array("…".utf8)

    /// The title from the clause `clause` of the sentence's scalars without
    /// the scalars of `mention`; nil unless that text is ASCII without "\r".
    static func title(scalars s: [Unicode.Scalar], clause: Range<Int>, mention: Range<Int>) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(clause.count)
        var depth = 0
        for i in clause where !mention.contains(i) {
            let v = s[i].value
            guard v < 0x80, v != 0x0D else { return nil }
            // `EventClassifier.withoutParentheses`.
            if v == 0x28 { depth += 1; continue }
            if v == 0x29 { depth = max(0, depth - 1); continue }
            if depth == 0 { text.append(UInt8(v)) }
        }
        for (target, replacement) in repairs { replace(&text, target, with: replacement) }
        trim(&text, EventTitle.edgeTable)
        var changed = true
        while changed {
            changed = false
            for word in glue where hasPrefix(text, word, then: 0x20) || hasPrefix(text, word, then: 0x2C) {
                text.removeFirst(word.count)
                trim(&text, EventTitle.spaceAndCommaTable)
                changed = true
                break
            }
        }
        for cut in cuts {
            if let at = firstIndex(of: cut, in: text), at >= 20 { text.removeSubrange(at...) }
        }
        text = trimDangling(text)
        if text.count > EventTitle.maxLength {
            var words: [ArraySlice<UInt8>] = []
            var length = 0
            for w in text.split(separator: 0x20) {
                if length + w.count + 1 > EventTitle.maxLength - 1 { break }
                words.append(w)
                length += w.count + 1
            }
            text = trimDangling(Array(words.joined(separator: [0x20]))) + ellipsis
        }
        // `EventTitle.capitalised`: an ASCII first character uppercases to itself or A-Z.
        if let first = text.first, first >= 0x61 && first <= 0x7A { text[0] = first - 0x20 }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` starts with `word` then `next`, with ASCII case folded
    /// (the String path compared the lowercased title).
    static func hasPrefix(_ text: [UInt8], _ word: [UInt8], then next: UInt8) -> Bool {
        guard text.count > word.count, text[word.count] == next else { return false }
        for k in word.indices where ASCIICase.lower(text[k]) != word[k] { return false }
        return true
    }

    /// Where `needle` first occurs in `text`.
    static func firstIndex(of needle: [UInt8], in text: [UInt8]) -> Int? {
        guard text.count >= needle.count else { return nil }
        return text.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay, from: 0) }
        }
    }

    /// `replacingOccurrences(of:with:)`: left to right, resuming after each match.
    static func replace(_ text: inout [UInt8], _ target: [UInt8], with replacement: [UInt8]) {
        guard firstIndex(of: target, in: text) != nil else { return }
        var out: [UInt8] = []
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
    static func trim(_ text: inout [UInt8], _ table: [Bool]) {
        var lo = 0
        var hi = text.count
        while lo < hi && table[Int(text[lo])] { lo += 1 }
        while hi > lo && table[Int(text[hi - 1])] { hi -= 1 }
        if lo > 0 || hi < text.count { text = Array(text[lo..<hi]) }
    }

    /// `EventTitle.trimDangling`: the space-separated words, dangling ones
    /// dropped from the end, joined by one space and trimmed of " ,;:".
    static func trimDangling(_ text: [UInt8]) -> [UInt8] {
        var words = text.split(separator: 0x20)
        while let last = words.last, last.withUnsafeBufferPointer({ DanglingWord.isDangling(bytes: $0) }) {
            words.removeLast()
        }
        var out = Array(words.joined(separator: [0x20]))
        trim(&out, EventTitle.danglingEdgeTable)
        return out
    }
}
