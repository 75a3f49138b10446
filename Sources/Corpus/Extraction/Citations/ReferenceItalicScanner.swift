/// Takes "*italic*" parts out of a reference entry by bytes: the container
/// step asks every entry with a "*", and the regex bridged each to UTF-16.
///
/// Spec: `TextPattern.firstMatchRemovingAll(ReferenceParser.italicPattern, in:)`,
/// `\*([^*]+)\*`: the first match's groups and the text with every match
/// removed. "*" is ASCII, so it is always a whole scalar, and `[^*]` takes
/// every other scalar (line terminators too): a match is a "*", a run
/// without "*", and the next "*". Where two stars touch, the first opens
/// nothing and the second is tried, as ICU tries each position from the
/// left; matches do not overlap. Unit tests compare it with the regex.
enum ReferenceItalicScanner {
    static func italicsRemoved(_ text: String) -> (groups: [String?], rest: String)? {
        var text = text
        return text.withUTF8 { b -> (groups: [String?], rest: String)? in
            var matches: [Range<Int>] = []
            var open: Int?
            for i in 0..<b.count where b[i] == 0x2A {
                if let start = open, i > start + 1 {
                    matches.append(start..<(i + 1))
                    open = nil
                } else {
                    open = i
                }
            }
            guard let first = matches.first else { return nil }
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
            return (
                [string(first), string((first.lowerBound + 1)..<(first.upperBound - 1))],
                ReferenceMatchRemoval.removing(matches, from: b)
            )
        }
    }
}
