#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folded search keys numbered by first appearance, looked up by their
/// UTF-8 bytes: the tokenizer's bytes are matched without making a String
/// or running `Hasher` per token (a String per token and a dictionary
/// lookup were a third of an index build). Strings are made once per
/// distinct key, by `keys()`.
///
/// Open addressing with linear probing over a power-of-two table kept at
/// most half full; keys live back to back in one byte arena.
struct TermTable {
    private var arena: [UInt8] = []
    /// Key `n` is `arena[starts[n]..<starts[n + 1]]`.
    private var starts: [Int32] = [0]
    private var hashes: [UInt32] = []
    /// Key number + 1 per slot; 0 is an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    var count: Int { hashes.count }

    /// The number of `key`, given a new one (the next number) when unseen.
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        // The probe reads the arrays through their buffers: it runs once per
        // token of the corpus, and bounds and uniqueness checks were much of it.
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    arena.withUnsafeBufferPointer { arena in
                        while true {
                            let stored = slots[slot]
                            if stored == 0 { return nil }
                            let n = Int(stored - 1)
                            if hashes[n] == hash {
                                let start = Int(starts[n])
                                if Int(starts[n + 1]) - start == key.count,
                                    key.isEmpty || memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0
                                {
                                    return Int32(n)
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        if let found { return found }
        let n = Int32(hashes.count)
        hashes.append(hash)
        arena.append(contentsOf: key)
        starts.append(Int32(arena.count))
        slots[slot] = n + 1
        if hashes.count * 2 > slots.count { grow() }
        return n
    }

    /// Every key as a String, by number.
    func keys() -> [String] {
        arena.withUnsafeBufferPointer { bytes in
            (0..<count).map { n in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(starts[n])..<Int(starts[n + 1])]), as: UTF8.self)
            }
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in 0..<hashes.count {
            var slot = Int(hashes[n]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(n + 1)
        }
    }

    /// Eight bytes at a time, multiplied and folded (keys are short words,
    /// and the table only needs them spread): byte-at-a-time FNV-1a was a
    /// chain of one multiply per byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let bytes = UnsafeRawBufferPointer(key)
        var h = UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h)
    }
}
