/// A parsed search query: clauses that must all match a hit.
///
/// A clause of one token matches anywhere; a clause of several is a phrase
/// whose tokens must stand next to each other in order. Phrases come from
/// double quotes (`"strategic partnership"`), from words that tokenise into
/// several tokens (`vis-a-vis`, `U.S.`), and from CJK runs (`赵文文`).
struct SearchQuery: Equatable {
    var clauses: [[String]]

    /// Every distinct token of the query, for highlighting.
    var keys: Set<String> { Set(clauses.joined()) }

    init(clauses: [[String]]) { self.clauses = clauses }

    init(parsing query: String, folding: [Unicode.Scalar: [Unicode.Scalar]] = [:]) {
        var tokenizer = SearchTokenizer(cache: folding)
        var clauses: [[String]] = []
        var quoted = false
        for (n, part) in Self.splitQuotes(query).enumerated() {
            quoted = n % 2 == 1
            if quoted {
                let keys = tokenizer.tokens(part).map(\.key)
                if !keys.isEmpty { clauses.append(keys) }
                continue
            }
            for word in part.split(whereSeparator: { $0.isWhitespace }) {
                let keys = tokenizer.tokens(String(word)).map(\.key)
                if !keys.isEmpty { clauses.append(keys) }
            }
        }
        self.clauses = clauses
    }

    /// Splits at straight and curly double quotes: odd-numbered parts were quoted.
    /// An unclosed quote quotes the rest of the query.
    private static func splitQuotes(_ query: String) -> [String] {
        var parts: [String] = [""]
        for c in query {
            if c == "\"" || c == "“" || c == "”" {
                parts.append("")
            } else {
                parts[parts.count - 1].append(c)
            }
        }
        return parts
    }
}
