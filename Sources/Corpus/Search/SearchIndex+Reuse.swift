/// Building an index on the one it replaces (a reload), so that its cost
/// follows what changed rather than the corpus size.
///
/// The passages of a document the reload kept whole (same text, same
/// metadata: the same passages) are not tokenized again: their entries'
/// lengths and sentence starts are copied from the previous index, and their
/// postings are the previous lists with entry numbers moved to where those
/// passages now stand. Only the passages of new and changed documents and
/// the records (which the merges across documents make anew) are tokenized,
/// and their postings merged into the moved ones, list by list. A kept
/// document's references are the previous ones too (the same records, the
/// same search text), so they are moved the same way.
///
/// What a query returns is what a cold build of the same model returns:
/// every posting list holds the same entries and positions, lengths and
/// norms are the same, and the only difference, the numbering of terms
/// (kept from the previous index, new terms appended, terms no entry holds
/// any more left with empty lists), changes nothing a query sees: a term
/// with an empty list matches nothing, as a term the index does not know,
/// and query terms are ordered by their lists and keys, not their numbers.
/// When unused terms reach half of them, the next build is a cold one.
/// In entry order: a kept document's previous entries, or a range of entries to tokenize.
private enum ReusePart {
    case kept(Range<Int>)
    case fresh(Range<Int>)
}

extension SearchIndex {
    /// The index of these documents and records, reusing `previous` for
    /// every document `d` with `keptFrom[d]` set: the index in
    /// `previous`'s documents of a document with the same passages; and for
    /// each of `keptCitations`, `citations[new]` that are the citations
    /// `previous` indexed at `old` (positions in the two citation arrays).
    public init<Events: SearchableRecord, Indicators: SearchableRecord, Citations: SearchableRecord>(
        documents: [Document], events: [Events], indicators: [Indicators], citations: [Citations],
        reusing previous: SearchIndex, keptFrom: [Int?], keptCitations: [(old: Range<Int>, new: Range<Int>)] = []
    ) {
        precondition(keptFrom.count == documents.count)
        guard keptFrom.contains(where: { $0 != nil }), previous.unusedTerms * 2 <= previous.postings.count else {
            self.init(documents: documents, events: events, indicators: indicators, citations: citations)
            return
        }
        let entries = Self.entries(documents: documents, events: events, indicators: indicators, citations: citations)
        let records = [Records(), Records(events), Records(indicators), Records(citations)]
        // Where each document's passages start, in the previous index and in this one.
        var oldFirst: [Int] = [0]
        for document in previous.documents { oldFirst.append(oldFirst.last! + document.passages.count) }
        var newFirst: [Int] = [0]
        for document in documents { newFirst.append(newFirst.last! + document.passages.count) }
        let recordStart = newFirst.last!

        // Previous entry number -> this index's, for the kept passages; -1 for the rest.
        var moved = [Int32](repeating: -1, count: previous.entries.count)
        var parts: [ReusePart] = []
        for d in documents.indices {
            let count = documents[d].passages.count
            guard count > 0 else { continue }
            if let old = keptFrom[d] {
                precondition(previous.documents[old].passages.count == count && previous.documents[old].id == documents[d].id)
                for p in 0..<count { moved[oldFirst[old] + p] = Int32(newFirst[d] + p) }
                parts.append(.kept(oldFirst[old]..<oldFirst[old] + count))
            } else {
                parts.append(.fresh(newFirst[d]..<newFirst[d] + count))
            }
        }
        // Events and figures, then the citations: kept blocks moved, the rest tokenized in runs.
        let runLength = 256
        func freshRuns(_ range: Range<Int>) {
            for start in stride(from: range.lowerBound, to: range.upperBound, by: runLength) {
                parts.append(.fresh(start..<min(start + runLength, range.upperBound)))
            }
        }
        let citationStart = entries.count - citations.count
        var oldCitationStart = previous.entries.count
        while oldCitationStart > 0, previous.types[oldCitationStart - 1] == .citation { oldCitationStart -= 1 }
        freshRuns(recordStart..<citationStart)
        var next = citationStart
        for block in keptCitations.sorted(by: { $0.new.lowerBound < $1.new.lowerBound }) where !block.new.isEmpty {
            precondition(block.old.count == block.new.count && citationStart + block.new.lowerBound >= next)
            let old = oldCitationStart + block.old.lowerBound..<oldCitationStart + block.old.upperBound
            precondition(old.upperBound <= previous.entries.count)
            freshRuns(next..<citationStart + block.new.lowerBound)
            for (o, n) in zip(old, citationStart + block.new.lowerBound..<citationStart + block.new.upperBound) {
                moved[o] = Int32(n)
            }
            parts.append(.kept(old))
            next = citationStart + block.new.upperBound
        }
        freshRuns(next..<entries.count)
        let fresh = parts.compactMap { part -> Range<Int>? in
            if case .fresh(let range) = part { return range }
            return nil
        }
        let runs = Concurrently.map(fresh) { [entries] range in TokenizedRun(entries[range], documents: documents, records: records) }

        // The previous numbering, new keys appended.
        var terms = previous.terms
        var folding = previous.folding
        var globals: [[Int32]] = []
        for run in runs {
            globals.append(run.keys.map { key -> Int32 in
                if let id = terms[key] { return id }
                let id = Int32(terms.count)
                terms[key] = id
                return id
            })
            folding.merge(run.folding) { first, _ in first }
        }
        var shape = EntryShape()
        shape.reserve(entries.count)
        var r = 0
        for part in parts {
            switch part {
            case .kept(let range): shape.append(range, of: previous)
            case .fresh: shape.append(runs[r]); r += 1
            }
        }
        let added = Self.postings(
            runs: runs, globals: globals, firstEntries: fresh.map { Int32($0.lowerBound) }, termCount: terms.count)
        let oldLists = previous.postings
        // Merged in slices of the term numbers on every core; each list is its own.
        let slice = 4096
        let termCount = terms.count
        let merged = Concurrently.map(Array(stride(from: 0, to: termCount, by: slice))) { [moved] start in
            (start..<min(start + slice, termCount)).map { t in
                t < oldLists.count ? Self.merge(oldLists[t], moved: moved, with: added[t]) : added[t]
            }
        }
        self.init(
            documents: documents, entries: entries, records: records, shape: shape, terms: terms,
            postings: merged.flatMap { $0 }, folding: folding)
    }

    /// `old`'s kept entries at their new numbers, and `added`'s, in entry order.
    private static func merge(_ old: PostingList, moved: [Int32], with added: PostingList) -> PostingList {
        // Nothing added and every entry where it was: the same list, sharing its storage.
        if added.count == 0, old.docs.allSatisfy({ moved[Int($0)] == $0 }) { return old }
        var list = PostingList()
        list.docs.reserveCapacity(old.count + added.count)
        list.starts.reserveCapacity(old.count + added.count + 1)
        list.positions.reserveCapacity(old.positions.count + added.positions.count)
        var i = 0
        var k = 0
        while true {
            while i < old.count, moved[Int(old.docs[i])] < 0 { i += 1 }
            if i < old.count, k == added.count || moved[Int(old.docs[i])] < added.docs[k] {
                list.add(doc: moved[Int(old.docs[i])], positions: old.positions(at: i))
                i += 1
            } else if k < added.count {
                list.add(doc: added.docs[k], positions: added.positions(at: k))
                k += 1
            } else {
                break
            }
        }
        list.finish()
        return list
    }
}
