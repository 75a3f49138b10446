/// Texts glued together at random from pieces, the same texts for the same
/// seed: the fast-path tests feed them both to a scanner and to the regex
/// or code it stands in for, so edge cases no corpus sentence holds
/// (marks, odd spaces, four-byte scalars next to ASCII) are compared too,
/// and a failure can be replayed.
struct SeededTexts {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next number of a 64-bit linear congruential generator (Knuth's
    /// MMIX constants), top bits only.
    mutating func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(truncatingIfNeeded: state >> 33)
    }

    /// One text of fewer than `limit` pieces.
    mutating func text(from pieces: [String], fewerThan limit: Int) -> String {
        var s = ""
        for _ in 0..<(next() % limit) { s += pieces[next() % pieces.count] }
        return s
    }

    /// `count` texts of fewer than `limit` pieces each.
    static func texts(_ count: Int, from pieces: [String], fewerThan limit: Int, seed: UInt64) -> [String] {
        var random = SeededTexts(seed: seed)
        return (0..<count).map { _ in random.text(from: pieces, fewerThan: limit) }
    }
}
