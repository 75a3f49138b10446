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
        let punct = isPunctuation
        let list = words
        return word.withUTF8 { s -> Bool? in
            if s.contains(where: { $0 >= 0x80 }) { return nil }
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
