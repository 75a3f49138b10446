/// Scores one matching entry for one query.
///
/// BM25 over the whole passage rewards passages that talk about the terms
/// a lot, and penalises long ones; on its own it ranks a short paragraph
/// mentioning "gas" and "pipeline" in two sentences above a long one whose
/// sentence is about the gas pipeline. So a hit scores its best sentence
/// (BM25 with sentence-length normalisation, plus the pair bonus for query
/// words standing together in query order) plus half its passage score.
/// A record is one sentence.
struct HitScorer {
    static let passageWeight: Float = 0.5

    let index: SearchIndex
    /// Posting-list numbers of the query's distinct terms.
    let terms: [Int]
    /// Neighbouring one-word clauses, as indices into `terms`.
    let pairs: [(Int, Int)]
    private let width: Int
    /// Weight of each pair: the mean idf of its two words.
    private let pairIDF: [Float]
    /// The terms' posting lists and idf, by slot: looked up once per query, not per entry.
    private let lists: [PostingList]
    private let idfs: [Float]
    /// Per-sentence counts `[sentence * width + term]`, reused across entries.
    private var tally: [Int32] = []

    init(index: SearchIndex, terms: [Int], pairs: [(Int, Int)]) {
        self.index = index
        self.terms = terms
        self.pairs = pairs
        self.width = terms.count + pairs.count
        self.lists = terms.map { index.postings[$0] }
        self.idfs = terms.map { index.idf[$0] }
        self.pairIDF = pairs.map { (index.idf[terms[$0.0]] + index.idf[terms[$0.1]]) / 2 }
    }

    /// `cursors[k]` is the position of `doc` in the posting list of `terms[k]`.
    /// Returns nil without scoring sentences when even the best possible
    /// sentence could not lift the entry above `threshold` (the worst score
    /// on the page so far): most entries of a common word stop here.
    mutating func score(doc: Int32, cursors: [Int], threshold: Float?) -> Float? {
        let k1 = SearchIndex.k1
        let b = SearchIndex.b
        let d = Int(doc)
        // Whole-entry BM25, and a bound on the best sentence: the entry's
        // shortest sentence holding every occurrence.
        var passage: Float = 0
        var bound: Float = 0
        let norm = index.norms[d]
        let shortest = index.shortestSentenceNorms[d]
        for k in 0..<lists.count {
            let tf = Float(lists[k].frequency(at: cursors[k]))
            passage += idfs[k] * tf * (k1 + 1) / (tf + norm)
            bound += idfs[k] * tf * (k1 + 1) / (tf + shortest)
        }
        for q in 0..<pairs.count {
            let (a, b) = pairs[q]
            let tf = Float(min(lists[a].frequency(at: cursors[a]), lists[b].frequency(at: cursors[b])))
            bound += pairIDF[q] * tf * (k1 + 1) / (tf + shortest)
        }
        if let threshold, bound * 1.001 + Self.passageWeight * passage <= threshold { return nil }

        let first = Int(index.sentenceFirst[d])
        let sentences = Int(index.sentenceFirst[d + 1]) - first
        let needed = sentences * width
        if tally.count < needed { tally = [Int32](repeating: 0, count: needed) }
        for i in 0..<needed { tally[i] = 0 }
        for k in 0..<lists.count {
            let c = cursors[k]
            for j in Int(lists[k].starts[c])..<Int(lists[k].starts[c + 1]) {
                tally[sentence(of: lists[k].positions[j], first: first, count: sentences) * width + k] += 1
            }
        }
        for (q, (a, b)) in pairs.enumerated() {
            let la = lists[a]
            let lb = lists[b]
            for j in Int(la.starts[cursors[a]])..<Int(la.starts[cursors[a] + 1]) {
                let p = la.positions[j]
                if lb.contains(position: p + 1, at: cursors[b]) {
                    tally[sentence(of: p, first: first, count: sentences) * width + terms.count + q] += 1
                }
            }
        }
        // The best sentence.
        var best: Float = 0
        for s in 0..<sentences {
            let start = index.sentenceStarts[first + s]
            let end = s + 1 < sentences ? index.sentenceStarts[first + s + 1] : index.lengths[d]
            let sentenceNorm = k1 * (1 - b + b * Float(end - start) / index.averageSentenceLength)
            var score: Float = 0
            for k in 0..<width {
                let tf = Float(tally[s * width + k])
                guard tf > 0 else { continue }
                let weight = k < terms.count ? idfs[k] : pairIDF[k - terms.count]
                score += weight * tf * (k1 + 1) / (tf + sentenceNorm)
            }
            best = max(best, score)
        }
        return best + Self.passageWeight * passage
    }

    /// Which of the entry's sentences holds token `position`.
    private func sentence(of position: Int32, first: Int, count: Int) -> Int {
        var lo = 0
        var hi = count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if index.sentenceStarts[first + mid] <= position { lo = mid } else { hi = mid }
        }
        return lo
    }
}
