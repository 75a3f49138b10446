/// Finds bracketed runs without ICU: the finder runs this over every
/// passage of a document body, where `NSRegularExpression` (bridging the
/// passage to UTF-16 on each call) was a large share of citation finding.
///
/// Spec: the matches of the regex `\(([^()]{min,max})\)`, leftmost first and
/// not overlapping, as `NSRegularExpression` reports them. ICU counts the
/// repetition in code points (Unicode scalars), so this does too; the range
/// is in UTF-16 units, like `NSRange`. `[^()]` takes any scalar but the two
/// brackets, newlines included. Unit tests compare it with the regex.
enum ParenthesisScanner {
    struct Match: Sendable, Hashable {
        /// The text between the brackets (group 1).
        var inner: String
        /// UTF-16 offset and length of the whole match, brackets included.
        var location: Int
        var length: Int
    }

    /// Walks the UTF-8 a scalar at a time (the brackets are ASCII, so they
    /// are always whole scalars), counting scalars and UTF-16 units.
    static func matches(in text: String, minInner: Int, maxInner: Int? = nil) -> [Match] {
        var text = text
        let limit = maxInner ?? Int.max
        return text.withUTF8 { bytes -> [Match] in
            var out: [Match] = []
            var i = 0
            var offset = 0
            while i < bytes.count {
                let lead = bytes[i]
                guard lead == 0x28 else {
                    let width = scalarWidth(lead)
                    offset += width == 4 ? 2 : 1
                    i += width
                    continue
                }
                // The greedy run of non-bracket scalars after "(": the match needs
                // it to stop at ")" within the bounds (a shorter run would be
                // followed by a non-bracket scalar, never ")").
                var end = i + 1
                var count = 0
                var units = 0
                while end < bytes.count && count < limit {
                    let b = bytes[end]
                    if b == 0x28 || b == 0x29 { break }
                    let width = scalarWidth(b)
                    count += 1
                    units += width == 4 ? 2 : 1
                    end += width
                }
                if end < bytes.count && bytes[end] == 0x29 && count >= minInner {
                    let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<end]), as: UTF8.self)
                    out.append(Match(inner: inner, location: offset, length: units + 2))
                    offset += units + 2
                    i = end + 1
                } else {
                    offset += 1
                    i += 1
                }
            }
            return out
        }
    }

    /// Bytes of the UTF-8 scalar that opens with `lead` (Swift strings hold valid UTF-8).
    @inline(__always) static func scalarWidth(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
