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

    /// Tokenizes `entries` (a slice of the index's entries) over `documents`.
    init(_ entries: ArraySlice<SearchIndex.Entry>, documents: [Document]) {
        var tokenizer = SearchTokenizer()
        var local: [String: Int32] = [:]
        for entry in entries {
            var position: Int32 = 0
            // Scalar offsets in the passage text where its second, third, … sentences start.
            var boundaries: ArraySlice<Sentence> = []
            if case .passage(let d, let p) = entry.source {
                boundaries = documents[Int(d)].passages[Int(p)].sentences.dropFirst()
            }
            var next = boundaries.startIndex
            let add = { (token: SearchTokenizer.Token) in
                if next < boundaries.endIndex, token.start >= boundaries[next].start {
                    while next < boundaries.endIndex, token.start >= boundaries[next].start { next += 1 }
                    if position > 0 { sentenceStarts.append(position) }
                }
                if let known = local[token.key] {
                    tokens.append(known)
                } else {
                    let id = Int32(keys.count)
                    local[token.key] = id
                    keys.append(token.key)
                    tokens.append(id)
                }
                position += 1
            }
            switch entry.source {
            case .passage(let d, let p):
                tokenizer.tokenize(Array(documents[Int(d)].passages[Int(p)].text.unicodeScalars), add)
            case .record(let text, _):
                tokenizer.tokenize(Array(text.unicodeScalars), add)
            }
            tokenEnds.append(Int32(tokens.count))
            sentenceEnds.append(Int32(sentenceStarts.count))
        }
        folding = tokenizer.cache
    }
}
