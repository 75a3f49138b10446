import Foundation

/// A folded word (or name) as citations and reference entries are compared:
/// its scalars, and which scalars it has (for a quick lower bound of the
/// edit distance). Resolving compares each cited word with every family and
/// title word of the list, and an unresolved name with every entry's label:
/// most pairs are settled by their lengths or that bound before any table
/// is filled.
struct CitationWord: Sendable, Hashable {
    let text: String
    /// The length in scalars.
    let count: Int
    /// Bit `v % 64` is set for each scalar value `v` the word has.
    let mask: UInt64

    init(_ text: String) {
        self.text = text
        var count = 0
        var mask: UInt64 = 0
        for scalar in text.unicodeScalars {
            count += 1
            mask |= 1 << UInt64(scalar.value & 63)
        }
        self.count = count
        self.mask = mask
    }

    /// Two words are "the same name" when equal, or, when the shorter has
    /// four letters or more, one edit apart (two from seven letters on):
    /// Wishnik ~ Wishnick, Nandkarni ~ Nadkarni, statements ~ statement.
    static func similar(_ a: CitationWord, _ b: CitationWord) -> Bool {
        if a.text == b.text { return true }
        let shorter = min(a.count, b.count)
        guard shorter >= 4 else { return false }
        let allowed = shorter >= 7 ? 2 : 1
        return distance(a, b, limit: allowed) <= allowed
    }

    /// The Levenshtein distance over scalars. With a `limit`, a distance
    /// above it may be reported as `limit + 1`: the distance is at least the
    /// difference in length, and at least the number of scalar classes one
    /// side has and the other lacks, and the smallest value of a row never
    /// decreases in later rows.
    static func distance(_ a: CitationWord, _ b: CitationWord, limit: Int? = nil) -> Int {
        if a.count == 0 || b.count == 0 { return a.count + b.count }
        if let limit {
            let bound = max((a.mask & ~b.mask).nonzeroBitCount, (b.mask & ~a.mask).nonzeroBitCount)
            if abs(a.count - b.count) > limit || bound > limit { return limit + 1 }
        }
        let (x, y) = (Array(a.text.unicodeScalars), Array(b.text.unicodeScalars))
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if let limit, rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Lowercased words with diacritics folded, for matching names and
    /// titles: "Ünal-Smith, 2019" → ["unal", "smith", "2019"]. Each letter,
    /// with the marks that follow it, is folded as Foundation folds it (case
    /// and diacritics), and the letters and digits of what it folds to make
    /// words; anything else ends a word.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        // The UTF-8 of the word being read.
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                out.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        func add(_ folded: String) {
            for character in folded {
                if character.isLetter || character.isNumber {
                    current.append(contentsOf: character.utf8)
                } else {
                    flush()
                }
            }
        }
        var scalars = s.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let c = next {
            next = scalars.next()
            if let mark = next, joinsPrevious(mark) {
                var cluster = String.UnicodeScalarView([c])
                while let mark = next, joinsPrevious(mark) {
                    cluster.append(mark)
                    next = scalars.next()
                }
                add(fold(String(cluster)))
            } else if c.isASCII {
                let v = c.value
                if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
                    current.append(UInt8(v))
                } else if v >= 0x41 && v <= 0x5A {
                    current.append(UInt8(v + 0x20))
                } else {
                    flush()
                }
            } else {
                add(folded(c))
            }
        }
        flush()
        return out
    }

    /// A mark or joiner, which belongs to the letter before it.
    static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.value == 0x200D || scalar.properties.isGraphemeExtend
        }
    }

    /// What one scalar folds to, lowercased. The Latin, Cyrillic and
    /// punctuation blocks the corpus writes in are folded once, into a
    /// table; CJK ideographs have no case and no diacritics.
    static func folded(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v >= 0x4E00 && v <= 0x9FFF { return String(scalar) }
        if let known = foldedTable[v] { return known }
        return fold(String(scalar))
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    private static let foldedTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for v in Array(0x80...0x24F) + Array(0x400...0x4FF) + Array(0x2000...0x206F) + Array(0x3000...0x303F) {
            if let scalar = Unicode.Scalar(UInt32(v)) { table[UInt32(v)] = fold(String(scalar)) }
        }
        return table
    }()
}
