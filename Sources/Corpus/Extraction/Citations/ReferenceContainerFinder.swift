/// Finds where the title ends and the container begins when the CRF drew the
/// line in the wrong place, by rewriting its labels before the fields are read:
/// a closed quotation followed by more words in the same run, a book whose
/// title the model called a journal because it saw no other title, and a short
/// title-case sentence after the title that names the journal.
enum ReferenceContainerFinder {
    /// All the rewrites, in order.
    static func repaired(tokens: [String], labels: [String]) -> [String] {
        var out = labels
        for label in ["container", "journal", "title"] { out = quotedTitleThenContainer(tokens: tokens, labels: out, run: label) }
        return rewrites.reduce(out) { labels, rewrite in rewrite(tokens, labels) }
    }

    /// A rewrite of the labels: the tokens and the labels so far in, the labels out.
    typealias Rewrite = @Sendable (_ tokens: [String], _ labels: [String]) -> [String]

    /// The rewrites after the quotations', in the order they run.
    static let rewrites: [Rewrite] = [
        containerAsTitle, journalAfterTitleSentence, journalBeforeVolume, collectionAfterVolume,
        bookAfterInReadAsEditor, periodicalAfterQuotedTitle, journalReadAsLocator, containerTrimmed,
    ]

    /// "2004, A&A, 416, 839" and "JHEP 1005, 067" with the journal read as the volume or the
    /// pages: with no journal or container labelled, a first token of such a run that holds
    /// letters and is no volume or page word is the journal.
    static func journalReadAsLocator(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains(where: { $0 == "journal" || $0 == "container" }),
            let i = labels.indices.first(where: { labels[$0] == "volume" || labels[$0] == "pages" }),
            i == 0 || labels[i - 1] != labels[i], i + 1 < labels.count, labels[i + 1] == labels[i]
        else { return labels }
        let w = ReferenceTokenFeatures.word(tokens[i])
        let locatorWords: Set<String> = ["p", "pp", "pg", "pages", "page", "vol", "vols", "v", "no", "nr", "n°", "issue", "s", "с", "стр", "т", "bd", "tome", "art", "abstract", "band", "heft", "h"]
        guard w.unicodeScalars.contains(where: \.properties.isAlphabetic), !locatorWords.contains(w), capitalised(tokens[i]),
            !w.unicodeScalars.contains(where: { $0.properties.numericType != nil })
        else { return labels }
        var out = labels
        out[i] = "journal"
        return out
    }

    /// An ordinal and an edition word ("Seventh edition", "3rd ed.", "2. Aufl."): where it starts.
    static func edition(at i: Int, _ tokens: [String]) -> Bool {
        guard i + 1 < tokens.count, ["edition", "ed", "edn", "aufl", "éd", "изд"].contains(ReferenceTokenFeatures.word(tokens[i + 1])) else {
            return false
        }
        let w = ReferenceTokenFeatures.word(tokens[i])
        if Lexicon.ordinalWords[w] != nil { return true }
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && (digits.count == w.count || Lexicon.ordinalSuffixes.contains(String(w.dropFirst(digits.count))))
    }

    /// The first container or journal run less what the model ran on into it: a leading
    /// "3 vols." or genre ("Special Issue,"), and from a genre cue ("Special Issue"), an
    /// edition ("Seventh edition"), an editor named after a comma ("Tim Ingold, ed."), a
    /// month before the date ("Review, Septembre 2014") or a US place ("Conference, White
    /// Plains, NY") to its end.
    static func containerTrimmed(tokens: [String], labels: [String]) -> [String] {
        guard let label = labels.first(where: { $0 == "container" || $0 == "journal" }), var run = firstRun(labels, label) else {
            return labels
        }
        var out = labels
        let words = tokens.map { ReferenceTokenFeatures.word($0) }
        // "Title. II. | Acta Mathematica" and "(vol 9, 2003)". | Chem. Vapor. Depos.": a part number or
        // the close of the title's quotation opening the run belongs to the title before it.
        if run.count > 1, run.lowerBound > 0, labels[run.lowerBound - 1] == "title",
            (ReferenceTitleEnd.isRoman(words[run.lowerBound]) && tokens[run.lowerBound].hasSuffix(".") && tokens[run.lowerBound].first?.isUppercase == true)
                || closesQuote(tokens[run.lowerBound])
        {
            out[run.lowerBound] = "title"
            run = (run.lowerBound + 1)..<run.upperBound
        }
        let following = run.upperBound < labels.count ? labels[run.upperBound] : nil
        // "Acta Orthop Scand Suppl 1969, | 118:": a year ending the run before its volume is the date.
        if run.count > 1, following == "volume" || following == "pages", ReferenceTitleEnd.isYear(words[run.upperBound - 1]) {
            out[run.upperBound - 1] = "date"
            run = run.lowerBound..<(run.upperBound - 1)
        }
        // "In Proceedings AAAI-91. AAAI. | 1991": an acronym after the run's last full stop, before
        // the date or the end, is the publisher; not after an abbreviation ("Proc. Natl. Acad. Sci. USA").
        let stop = tokens[max(run.lowerBound, run.upperBound - 2)]
        let acronym = words[run.upperBound - 1].count >= 3 && tokens[run.upperBound - 1].unicodeScalars.filter(\.properties.isAlphabetic).allSatisfy(\.properties.isUppercase)
        if following == nil || following == "date", run.count > 2, acronym,
            ReferenceTokenFeatures.endsSentence(Substring(stop)), stop.hasSuffix(").") || ReferenceTokenFeatures.word(stop).count >= 5,
            !ReferenceTitleEnd.isRoman(words[run.upperBound - 1])
        {
            out[run.upperBound - 1] = "publisher"
            run = run.lowerBound..<(run.upperBound - 1)
        }
        // "Conference, White Plains, | NY, June 1990": the city before a state labelled place.
        if following == "location", isStateCode(tokens[run.upperBound]), tokens[run.upperBound - 1].hasSuffix(",") {
            var k = run.upperBound - 1
            while k > run.lowerBound + 1 && run.upperBound - k < 3 && !tokens[k - 1].hasSuffix(",") { k -= 1 }
            if k > run.lowerBound, tokens[k - 1].hasSuffix(","), (k..<run.upperBound).allSatisfy({ capitalised(tokens[$0]) }) {
                for i in k..<run.upperBound { out[i] = "location" }
                run = run.lowerBound..<k
            }
        }
        // "3 vols. Bibliotheca …" and "Special Issue, Journal …": what opens the run is no name.
        if run.count > 2, words[run.lowerBound].allSatisfy(\.isNumber), ["vols", "vol", "bde", "tomes"].contains(words[run.lowerBound + 1]) {
            out[run.lowerBound] = "volume"
            out[run.lowerBound + 1] = "volume"
            run = (run.lowerBound + 2)..<run.upperBound
        }
        if let c = ReferenceTitleEnd.cue(at: run.lowerBound, in: words), c.label == "genre", run.count > c.length + 1,
            tokens[run.lowerBound + c.length - 1].hasSuffix(",") || tokens[run.lowerBound + c.length - 1].hasSuffix(":")
        {
            for i in run.lowerBound..<(run.lowerBound + c.length) { out[i] = "genre" }
            run = (run.lowerBound + c.length)..<run.upperBound
        }
        // "…, White Plains, NY," and "…? Tim Ingold, | ed.": a place or an editor's name ending the run,
        // one to three capitalised words after a comma or a question's mark.
        let place = run.count > 3 && isStateCode(tokens[run.upperBound - 1])
        let editor = run.upperBound < labels.count && labels[run.upperBound] == "editor"
            && ReferenceTokenFeatures.editorWords.contains(words[run.upperBound]) && tokens[run.upperBound - 1].hasSuffix(",")
        if place || editor {
            let last = place ? run.upperBound - 1 : run.upperBound
            var k = last - 1
            while k > run.lowerBound + 1 && last - k < 3 && !",?".contains(tokens[k - 1].last ?? " ") { k -= 1 }
            if k > run.lowerBound, ",?".contains(tokens[k - 1].last ?? " "), (k..<last).allSatisfy({ capitalised(tokens[$0]) }) {
                for i in k..<run.upperBound { out[i] = place ? "location" : "editor" }
                run = run.lowerBound..<k
            }
        }
        for i in run.dropFirst() {
            let cut: String?
            if let c = ReferenceTitleEnd.cue(at: i, in: words), c.label == "genre" {
                cut = "genre"
            } else if edition(at: i, tokens) {
                cut = "edition"
            } else if i == run.upperBound - 1, run.upperBound < labels.count, labels[run.upperBound] == "date", tokens[i - 1].hasSuffix(","),
                ReferenceFieldBuilder.monthNames.contains(where: { $0.contains(words[i]) })
            {
                cut = "date"
            } else {
                cut = nil
            }
            guard let cut else { continue }
            for k in i..<run.upperBound { out[k] = cut }
            break
        }
        return out
    }

    /// "NY,", "OR." : two capitals and a comma or full stop, as US states are written in an address.
    static func isStateCode(_ token: String) -> Bool {
        let s = Array(token.unicodeScalars)
        guard s.count == 3, s[2] == "," || s[2] == "." else { return false }
        return s[0...1].allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// "Vol. 4 of Collected Poems.": the words from the "of" after a volume to the end of
    /// their sentence name the collection the volume belongs to.
    static func collectionAfterVolume(tokens: [String], labels: [String]) -> [String] {
        guard let volume = firstRun(labels, "volume"), volume.upperBound < tokens.count,
            ReferenceTokenFeatures.word(tokens[volume.upperBound]) == "of", !labels.contains("container")
        else { return labels }
        var out = labels
        var j = volume.upperBound
        while j < tokens.count && labels[j] != "location" && labels[j] != "publisher" && labels[j] != "date" {
            out[j] = "container"
            j += 1
            if ReferenceTokenFeatures.endsSentence(Substring(tokens[j - 1])) { break }
        }
        return out
    }

    /// A day or year number, or a month's name or its start ("7", "2011", "Mar", "June").
    static func isDateWord(_ w: String) -> Bool {
        if !w.isEmpty && w.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) { return true }
        return w.count >= 3 && ReferenceFieldBuilder.monthNames.contains { $0.contains { $0.hasPrefix(w) } }
    }

    /// "Title. In Proceedings of the Ferry Meeting." read as editors: a run the model called
    /// editor that opens with "In", where nothing is labelled container or journal and the
    /// run holds no editor word ("eds."), is the book or proceedings.
    static func bookAfterInReadAsEditor(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains(where: { $0 == "journal" || $0 == "container" }), let run = firstRun(labels, "editor"),
            run.lowerBound > 0, ReferenceTokenFeatures.word(tokens[run.lowerBound]) == "in", tokens[run.lowerBound].unicodeScalars.first == "I",
            !run.contains(where: { ReferenceTokenFeatures.editorWords.contains(ReferenceTokenFeatures.word(tokens[$0])) })
        else { return labels }
        var out = labels
        for i in run { out[i] = "container" }
        return out
    }

    /// "“Title of the piece.” Ferry Weekly, 7 March 2011." with the periodical's name read as a
    /// note: the words of a note run right after a quoted title, up to a day, month or year
    /// (in the run, or the date run after it), one to six words, the first capitalised.
    static func periodicalAfterQuotedTitle(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains(where: { $0 == "journal" || $0 == "container" }), let title = firstRun(labels, "title"),
            title.upperBound < tokens.count, closesQuote(tokens[title.upperBound - 1]), labels[title.upperBound] == "note",
            let run = firstRun(Array(labels[title.upperBound...]), "note")
        else { return labels }
        let whole = (title.upperBound + run.lowerBound)..<(title.upperBound + run.upperBound)
        let dated = whole.first { isDateWord(ReferenceTokenFeatures.word(tokens[$0])) }
        let span: Range<Int>
        if let dated, dated > whole.lowerBound {
            span = whole.lowerBound..<dated
        } else if dated == nil, whole.upperBound < labels.count, labels[whole.upperBound] == "date" {
            span = whole
        } else {
            return labels
        }
        guard span.count <= 6, capitalised(tokens[span.lowerBound]) else { return labels }
        var out = labels
        for i in span { out[i] = "journal" }
        return out
    }

    /// The label after the run that ends before `index`, passing over a date run
    /// ("Journal 2011;(61):40-4": what follows the journal is the volume, after its date).
    static func labelAfter(_ index: Int, _ labels: [String]) -> String? {
        var i = index
        while i < labels.count && labels[i] == "date" { i += 1 }
        return i < labels.count ? labels[i] : nil
    }

    /// With nothing labelled journal or container, a volume or pages after the title (or after
    /// the date that follows it) say the entry is an article, so its journal is the run before
    /// them: the title's last sentence ("Title. Le fil dentaire. 2011;(61):40-4", one to eight
    /// words), or a short run the model called publisher or note ("Title. STACS, 163-174.")
    /// where no place says it is a book's imprint.
    static func journalBeforeVolume(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains(where: { $0 == "journal" || $0 == "container" }), let title = firstRun(labels, "title"),
            title.upperBound < labels.count
        else { return labels }
        var out = labels
        let next = labels[title.upperBound]
        // A book's page count ("518 p.", "32 pp.") says nothing of a journal.
        let counted = labels.indices.contains { i in
            labels[i] == "pages" && i + 1 < tokens.count && labels[i + 1] == "pages"
                && ReferenceTokenFeatures.word(tokens[i]).allSatisfy(\.isNumber) && ["p", "pp", "s", "с"].contains(ReferenceTokenFeatures.word(tokens[i + 1]).lowercased())
        }
        if counted { return labels }
        if next == "publisher" || next == "note", !labels.contains("location"), let run = firstRun(Array(labels[title.upperBound...]), next) {
            let span = (title.upperBound + run.lowerBound)..<(title.upperBound + run.upperBound)
            // "CEIPAC, Université de Barcelone" names a publisher by its words.
            guard span.count <= 8, capitalised(tokens[span.lowerBound]), ["volume", "pages"].contains(labelAfter(span.upperBound, labels)),
                !span.contains(where: { Lexicon.publisherWords.contains(ReferenceTokenFeatures.word(tokens[$0]).lowercased()) })
            else { return labels }
            for i in span { out[i] = "journal" }
            return out
        }
        // "Guayaquil: Fundación Antropológica," is an imprint, not a journal.
        guard ["volume", "pages"].contains(labelAfter(title.upperBound, labels)),
            let lastEnd = title.dropLast().last(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) }),
            (1...8).contains(title.upperBound - lastEnd - 1), capitalised(tokens[lastEnd + 1]),
            !((lastEnd + 1)..<title.upperBound).contains(where: { tokens[$0].hasSuffix(":") })
        else { return labels }
        for i in (lastEnd + 1)..<title.upperBound { out[i] = "journal" }
        return out
    }

    /// Quotes that open an article's title (the feature set's and the single ‘), not Markdown
    /// emphasis: "*Book*, The Office of …" is a book and its publisher, not a title in a container.
    /// TeX's ``…'' counts too, and Harvard's plain 'Title'.
    static let opening: Set<Unicode.Scalar> = ReferenceTokenFeatures.openingQuotes.subtracting(["*"]).union(["‘", "`", "'"])
    static let closing: Set<Unicode.Scalar> = ReferenceTokenFeatures.closingQuotes.subtracting(["*"]).union(["’", "'"])

    /// Whether a token ends a quotation: a closing quote with only punctuation after it ("Title,”" "Title”," "Title.’").
    /// With `opener`, only the quote that closes that one: in "“The Ethics of ‘Place’: …”" the
    /// single quote closes the inner quotation, not the title.
    static func closesQuote(_ token: String, opener: Unicode.Scalar? = nil) -> Bool {
        var scalars = Array(token.unicodeScalars)
        while let last = scalars.last, ".,;:!?)".unicodeScalars.contains(last) { scalars.removeLast() }
        guard let last = scalars.last, closing.contains(last) else { return false }
        guard let opener, let closers = closers[opener] else { return true }
        return closers.contains(last)
    }

    /// The quotes that close each opening quote.
    static let closers: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "“": ["”"], "‘": ["’"], "«": ["»"], "„": ["“", "”"], "\"": ["\"", "”"], "`": ["'"], "'": ["'", "’"],
    ]

    /// The bounds of the first run labelled `label`.
    static func firstRun(_ labels: [String], _ label: String) -> Range<Int>? {
        guard let start = labels.firstIndex(of: label) else { return nil }
        let end = labels[start...].firstIndex { $0 != label } ?? labels.endIndex
        return start..<end
    }

    /// "“Title,” in Book, …" read as one run: the quotation is the title, the words after
    /// it the container. For a title run only where nothing is labelled journal or container;
    /// for a container or journal run (the model saw no title) the quotation becomes the title.
    static func quotedTitleThenContainer(tokens: [String], labels: [String], run label: String) -> [String] {
        guard let run = firstRun(labels, label), let open = tokens[run.lowerBound].unicodeScalars.first, opening.contains(open) else {
            return labels
        }
        // A journal run right after the title run is the rest of the periodical's name
        // ("'Title', Central | Asian Survey"): the words after the quotation join it.
        let next = run.upperBound < labels.count && ["journal", "container"].contains(labels[run.upperBound]) ? labels[run.upperBound] : nil
        let elsewhere = labels.indices.contains { ($0 < run.lowerBound || $0 >= run.upperBound) && (labels[$0] == "journal" || labels[$0] == "container") }
        if label == "title" && elsewhere && next == nil { return labels }
        if label != "title" && labels.contains("title") { return labels }
        let first = tokens[run.lowerBound]
        let close: Int?
        if first.unicodeScalars.count > 1 && closesQuote(first, opener: open) {
            close = run.lowerBound
        } else {
            close = run.dropFirst().first { closesQuote(tokens[$0], opener: open) }
        }
        guard let close, close + 1 < run.upperBound else { return labels }
        // In a title run, "“Title.” Narvik: Nordlys." is an imprint after the title, read by
        // `ReferenceFieldBuilder`; in a run the model called container, "Novelists: British Fiction" is the book.
        let rest = tokens[(close + 1)..<run.upperBound].joined(separator: " ")
        if label == "title" && TextPattern.matches(ReferenceFieldBuilder.placeAndPublisherPattern, rest + " ") { return labels }
        var out = labels
        for i in run.lowerBound...close { out[i] = "title" }
        for i in close + 1..<run.upperBound { out[i] = label == "title" ? next ?? "container" : "container" }
        return out
    }

    /// With no title labelled, the first journal or container run is the title ("Family, A.
    /// (2005). *Book Title*. Place: Publisher." read as a journal): unless volume or pages
    /// say it is a periodical and no publisher, place or editor says it is a book; then only
    /// the run's sentences before its last are the title.
    static func containerAsTitle(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains("title"), let start = labels.firstIndex(where: { $0 == "journal" || $0 == "container" }) else {
            return labels
        }
        let periodical = labels.contains("volume") || labels.contains("pages")
        let book = labels.contains { $0 == "publisher" || $0 == "location" || $0 == "editor" }
        if periodical && !book {
            // "(2008). Counting herons. Coastal Birds, 5(1)." read as one journal run: its
            // sentences before the last are the article's title, when they read as a title (three
            // words or more, some in lower case), not as the abbreviations of "Opt. Lett. 1983, 8".
            let run = firstRun(labels, labels[start])!
            guard let lastEnd = run.dropLast().last(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) }),
                capitalised(tokens[lastEnd + 1]), lastEnd + 1 - run.lowerBound >= 3,
                tokens[run.lowerBound...lastEnd].contains(where: { !capitalised($0) && !ReferenceTokenFeatures.word($0).isEmpty })
            else { return labels }
            var out = labels
            for i in run.lowerBound...lastEnd { out[i] = "title" }
            return out
        }
        var out = labels
        var i = start
        while i < labels.count && labels[i] == labels[start] {
            out[i] = "title"
            i += 1
        }
        return out
    }

    /// "Title of the article. Journal of Things." labelled title whole, with nothing labelled
    /// journal, container, publisher, place or editor: a last sentence of two to eight words,
    /// each capitalised, a number or a minor word ("of", "the"), is the journal.
    static func journalAfterTitleSentence(tokens: [String], labels: [String]) -> [String] {
        guard let run = firstRun(labels, "title"),
            !labels.contains(where: { ["journal", "container", "publisher", "location", "editor"].contains($0) })
        else { return labels }
        guard let lastEnd = run.dropLast().last(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) }) else {
            return labels
        }
        let words = (lastEnd + 1)..<run.upperBound
        // "Place: Publisher." is an imprint, not a journal (see `ReferenceFieldBuilder.imprintEndingTitle`).
        guard (2...8).contains(words.count), capitalised(tokens[words.lowerBound]), !words.contains(where: { tokens[$0].hasSuffix(":") })
        else { return labels }
        for i in words {
            let word = String(String.UnicodeScalarView(ReferenceTokenFeatures.core(Array(tokens[i].unicodeScalars))))
            let minor = Lexicon.titleMinorWords.contains(word.lowercased())
            guard capitalised(tokens[i]) || minor || word.unicodeScalars.first.map(CharacterClass.isDigit) == true else { return labels }
        }
        var out = labels
        for i in words { out[i] = "journal" }
        return out
    }

    static func capitalised(_ token: String) -> Bool {
        guard let first = ReferenceTokenFeatures.core(Array(token.unicodeScalars)).first else { return false }
        return first.properties.isUppercase
    }
}

private enum CharacterClass {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
