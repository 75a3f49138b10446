/// Exact UTF-8 byte tests, as prefilters: a regex that needs a literal
/// word cannot match text whose bytes lack it, so the regex pass is skipped.
enum ByteSearch {
    /// Whether the UTF-8 of `text` contains that of `needle`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return needle.withUTF8 { n in text.withUTF8 { hay in contains(n, in: hay) } }
    }

    /// Whether `needle` occurs in `hay` (an empty needle always does): the
    /// one byte search the cue helpers and `split` share.
    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.isEmpty || firstIndex(of: needle, in: hay, from: 0) != nil
    }

    /// Where the first occurrence of a non-empty `needle` at or after `start` begins in `hay`.
    static func firstIndex(
        of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n else { return nil }
        let first = needle[0]
        var i = start
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < n && hay[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    /// `text` cut at each occurrence of a non-empty `separator`, empty pieces
    /// kept (as `components(separatedBy:)` cuts it): ["a", "b"] for "a and b" at " and ".
    static func split(_ text: String, at separator: String) -> [String] {
        var text = text
        var separator = separator
        return separator.withUTF8 { sep in
            text.withUTF8 { hay -> [String] in
                var parts: [String] = []
                var start = 0
                while let i = firstIndex(of: sep, in: hay, from: start) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[start..<i]), as: UTF8.self))
                    start = i + sep.count
                }
                if start == 0 { return [String(decoding: hay, as: UTF8.self)] }
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: hay[start...]), as: UTF8.self))
                return parts
            }
        }
    }

    /// Whether an opening parenthesis is followed by an ASCII digit or a
    /// non-ASCII scalar (which may be a digit of another script, as `\d` allows).
    static func hasParenthesisThenPossibleDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            guard s.count >= 2 else { return false }
            for i in 0..<(s.count - 1) where s[i] == 0x28 {
                let next = s[i + 1]
                if (next >= 0x30 && next <= 0x39) || next >= 0x80 { return true }
            }
            return false
        }
    }
}
