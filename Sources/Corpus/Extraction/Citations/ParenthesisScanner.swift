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

    static func matches(in text: String, minInner: Int, maxInner: Int? = nil) -> [Match] {
        var out: [Match] = []
        let view = text.unicodeScalars
        var index = view.startIndex
        var offset = 0
        while index < view.endIndex {
            let scalar = view[index]
            guard scalar == "(" else {
                offset += scalar.utf16.count
                index = view.index(after: index)
                continue
            }
            // The greedy run of non-bracket scalars after "(": the match needs
            // it to stop at ")" within the bounds (a shorter run would be
            // followed by a non-bracket scalar, never ")").
            let innerStart = view.index(after: index)
            var end = innerStart
            var count = 0
            var units = 0
            while end < view.endIndex, maxInner.map({ count < $0 }) ?? true {
                let s = view[end]
                if s == "(" || s == ")" { break }
                count += 1
                units += s.utf16.count
                end = view.index(after: end)
            }
            if end < view.endIndex, view[end] == ")", count >= minInner {
                out.append(Match(inner: String(view[innerStart..<end]), location: offset, length: units + 2))
                offset += units + 2
                index = view.index(after: end)
            } else {
                offset += 1
                index = innerStart
            }
        }
        return out
    }
}
