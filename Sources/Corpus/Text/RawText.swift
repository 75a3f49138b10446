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
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(string.utf8.count / Self.stride + 1)
        var scalars = 0
        var offset = 0
        for byte in string.utf8 {
            if !Self.isContinuation(byte) {
                if scalars % Self.stride == 0 { checkpoints.append(Int32(offset)) }
                scalars += 1
            }
            offset += 1
        }
        self.string = string
        self.count = scalars
        self.checkpoints = checkpoints
    }

    /// Every scalar, for the builders that walk the whole file once.
    public func scalarArray() -> [Unicode.Scalar] {
        // One walk: `Array(string.unicodeScalars)` walks once to count and again to copy.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(string.utf8.count)
        for s in string.unicodeScalars { scalars.append(s) }
        return scalars
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
