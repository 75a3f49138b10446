import Foundation

/// `EventTitle.isDangling` for an ASCII word, on its bytes: the Foundation
/// path (lowercase copy, punctuation trim through NSString, Character
/// tests) ran on every title's last words and was a third of its time.
enum DanglingWord {
    /// `isPunctuation[b]`: whether ASCII byte b is in
    /// `CharacterSet.punctuationCharacters`, taken from that set so the
    /// trim is Foundation's. For ASCII that is also `Character.isPunctuation`
    /// (both are the Unicode P* categories).
    static let isPunctuation: [Bool] = (0..<128).map { b in
        CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8(b)))
    }

    /// The dangling words as lowercase bytes.
    static let words: [[UInt8]] = EventTitle.danglingWords.map { Array($0.utf8) }

    /// The answer for an ASCII word; nil when it holds a non-ASCII byte.
    static func isDangling(_ word: Substring) -> Bool? {
        var word = word
        return word.withUTF8 { s -> Bool? in
            if s.contains(where: { $0 >= 0x80 }) { return nil }
            return isDangling(bytes: s)
        }
    }

    /// `EventTitle.trimDangling` for ASCII text, nil for other text: words
    /// are the runs between spaces (in ASCII a Character is " " only as the
    /// byte), dangling ones dropped from the end, the rest joined by one
    /// space and trimmed of " ,;:".
    static func trimDangling(_ text: String) -> String? {
        var text = text
        let edges = EventTitle.danglingEdgeTable
        return text.withUTF8 { s -> String? in
            if s.contains(where: { $0 >= 0x80 }) { return nil }
            var words: [Range<Int>] = []
            var i = 0
            while i < s.count {
                if s[i] == 0x20 {
                    i += 1
                    continue
                }
                var j = i
                while j < s.count && s[j] != 0x20 { j += 1 }
                words.append(i..<j)
                i = j
            }
            while let last = words.last, isDangling(bytes: UnsafeBufferPointer(rebasing: s[last])) { words.removeLast() }
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            for (k, w) in words.enumerated() {
                if k > 0 { out.append(0x20) }
                out += s[w]
            }
            var lo = 0
            var hi = out.count
            while lo < hi && edges[Int(out[lo])] { lo += 1 }
            while hi > lo && edges[Int(out[hi - 1])] { hi -= 1 }
            return String(decoding: out[lo..<hi], as: UTF8.self)
        }
    }

    /// The answer for an ASCII word's bytes.
    static func isDangling(bytes s: UnsafeBufferPointer<UInt8>) -> Bool {
        let punct = isPunctuation
        let list = words
        do {
            var lo = 0
            var hi = s.count
            while lo < hi && punct[Int(s[lo])] { lo += 1 }
            if lo == hi { return true }  // all punctuation (or empty)
            while hi > lo && punct[Int(s[hi - 1])] { hi -= 1 }
            let n = hi - lo
            for w in list where w.count == n {
                var k = 0
                while k < n && ASCIICase.lower(s[lo + k]) == w[k] { k += 1 }
                if k == n { return true }
            }
            return false
        }
    }
}
