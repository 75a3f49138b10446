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
        self.init(words: rows.map { (SentenceTokens($0.0).tokens.map(\.lower), $0.1) })
    }

    /// Rows already cut into lowercase units, for texts a `LowercaseUnits` other than the
    /// tokenizer's cuts (a reference entry's words: `ReferenceTitleEnd.EntryWords`).
    init(words rows: [([String], Value)]) {
        var first: [String: [Row]] = [:]
        var last: [String: [Row]] = [:]
        for (words, value) in rows {
            guard let head = words.first, let tail = words.last else { continue }
            first[head, default: []].append(Row(words: words, value: value))
            last[tail, default: []].append(Row(words: words, value: value))
        }
        byFirst = first.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        byLast = last.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// The longest phrase starting at unit `i` (a token, or a piece: a
    /// phrase of plain words reads the same cut either way): its value and
    /// the unit after it.
    func match<Units: LowercaseUnits>(_ t: Units, at i: Int) -> (value: Value, end: Int)? {
        for row in byFirst[t.lower(i)] ?? [] where (0..<row.words.count).allSatisfy({ t.lower(i + $0) == row.words[$0] }) {
            return (row.value, i + row.words.count)
        }
        return nil
    }

    /// The longest phrase ending just before token `i`: its value and its first token.
    func match<Units: LowercaseUnits>(_ t: Units, endingBefore i: Int) -> (value: Value, start: Int)? {
        for row in byLast[t.lower(i - 1)] ?? [] {
            let start = i - row.words.count
            if start >= 0 && (0..<row.words.count).allSatisfy({ t.lower(start + $0) == row.words[$0] }) {
                return (row.value, start)
            }
        }
        return nil
    }
}

/// A text cut into units a `PhraseTable` reads: `SentenceTokens` or `SentencePieces`.
protocol LowercaseUnits {
    /// Unit `i`'s lowercase, or "" outside the text.
    func lower(_ i: Int) -> String
}

extension SentenceTokens: LowercaseUnits {}
extension SentencePieces: LowercaseUnits {}

/// The (UTF-8 length, first byte) pairs of a table's words: a word whose
/// pair no table word has is not in the table, so the table need not be
/// asked (asking builds the word's hash). An ASCII word can only equal a
/// word with its own bytes; any other word is always let through.
struct WordShapes: Sendable {
    private let longest: Int
    private let shapes: [Bool]

    init<Words: Sequence<String>>(_ words: Words) {
        let all = Array(words)
        longest = all.map(\.utf8.count).max() ?? 0
        var shapes = [Bool](repeating: false, count: (longest + 1) * 256)
        for w in all { if let first = w.utf8.first { shapes[w.utf8.count * 256 + Int(first)] = true } }
        self.shapes = shapes
    }

    /// False only when `word`, ASCII, has a length and first byte no table word has.
    func mayHold(_ word: String) -> Bool {
        let u = word.utf8
        guard let first = u.first, first < 0x80 else { return true }
        guard u.count <= longest else { return !u.allSatisfy { $0 < 0x80 } }
        return shapes[u.count * 256 + Int(first)] || !u.allSatisfy { $0 < 0x80 }
    }
}
