import Foundation

/// A short headline for a dated sentence: its main clause without the date,
/// the citations and the discourse glue around it.
///
/// "In May 2015, the heads of state of China and the Russia signed a joint
/// statement on cooperation to link ..." → "The heads of state of China and
/// the Russia signed a joint statement on cooperation to link the…". Curated
/// annotations polish the titles of the default corpus; this keeps a new
/// article's timeline readable.
enum EventTitle {
    static let maxLength = 80

    static let leadingGlue = [
        "again", "in particular", "at the same time", "in addition", "then", "further", "furthermore", "recently",
        "for the first time", "first", "firstly", "second", "secondly", "third", "thirdly", "however", "moreover",
        "after that", "as a result", "it is said that", "it was said that", "he recalled that", "she recalled that",
        "according to the plan", "in other words", "meanwhile", "also", "and", "but", "so",
    ]
    /// Each glue with the space and the comma that may follow it, built once
    /// (the concatenations were made per title and per pass).
    static let glueForms = leadingGlue.map { ($0, $0 + " ", $0 + ",") }
    static let cuts = [", which", " which ", "; ", ", as well as", ", from ", ", and ", " – ", " — ", ": "]
    static let danglingWords: Set<String> = ["in", "on", "at", "the", "and", "of", "when", "that", "to", "a", "an", "by", "with", "during", "since", "as"]

    /// Spacing repairs, applied in this order.
    static let repairs = [("  ", " "), ("The the ", "The "), (" ,", ","), (" .", ".")]
    /// Built once: the sets were made per title.
    static let edges = CharacterSet.whitespaces.union(.punctuationCharacters)
    static let spaceAndComma = CharacterSet(charactersIn: " ,")
    static let danglingEdges = CharacterSet(charactersIn: " ,;:")
    /// The sets' ASCII members, for `ASCIITrimming.trimming`.
    static let edgeTable = ASCIITrimming.table(edges)
    static let spaceAndCommaTable = ASCIITrimming.table(spaceAndComma)
    static let danglingEdgeTable = ASCIITrimming.table(danglingEdges)

    static func title(sentence: String, mention: DateMention) -> String {
        let scalars = Array(sentence.unicodeScalars)
        return title(scalars: scalars, clause: EventClassifier.clauseRange(scalars: scalars, around: mention.range), mention: mention)
    }

    /// The title from the sentence's scalars and the clause holding the
    /// mention (`EventClassifier.clauseRange`), which the caller has read
    /// already: ASCII clauses take `EventTitleScalars`, the rest the String steps.
    static func title(scalars: [Unicode.Scalar], clause: Range<Int>, mention: DateMention) -> String {
        if let thing = mention.namedThing {
            return capitalised("\(thing) of \(mention.date.display)")
        }
        return EventTitleScalars.title(scalars: scalars, clause: clause, mention: mention.range)
            ?? stringTitle(scalars: scalars, clause: clause, mention: mention)
    }

    /// The title by String operations: the spec of `EventTitleScalars` and the path for other text.
    static func stringTitle(scalars: [Unicode.Scalar], clause: Range<Int>, mention: DateMention) -> String {
        // The clause holding the date, when the sentence tells two happenings, without the date.
        let s = scalars[clause].enumerated()
            .filter { !mention.range.contains($0.offset + clause.lowerBound) }.map(\.element)
        var text = EventClassifier.withoutParentheses(String(scalars: s))
        // Foundation's replace and search bridge to NSString on every call;
        // in plain text (see `CueText`) a needle whose bytes are absent cannot
        // match, so those calls are skipped (most titles need none of them).
        let plain = CueText.isPlain(text)
        func mayHold(_ needle: String) -> Bool { !plain || ByteSearch.contains(text, needle) }
        for (target, replacement) in Self.repairs where mayHold(target) {
            text = ASCIITrimming.replacing(text, target, with: replacement)
        }
        text = ASCIITrimming.trimming(text, Self.edges, Self.edgeTable)
        var changed = true
        while changed {
            changed = false
            let lower = text.lowercased()
            for (glue, spaced, comma) in Self.glueForms where lower.hasPrefix(spaced) || lower.hasPrefix(comma) {
                text = ASCIITrimming.trimming(String(text.dropFirst(glue.count)), Self.spaceAndComma, Self.spaceAndCommaTable)
                changed = true
                break
            }
        }
        for cut in cuts where mayHold(cut) {
            if let r = text.range(of: cut), text.distance(from: text.startIndex, to: r.lowerBound) >= 20 {
                text = String(text[..<r.lowerBound])
            }
        }
        text = trimDangling(text)
        if text.count > maxLength {
            var words: [Substring] = []
            var length = 0
            for w in text.split(separator: " ") {
                if length + w.count + 1 > maxLength - 1 { break }
                words.append(w)
                length += w.count + 1
            }
            text = trimDangling(words.joined(separator: " ")) + "…"
        }
        return capitalised(text)
    }

    static func trimDangling(_ text: String) -> String {
        if let ascii = DanglingWord.trimDangling(text) { return ascii }
        var words = text.split(separator: " ")
        while let last = words.last, isDangling(last) {
            words.removeLast()
        }
        return ASCIITrimming.trimming(words.joined(separator: " "), Self.danglingEdges, Self.danglingEdgeTable)
    }

    /// A last word a title should not end on: a preposition or article
    /// (punctuation around it aside), or punctuation alone.
    static func isDangling(_ word: Substring) -> Bool {
        if let answer = DanglingWord.isDangling(word) { return answer }
        return danglingWords.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters))
            || word.allSatisfy({ $0.isPunctuation })
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
