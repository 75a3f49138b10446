import Foundation

/// Splits text into search tokens, folded so that case and diacritics do not
/// matter ("Vis-à-vis" and "vis-a-vis" give the same tokens).
///
/// A token is a run of letters or digits (Latin, Cyrillic, …), or a single
/// CJK character: Chinese has no spaces between words, so every ideograph is
/// indexed as a unigram with its position, and a CJK query run ("赵文文") is
/// matched as a phrase of adjacent unigrams — as precise as bigrams, and a
/// one-character query still works. Everything else (spaces, punctuation,
/// hyphens) separates tokens; a hyphenated query word becomes a phrase.
///
/// As search engines do for English, an apostrophe inside a word is folded
/// away ("Yel'tsin" and "Yeltsin", "China’s" and "Chinas" are one key) and
/// plural endings are stripped (`EnglishStemming`: "pipelines" finds
/// "pipeline", "policies" finds "policy"), in the index and the query alike.
struct SearchTokenizer {
    /// One token: its folded key and the scalar range it covers in the input.
    struct Token: Equatable {
        var key: String
        var start: Int
        var end: Int
    }

    /// Folding of non-ASCII scalars, computed once per scalar through
    /// Foundation and remembered: the corpus uses a few hundred distinct ones.
    private(set) var cache: [Unicode.Scalar: [Unicode.Scalar]]
    /// UTF-8 of the token being read, reused: keys of up to 15 bytes become
    /// small strings, so most tokens cost no allocation.
    private var buffer: [UInt8] = []

    /// `cache`: foldings already known (the index passes the ones it met while
    /// building, so a query or snippet never calls Foundation for corpus text).
    init(cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]) { self.cache = cache }

    /// Calls `body` for every token of `scalars`, in order.
    mutating func tokenize<C: RandomAccessCollection>(
        _ scalars: C, _ body: (Token) -> Void
    ) where C.Element == Unicode.Scalar, C.Index == Int {
        scan(scalars) { key, start, end in body(Token(key: String(decoding: key, as: UTF8.self), start: start, end: end)) }
    }

    /// Like `tokenize`, but hands over each key as its folded UTF-8 bytes
    /// without making a String: for matching known keys in a hit's text.
    mutating func scan<C: RandomAccessCollection>(
        _ scalars: C, _ body: (_ key: [UInt8], _ start: Int, _ end: Int) -> Void
    ) where C.Element == Unicode.Scalar, C.Index == Int {
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            let s = scalars[i]
            if Self.isCJK(s) {
                // CJK has no case and no diacritics to fold.
                buffer.removeAll(keepingCapacity: true)
                append(s)
                body(buffer, i, i + 1)
                i += 1
                continue
            }
            guard Self.isWordScalar(s) else {
                i += 1
                continue
            }
            let start = i
            buffer.removeAll(keepingCapacity: true)
            while i < end {
                let c = scalars[i]
                if Self.isApostrophe(c), i + 1 < end, Self.continuesWord(scalars[i + 1]) {
                    i += 1  // "Yel'tsin" is one word, its key without the apostrophe
                    continue
                }
                guard Self.continuesWord(c) else { break }
                appendFolded(c)
                i += 1
            }
            if !buffer.isEmpty {
                EnglishStemming.stem(&buffer)
                body(buffer, start, i)
            }
        }
    }

    /// `scan` over a String's UTF-8 bytes: the same keys and scalar ranges,
    /// without first copying the text into an array of scalars. This is the
    /// index build's path (every passage and record is tokenized once per
    /// load): ASCII, most of the corpus, is read and folded byte by byte,
    /// and only other scalars are decoded and looked up.
    mutating func scanUTF8(
        _ text: String, _ body: (_ key: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Void
    ) {
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var offset = 0  // byte offset of the next unread scalar
            var index = 0  // its scalar index
            while offset < n {
                let lead = bytes[offset]
                if lead < 0x80 {
                    guard Self.isASCIIWordByte(lead) else {
                        offset += 1
                        index += 1
                        continue
                    }
                    // Most words are ASCII through to a space or punctuation: the
                    // key is then the text's own bytes (lowered in the buffer
                    // only if a capital is among them).
                    var k = offset
                    var capital = false
                    while k < n, Self.isASCIIWordByte(bytes[k]) {
                        capital = capital || bytes[k] & 0x20 == 0  // among letters and digits, only capitals
                        k += 1
                    }
                    if k == n || !Self.joinsWord(bytes, at: k) {
                        let word = UnsafeBufferPointer(rebasing: bytes[offset..<k])
                        let (stemmed, toY) = EnglishStemming.stemmedLength(word)
                        if capital || toY {
                            buffer.removeAll(keepingCapacity: true)
                            for byte in word { buffer.append(ASCIICase.lower(byte)) }
                            EnglishStemming.stem(&buffer)
                            buffer.withUnsafeBufferPointer { body($0, index, index + word.count) }
                        } else {
                            body(UnsafeBufferPointer(rebasing: word[..<(word.startIndex + stemmed)]), index, index + word.count)
                        }
                        index += word.count
                        offset = k
                        continue
                    }
                } else {
                    let (s, length) = Self.decode(bytes, at: offset)
                    if Self.isCJK(s) {
                        buffer.removeAll(keepingCapacity: true)
                        append(s)
                        buffer.withUnsafeBufferPointer { body($0, index, index + 1) }
                        offset += length
                        index += 1
                        continue
                    }
                    guard Self.isWordScalar(s) else {
                        offset += length
                        index += 1
                        continue
                    }
                }
                // A word starts here: letters, digits and marks up to anything else or CJK.
                let start = index
                buffer.removeAll(keepingCapacity: true)
                while offset < n {
                    let byte = bytes[offset]
                    if byte < 0x80 {
                        if byte == UInt8(ascii: "'"), offset + 1 < n, Self.startsWord(bytes, at: offset + 1) {
                            offset += 1  // an apostrophe inside a word is folded away
                            index += 1
                            continue
                        }
                        guard Self.isASCIIWordByte(byte) else { break }
                        buffer.append(ASCIICase.lower(byte))
                        offset += 1
                    } else {
                        let (s, length) = Self.decode(bytes, at: offset)
                        if Self.isApostrophe(s), offset + length < n, Self.startsWord(bytes, at: offset + length) {
                            offset += length
                            index += 1
                            continue
                        }
                        guard Self.continuesWord(s) else { break }
                        appendFolded(s)
                        offset += length
                    }
                    index += 1
                }
                if !buffer.isEmpty {
                    EnglishStemming.stem(&buffer)
                    buffer.withUnsafeBufferPointer { body($0, start, index) }
                }
            }
        }
    }

    /// Whether `s` carries on a word (a letter, digit or mark, but not CJK).
    @inline(__always)
    static func continuesWord(_ s: Unicode.Scalar) -> Bool {
        (isWordScalar(s) || isMark(s)) && !isCJK(s)
    }

    /// Whether the word read so far goes on at byte `k` (a letter, digit or
    /// mark, or an apostrophe with a letter after it).
    @inline(__always)
    private static func joinsWord(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let b = bytes[k]
        if b < 0x80 { return b == UInt8(ascii: "'") && k + 1 < bytes.count && startsWord(bytes, at: k + 1) }
        let (s, length) = decode(bytes, at: k)
        if isApostrophe(s) { return k + length < bytes.count && startsWord(bytes, at: k + length) }
        return continuesWord(s)
    }

    /// Whether the scalar at byte `k` carries on a word.
    @inline(__always)
    private static func startsWord(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let b = bytes[k]
        return b < 0x80 ? isASCIIWordByte(b) : continuesWord(decode(bytes, at: k).0)
    }

    /// ' and the typographic apostrophes (’ and ʼ).
    @inline(__always)
    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}"
    }

    /// ASCII letters and digits: `isWordScalar` for one byte.
    @inline(__always)
    private static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    /// The scalar whose UTF-8 starts at `offset` of valid UTF-8 (a String's
    /// bytes, so the lead byte gives the length), and that length.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | (UInt32(bytes[offset + k]) & 0x3F) }
        return (Unicode.Scalar(value)!, length)
    }

    mutating func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        tokenize(Array(text.unicodeScalars)) { result.append($0) }
        return result
    }

    @inline(__always)
    private mutating func appendFolded(_ s: Unicode.Scalar) {
        if s.isASCII {
            let v = s.value
            buffer.append(UInt8(truncatingIfNeeded: (v >= 65 && v <= 90) ? v + 32 : v))
            return
        }
        if let folded = cache[s] {
            for f in folded { append(f) }
            return
        }
        let folded = Array(
            String(scalars: [s])
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .unicodeScalars.filter { !Self.isMark($0) })
        cache[s] = folded
        for f in folded { append(f) }
    }

    private mutating func append(_ s: Unicode.Scalar) {
        UTF8.encode(s) { buffer.append($0) }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        guard !s.isASCII else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Han ideographs, kana and Hangul: scripts written without spaces between words.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
            0x20000...0x2FA1F:
            return true
        default: return false
        }
    }
}
