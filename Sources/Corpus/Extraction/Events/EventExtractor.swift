import Foundation

/// Turns every dated statement of the corpus into a timeline event.
///
/// Pipeline: sentences of the body (front matter `-s00` and reference lists
/// skipped) → date mentions (`DateMentionFinder`) → one candidate per
/// mention, unless the sentence only reports a figure (see `isFigureOnly`)
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
        in document: Document, order d: Int, citations own: [InTextCitation], annotations notes: [EventAnnotation]
    ) -> DocumentTellings {
        var found = Self.candidates(in: document, order: d, citations: own)
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
        // `CueText` answers as Foundation's `contains` does, on bytes where it can.
        let title = CueText(section.title.lowercased())
        return ["reference", "bibliograph", "works cited", "literature cited"].contains { title.contains($0) }
    }

    static func candidates(in document: Document, order: Int, citations: [InTextCitation]) -> [EventCandidate] {
        let skipped = Set(document.sections.filter(isSkipped).map(\.id))
        let sectionTitles = Dictionary(document.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var result: [EventCandidate] = []
        for passage in document.passages where !skipped.contains(passage.sectionID) {
            // The fallback category reads the section title, then the whole
            // passage: the same for every sentence of the passage, so it is
            // scored once, and only if a sentence needs it.
            let section = sectionTitles[passage.sectionID] ?? ""
            var passageFallback: EventCategory??
            func fallback() -> EventCategory? {
                if let known = passageFallback { return known }
                let c = EventCueScan.category(section) ?? EventCueScan.category(passage.text)
                passageFallback = .some(c)
                return c
            }
            for sentence in passage.sentences {
                // Made once: the summary, quote and text of its events share it.
                let text = sentence.text
                guard let scan = DateMentionFinder.scan(text) else { continue }
                let mentions = scan.mentions
                let scalars = scan.scalars
                // The class bytes date finding read serve the figure test too.
                let figureOnly = scan.classes.map(EventFigureScan.matches) ?? isFigureOnly(text)
                // A figure's sentence dates nothing but a `since` start: the
                // rest of its reading would be thrown away.
                guard !figureOnly || mentions.contains(where: { $0.date.qualifier == .since }) else { continue }
                let provenance = document.provenance(passage: passage, sentence: sentence, text: text)
                let cited = citationIDs(citations, in: document.id, overlapping: sentence)
                let plain = EventClassifier.withoutParentheses(text)
                // What depends on the sentence alone is read once, not per mention.
                let cueScan = EventCueScan.categoryAndTerms(plain)
                let sentenceTerms = cueScan?.terms ?? EventClassifier.keyTerms(inUnparenthesised: plain)
                let actors = ActorGazetteer.actors(in: plain)
                var sentenceCategory: EventCategory?
                func category(namedThing: String?) -> EventCategory {
                    if let c = EventClassifier.thingCategory(of: namedThing) { return c }
                    if let c = sentenceCategory { return c }
                    let best = cueScan.map(\.category) ?? EventClassifier.bestCategory(plain)
                    let c = best ?? fallback() ?? .politics
                    sentenceCategory = c
                    return c
                }
                for mention in mentions where !figureOnly || mention.date.qualifier == .since {
                    let raw = passage.rawRange(
                        fromScalar: sentence.start + mention.range.lowerBound,
                        toScalar: sentence.start + mention.range.upperBound)
                    // The clause holding the date: the title's text and the status's.
                    let clause = EventClassifier.clauseRange(scalars: scalars, around: mention.range)
                    let title = EventTitle.title(scalars: scalars, clause: clause, mention: mention)
                    var terms = sentenceTerms
                    if let noun = mention.namedThing?.split(separator: " ").last?.lowercased() {
                        terms.formUnion(EventClassifier.keyTerms(in: noun))
                    }
                    let status = EventClassifier.status(scalars: scalars, clause: clause)
                        ?? EventClassifier.status(sentence: text, mention: mention.range)
                    let event = TimelineEvent(
                        id: makeID(date: mention.date, title: title, document: document.id, offset: raw.lowerBound),
                        date: mention.date,
                        status: status,
                        title: title, summary: text,
                        category: category(namedThing: mention.namedThing),
                        actors: actors,
                        evidence: [EventSource(provenance: provenance, citations: cited, mention: raw)])
                    result.append(EventCandidate(event: event, keyTerms: terms, order: (order, raw.lowerBound)))
                }
            }
        }
        return result
    }

    /// Ids of the in-text citations made in a sentence: those whose source span overlaps it.
    static func citationIDs(_ citations: [InTextCitation], in document: String, overlapping sentence: Sentence) -> [String] {
        citations.filter {
            $0.source.document == document && $0.source.start < sentence.rawEnd && sentence.rawStart < $0.source.end
        }.map(\.id)
    }

    // MARK: Figures are indicators, not events

    /// Compiles `figurePattern` now (see `PatternWarmUp`).
    static func compilePatterns() { _ = figurePattern }

    private static let figurePattern = try! NSRegularExpression(
        pattern: "(?i)(\\$\\s*\\d)|(\\d[\\d,.]*\\s*(%|percent|per cent|billion|million|thousand|tons|tonnes|dollars?|dolors|times\\b|projects|companies))|((amounted to|reached|exceeded|increased by|decreased by|grew by|rose by|fell by)\\s+\\D{0,12}\\d)|(\\b(number|volume|share|amount) of\\b.*?(?<![\\d.,])\\d{1,3}(?![\\d]))")

    /// A sentence whose content is a figure ("in 2016 China imported 52.48
    /// million tons of oil", "In 2016, the volume of e-Commerce ... amounted
    /// to 2.3 billion dollars", "the number of projects ... from nine in 2016
    /// to 32 in 2017") reports an indicator, not a happening: it holds an
    /// amount (currency, percentage, units, "amounted to 153", "the number of
    /// ... 32"), whatever its verbs. The indicators issue serves it. One
    /// exception: "Since 1992, military sales ... reached at least $20
    /// billion" dates the start of a process, so `since` mentions are kept.
    static func isFigureOnly(_ sentence: String) -> Bool {
        FigureCues.mayBeFigure(sentence) && figureRegexMatches(sentence)
    }

    /// The figure regex alone, without the `FigureCues` prefilter (the spec the prefilter is tested against).
    static func figureRegexMatches(_ sentence: String) -> Bool {
        let range = NSRange(location: 0, length: (sentence as NSString).length)
        return figurePattern.firstMatch(in: sentence, range: range) != nil
    }

    // MARK: Ids

    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "in", "on", "and", "to", "was", "were", "has", "have", "had", "is", "are", "their",
        "its", "his", "her", "with", "for", "that", "this", "by", "at", "as", "be", "been", "both", "two",
    ]

    /// The runs of ASCII letters and digits of `text`: the scalars that are
    /// ASCII and alphabetic or numeric, which for ASCII are exactly those
    /// bytes. Found on the UTF-8 (a non-ASCII scalar's bytes are all
    /// non-ASCII, so they separate words as the scalar did) instead of
    /// asking each scalar's Unicode properties.
    static func slugWords(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { s -> [String] in
            func isWordByte(_ b: UInt8) -> Bool {
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            }
            var words: [String] = []
            var i = 0
            while i < s.count {
                guard isWordByte(s[i]) else {
                    i += 1
                    continue
                }
                var j = i
                while j < s.count && isWordByte(s[j]) { j += 1 }
                words.append(String(decoding: UnsafeBufferPointer(rebasing: s[i..<j]), as: UTF8.self))
                i = j
            }
            return words
        }
    }

    /// `evt-<start>-<up to four title words>-<6 hex of document and offset>`:
    /// readable, and the same after a reload of the same corpus.
    ///
    /// An ASCII title is case folded as its words are read (its lowercase
    /// is its bytes with A-Z folded); the words are ASCII, so their counts
    /// are byte counts; the hash's last six hex digits are its low 24 bits.
    static func makeID(date: EventDate, title: String, document: String, offset: Int) -> String {
        if let id = EventASCIIID.make(start: date.start.description, title: title, document: document, offset: offset) {
            return id
        }
        let words = (asciiSlugWords(title) ?? slugWords(title.lowercased())).filter { !stopWords.contains($0) }
        var slug = ""
        for w in words.prefix(4) where slug.utf8.count + w.utf8.count < 36 { slug += (slug.isEmpty ? "" : "-") + w }
        let hash = EventIDHash.lowHex6("\(document):\(offset)")
        var id = "evt-" + date.start.description
        if !slug.isEmpty { id += "-" + slug }
        return id + "-" + hash
    }

    /// The spec of `makeID`: as it was written before the shortcuts.
    static func makeIDByStrings(date: EventDate, title: String, document: String, offset: Int) -> String {
        let words = slugWords(title.lowercased()).filter { !stopWords.contains($0) }
        var slug = ""
        for w in words.prefix(4) where slug.count + w.count < 36 { slug += (slug.isEmpty ? "" : "-") + w }
        var hasher = ContentHasher()
        hasher.add("\(document):\(offset)")
        let hash = String(hasher.hex.suffix(6))
        return ["evt", date.start.description, slug, hash].filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// `slugWords(title.lowercased())` for a title of ASCII and
    /// `EventSimpleScalar`s (which lowercase to non-ASCII, so they part
    /// words as their lowercase did); nil for other text.
    static func asciiSlugWords(_ title: String) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        for c in title.unicodeScalars {
            if c.isASCII {
                let l = ASCIICase.lower(UInt8(c.value))
                if (l >= 0x30 && l <= 0x39) || (l >= 0x61 && l <= 0x7A) {
                    word.append(l)
                    continue
                }
            } else if !EventSimpleScalar.isSimple(c) {
                return nil
            }
            if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}

/// The last six hex digits of a `ContentHasher` fed one string, which
/// `makeID` ends an id with: computed as the hasher does (FNV-1a over the
/// bytes, then its separator) and written from the low 24 bits, without
/// the 16-digit hex string. `DateScannerTests` compares it with the hasher.
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
