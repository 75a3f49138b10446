import Foundation

/// `s.replacingOccurrences(of: needle, with: replacement)` for the parsers'
/// ASCII needles ("\n", "\"", "*", "  ", " "), on the bytes where that is
/// the same: Foundation's search compares whole composed characters, so an
/// occurrence counts only where it is one by itself. That holds when the
/// bytes on both sides are ASCII (a non-ASCII neighbour might be a
/// combining mark after it or a prepended mark before it) and a "\n" does
/// not follow "\r" (the two are one character); no other scalar is
/// canonically equivalent to these needles. Text where an occurrence has a
/// neighbour that is not so is left to Foundation. Occurrences are
/// replaced left to right without overlapping, as Foundation does. Unit
/// tests compare the two.
enum CitationReplacing {
    /// The needles the fast path takes (a test checks that no other scalar is canonically equivalent to one).
    static let needles: Set<String> = ["\n", "\"", "*", "  ", " "]

    static func replacing(_ s: String, _ needle: String, with replacement: String) -> String {
        guard needles.contains(needle) else { return s.replacingOccurrences(of: needle, with: replacement) }
        var s = s
        var needle = needle
        let plain = s.withUTF8 { b -> String? in
            needle.withUTF8 { n -> String? in
                guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 }) else { return nil }
                var out: [UInt8] = []
                var done = 0
                var i = 0
                var found = false
                while let at = ByteSearch.firstIndex(of: n, in: b, from: i) {
                    let end = at + n.count
                    if at > 0 && (b[at - 1] >= 0x80 || (b[at - 1] == 0x0D && n[0] == 0x0A)) { return nil }
                    if end < b.count && (b[end] >= 0x80 || (n[n.count - 1] == 0x0D && b[end] == 0x0A)) { return nil }
                    if !found {
                        out.reserveCapacity(b.count)
                        found = true
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[done..<at]))
                    out.append(contentsOf: replacement.utf8)
                    done = end
                    i = end
                }
                guard found else { return String(decoding: b, as: UTF8.self) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[done...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
        return plain ?? s.replacingOccurrences(of: needle, with: replacement)
    }
}
