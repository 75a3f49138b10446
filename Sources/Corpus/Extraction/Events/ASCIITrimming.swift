import Foundation

/// Foundation's `trimmingCharacters(in:)` and `replacingOccurrences(of:with:)`
/// for ASCII text, on its bytes. Each Foundation call bridged the text to an
/// NSString; titles made several per event. On ASCII text a character set
/// test is a table lookup and a search for an ASCII needle has no canonical
/// equivalents to weigh, so the answers are Foundation's; any other text
/// still takes Foundation.
enum ASCIITrimming {
    /// Whether each ASCII byte belongs to `set`, asked of the set itself.
    static func table(_ set: CharacterSet) -> [Bool] {
        (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// `text.trimmingCharacters(in: set)`, where `table` is `table(set)`.
    /// The set is made only for non-ASCII text (`.whitespaces` builds a
    /// new one on every read, and ASCII text needs only the table).
    static func trimming(_ text: String, _ set: @autoclosure () -> CharacterSet, _ table: [Bool]) -> String {
        var bytes = text
        let trimmed = bytes.withUTF8 { s -> String? in
            guard !s.contains(where: { $0 >= 0x80 }) else { return nil }
            var lo = 0
            var hi = s.count
            while lo < hi && table[Int(s[lo])] { lo += 1 }
            while hi > lo && table[Int(s[hi - 1])] { hi -= 1 }
            if lo == 0 && hi == s.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: s[lo..<hi]), as: UTF8.self)
        }
        return trimmed ?? text.trimmingCharacters(in: set())
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`: matches
    /// found left to right, each search resuming after the last match.
    static func replacing(_ text: String, _ target: String, with replacement: String) -> String {
        var bytes = text
        let needle = Array(target.utf8)
        let with = Array(replacement.utf8)
        let replaced = bytes.withUTF8 { s -> String? in
            guard !needle.isEmpty, !needle.contains(where: { $0 >= 0x80 }), !with.contains(where: { $0 >= 0x80 }),
                !s.contains(where: { $0 >= 0x80 })
            else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var i = 0
            let n = needle.count
            var changed = false
            while i < s.count {
                if i + n <= s.count && s[i] == needle[0] {
                    var k = 1
                    while k < n && s[i + k] == needle[k] { k += 1 }
                    if k == n {
                        out += with
                        i += n
                        changed = true
                        continue
                    }
                }
                out.append(s[i])
                i += 1
            }
            return changed ? String(decoding: out, as: UTF8.self) : text
        }
        return replaced ?? text.replacingOccurrences(of: target, with: replacement)
    }
}
