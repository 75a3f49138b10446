import Foundation

/// `TextPattern.words` for text outside `ASCIIText`'s reach whose every
/// scalar is ASCII, a Latin-1 or Latin Extended-A scalar, a Cyrillic one, a
/// CJK unified ideograph, or one of a few separators: the titles and
/// entries in Russian and Chinese, and names with accents. The general path
/// folds the whole text with Foundation and then walks it by `Character`;
/// that was most of building each entry's words.
///
/// Here each scalar is folded on its own, by a table that Foundation itself
/// fills once (`String(scalar).folding(…).lowercased()` for each Latin and
/// Cyrillic scalar), so the table gives what the general path gives for
/// that scalar. None of these scalars is a combining mark or joins its
/// neighbours into one `Character`, and the text is taken only when it has
/// no other scalar, so folding the text is folding each scalar in turn. CJK
/// ideographs have no case and no decomposition: folding leaves them as
/// they are, and each is a letter. A scalar whose folded form is not made of
/// such letters (or of ASCII letters and digits) is not in the table, and
/// text with one takes the general path. Unit tests compare the two.
enum CitationFoldedWords {
    enum Entry: Sendable {
        /// Neither letter nor number, and left as it is by folding: it ends a word.
        case separator
        /// What the scalar folds to, every part of it a letter or digit.
        case letters(String)
    }

    /// Latin-1 and Latin Extended-A letters (U+00C0–U+017F), Cyrillic
    /// (U+0400–U+04FF but the combining U+0483–U+0489), the typographic
    /// separators `ASCIIText` knows, and Chinese punctuation.
    static let table: [UInt32: Entry] = {
        var candidates = Array(0xC0...0x17F) + Array(0x400...0x482) + Array(0x48A...0x4FF)
        candidates += [0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x2026] + Array(0x2018...0x201F)
        candidates += [0x3001, 0x3002, 0x300A, 0x300B, 0x300C, 0x300D, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B]
        var out: [UInt32: Entry] = [:]
        for v in candidates {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            let s = String(scalar)
            let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            let character = Character(scalar)
            if folded == s && !character.isLetter && !character.isNumber {
                out[UInt32(v)] = .separator
            } else if !folded.isEmpty, folded.unicodeScalars.allSatisfy(isSimpleLetter),
                folded.allSatisfy({ $0.isLetter || $0.isNumber }), folded.count == folded.unicodeScalars.count
            {
                out[UInt32(v)] = .letters(folded)
            }
        }
        return out
    }()

    /// An ASCII letter or digit, or a Latin, Cyrillic or CJK letter that is
    /// one `Character` by itself.
    static func isSimpleLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return ASCIIText.isAlphanumeric(UInt8(v)) }
        guard SimpleScalars.isSimple(v) else { return false }
        return scalar.properties.isAlphabetic
    }

    static func words(_ s: String) -> [String]? {
        let table = Self.table
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if ASCIIText.isAlphanumeric(b) {
                    current.append(Unicode.Scalar(ASCIIText.lowered(b)))
                } else {
                    flush()
                }
            } else if v >= 0x4E00 && v <= 0x9FFF {
                current.append(scalar)
            } else if let entry = table[v] {
                switch entry {
                case .separator: flush()
                case .letters(let folded): current.append(contentsOf: folded.unicodeScalars)
                }
            } else {
                return nil
            }
        }
        flush()
        return out
    }
}
