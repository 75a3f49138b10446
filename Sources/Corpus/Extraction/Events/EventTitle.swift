import Foundation

/// A short headline for a dated sentence: its main clause without the date,
/// the citations and the discourse glue around it.
///
/// "In May 2015, the heads of state of China and the Russia signed a joint
/// statement on cooperation to link ..." → "The heads of state of China and
/// the Russia signed a joint statement on cooperation to link". Curated
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
    static let cuts = [
        ", which", " which ", ", who ", "; ", ", as well as", ", from ", ", and ", " – ", " — ", ": ", ", when ",
        ", after ", ", following ", ", where ", " in order to ", ", although ", ", though ",
    ]
    static let cutCues = Cue.list(cuts)
    /// Each glue word as a title may open with it: followed by a space or a comma.
    static let gluePrefixes = leadingGlue.map { (count: $0.count, space: $0 + " ", comma: $0 + ",") }
    static let glueEdges = EdgeTrim(CharacterSet(charactersIn: " ,"))
    static let danglingEdges = EdgeTrim(CharacterSet(charactersIn: " ,;:"))
    static let danglingWords: Set<String> = ["in", "on", "at", "the", "and", "of", "when", "that", "to", "a", "an", "by", "with", "during", "since", "as"]

    /// Spacing repairs, applied in this order.
    static let repairs = [("  ", " "), ("The the ", "The "), (" ,", ","), (" .", ".")]
    static let edges = EdgeTrim(CharacterSet.whitespaces.union(.punctuationCharacters))

    static func title(sentence: String, mention: DateMention) -> String {
        let scalars = Array(sentence.unicodeScalars)
        return title(scalars: scalars, clause: ClauseJudgement.clauseRange(scalars: scalars, around: mention.range), mention: mention)
    }

    /// A headline from the clause holding the mention: the date, citations
    /// and leading glue dropped; cut at the first break that ends the main
    /// statement (", which", "; ", " – "…); a long rest cut at its last clause
    /// or word that fits, never with "…".
    static func title(
        scalars: [Unicode.Scalar], clause: Range<Int>, mention: DateMention, otherDates: [Range<Int>] = []
    ) -> String {
        if let thing = mention.namedThing {
            return capitalised("\(thing) of \(mention.date.display)")
        }
        // Every date of the clause goes, not only this one ("delivered in 2017 and 2018").
        let dates = [mention.range] + otherDates
        let s = clause.filter { i in !dates.contains { $0.contains(i) } }.map { scalars[$0] }
        var text = EventClassifier.withoutParentheses(String(scalars: s))
        for (target, replacement) in repairs {
            text = CueText.replacingOccurrences(in: text, of: target, with: replacement)
        }
        text = edges.trim(text)
        var changed = true
        while changed {
            changed = false
            let lower = text.lowercased()
            for glue in gluePrefixes where lower.hasPrefix(glue.space) || lower.hasPrefix(glue.comma) {
                text = glueEdges.trim(text.dropFirst(glue.count))
                changed = true
                break
            }
        }
        var searched = CueText(text)
        for cut in cutCues {
            if let r = searched.firstRange(of: cut), text.distance(from: text.startIndex, to: r.lowerBound) >= 20 {
                text = String(text[..<r.lowerBound])
                searched = CueText(text)
            }
        }
        text = trimDangling(text)
        if text.count > maxLength {
            var words: [Substring] = []
            var length = 0
            var lastClause = 0
            for w in CueText.spaceSeparated(text) {
                if length + w.count + 1 > maxLength { break }
                words.append(w)
                length += w.count + 1
                if w.hasSuffix(","), length >= 30 { lastClause = words.count }
            }
            if lastClause > 0 { words = Array(words.prefix(lastClause)) }
            text = trimDangling(words.joined(separator: " "))
        }
        // A relative clause left with its verb alone ("…, which began in June
        // 2015" → "began") says nothing: the whole sentence is the headline.
        if CueText.spaceSeparated(text).count < minimumWords, clause != scalars.indices {
            return title(scalars: scalars, clause: scalars.indices, mention: mention, otherDates: otherDates)
        }
        return capitalised(text)
    }

    /// Fewer words than this from the date's clause: the title is taken from
    /// the whole sentence instead.
    static let minimumWords = 3

    /// The text without a last word a title should not end on (a preposition
    /// or article, punctuation aside) and without trailing commas.
    static func trimDangling(_ text: String) -> String {
        var words = CueText.spaceSeparated(text)
        while let last = words.last,
            danglingWords.contains(EdgeTrim.punctuation.trim(last.lowercased()))
                || last.allSatisfy({ $0.isPunctuation })
        {
            words.removeLast()
        }
        return danglingEdges.trim(words.joined(separator: " "))
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
