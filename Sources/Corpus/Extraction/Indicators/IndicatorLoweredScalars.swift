/// A sentence lowercased once, as UTF-8, with where each scalar's lowercase
/// starts: the lowercase of any run of its scalars is then a slice.
///
/// `String.lowercased()` is, by the standard library's definition, each
/// scalar's `lowercaseMapping` in turn (no context rules), so the lowercase
/// of scalars `a..<b` is the bytes from scalar `a`'s start to scalar `b`'s.
/// Outside ASCII the library appended a mapping string per scalar, and the
/// extractor lowercased every token, the sentence and several pieces per
/// figure that way.
struct IndicatorLoweredScalars {
    /// UTF-8 of the sentence's lowercase.
    let bytes: [UInt8]
    /// Byte offset of each scalar's lowercase, and the end; empty when every
    /// scalar is ASCII (then scalar `k` starts at byte `k`).
    private let starts: [Int32]

    init(_ scalars: [Unicode.Scalar], isASCII: Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        var starts: [Int32] = []
        if isASCII {
            for s in scalars { bytes.append(ASCIICase.lower(UInt8(truncatingIfNeeded: s.value))) }
        } else {
            starts.reserveCapacity(scalars.count + 1)
            for s in scalars {
                starts.append(Int32(bytes.count))
                Self.appendLowercase(of: s, to: &bytes)
            }
            starts.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.starts = starts
        self.isASCII = isASCII
    }

    /// Whether every scalar is ASCII (so scalar `k` is byte `k`, here and in the sentence).
    let isASCII: Bool

    /// Where the lowercase of scalar `k` (`0...count`) starts.
    @inline(__always) func start(_ k: Int) -> Int { starts.isEmpty ? k : Int(starts[k]) }

    /// The lowercase of scalars `a..<b` (`0 <= a <= b <= count`).
    func string(_ a: Int, _ b: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start(a)..<start(b)]), as: UTF8.self) }
    }

    /// The whole lowercase.
    var whole: String { String(decoding: bytes, as: UTF8.self) }

    /// The first `n` scalars of the lowercase (not of the sentence: a scalar
    /// may lower to several).
    func lowercasePrefix(scalars n: Int) -> String {
        var end = 0
        if starts.isEmpty {
            end = min(n, bytes.count)
        } else {
            var seen = 0
            while end < bytes.count {
                // A scalar starts at every byte that is not a continuation byte.
                if bytes[end] & 0xC0 != 0x80 {
                    if seen == n { break }
                    seen += 1
                }
                end += 1
            }
        }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
    }

    /// Appends the UTF-8 of `s.properties.lowercaseMapping`.
    @inline(__always) static func appendLowercase(of s: Unicode.Scalar, to bytes: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            bytes.append(ASCIICase.lower(UInt8(truncatingIfNeeded: v)))
            return
        }
        var single: UInt32 = 0
        if v < 0x800 {
            single = latin[Int(v) - 0x80]
        } else if v >= 0x2000 && v < 0x2070 {
            single = punctuation[Int(v) - 0x2000]
        }
        if single != 0, let one = Unicode.Scalar(single) {
            UTF8.encode(one) { bytes.append($0) }
        } else {
            bytes.append(contentsOf: s.properties.lowercaseMapping.utf8)
        }
    }

    /// The one-scalar lowercase of U+0080..<U+0800 (Latin, Greek, Cyrillic)
    /// and of General Punctuation (dashes, quotes), 0 where it is several
    /// scalars: the common non-ASCII scalars without the property lookups.
    private static let latin: [UInt32] = (0x80..<0x800).map(oneScalarLowercase)
    private static let punctuation: [UInt32] = (0x2000..<0x2070).map(oneScalarLowercase)

    private static func oneScalarLowercase(_ v: UInt32) -> UInt32 {
        guard let s = Unicode.Scalar(v) else { return 0 }
        let mapping = s.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : 0
    }
}
