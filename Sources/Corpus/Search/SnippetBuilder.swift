/// Builds the highlighted HTML snippet of a hit: a window of about `width`
/// scalars of the cleaned text holding as many matches as possible, cut at
/// word boundaries, HTML-escaped, each match in `<mark>…</mark>` (a phrase
/// is one mark: `<mark>vis-à-vis</mark>`).
enum SnippetBuilder {
    static let width = 200

    static func snippet(of text: String, query: SearchQuery, folding: [Unicode.Scalar: [Unicode.Scalar]] = [:]) -> String {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        let marks = matches(in: scalars, query: query, folding: folding)
        guard let anchor = bestWindow(marks) else {
            return finish(scalars, start: 0, end: cutEnd(scalars, min(n, width), floor: 0), marks: [])
        }
        // Some context before the first match, then `width` scalars.
        var start = max(0, marks[anchor].lowerBound - width / 4)
        var end = min(n, start + width)
        if end == n { start = max(0, min(start, n - width)) }
        // Never cut through a match.
        for m in marks where m.lowerBound < end && m.upperBound > end { end = m.upperBound }
        if start > 0 { start = cutStart(scalars, start, ceiling: marks[anchor].lowerBound) }
        if end < n {
            let lastInside = marks.last(where: { $0.upperBound <= end })?.upperBound ?? start
            end = cutEnd(scalars, end, floor: lastInside)
        }
        return finish(scalars, start: start, end: end, marks: marks)
    }

    /// Scalar ranges of the query's matches: single words anywhere, phrases
    /// only where their words stand in order.
    static func matches(
        in scalars: [Unicode.Scalar], query: SearchQuery, folding: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    ) -> [Range<Int>] {
        var tokenizer = SearchTokenizer(cache: folding)
        // Query keys as UTF-8, numbered; the text's tokens as those numbers (-1: not a query word).
        var keys: [[UInt8]] = []
        for key in query.clauses.joined() where !keys.contains(Array(key.utf8)) { keys.append(Array(key.utf8)) }
        var tokens: [(key: Int, start: Int, end: Int)] = []
        tokenizer.scan(scalars) { key, start, end in
            tokens.append((keys.firstIndex(of: key) ?? -1, start, end))
        }
        var ranges: [Range<Int>] = []
        for clause in query.clauses where !clause.isEmpty && clause.count <= tokens.count {
            let wanted = clause.map { keys.firstIndex(of: Array($0.utf8)) ?? -1 }
            for i in 0...(tokens.count - clause.count)
            where tokens[i].key == wanted[0] && (1..<wanted.count).allSatisfy({ tokens[i + $0].key == wanted[$0] }) {
                ranges.append(tokens[i].start..<tokens[i + clause.count - 1].end)
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        // Merge overlaps so marks never nest.
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// Index of the match that starts the `width` window holding the most matches.
    private static func bestWindow(_ marks: [Range<Int>]) -> Int? {
        guard !marks.isEmpty else { return nil }
        var best = 0
        var bestCount = 0
        var j = 0
        for i in marks.indices {
            j = max(j, i)
            while j + 1 < marks.count, marks[j + 1].upperBound <= marks[i].lowerBound + width * 3 / 4 { j += 1 }
            if j - i + 1 > bestCount {
                bestCount = j - i + 1
                best = i
            }
        }
        return best
    }

    /// Moves `start` forward to the next word, unless that passes `ceiling`.
    private static func cutStart(_ s: [Unicode.Scalar], _ start: Int, ceiling: Int) -> Int {
        var k = start
        while k < ceiling, !s[k - 1].properties.isWhitespace { k += 1 }
        return k <= ceiling ? k : start
    }

    /// Moves `end` back to the end of a word, unless that passes `floor`.
    private static func cutEnd(_ s: [Unicode.Scalar], _ end: Int, floor: Int) -> Int {
        guard end < s.count else { return end }
        var k = end
        while k > floor, !s[k].properties.isWhitespace { k -= 1 }
        while k > floor, s[k - 1].properties.isWhitespace { k -= 1 }
        return k > floor ? k : end
    }

    private static func finish(_ s: [Unicode.Scalar], start: Int, end: Int, marks: [Range<Int>]) -> String {
        var out = start > 0 ? "…" : ""
        var i = start
        for m in marks where m.lowerBound >= start && m.upperBound <= end {
            HTMLEscaping.append(s[i..<m.lowerBound], to: &out)
            out += "<mark>"
            HTMLEscaping.append(s[m], to: &out)
            out += "</mark>"
            i = m.upperBound
        }
        HTMLEscaping.append(s[i..<end], to: &out)
        if end < s.count { out += "…" }
        return out
    }
}
