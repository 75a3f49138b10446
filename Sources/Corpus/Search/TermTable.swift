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
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let n = Int(stored - 1)
            if hashes[n] == hash, equals(n, key) { return Int32(n) }
            slot = (slot + 1) & mask
        }
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

    private func equals(_ n: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[n])
        guard Int(starts[n + 1]) - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { bytes in
            for k in 0..<key.count where bytes[start + k] != key[k] { return false }
            return true
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

    /// FNV-1a: keys are short words, and the table only needs them spread.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in key { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }
}
