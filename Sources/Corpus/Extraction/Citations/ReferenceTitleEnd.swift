/// Finds where a title ends when the CRF ran it on into what the entry prints
/// after it, by rewriting the labels before the fields are read:
/// - a locator ("51:197–204", "29(8):1898-1905") is pages after a volume, never
///   title or journal words (`ReferenceContainerFinder` then finds the journal before it);
/// - a genre or a contributor after a title's last word ("… Models, Masters
///   Thesis", "… Arrival. Dir. A. Name.") opens a field of its own
///   (`Lexicon.titleTailCues`);
/// - a last sentence that names a publisher ("… Society.") followed by the place
///   or the date is the publisher.
enum ReferenceTitleEnd {
    /// All the rewrites, in order.
    static func repaired(tokens: [String], labels: [String]) -> [String] {
        rewrites.reduce(labels) { labels, rewrite in rewrite(tokens, labels) }
    }

    /// In the order they run (`subtitleReadAsImprint` runs later, see its note).
    static let rewrites: [ReferenceContainerFinder.Rewrite] = [
        locatorsAsPages, tailAfterCue, genreInParentheses, reportSentence, publisherEndingTitle, imprintEndingTitle,
    ]

    /// The end of a title run that is the start of what the model labelled next:
    /// - "(5. | Ed.)." : the parenthesis that opens an edition;
    /// - "Illness Washington, | D.C.: Press": a place before a state's abbreviation;
    /// - "Title. McGraw Hill, | New York, 1968." : after the title's last full stop, one to three
    ///   capitalised words and a comma before the place, with no publisher labelled, are the publisher;
    /// - "(1992). Title. Crown." : one capitalised word as the title's last sentence, at the end
    ///   of the entry or before a note or link, in an entry dated before its title, is the publisher.
    static func imprintEndingTitle(tokens: [String], labels: [String]) -> [String] {
        guard let run = ReferenceContainerFinder.firstRun(labels, "title"), run.count > 2 else { return labels }
        var out = labels
        let next = run.upperBound < labels.count ? labels[run.upperBound] : nil
        let last = run.upperBound - 1
        if next == "edition", tokens[last].hasPrefix("(") {
            out[last] = "edition"
            return out
        }
        let letters = tokens[min(run.upperBound, tokens.count - 1)].unicodeScalars.filter(\.properties.isAlphabetic)
        if next == "location", tokens[last].hasSuffix(","), ReferenceContainerFinder.capitalised(tokens[last]),
            tokens[run.upperBound].hasSuffix(":"), letters.count == 2, letters.allSatisfy(\.properties.isUppercase)
        {
            out[last] = "location"
            return out
        }
        guard !labels.contains("publisher"),
            let lastEnd = run.dropLast().last(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) })
        else { return labels }
        let tail = (lastEnd + 1)..<run.upperBound
        let capitalised = tail.allSatisfy { ReferenceContainerFinder.capitalised(tokens[$0]) }
        if next == "location", capitalised, tail.count <= 3, tokens[last].hasSuffix(",") {
            for i in tail { out[i] = "publisher" }
            return out
        }
        let dated = labels[..<run.lowerBound].contains("date")
        if next == nil || next == "note" || next == "url", dated, capitalised, tail.count == 1, ReferenceTokenFeatures.word(tokens[last]).count >= 3,
            tokens[last].hasSuffix("."), !isRoman(ReferenceTokenFeatures.word(tokens[last]))
        {
            out[last] = "publisher"
            return out
        }
        return labels
    }

    /// A Roman numeral written the canonical way (`Lexicon.romanNumber`).
    static func isRoman(_ w: String) -> Bool { Lexicon.romanNumber(w) != nil }

    /// A volume, an optional issue in parentheses, a colon and a page or page range:
    /// "51:197–204.", "29(8):1898-1905.", "81(4):044005,". Returns the volume and issue.
    static func locator(_ token: String) -> (volume: String, issue: String?)? {
        let s = Array(ReferenceTokenFeatures.core(Array(token.unicodeScalars)))
        var i = 0
        func digits(max: Int = .max) -> String? {
            let start = i
            while i < s.count, i - start < max, s[i].properties.numericType == .decimal, s[i].isASCII { i += 1 }
            return i > start ? String(String.UnicodeScalarView(s[start..<i])) : nil
        }
        guard let volume = digits(max: 4) else { return nil }
        var issue: String?
        if i < s.count, s[i] == "(" {
            i += 1
            let start = i
            while i < s.count, s[i] != ")", ReferenceTokenFeatures.isAlnum(s[i]) { i += 1 }
            guard i < s.count, s[i] == ")", i > start else { return nil }
            issue = String(String.UnicodeScalarView(s[start..<i]))
            i += 1
        }
        guard i < s.count, s[i] == ":" else { return nil }
        i += 1
        if i < s.count, s[i].properties.isAlphabetic, s[i].isASCII { i += 1 }  // "e1234", "S12"
        guard digits() != nil else { return nil }
        if i < s.count, "-–—".unicodeScalars.contains(s[i]) {
            i += 1
            guard digits() != nil else { return nil }
        }
        return i == s.count ? (volume, issue) : nil
    }

    /// Every locator token the model labelled otherwise becomes pages (the field builder
    /// reads the volume and issue before the colon).
    static func locatorsAsPages(tokens: [String], labels: [String]) -> [String] {
        var out = labels
        for (i, t) in tokens.enumerated() where labels[i] != "pages" && labels[i] != "volume" && locator(t) != nil {
            out[i] = "pages"
        }
        return out
    }

    /// Whether a token closes a part of a title: a sentence's or a clause's last mark
    /// (".", ",", ";", ":"), with any closing quote after it ("Option,''", "Ethics.”").
    static func closesPart(_ token: String) -> Bool {
        var scalars = Substring(token).unicodeScalars
        while let last = scalars.last, "\"'”’»".unicodeScalars.contains(last) { scalars.removeLast() }
        guard let last = scalars.last else { return false }
        return ".,;:".unicodeScalars.contains(last)
    }

    static func isYear(_ word: String) -> Bool {
        guard word.count == 4, let n = Int(word) else { return false }
        return ReferenceTokenFeatures.years.contains(n)
    }

    /// An entry's tokens as the words a `PhraseTable` reads (`word(_:)` of each token).
    struct EntryWords: LowercaseUnits {
        let words: [String]
        func lower(_ i: Int) -> String { words.indices.contains(i) ? words[i] : "" }
    }

    /// `Lexicon.titleTailCues` on the shared phrase matcher.
    static let cues = PhraseTable(words: Lexicon.titleTailCues.map { ($0.words, $0.label) })

    /// The cue of `Lexicon.titleTailCues` that the words from `i` open, if any (the longest).
    static func cue(at i: Int, in words: [String]) -> (length: Int, label: String)? {
        cues.match(EntryWords(words: words), at: i).map { ($0.end - i, $0.value) }
    }

    /// "Modula/R language definition. Technical Report TU Wien rr-02-92," labelled title whole:
    /// from a cue that follows a title part's last mark, to the end of that sentence, the
    /// words take the cue's label; what is left of the run is "Place: Publisher" when it
    /// reads so, else a note.
    static func tailAfterCue(tokens: [String], labels: [String]) -> [String] {
        guard let run = ReferenceContainerFinder.firstRun(labels, "title"), run.count > 1 else { return labels }
        let words = tokens.map { ReferenceTokenFeatures.word($0) }
        for i in run.dropFirst() where closesPart(tokens[i - 1]) {
            guard let c = cue(at: i, in: words) else { continue }
            var out = labels
            // "Heron Island 2011, motion picture,": the year before the genre is the date, where the
            // entry dates itself with no other year ("… since 1992, Report No. 47, …, 2020." keeps
            // 1992 in the title).
            let yearElsewhere = labels.indices.contains { labels[$0] == "date" && isYear(ReferenceTokenFeatures.word(tokens[$0])) }
            if i - 1 > run.lowerBound, tokens[i - 1].hasSuffix(","), isYear(ReferenceTokenFeatures.word(tokens[i - 1])), !yearElsewhere {
                out[i - 1] = "date"
            }
            var j = i
            while j < run.upperBound {
                out[j] = c.label
                j += 1
                if j - i >= c.length && ReferenceTokenFeatures.endsSentence(Substring(tokens[j - 1])) { break }
            }
            if j < run.upperBound {
                let rest = j..<run.upperBound
                let colon = rest.first { tokens[$0].hasSuffix(":") }
                for k in rest { out[k] = colon.map { k <= $0 ? "location" : "publisher" } ?? "note" }
            }
            return out
        }
        return labels
    }

    /// "Herons: Grey, Purple, and White (Tartu: Ilmamaa, 1999)" or "Herons: Studies in Grey and
    /// White. Tartu: Ilmamaa" with the subtitle's last words read as a place, names or a
    /// publisher: after a title run with a subtitle's colon, those words up to an opening
    /// parenthesis, or to a sentence end before a "Place:", are more title. Run after the
    /// other rewrites, once a container read as the title has become it.
    static func subtitleReadAsImprint(tokens: [String], labels: [String]) -> [String] {
        // A quotation closed at the run's end is the whole title ("'Title: Sub', Bucknell UP (Lewisburg)").
        guard let run = ReferenceContainerFinder.firstRun(labels, "title"), run.upperBound < tokens.count,
            tokens[run].contains(where: { $0.hasSuffix(":") }), !ReferenceContainerFinder.closesQuote(tokens[run.upperBound - 1])
        else { return labels }
        var j = run.upperBound
        while j < tokens.count, j - run.upperBound < 12, ["location", "author", "publisher"].contains(labels[j]) {
            if tokens[j].hasPrefix("(") {
                break
            }
            if tokens[j].hasSuffix(":") { return labels }
            j += 1
            if ReferenceTokenFeatures.endsSentence(Substring(tokens[j - 1])) {
                guard j < tokens.count, tokens[j].hasSuffix(":") else { return labels }
                break
            }
        }
        guard j > run.upperBound, j < tokens.count, tokens[j].hasPrefix("(") || tokens[j].hasSuffix(":") else { return labels }
        var out = labels
        for i in run.upperBound..<j { out[i] = "title" }
        return out
    }

    /// "Title (Report).", "Title (Policy Brief 2012-01).", "Title (5th ed.)." labelled title whole:
    /// a parenthesis of up to four words ending the title that opens with a genre (a cue, or
    /// a report or thesis word) or names an edition is no part of it.
    static func genreInParentheses(tokens: [String], labels: [String]) -> [String] {
        guard let run = ReferenceContainerFinder.firstRun(labels, "title"),
            let open = run.dropFirst().last(where: { tokens[$0].hasPrefix("(") }), run.upperBound - open <= 4,
            tokens[run.upperBound - 1].contains(")")
        else { return labels }
        let words = tokens[open..<run.upperBound].map { ReferenceTokenFeatures.word($0) }
        let genre = cue(at: 0, in: words) != nil || ["report", "thesis", "dissertation"].contains(words[0])
        let edition = words.count >= 2 && ["ed", "edn", "edition"].contains(words[1])
        guard genre || edition else { return labels }
        var out = labels
        for i in open..<run.upperBound { out[i] = edition ? "edition" : "genre" }
        return out
    }

    /// "Title. Ferry Institute Planning Report No. 12." labelled title whole: a sentence after
    /// the title's first that names a report and holds a number, or that runs straight into
    /// a genre the model found ("Title. Centre for Ferries | Technical Report TR-4"), is the
    /// report's series, not title.
    static func reportSentence(tokens: [String], labels: [String]) -> [String] {
        guard let run = ReferenceContainerFinder.firstRun(labels, "title"),
            let firstEnd = run.dropLast().first(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) })
        else { return labels }
        var start = firstEnd + 1
        while start < run.upperBound {
            var end = start
            while end < run.upperBound && !ReferenceTokenFeatures.endsSentence(Substring(tokens[end])) { end += 1 }
            let sentence = start..<min(end + 1, run.upperBound)
            let words = sentence.map { ReferenceTokenFeatures.word(tokens[$0]) }
            let numbered = words.contains("report") && words.contains { $0.unicodeScalars.contains { $0.properties.numericType == .decimal } }
            let intoGenre = sentence.upperBound == run.upperBound && run.upperBound < labels.count && labels[run.upperBound] == "genre"
                && !ReferenceTokenFeatures.endsSentence(Substring(tokens[run.upperBound - 1]))
            if (numbered || intoGenre) && ReferenceContainerFinder.capitalised(tokens[start]) {
                var out = labels
                for i in sentence { out[i] = "genre" }
                return out
            }
            start = sentence.upperBound
        }
        return labels
    }

    /// "Bridge design rules. American Association of Bridge Officials." labelled title whole,
    /// with no publisher labelled and the place, the date or nothing after it: a last
    /// sentence of one to eight words, one of them a publisher's (`Lexicon.publisherWords`),
    /// is the publisher.
    static func publisherEndingTitle(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains("publisher"), let run = ReferenceContainerFinder.firstRun(labels, "title"),
            run.upperBound == tokens.count || ["location", "date", "url"].contains(labels[run.upperBound]),
            let lastEnd = run.dropLast().last(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) }),
            (1...8).contains(run.upperBound - lastEnd - 1),
            ReferenceContainerFinder.capitalised(tokens[lastEnd + 1]),
            ((lastEnd + 1)..<run.upperBound).contains(where: { Lexicon.publisherWords.contains(ReferenceTokenFeatures.word(tokens[$0])) })
        else { return labels }
        var out = labels
        for i in (lastEnd + 1)..<run.upperBound { out[i] = "publisher" }
        return out
    }
}
