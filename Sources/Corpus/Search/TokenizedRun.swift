/// The tokens of a run of consecutive index entries, with each term
/// numbered by its first appearance in the run.
///
/// Why runs: tokenizing and folding is most of an index build, and one
/// entry's tokens depend on no other's, so runs are tokenized on every core
/// and then stitched in entry order. Stitching gives each term the global
/// number it would have had from one pass over all entries (first
/// appearance across the runs in order), so the index is the same whatever
/// the number of runs.
struct TokenizedRun: Sendable {
    /// Local term number -> folded key, in first-appearance order.
    var keys: [String] = []
    /// Local term number of every token, entry after entry.
    var tokens: [Int32] = []
    /// Per entry of the run, where its tokens end in `tokens`.
    var tokenEnds: [Int32] = []
    /// Token positions, after the first, where a passage's later sentences
    /// start (a record is one sentence), entry after entry.
    var sentenceStarts: [Int32] = []
    /// Per entry, where its sentence starts end in `sentenceStarts`.
    var sentenceEnds: [Int32] = []
    /// Foldings of the non-ASCII scalars met in the run.
    var folding: [Unicode.Scalar: [Unicode.Scalar]] = [:]

    /// Tokenizes `entries` (a slice of the index's entries) over `documents` and `records`.
    init(_ entries: ArraySlice<SearchIndex.Entry>, documents: [Document], records: [SearchIndex.Records]) {
        var tokenizer = SearchTokenizer()
        var table = TermTable()
        for entry in entries {
            switch entry.source {
            case .passage(let d, let p):
                let passage = documents[Int(d)].passages[Int(p)]
                add(passage.text, boundaries: passage.sentences.dropFirst(), tokenizer: &tokenizer, table: &table)
            case .record(let index):
                add(records[entry.type.ordinal].text(Int(index)), boundaries: [], tokenizer: &tokenizer, table: &table)
            }
            tokenEnds.append(Int32(tokens.count))
            sentenceEnds.append(Int32(sentenceStarts.count))
        }
        keys = table.keys()
        folding = tokenizer.cache
    }

    /// The tokens of one entry; `boundaries` are its second, third, …
    /// sentences, whose scalar starts in `text` begin new sentences.
    private mutating func add(
        _ text: String, boundaries: ArraySlice<Sentence>, tokenizer: inout SearchTokenizer, table: inout TermTable
    ) {
        var position: Int32 = 0
        var next = boundaries.startIndex
        tokenizer.scanUTF8(text) { key, start, _ in
            if next < boundaries.endIndex, start >= boundaries[next].start {
                while next < boundaries.endIndex, start >= boundaries[next].start { next += 1 }
                if position > 0 { sentenceStarts.append(position) }
            }
            tokens.append(table.number(of: key))
            position += 1
        }
    }
}
