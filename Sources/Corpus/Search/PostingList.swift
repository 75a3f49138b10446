/// The documents one term occurs in, sorted by document number, with the
/// positions of every occurrence (for phrase queries). Flat `Int32` arrays:
/// no per-document objects, cheap to walk.
struct PostingList: Sendable {
    /// Document numbers, ascending.
    var docs: [Int32] = []
    /// `positions[starts[i]..<starts[i + 1]]` are the token positions in `docs[i]`;
    /// one extra entry at the end once finished.
    var starts: [Int32] = []
    var positions: [Int32] = []

    var count: Int { docs.count }

    mutating func add(doc: Int32, position: Int32) {
        if docs.last != doc {
            docs.append(doc)
            starts.append(Int32(positions.count))
        }
        positions.append(position)
    }

    /// Adds document `doc` with its occurrences' positions, after every document added so far.
    mutating func add(doc: Int32, positions slice: ArraySlice<Int32>) {
        docs.append(doc)
        starts.append(Int32(positions.count))
        positions.append(contentsOf: slice)
    }

    /// The positions of the `i`-th document's occurrences.
    func positions(at i: Int) -> ArraySlice<Int32> { positions[Int(starts[i])..<Int(starts[i + 1])] }

    mutating func finish() {
        starts.append(Int32(positions.count))
        docs.shrinkToFit()
        starts.shrinkToFit()
        positions.shrinkToFit()
    }

    /// Term frequency in the `i`-th document of the list.
    func frequency(at i: Int) -> Int { Int(starts[i + 1] - starts[i]) }

    /// Whether `position` is among the positions of the `i`-th document.
    func contains(position: Int32, at i: Int) -> Bool {
        var lo = Int(starts[i])
        var hi = Int(starts[i + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            let p = positions[mid]
            if p == position { return true }
            if p < position { lo = mid + 1 } else { hi = mid }
        }
        return false
    }

    /// The first index `>= from` whose document is `>= doc` (galloping, then binary search).
    func seek(_ doc: Int32, from: Int) -> Int {
        var lo = from
        var step = 1
        var hi = from
        while hi < docs.count, docs[hi] < doc {
            lo = hi + 1
            hi += step
            step *= 2
        }
        hi = min(hi, docs.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if docs[mid] < doc { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Array {
    fileprivate mutating func shrinkToFit() {
        guard capacity > count + count / 8 else { return }
        var copy: [Element] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        self = copy
    }
}
