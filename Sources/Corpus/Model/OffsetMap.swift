/// For each scalar of a passage's cleaned text, its offset in the raw file,
/// stored as runs of consecutive offsets rather than one integer per
/// character.
///
/// Cleaning drops a few characters (escapes, tags, emphasis) and folds
/// whitespace, so the map is almost always "raw offset = cleaned index +
/// constant" for long stretches: a paragraph needs a handful of runs where a
/// plain `[Int]` needed eight bytes per character (most of the model's memory
/// on a large corpus). Reads are a binary search over the runs.
public struct OffsetMap: RandomAccessCollection, Sendable, Hashable {
    /// Run `i` covers indices `starts[i]..<starts[i + 1]` (the last run up to
    /// `count`) and maps index `j` to `bases[i] + (j - starts[i])`.
    private var starts: [Int32] = []
    private var bases: [Int32] = []
    public private(set) var count: Int = 0

    public init(_ offsets: [Int]) {
        starts.reserveCapacity(8)
        bases.reserveCapacity(8)
        // `expected` is where the current run would put `offsets[index]`;
        // kept in a local, not read back from the arrays' last elements.
        var expected = Int.min
        for (index, offset) in offsets.enumerated() {
            if offset != expected {
                starts.append(Int32(index))
                bases.append(Int32(offset))
            }
            expected = offset &+ 1
        }
        count = offsets.count
    }

    /// The map from its runs, as `runs` gives them (the extraction cache
    /// stores them); nil unless they are runs of a map of `count` offsets.
    init?(starts: [Int32], bases: [Int32], count: Int) {
        guard starts.count == bases.count, count >= 0, count <= Int(Int32.max) else { return nil }
        if count == 0 {
            guard starts.isEmpty else { return nil }
        } else {
            guard starts.first == 0 else { return nil }
            for i in starts.indices.dropFirst() where !(starts[i - 1] < starts[i] && Int(starts[i]) < count) { return nil }
        }
        self.starts = starts
        self.bases = bases
        self.count = count
    }

    /// Where each run starts and the raw offset it starts at.
    var runs: (starts: [Int32], bases: [Int32]) { (starts, bases) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "offset index out of range")
        // The last run whose start is <= position.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= position { low = mid } else { high = mid - 1 }
        }
        return Int(bases[low]) + (position - Int(starts[low]))
    }

    /// Number of runs, for tests and memory accounting.
    var runCount: Int { starts.count }
}
