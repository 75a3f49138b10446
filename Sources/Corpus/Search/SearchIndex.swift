import Foundation

/// Full-text search over every passage and every record of a corpus, built
/// once with the model and never mutated, so any number of requests can
/// search one snapshot at the same time.
///
/// Ranking is BM25 (k1 = 1.2, b = 0.75) over folded tokens (see
/// `SearchTokenizer`). Every clause of the query must match (see
/// `SearchQuery`); phrases are checked against token positions. Posting
/// lists are flat arrays of document numbers intersected by galloping
/// search from the rarest term, and each document's length normalisation
/// is computed at build time, so a query costs little more than walking
/// its rarest term's list.
public struct SearchIndex: Sendable {
    static let k1: Float = 1.2
    static let b: Float = 0.75

    /// One searchable unit: a passage, or one record.
    struct Entry: Sendable {
        enum Source: Sendable {
            case passage(document: Int32, passage: Int32)
            /// The `index`-th record of `records[type.ordinal]`.
            case record(index: Int32)
        }
        var type: SearchHitType
        var id: String
        var source: Source
    }

    /// A kind of record's search text and first source, by position.
    ///
    /// The index keeps the record arrays (the model's own, so no copy) and
    /// composes a record's text when it tokenizes it and when a hit shows
    /// it: an entry holding its text and provenance kept a second copy of
    /// every record's words (a tenth of the index's memory).
    struct Records: Sendable {
        let text: @Sendable (Int) -> String
        let provenance: @Sendable (Int) -> Provenance?

        init<Record: SearchableRecord>(_ records: [Record]) {
            text = { records[$0].searchText }
            provenance = { records[$0].sources.first }
        }

        init() {
            text = { _ in "" }
            provenance = { _ in nil }
        }
    }

    let documents: [Document]
    let entries: [Entry]
    /// By `SearchHitType.ordinal`; the passage slot is unused.
    let records: [Records]
    let types: [SearchHitType]
    /// `k1 * (1 - b + b * length / averageLength)` per entry.
    let norms: [Float]
    /// Tokens per entry.
    let lengths: [Int32]
    /// Token positions where sentences start: entry `n`'s are
    /// `sentenceStarts[sentenceFirst[n]..<sentenceFirst[n + 1]]` (a record is one sentence).
    let sentenceStarts: [Int32]
    let sentenceFirst: [Int32]
    let averageSentenceLength: Float
    /// Per entry, the sentence norm of its shortest sentence: bounds any sentence's score.
    let shortestSentenceNorms: [Float]
    let terms: [String: Int32]
    let postings: [PostingList]
    /// Terms no entry holds any more (left by incremental builds, see
    /// `SearchIndex+Reuse.swift`); a cold build has none.
    let unusedTerms: Int
    let idf: [Float]
    /// Foldings of the non-ASCII letters met while indexing, reused by every query.
    let folding: [Unicode.Scalar: [Unicode.Scalar]]

    /// Indexes the passages of `documents` and the given records, in that order.
    ///
    /// Generic over the record types, not `[any SearchableRecord]`: casting a
    /// model's arrays to existentials copied every record into a box of its
    /// own, on one core, before indexing began.
    public init<Events: SearchableRecord, Indicators: SearchableRecord, Citations: SearchableRecord>(
        documents: [Document], events: [Events], indicators: [Indicators], citations: [Citations]
    ) {
        let entries = Self.entries(documents: documents, events: events, indicators: indicators, citations: citations)
        let records = [Records(), Records(events), Records(indicators), Records(citations)]
        // Tokenized in runs on every core, stitched in entry order (see `TokenizedRun`).
        let runLength = 256
        let runStarts = Array(stride(from: 0, to: entries.count, by: runLength))
        let runs = Concurrently.map(runStarts) { [entries] start in
            TokenizedRun(entries[start..<min(start + runLength, entries.count)], documents: documents, records: records)
        }
        // Global numbers are given by the keys' bytes (`TermTable`), not a
        // String dictionary: every run repeats most common keys, and hashing
        // each again with `Hasher` was most of this serial stitching.
        var table = TermTable()
        var termKeys: [String] = []
        var folding: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var shape = EntryShape()
        shape.reserve(entries.count)
        // Each run's local term numbers as global ones: first appearance across the runs in order.
        var globals: [[Int32]] = []
        for run in runs {
            globals.append(run.keys.map { key -> Int32 in
                var key = key
                let id = key.withUTF8 { table.number(of: $0) }
                if id == termKeys.count { termKeys.append(key) }
                return id
            })
            folding.merge(run.folding) { first, _ in first }
            shape.append(run)
        }
        var terms: [String: Int32] = [:]
        terms.reserveCapacity(termKeys.count)
        for (id, key) in termKeys.enumerated() { terms[key] = Int32(id) }
        let postings = Self.postings(
            runs: runs, globals: globals, firstEntries: runStarts.map { Int32($0) }, termCount: terms.count)
        self.init(
            documents: documents, entries: entries, records: records, shape: shape, terms: terms, postings: postings,
            folding: folding)
    }

    /// Per entry, in entry order: its token count and where its sentences
    /// start (token positions, the first always 0).
    struct EntryShape {
        var lengths: [Int32] = []
        var sentenceStarts: [Int32] = []
        var sentenceFirst: [Int32] = []

        mutating func reserve(_ count: Int) {
            lengths.reserveCapacity(count)
            sentenceFirst.reserveCapacity(count + 1)
        }

        /// Every entry of `run`, after those appended so far.
        mutating func append(_ run: TokenizedRun) {
            var sentenceStart = 0
            var tokenStart: Int32 = 0
            for (tokenEnd, sentenceEnd) in zip(run.tokenEnds, run.sentenceEnds) {
                sentenceFirst.append(Int32(sentenceStarts.count))
                sentenceStarts.append(0)
                sentenceStarts.append(contentsOf: run.sentenceStarts[sentenceStart..<Int(sentenceEnd)])
                lengths.append(tokenEnd - tokenStart)
                sentenceStart = Int(sentenceEnd)
                tokenStart = tokenEnd
            }
        }

        /// Entries `range` of `index`, after those appended so far.
        mutating func append(_ range: Range<Int>, of index: SearchIndex) {
            lengths.append(contentsOf: index.lengths[range])
            for n in range {
                sentenceFirst.append(Int32(sentenceStarts.count))
                sentenceStarts.append(
                    contentsOf: index.sentenceStarts[Int(index.sentenceFirst[n])..<Int(index.sentenceFirst[n + 1])])
            }
        }
    }

    /// The index from its parts; computes the length norms and idf.
    init(
        documents: [Document], entries: [Entry], records: [Records], shape: EntryShape, terms: [String: Int32],
        postings: [PostingList], folding: [Unicode.Scalar: [Unicode.Scalar]]
    ) {
        self.records = records
        let lengths = shape.lengths
        let sentenceStarts = shape.sentenceStarts
        var sentenceFirst = shape.sentenceFirst
        sentenceFirst.append(Int32(sentenceStarts.count))
        let count = Float(max(1, entries.count))
        let tokenCount = lengths.reduce(0) { $0 + Int($1) }
        let average = Float(max(1, tokenCount)) / count
        self.norms = lengths.map { Self.k1 * (1 - Self.b + Self.b * Float($0) / average) }
        self.lengths = lengths
        self.sentenceStarts = sentenceStarts
        self.sentenceFirst = sentenceFirst
        let averageSentence = Float(max(1, tokenCount)) / Float(max(1, sentenceStarts.count))
        self.averageSentenceLength = averageSentence
        self.shortestSentenceNorms = lengths.indices.map { n in
            let first = Int(sentenceFirst[n])
            let last = Int(sentenceFirst[n + 1])
            var shortest = Int32.max
            for s in first..<last {
                let end = s + 1 < last ? sentenceStarts[s + 1] : lengths[n]
                shortest = min(shortest, end - sentenceStarts[s])
            }
            let length = Float(max(1, shortest == Int32.max ? 1 : shortest))
            return Self.k1 * (1 - Self.b + Self.b * length / averageSentence)
        }
        self.idf = postings.map { list in
            let df = Float(list.count)
            return log(1 + (count - df + 0.5) / (df + 0.5))
        }
        self.unusedTerms = postings.reduce(0) { $0 + ($1.count == 0 ? 1 : 0) }
        self.documents = documents
        self.entries = entries
        self.types = entries.map(\.type)
        self.terms = terms
        self.folding = folding
        self.postings = postings
    }

    /// Every passage of `documents`, then every record, as index entries.
    static func entries<Events: SearchableRecord, Indicators: SearchableRecord, Citations: SearchableRecord>(
        documents: [Document], events: [Events], indicators: [Indicators], citations: [Citations]
    ) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(
            documents.reduce(0) { $0 + $1.passages.count } + events.count + indicators.count + citations.count)
        // By index: a `for passage in` loop copied every `Passage` to read its id.
        for d in documents.indices {
            for p in documents[d].passages.indices {
                entries.append(
                    Entry(
                        type: .passage, id: documents[d].passages[p].id,
                        source: .passage(document: Int32(d), passage: Int32(p))))
            }
        }
        entries += Self.recordEntries(.event, events)
        entries += Self.recordEntries(.indicator, indicators)
        entries += Self.recordEntries(.citation, citations)
        return entries
    }

    /// One entry per record: its id and position (its text is composed when it is tokenized).
    private static func recordEntries<Record: SearchableRecord>(_ type: SearchHitType, _ records: [Record]) -> [Entry] {
        records.indices.map { Entry(type: type, id: records[$0].id, source: .record(index: Int32($0))) }
    }

    /// The posting list of every term, built in partitions of the term
    /// numbers on every core: each partition walks all tokens in entry
    /// order and keeps its own terms', so every list comes out sorted as
    /// from one pass, and no two threads touch the same list. Four
    /// partitions even on two cores: each reads every token, but with one
    /// per core each appended to twice as many lists, and the walk took a
    /// third more CPU (perf, 1,000 articles).
    /// `firstEntries[r]` is the entry number of run `r`'s first entry (runs
    /// in ascending order, not necessarily adjacent).
    static func postings(
        runs: [TokenizedRun], globals: [[Int32]], firstEntries: [Int32], termCount: Int
    ) -> [PostingList] {
        let partitions = 4
        let parts = Concurrently.map(Array(0..<partitions)) { part in
            var lists = [PostingList](repeating: PostingList(), count: (termCount - part + partitions - 1) / partitions)
            for (r, (run, global)) in zip(runs, globals).enumerated() {
                var doc = firstEntries[r]
                var tokenStart = 0
                for tokenEnd in run.tokenEnds {
                    var position: Int32 = 0
                    for local in run.tokens[tokenStart..<Int(tokenEnd)] {
                        let id = Int(global[Int(local)])
                        if id % partitions == part { lists[id / partitions].add(doc: doc, position: position) }
                        position += 1
                    }
                    tokenStart = Int(tokenEnd)
                    doc += 1
                }
            }
            for i in lists.indices { lists[i].finish() }
            return lists
        }
        return (0..<termCount).map { parts[$0 % partitions][$0 / partitions] }
    }

    /// Number of indexed passages and records.
    public var count: Int { entries.count }

    /// Hits for `query`, best first: `total` counts every match of the
    /// requested `types` (all types when `nil`); `hits` is the page
    /// `offset..<offset + limit` of them.
    public func search(
        _ query: String, types: Set<SearchHitType>? = nil, limit: Int = 20, offset: Int = 0
    ) -> (total: Int, hits: [SearchHit]) {
        let parsed = SearchQuery(parsing: query, folding: folding)
        guard !parsed.clauses.isEmpty else { return (0, []) }
        // Term ids per clause; an unknown term means nothing can match.
        var clauses: [[Int]] = []
        var keys: [Int: String] = [:]
        for clause in parsed.clauses {
            var ids: [Int] = []
            for key in clause {
                guard let id = terms[key] else { return (0, []) }
                ids.append(Int(id))
                keys[Int(id)] = key
            }
            clauses.append(ids)
        }
        // Distinct terms, rarest first: its list drives the intersection.
        // Ties by key, not term number: an index built on a previous one
        // numbers its terms differently from a cold build, and the order is
        // the order scores are summed in, so it must not depend on numbering.
        var distinct = Array(Set(clauses.joined()))
        distinct.sort {
            postings[$0].count < postings[$1].count
                || (postings[$0].count == postings[$1].count && keys[$0]! < keys[$1]!)
        }
        let slot = { (term: Int) in distinct.firstIndex(of: term)! }
        let phrases = clauses.filter { $0.count > 1 }.map { $0.map(slot) }
        // Neighbouring one-word clauses ("gas pipeline"): a hit where they stand
        // together in that order scores as if the pair were one more term.
        var pairs: [(Int, Int)] = []
        for (a, b) in zip(clauses, clauses.dropFirst()) where a.count == 1 && b.count == 1 && a[0] != b[0] {
            pairs.append((slot(a[0]), slot(b[0])))
        }
        let wanted: [Bool] = SearchHitType.allCases.map { types?.contains($0) ?? true }

        var scorer = HitScorer(index: self, terms: distinct, pairs: pairs)
        var cursors = [Int](repeating: 0, count: distinct.count)
        var top = TopHits(capacity: max(0, offset) + max(0, limit))
        var total = 0
        let lists = distinct.map { postings[$0] }
        candidates: for i in 0..<lists[0].count {
            let doc = lists[0].docs[i]
            cursors[0] = i
            for k in 1..<lists.count {
                let c = lists[k].seek(doc, from: cursors[k])
                cursors[k] = c
                if c == lists[k].count { break candidates }
                if lists[k].docs[c] != doc { continue candidates }
            }
            if !wanted[self.types[Int(doc)].ordinal] { continue }
            for phrase in phrases where !matchesPhrase(phrase, distinct: distinct, cursors: cursors) {
                continue candidates
            }
            total += 1
            if let score = scorer.score(doc: doc, cursors: cursors, threshold: top.threshold) {
                top.insert(doc: doc, score: score)
            }
        }
        let page = top.sorted().dropFirst(max(0, offset))
        return (total, page.map { hit(doc: Int($0.doc), score: $0.score, query: parsed) })
    }

    /// Whether the terms of `phrase` (indices into `distinct`) stand at consecutive positions.
    private func matchesPhrase(_ phrase: [Int], distinct: [Int], cursors: [Int]) -> Bool {
        let first = postings[distinct[phrase[0]]]
        let c0 = cursors[phrase[0]]
        positions: for j in Int(first.starts[c0])..<Int(first.starts[c0 + 1]) {
            let p = first.positions[j]
            for k in 1..<phrase.count {
                let list = postings[distinct[phrase[k]]]
                if !list.contains(position: p + Int32(k), at: cursors[phrase[k]]) { continue positions }
            }
            return true
        }
        return false
    }

    private func hit(doc: Int, score: Float, query: SearchQuery) -> SearchHit {
        let entry = entries[doc]
        switch entry.source {
        case .passage(let d, let p):
            let document = documents[Int(d)]
            let passage = document.passages[Int(p)]
            let provenance = Provenance(
                document: document.id, passage: passage.id, start: passage.rawStart, end: passage.rawEnd,
                quote: document.raw.slice(passage.rawStart..<passage.rawEnd), text: passage.text)
            return SearchHit(
                type: entry.type, id: entry.id, score: Double(score),
                snippet: SnippetBuilder.snippet(of: passage.text, query: query, folding: folding), provenance: provenance)
        case .record(let index):
            let records = self.records[entry.type.ordinal]
            return SearchHit(
                type: entry.type, id: entry.id, score: Double(score),
                snippet: SnippetBuilder.snippet(of: records.text(Int(index)), query: query, folding: folding),
                provenance: records.provenance(Int(index)))
        }
    }
}

extension SearchHitType {
    /// Position in `allCases`, for the per-query type mask.
    var ordinal: Int {
        switch self {
        case .passage: 0
        case .event: 1
        case .indicator: 2
        case .citation: 3
        }
    }
}

/// The best `capacity` (document, score) pairs seen so far, best first:
/// ties go to the earlier document, so results are stable. A small page
/// is kept sorted as it fills (binary insertion); a large one collects
/// everything and sorts once, so a deep page never costs O(n·k).
struct TopHits {
    struct Item {
        var doc: Int32
        var score: Float
    }
    static let insertionLimit = 256
    let capacity: Int
    private var items: [Item] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(min(capacity, Self.insertionLimit))
    }

    private static func better(_ a: Item, _ b: Item) -> Bool {
        a.score > b.score || (a.score == b.score && a.doc < b.doc)
    }

    mutating func insert(doc: Int32, score: Float) {
        guard capacity > 0 else { return }
        let item = Item(doc: doc, score: score)
        if capacity > Self.insertionLimit {
            items.append(item)
            return
        }
        if items.count == capacity {
            guard Self.better(item, items[capacity - 1]) else { return }
            items.removeLast()
        }
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.better(items[mid], item) { lo = mid + 1 } else { hi = mid }
        }
        items.insert(item, at: lo)
    }

    func sorted() -> [Item] {
        guard capacity > Self.insertionLimit else { return items }
        return Array(items.sorted(by: Self.better).prefix(capacity))
    }

    /// The score an entry must beat to make the page, once the page is full.
    var threshold: Float? {
        capacity <= Self.insertionLimit && items.count == capacity ? items.last?.score : nil
    }
}
