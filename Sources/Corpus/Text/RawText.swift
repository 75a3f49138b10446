#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The original file as text, addressed by Unicode scalar offset (what
/// provenance uses) but stored once, as its UTF-8 string.
///
/// It used to keep an `[Unicode.Scalar]` beside the string for O(1) slicing:
/// four bytes per character on top of the text, a quarter of the memory of a
/// loaded 1,000-article corpus. Now a checkpoint every 32 scalars gives the
/// UTF-8 offset of any scalar after at most 31 steps, and a slice is decoded
/// from the same bytes, so it is the same string.
public struct RawText: Sendable {
    public let string: String
    /// Number of Unicode scalars.
    public let count: Int
    /// UTF-8 offset of scalar `32 * i`.
    private let checkpoints: [Int32]

    static let stride = 32

    public init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        // Walked as the string's own buffer: `string.utf8`'s iterator was
        // most of this, once per byte of the corpus.
        let (count, checkpoints) = string.withUTF8 { bytes -> (Int, [Int32]) in
            var checkpoints: [Int32] = []
            checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
            var scalars = 0
            for offset in 0..<bytes.count where !Self.isContinuation(bytes[offset]) {
                if scalars & (Self.stride - 1) == 0 { checkpoints.append(Int32(offset)) }
                scalars += 1
            }
            return (scalars, checkpoints)
        }
        self.string = string
        self.count = count
        self.checkpoints = checkpoints
    }

    /// Every scalar, for the builders that walk the whole file once.
    public func scalarArray() -> [Unicode.Scalar] {
        // `count` is known, so the array is filled in place, decoded from the
        // bytes (ASCII a byte at a time); `Array(string.unicodeScalars)`
        // walks once to count and again to copy.
        withBytes { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, initialized in
                var i = 0
                var n = 0
                while i < bytes.count {
                    let lead = bytes[i]
                    if lead < 0x80 {
                        scalars.initializeElement(at: n, to: Unicode.Scalar(lead))
                        i += 1
                    } else {
                        // A String's UTF-8 is valid: the lead byte gives the length.
                        let length = Self.length(leading: lead)
                        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                        scalars.initializeElement(at: n, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                        i += length
                    }
                    n += 1
                }
                initialized = n
            }
        }
    }

    /// The scalar at scalar offset `offset` (`0 ..< count`).
    public func scalar(at offset: Int) -> Unicode.Scalar {
        precondition(offset >= 0 && offset < count, "scalar offset out of range")
        return withBytes { bytes in
            var i = utf8Offset(of: offset, in: bytes)
            return Self.decode(bytes, at: &i)
        }
    }

    public func slice(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<count)
        return withBytes { bytes in
            let a = utf8Offset(of: r.lowerBound, in: bytes)
            let b = utf8Offset(of: r.upperBound, in: bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
    }

    /// `slice(range)`, given as `candidate` when that is the same text, so
    /// the two share one storage. A quote usually reads exactly as its
    /// cleaned text does; every event, observation and citation keeps both,
    /// and storing them once is a tenth of a large corpus's memory.
    public func slice(_ range: Range<Int>, sharing candidate: String) -> String {
        let r = range.clamped(to: 0..<count)
        return withBytes { bytes in
            let a = utf8Offset(of: r.lowerBound, in: bytes)
            let b = utf8Offset(of: r.upperBound, in: bytes)
            let slice = UnsafeBufferPointer(rebasing: bytes[a..<b])
            if candidate.utf8.count == slice.count && Self.equals(candidate, slice) { return candidate }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// Every scalar offset at which `quote` occurs verbatim.
    ///
    /// Searched as UTF-8: a match of a whole-scalar needle starts and ends on
    /// scalar boundaries, so the byte matches are the scalar matches. Only
    /// the matches are converted to scalar offsets.
    public func occurrences(of quote: String) -> [Int] {
        let matches = byteMatches(of: quote, firstOnly: false)
        guard !matches.isEmpty else { return [] }
        return withBytes { bytes in
            var found: [Int] = []
            var scalarsBefore = 0
            var i = 0
            for m in matches {
                while i < m {
                    if !Self.isContinuation(bytes[i]) { scalarsBefore += 1 }
                    i += 1
                }
                found.append(scalarsBefore)
            }
            return found
        }
    }

    /// Whether `quote` occurs verbatim (what the loader checks of every curated quote).
    public func contains(_ quote: String) -> Bool {
        !byteMatches(of: quote, firstOnly: true).isEmpty
    }

    /// UTF-8 offsets where `quote`'s bytes start, found with `memchr`/`memcmp`.
    private func byteMatches(of quote: String, firstOnly: Bool) -> [Int] {
        var quote = quote
        return quote.withUTF8 { needle -> [Int] in
            guard !needle.isEmpty else { return [] }
            return withBytes { bytes -> [Int] in
                guard needle.count <= bytes.count, let base = bytes.baseAddress, let n = needle.baseAddress else {
                    return []
                }
                var found: [Int] = []
                let first = Int32(needle[0])
                var i = 0
                let last = bytes.count - needle.count
                while i <= last, let hit = memchr(base + i, first, last - i + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, n, needle.count) == 0 {
                        found.append(at)
                        if firstOnly { break }
                    }
                    i = at + 1
                }
                return found
            }
        }
    }

    // MARK: - UTF-8

    private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // `init` made the string contiguous, so this never copies.
        string.utf8.withContiguousStorageIfAvailable(body) ?? Array(string.utf8).withUnsafeBufferPointer(body)
    }

    /// UTF-8 offset of scalar `offset` (`count` gives the end of the text).
    private func utf8Offset(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if offset >= count { return bytes.count }
        var i = Int(checkpoints[offset / Self.stride])
        var steps = offset % Self.stride
        while steps > 0 {
            i += Self.length(leading: bytes[i])
            steps -= 1
        }
        return i
    }

    /// Whether `string`'s UTF-8 is `bytes`, compared as memory (the
    /// generic `elementsEqual` went byte by byte through iterators, for every
    /// quote of every record).
    private static func equals(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }

    @inline(__always) private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    @inline(__always) private static func length(leading byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> Unicode.Scalar {
        var iterator = bytes[i...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "\u{FFFD}" }
        return scalar
    }
}
