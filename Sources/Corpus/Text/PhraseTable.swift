/// The token-pattern matcher: phrases, each with a value, indexed by their
/// first token (and by their last, for phrases read backwards from a
/// number). A phrase is written as it reads ("per cent", "US$", "y/y") and
/// cut by the tokenizer, so it matches exactly the tokens the sentence has.
/// The longest phrase wins.
struct PhraseTable<Value: Sendable>: Sendable {
    private struct Row: Sendable {
        var words: [String]
        var value: Value
    }

    private let byFirst: [String: [Row]]
    private let byLast: [String: [Row]]

    init(_ rows: [(String, Value)]) {
        var first: [String: [Row]] = [:]
        var last: [String: [Row]] = [:]
        for (phrase, value) in rows {
            let words = SentenceTokens(phrase).tokens.map(\.lower)
            guard let head = words.first, let tail = words.last else { continue }
            first[head, default: []].append(Row(words: words, value: value))
            last[tail, default: []].append(Row(words: words, value: value))
        }
        byFirst = first.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        byLast = last.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// The longest phrase starting at token `i`: its value and the token after it.
    func match(_ t: SentenceTokens, at i: Int) -> (value: Value, end: Int)? {
        for row in byFirst[t.lower(i)] ?? [] where (0..<row.words.count).allSatisfy({ t.lower(i + $0) == row.words[$0] }) {
            return (row.value, i + row.words.count)
        }
        return nil
    }

    /// The longest phrase ending just before token `i`: its value and its first token.
    func match(_ t: SentenceTokens, endingBefore i: Int) -> (value: Value, start: Int)? {
        for row in byLast[t.lower(i - 1)] ?? [] {
            let start = i - row.words.count
            if start >= 0 && (0..<row.words.count).allSatisfy({ t.lower(start + $0) == row.words[$0] }) {
                return (row.value, start)
            }
        }
        return nil
    }
}
