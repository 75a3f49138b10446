import Foundation

/// Turns every dated statement of the corpus into a timeline event.
///
/// Pipeline: sentences of the body (front matter `-s00` and reference lists
/// skipped) → date mentions (`DateMentionFinder`) → one candidate per
/// mention, unless the sentence reports a figure (`FigureClause.reportsAFigure`)
/// → curated annotations (correct, exclude, add, join) → merge tellings of
/// one happening (`EventMerger`) → sort by start date, then id.
public enum EventExtractor {
    public static func extract(
        documents: [Document], citations: [InTextCitation], annotations: [String: [EventAnnotation]]
    ) -> [TimelineEvent] {
        // Each document is matched against its own citations only (the whole
        // corpus's list per document grew with the square of the corpus).
        let citationsByDocument = Dictionary(grouping: citations, by: \.source.document)
        let perDocument = Concurrently.map(Array(documents.enumerated())) { d, document in
            tellings(
                in: document, order: d, citations: citationsByDocument[document.id] ?? [],
                annotations: annotations[document.id] ?? [])
        }
        return merge(perDocument)
    }

    /// One document's candidates, curated, and the pairs its annotations
    /// join (indices into its candidates): the part of extraction that needs
    /// no other document, so the loader runs it beside the document's other
    /// extractors.
    static func tellings(
        in document: Document, order d: Int, citations own: [InTextCitation], annotations notes: [EventAnnotation],
        dates: DocumentDates = DocumentDates()
    ) -> DocumentTellings {
        var found = Self.candidates(in: document, order: d, citations: own, dates: dates)
        let pairs = notes.isEmpty
            ? [] : EventCuration.apply(notes, to: &found, document: document, order: d, citations: own)
        return DocumentTellings(found: found, pairs: pairs)
    }

    struct DocumentTellings: Sendable {
        var found: [EventCandidate]
        var pairs: [(Int, Int)]
    }

    /// Every document's tellings, in document order, merged into the timeline.
    static func merge(_ perDocument: [DocumentTellings]) -> [TimelineEvent] {
        var candidates: [EventCandidate] = []
        var joins: [(Int, Int)] = []
        for tellings in perDocument {
            joins += tellings.pairs.map { ($0.0 + candidates.count, $0.1 + candidates.count) }
            candidates += tellings.found
        }
        // Excluded candidates stay in the array (indices in `joins` point into it) but are dropped here.
        let kept = candidates.indices.filter { !candidates[$0].excluded }
        let remap = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        let keptJoins = joins.compactMap { a, b in remap[a].flatMap { x in remap[b].map { (x, $0) } } }
        return EventMerger.merge(kept.map { candidates[$0] }, sameAs: keptJoins)
            .sorted { ($0.date.start, $0.id) < ($1.date.start, $1.id) }
    }

    /// Sections that never hold the article's happenings: the front matter
    /// (publication metadata) and the reference list (publication years).
    static func isSkipped(_ section: Section) -> Bool {
        if section.id.hasSuffix("-s00") { return true }
        let title = section.title.lowercased()
        return ["reference", "bibliograph", "works cited", "literature cited", "notes", "endnotes", "footnotes"]
            .contains { title.contains($0) }
    }

    /// The dateline of a news article, read in its first passages.
    static func dateline(of document: Document) -> PartialDate? {
        for passage in document.passages.prefix(12) {
            for sentence in passage.sentences.prefix(1) {
                if let d = DateReader.dateline(sentence.text) { return d }
            }
        }
        return nil
    }

    /// `dates`: the document's sentences as read for dates, shared with indicators.
    static func candidates(
        in document: Document, order: Int, citations: [InTextCitation], dates: DocumentDates = DocumentDates()
    ) -> [EventCandidate] {
        let skipped = Set(document.sections.filter(isSkipped).map(\.id))
        let sectionTitles = Dictionary(document.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var context = DateReader.DateContext(dateline: dateline(of: document))
        var result: [EventCandidate] = []
        for (p, passage) in document.passages.enumerated()
        where !skipped.contains(passage.sectionID) && !isCaption(passage.text) {
            // The fallback category reads the section title, then the whole passage, once.
            let section = sectionTitles[passage.sectionID] ?? ""
            var passageFallback: EventCategory??
            func fallback() -> EventCategory? {
                if let known = passageFallback { return known }
                let c = EventClassifier.bestCategory(section) ?? EventClassifier.bestCategory(passage.text)
                passageFallback = .some(c)
                return c
            }
            for (k, sentence) in passage.sentences.enumerated() {
                let text = sentence.text
                // The apparatus test reads the sentence's words; only dated sentences need it.
                guard let scan = DateMentionFinder.scan(text, context: context, read: {
                    dates.sentence(passage: p, sentence: k, text: $0)
                }), !isApparatus(text) else { continue }
                // "The same year", "the next day" read against the last date stated.
                if let last = scan.mentions.last { context.previous = last.date }
                let scalars = scan.scalars
                let mentions = tellingMentions(scan.mentions, scalars: scalars, dateline: context.dateline)
                // A figure's sentence dates nothing but a `since` start, unless
                // the clause of the date has a happening verb.
                let figure = FigureClause.reportsAFigure(dates.tokens(passage: p, sentence: k, text: text))
                let provenance = document.provenance(passage: passage, sentence: sentence, text: text)
                let cited = citationIDs(citations, in: document.id, overlapping: sentence)
                let plain = EventClassifier.withoutParentheses(text)
                let sentenceTerms = EventClassifier.keyTerms(inUnparenthesised: plain)
                let actors = ActorGazetteer.actors(in: plain)
                // The sentence's own category is the same for each of its mentions: read once, when first asked.
                var plainCategory: EventCategory??
                func sentenceCategory() -> EventCategory? {
                    if let known = plainCategory { return known }
                    let c = EventClassifier.bestCategory(plain)
                    plainCategory = .some(c)
                    return c
                }
                for mention in mentions {
                    let clause = ClauseJudgement.clauseRange(scalars: scalars, around: mention.range)
                    if datesAFigure(mention, scalars: scalars) { continue }
                    if mention.date.qualifier != .since {
                        // A figure's sentence, or a clause that states a count or amount, dates the figure;
                        // not a plan ("plans to raise capacity to 2,500 trucks a day by 2026"), nor a
                        // happening the date names ("The 2014–2015 Years of … comprised 500 events").
                        let clauseText = String(scalars: scalars[clause])
                        let counts = FigureClause.statesAFigure(clauseText)
                            && !Cue.anyAsWord(ClauseJudgement.Cues.planned, in: clauseText.lowercased())
                            && wordBefore(mention.range.lowerBound, in: scalars) != "the"
                        // A plan in a clause of its own gives no figure: "…, and a second berth is
                        // scheduled to open in 2027" beside "freight will reach 40 million tonnes".
                        let ownPlan = figure && clause.count < scalars.count
                            && Cue.anyAsWord(ClauseJudgement.Cues.planned, in: clauseText.lowercased())
                            && !FigureClause.reportsAFigure(clauseText)
                        if figure && !ownPlan || counts, !hasHappeningVerb(clauseText) { continue }
                    } else if comparesSince(mention, scalars: scalars, clause: clause)
                        || Cue.anyAsWord(sinceStates, in: String(String.UnicodeScalarView(scalars[clause])).lowercased())
                    {
                        continue
                    }
                    guard case .event(let status) = ClauseJudgement.verdict(scalars: scalars, clause: clause) else { continue }
                    var mention = mention
                    // What took place, dated against the dateline ("in October"), lies before it.
                    if mention.isRelative, status == .occurred, let d = context.dateline, mention.date.start > d,
                        let earlier = PartialDate(
                            year: mention.date.start.year - 1, month: mention.date.start.month, day: mention.date.start.day)
                    {
                        mention.date = EventDate(start: earlier)
                    }
                    let raw = passage.rawRange(
                        fromScalar: sentence.start + mention.range.lowerBound,
                        toScalar: sentence.start + mention.range.upperBound)
                    let title = EventTitle.title(
                        scalars: scalars, clause: clause, mention: mention, otherDates: scan.mentions.map(\.range))
                    var terms = sentenceTerms
                    if let noun = mention.namedThing?.split(separator: " ").last?.lowercased() {
                        terms.formUnion(EventClassifier.keyTerms(in: noun))
                    }
                    let category = EventClassifier.thingCategory(of: mention.namedThing)
                        ?? sentenceCategory() ?? fallback() ?? .politics
                    let event = TimelineEvent(
                        id: makeID(date: mention.date, title: title, document: document.id, offset: raw.lowerBound),
                        date: mention.date, status: status, title: title, summary: text, category: category,
                        actors: actors,
                        evidence: [EventSource(provenance: provenance, citations: cited, mention: raw)])
                    result.append(EventCandidate(event: event, keyTerms: terms, order: (order, raw.lowerBound)))
                }
            }
        }
        return result
    }

    /// A sentence of the text's apparatus, which tells no happening: a table
    /// row ("| 2014 | 88.4 |"), a table's source or note line, a bibliographic
    /// note written in the body ("17. A. Lukin, *The Bear …* (Armonk, NY: Sharpe, 2003), 45.").
    static func isApparatus(_ text: String) -> Bool {
        let lower = text.lowercased()
        // Searched on bytes with cues made once: `String.contains` here bridged to
        // NSString for every sentence and mark, a fifth of a load's CPU.
        let cues = CueText(lower)
        if lower.hasPrefix("|") || cues.contains(tableRule) { return true }
        if Lexicon.annotationOpeners.contains(where: { lower.hasPrefix($0) }) {
            // "Source: …", "Note: …", and captions ("Table 1. …", "Figure 2: …").
            if lower.hasPrefix("source") || lower.hasPrefix("note") { return cues.contains(":") }
            if isCaption(lower) { return true }
        }
        if referenceMarks.contains(where: { cues.contains($0) }) { return true }
        // "(Moscow: Institut, 1996)": a place and a publisher before a year.
        guard CueText(text).contains(colonSpace) else { return false }
        return publisherPattern.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    private static let tableRule: Cue = "| ---"
    private static let colonSpace: Cue = ": "
    private static let referenceMarks = Lexicon.referenceMarks.map { Cue($0) }

    private static let publisherPattern = try! NSRegularExpression(pattern: #"\([A-Z][^():]{1,40}: [^()]{2,80}\d{4}\)"#)

    /// "up from about 7% in 2021", "about 9,000 in 2014": a date right after
    /// a number dates that figure.
    static func datesAFigure(_ mention: DateMention, scalars s: [Unicode.Scalar]) -> Bool {
        var i = mention.range.lowerBound
        while i > 0, s[i - 1] == " " { i -= 1 }
        return i > 0 && (("0"..."9").contains(s[i - 1]) || s[i - 1] == "%")
    }

    /// "the largest exercise since 1981", "weaker than at any time since
    /// 1992": a `since` date that a comparison reaches back to is its
    /// yardstick, not the start of a happening; so is one a change reaches back to ("has
    /// fallen sharply since the mid-2000s"). Read in the words just
    /// before the date (`Lexicon.comparisonsBeforeSince`, and superlatives
    /// in "-est" after a determiner, which "interest since" lacks).
    static func comparesSince(_ mention: DateMention, scalars s: [Unicode.Scalar], clause: Range<Int>) -> Bool {
        let before = String(scalars: s[clause.lowerBound..<max(clause.lowerBound, mention.range.lowerBound)])
            .lowercased().split(separator: " ").suffix(4)
            .map { EdgeTrim.punctuation.trim($0) }
        return before.indices.contains { i in
            let word = before[i]
            let superlative = word.count > 5 && word.hasSuffix("est") && i > 0 && determiners.contains(before[i - 1])
            // "has fallen sharply since the mid-2000s": the baseline of a change.
            let change = Lexicon.changeWords[word] != nil && !["up", "down", "more", "less"].contains(word)
            return superlative || change || Lexicon.comparisonsBeforeSince.contains(word)
        }
    }

    private static let determiners: Set<String> = ["the", "its", "their", "his", "her", "our", "a"]

    /// `Lexicon.sinceStateCues`: "has been … since 2011" is a lasting state.
    static let sinceStates = Cue.list(Lexicon.sinceStateCues)

    /// A table's or figure's caption ("Table 1. Visits by year, 2012–2023"), which the splitter may cut after "Table 1.".
    static func isCaption(_ passage: String) -> Bool {
        let head = passage.prefix(12).lowercased().drop { $0 == "*" }
        guard head.hasPrefix("table ") || head.hasPrefix("figure ") else { return false }
        let rest = head.drop { $0 != " " }.dropFirst().drop { $0.isLetter && $0.isLowercase && $0 != " " }
        let digits = rest.prefix { $0.isNumber }
        return !digits.isEmpty && [".", ":"].contains(rest.dropFirst(digits.count).first.map(String.init) ?? "")
    }

    static func hasHappeningVerb(_ text: String) -> Bool {
        Cue.anyAsWord(happeningVerbs, in: text.lowercased())
    }

    static let happeningVerbs = Cue.list(Lexicon.happeningVerbs)

    /// The mentions of a sentence that date a happening it tells:
    /// - not a line about the publication ("Received 3 May 2024", "Accessed 3 Mar. 2024", "© 2025");
    /// - not the dateline itself;
    /// - a thing named by its year ("the treaty of 2001") is told again only
    ///   when the sentence dates nothing else: "The treaty of 2001 was renewed
    ///   on 28 June 2021" tells the renewal, not the treaty.
    static func tellingMentions(_ mentions: [DateMention], scalars: [Unicode.Scalar], dateline: PartialDate?) -> [DateMention] {
        // "Manuscript completed on 10 June 2024.": the whole line is about the publication.
        if let opener = wordAfter(0, in: scalars), Lexicon.publicationLineOpeners.contains(opener) { return [] }
        var kept = mentions.filter { m in
            if let word = wordBefore(m.range.lowerBound, in: scalars), Lexicon.publicationLineWords.contains(word) {
                return false
            }
            // "figures for 2024", "the data for 2015–2017": the date of a data set, not of a happening.
            // "half of their 2019 level": a year that qualifies a measure is its baseline.
            if let next = wordAfter(m.range.upperBound, in: scalars), Lexicon.baselineNouns.contains(next) { return false }
            if String(scalars: scalars[m.range]).lowercased().hasPrefix("for "),
                let noun = wordBefore(m.range.lowerBound, in: scalars), Lexicon.dataNouns.contains(noun)
            {
                return false
            }
            if let dateline, m.date.start == dateline, m.range.lowerBound < 40,
                DateReader.dateline(String(scalars: scalars)) != nil
            {
                return false
            }
            return true
        }
        if kept.contains(where: { $0.namedThing == nil }) { kept.removeAll { $0.namedThing != nil } }
        return kept
    }

    /// The lowercased word starting at or after scalar offset `i`, after spaces.
    static func wordAfter(_ i: Int, in s: [Unicode.Scalar]) -> String? {
        var b = i
        while b < s.count, s[b] == " " { b += 1 }
        var e = b
        while e < s.count, s[e].properties.isAlphabetic { e += 1 }
        return b < e ? String(scalars: s[b..<e]).lowercased() : nil
    }

    /// The lowercased word (or mark such as "©") before scalar offset `i`, skipping spaces and colons.
    static func wordBefore(_ i: Int, in s: [Unicode.Scalar]) -> String? {
        var e = i
        while e > 0, s[e - 1] == " " || s[e - 1] == ":" || s[e - 1] == "," { e -= 1 }
        var b = e
        while b > 0, s[b - 1].properties.isAlphabetic { b -= 1 }
        if b == e, e > 0 { b = e - 1 }
        guard b < e else { return nil }
        return String(scalars: s[b..<e]).lowercased()
    }

    /// Ids of the in-text citations made in a sentence: those whose source span overlaps it.
    static func citationIDs(_ citations: [InTextCitation], in document: String, overlapping sentence: Sentence) -> [String] {
        citations.filter {
            $0.source.document == document && $0.source.start < sentence.rawEnd && sentence.rawStart < $0.source.end
        }.map(\.id)
    }

    // MARK: Ids

    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "in", "on", "and", "to", "was", "were", "has", "have", "had", "is", "are", "their",
        "its", "his", "her", "with", "for", "that", "this", "by", "at", "as", "be", "been", "both", "two",
    ]

    /// The runs of ASCII letters and digits of `text`.
    static func slugWords(_ text: String) -> [String] {
        text.unicodeScalars.split { !($0.isASCII && (ScalarClass.isAlphabetic($0) || ("0"..."9").contains($0))) }
            .map { String(scalars: $0) }
    }

    /// `evt-<start>-<up to four title words>-<6 hex of document and offset>`:
    /// readable, and the same after a reload of the same corpus.
    static func makeID(date: EventDate, title: String, document: String, offset: Int) -> String {
        let words = slugWords(title.lowercased()).filter { !stopWords.contains($0) }
        var slug = ""
        for w in words.prefix(4) where slug.utf8.count + w.utf8.count < 36 { slug += (slug.isEmpty ? "" : "-") + w }
        var id = "evt-" + date.start.description
        if !slug.isEmpty { id += "-" + slug }
        return id + "-" + EventIDHash.lowHex6("\(document):\(offset)")
    }
}

/// The last six hex digits of a `ContentHasher` fed one string, which
/// `makeID` ends an id with: computed as the hasher does (FNV-1a over the
/// bytes, then its separator) and written from the low 24 bits, without
/// the 16-digit hex string.
enum EventIDHash {
    static func lowHex6(_ text: String) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state &*= 0x100_0000_01b3
        }
        state ^= 0xff
        state &*= 0x100_0000_01b3
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 6) { buffer in
            digits.withUTF8Buffer { hex in
                for k in 0..<6 { buffer[k] = hex[Int((state >> UInt64(4 * (5 - k))) & 0xF)] }
            }
            return 6
        }
    }
}
