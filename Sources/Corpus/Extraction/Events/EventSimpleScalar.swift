/// Non-ASCII scalars the byte paths of event extraction may pass over as
/// "not a cue letter": the punctuation block's dashes, quotes and ellipsis
/// (U+2010–U+2027), basic Cyrillic (U+0400–U+045F) and the CJK ideographs
/// (U+4E00–U+9FFF), which are nearly all the non-ASCII of the corpus (a
/// sixth of its dated sentences hold one). None is a mark, a joiner or a
/// format character, none lowercases to or holds an ASCII letter, and
/// lowercasing keeps each in its block, so after `lowercased()` the text is
/// still `CueText.isPlain` and its ASCII bytes are the folded ASCII bytes
/// of the original, with these scalars between them matching no ASCII cue.
enum EventSimpleScalar {
    static func isSimple(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2010...0x2027, 0x0400...0x045F, 0x4E00...0x9FFF: return true
        default: return false
        }
    }

    /// Whether every non-ASCII scalar of `text` is simple.
    static func allSimple(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { $0.isASCII || isSimple($0) }
    }
}
