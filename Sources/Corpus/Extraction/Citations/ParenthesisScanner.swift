import Foundation

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

    /// Finds each "(" with `memchr` (the brackets are ASCII, so they are
    /// always whole scalars), reads the run after it a scalar at a time, and
    /// counts UTF-16 units only up to the matches (passages were walked a
    /// scalar at a time throughout, and most have no bracket at all).
    static func matches(in text: String, minInner: Int, maxInner: Int? = nil) -> [Match] {
        var text = text
        let limit = maxInner ?? Int.max
        return text.withUTF8 { bytes -> [Match] in
            var out: [Match] = []
            guard let base = bytes.baseAddress else { return out }
            var counted = 0
            var units = 0
            /// UTF-16 units before byte `offset` (asked in increasing order).
            func unitsBefore(_ offset: Int) -> Int {
                while counted < offset {
                    let lead = bytes[counted]
                    if lead & 0xC0 != 0x80 { units += lead >= 0xF0 ? 2 : 1 }
                    counted += 1
                }
                return units
            }
            var i = 0
            while i < bytes.count {
                guard let found = memchr(base + i, 0x28, bytes.count - i) else { break }
                let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // The greedy run of non-bracket scalars after "(": the match needs
                // it to stop at ")" within the bounds (a shorter run would be
                // followed by a non-bracket scalar, never ")").
                var end = open + 1
                var count = 0
                while end < bytes.count && count < limit {
                    let b = bytes[end]
                    if b == 0x28 || b == 0x29 { break }
                    count += 1
                    end += scalarWidth(b)
                }
                if end < bytes.count && bytes[end] == 0x29 && count >= minInner {
                    let inner = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<end]), as: UTF8.self)
                    let location = unitsBefore(open)
                    out.append(Match(inner: inner, location: location, length: unitsBefore(end + 1) - location))
                    i = end + 1
                } else {
                    i = open + 1
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
