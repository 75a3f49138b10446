/// A short ASCII word packed into two integers, lowercased, so a word of the
/// sentence is compared with a table of trigger words in integer tests.
///
/// The byte-array tables this replaces (buckets of `[UInt8]` by length)
/// retained and released each entry they compared, and the gate and the
/// number-word reader compare most words of the corpus with them.
struct IndicatorPackedWord: Hashable, Sendable {
    /// Bytes 0..<8 and 8..<16, little-endian, zero-padded.
    let low: UInt64
    let high: UInt64
    let count: Int

    /// The longest word that packs.
    static let capacity = 16

    /// `bytes` (at most `capacity` of them) packed, each lowered by
    /// `ASCIICase.lower` when `lowering`.
    @inline(__always) init(_ bytes: UnsafeBufferPointer<UInt8>, lowering: Bool) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<min(bytes.count, 8) {
            low |= UInt64(lowering ? ASCIICase.lower(bytes[k]) : bytes[k]) << UInt64(8 * k)
        }
        if bytes.count > 8 {
            for k in 8..<min(bytes.count, 16) {
                high |= UInt64(lowering ? ASCIICase.lower(bytes[k]) : bytes[k]) << UInt64(8 * (k - 8))
            }
        }
        self.low = low
        self.high = high
        self.count = bytes.count
    }

    /// A table word (ASCII, at most `capacity` bytes), as written.
    init(_ word: String) {
        let bytes = Array(word.utf8)
        precondition(bytes.count <= Self.capacity && bytes.allSatisfy { $0 < 0x80 })
        self = bytes.withUnsafeBufferPointer { IndicatorPackedWord($0, lowering: false) }
    }
}
