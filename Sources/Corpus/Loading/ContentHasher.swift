import Foundation

/// FNV-1a, 64 bit: a fast, dependency-free content fingerprint for the model
/// version and ETags. Not for security: only to tell one corpus from another.
struct ContentHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x100_0000_01b3
        }
        // A separator, so ("ab","c") and ("a","bc") differ.
        state ^= 0xff
        state &*= 0x100_0000_01b3
    }

    mutating func add(_ string: String) { add(string.utf8) }

    /// A file's bytes, read from its buffer: `Data`'s iterator was most of
    /// the serial time left in reading a corpus.
    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
