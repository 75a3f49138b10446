import Foundation

/// A text searched for many short ASCII cue words ("pipeline", "planned
/// to", "e-commerce"): the search runs over its UTF-8 bytes instead of
/// Foundation's `contains`/`range(of:)`, which bridged every call to an
/// NSString and was the largest single cost of a load (the classifiers try
/// dozens of cues per sentence).
///
/// Foundation's default search is not literal: it treats canonically
/// equivalent sequences alike and will not end a match in front of a
/// combining mark. For an ASCII cue that differs from a byte search only
/// where the text holds a scalar that joins its neighbour (a combining mark,
/// a joiner, a Hangul jamo) or decomposes to ASCII (the Kelvin sign). Such
/// text, rare in the corpus, and any non-ASCII cue take the Foundation path,
/// so every answer is the one Foundation gave.
struct CueText {
    let text: String
    /// Whether a byte search gives Foundation's answers for ASCII cues.
    let plain: Bool

    init(_ text: String) {
        self.text = text
        self.plain = Self.isPlain(text)
    }

    func contains(_ cue: String) -> Bool { contains(Cue(cue)) }

    /// A cue made once (a rule table's) is searched without building its bytes again.
    func contains(_ cue: Cue) -> Bool {
        guard plain, let bytes = cue.ascii else { return text.contains(cue.text) }
        return firstMatch(bytes, from: 0) != nil
    }

    /// Where `cue` first occurs: Foundation's `range(of:)`, answered by the byte search when that gives the same.
    func firstRange(of cue: String) -> Range<String.Index>? {
        guard plain, let bytes = Self.asciiBytes(cue) else { return text.range(of: cue) }
        guard let at = firstMatch(bytes, from: 0) else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: at)
        return start..<text.utf8.index(start, offsetBy: bytes.count)
    }

    /// `firstRange(of:)` of a cue made once (a rule table's).
    func firstRange(of cue: Cue) -> Range<String.Index>? {
        guard plain, let bytes = cue.ascii else { return text.range(of: cue.text) }
        guard let at = firstMatch(bytes, from: 0) else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: at)
        return start..<text.utf8.index(start, offsetBy: bytes.count)
    }

    /// `text.split(separator: " ")`: in ASCII text every Character but
    /// "\r\n" is one byte, and neither that pair nor any other byte is a
    /// space, so the text is cut on its bytes rather than Character by
    /// Character; other text is split as before.
    static func spaceSeparated(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: " ") }
        return text.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// Non-overlapping occurrences of `cue`, left to right.
    func count(of cue: String) -> Int {
        guard plain, let bytes = Self.asciiBytes(cue) else { return Self.foundationCount(of: cue, in: text) }
        var n = 0
        var from = 0
        while let at = firstMatch(bytes, from: from) {
            n += 1
            from = at + bytes.count
        }
        return n
    }

    private func firstMatch(_ needle: [UInt8], from start: Int) -> Int? {
        var text = text
        return text.withUTF8 { hay in
            needle.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: hay, from: start) }
        }
    }

    private static func asciiBytes(_ cue: String) -> [UInt8]? { Cue(cue).ascii }

    /// What the classifiers counted before: Foundation's search, repeated past each match.
    static func foundationCount(of needle: String, in haystack: String) -> Int {
        var n = 0
        var range = haystack.startIndex..<haystack.endIndex
        while let r = haystack.range(of: needle, range: range) {
            n += 1
            range = r.upperBound..<haystack.endIndex
        }
        return n
    }

    static func isPlain(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        for s in text.unicodeScalars where !s.isASCII && joinsOrDecomposes(s) { return false }
        return true
    }

    /// Scalars that make Foundation's non-literal search differ from a byte search.
    private static func joinsOrDecomposes(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .surrogate, .privateUse, .unassigned:
            return true
        default:
            break
        }
        switch s.value {
        // Hangul jamo compose into syllables; emoji modifiers join the emoji before them.
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x1F3FB...0x1F3FF: return true
        // Canonical singletons to ASCII: Kelvin sign, Greek question mark, Greek varia.
        case 0x212A, 0x037E, 0x1FEF: return true
        default: return false
        }
    }
}

/// A cue word or phrase with its UTF-8 bytes made once, so that searching
/// many texts for it allocates nothing. Rule tables write cues as string
/// literals ("pipeline", "planned to"); the bytes are made when the table is.
///
/// A cue is searched in one of two ways:
/// - as a substring, Foundation's answer (`CueText.contains`): "pipe" is in "pipeline";
/// - as a whole word (`Cue.anyAsWord`): "no" is in "no contract", not in "note".
struct Cue: Sendable, ExpressibleByStringLiteral {
    let text: String
    /// The cue's UTF-8 bytes.
    let utf8: [UInt8]
    /// The cue's bytes when it is non-empty ASCII (the byte search's case), else nil.
    let ascii: [UInt8]?

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        ascii = !utf8.isEmpty && utf8.allSatisfy({ $0 < 0x80 }) ? utf8 : nil
    }

    init(stringLiteral value: String) { self.init(value) }

    /// A list of cue phrases (a `Lexicon` list), encoded once where it is declared.
    static func list(_ phrases: [String]) -> [Cue] { phrases.map { Cue($0) } }
}

// MARK: - Whole-word search

extension Cue {
    /// Whether lowercased `text` holds any of `cues` on word boundaries, at
    /// a place where none of `exceptions` starts: "no" is found in "no
    /// contract", not in "note" or "Nobel"; "n't" after any letter (a cue
    /// that starts or ends with a mark needs no boundary on that side).
    /// Searched on UTF-8 bytes (a non-ASCII letter's bytes are all ≥ 0x80,
    /// so they count as letters on both sides of a cue).
    static func anyAsWord(_ cues: [Cue], in text: String, except exceptions: [Cue] = []) -> Bool {
        var text = text
        return text.withUTF8 { t -> Bool in
            /// Whether `cue` stands at `at` as a word, with no exception starting there.
            func found(_ c: [UInt8], at: Int) -> Bool {
                guard at + c.count <= t.count, t[at..<(at + c.count)].elementsEqual(c) else { return false }
                let after: UInt8 = at + c.count < t.count ? t[at + c.count] : 0x20
                guard !isLetter(c[c.count - 1]) || !isLetter(after) else { return false }
                return !exceptions.contains { x in
                    at + x.utf8.count <= t.count && t[at..<(at + x.utf8.count)].elementsEqual(x.utf8)
                }
            }
            // A cue that starts with a letter starts a word: the text's word
            // starts are visited once, for all such cues.
            var wordStart = true
            for at in 0..<t.count {
                let b = t[at]
                defer { wordStart = !isLetter(b) }
                guard wordStart, isLetter(b) else { continue }
                for cue in cues where cue.utf8.first == b {
                    if found(cue.utf8, at: at) { return true }
                }
            }
            // A cue that starts with a mark may start anywhere.
            for cue in cues where !cue.utf8.isEmpty && !isLetter(cue.utf8[0]) {
                let c = cue.utf8
                var i = 0
                while let at = c.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: $0, in: t, from: i) }) {
                    if found(c, at: at) { return true }
                    i = at + 1
                }
            }
            return false
        }
    }

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b >= 0x80 }
}

// MARK: - Replacing and trimming without bridging

extension CueText {
    /// Foundation's `text.replacingOccurrences(of: target, with: replacement)`:
    /// for an ASCII `target` in plain text (`isPlain`) the occurrences, left
    /// to right and not overlapping, are replaced on the UTF-8 bytes, which
    /// gives Foundation's answer without bridging the text to an NSString
    /// (event titles made four repairs per title that way, 8 % of a load's
    /// instructions). Other text takes Foundation's path.
    static func replacingOccurrences(in text: String, of target: String, with replacement: String) -> String {
        guard let needle = Cue(target).ascii, isPlain(text) else {
            return text.replacingOccurrences(of: target, with: replacement)
        }
        var text = text
        return text.withUTF8 { hay -> String in
            needle.withUnsafeBufferPointer { n -> String in
                guard var at = ByteSearch.firstIndex(of: n, in: hay, from: 0) else { return String(decoding: hay, as: UTF8.self) }
                var out: [UInt8] = []
                out.reserveCapacity(hay.count)
                var from = 0
                repeat {
                    out.append(contentsOf: hay[from..<at])
                    out.append(contentsOf: replacement.utf8)
                    from = at + n.count
                    guard let next = ByteSearch.firstIndex(of: n, in: hay, from: from) else { break }
                    at = next
                } while true
                out.append(contentsOf: hay[from...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}

/// A `CharacterSet` to trim a text's ends with, answered for ASCII from a
/// table made once: `trim` is Foundation's `trimmingCharacters(in:)`
/// whenever both ends stop at an ASCII scalar (then Foundation, which reads
/// UTF-16 units, stops at the same one), and Foundation's own call otherwise.
/// Event titles trimmed every title and each of its last words this way
/// through a bridged NSString.
struct EdgeTrim: Sendable {
    let set: CharacterSet
    private let ascii: [Bool]

    init(_ set: CharacterSet) {
        self.set = set
        ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    static let punctuation = EdgeTrim(.punctuationCharacters)
    static let whitespaces = EdgeTrim(.whitespaces)

    /// Whether ASCII scalar `s` is in the set.
    func containsASCII(_ s: Unicode.Scalar) -> Bool { ascii[Int(s.value)] }

    func trim(_ text: String) -> String { trim(text[...]) }

    func trim(_ text: Substring) -> String {
        let s = text.unicodeScalars
        var a = s.startIndex
        var b = s.endIndex
        while a < b {
            let c = s[a]
            guard c.isASCII else { return text.trimmingCharacters(in: set) }
            guard ascii[Int(c.value)] else { break }
            a = s.index(after: a)
        }
        while a < b {
            let c = s[s.index(before: b)]
            guard c.isASCII else { return text.trimmingCharacters(in: set) }
            guard ascii[Int(c.value)] else { break }
            b = s.index(before: b)
        }
        return String(s[a..<b])
    }
}
