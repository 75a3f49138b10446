/// Builds the reference lists and in-text citations of every document:
/// find the list, parse each entry, apply curated corrections, find the
/// citations in the body, resolve them, and count how often each entry is cited.
public enum CitationExtractor {
    public static func extract(
        documents: [Document], annotations: [String: [CitationAnnotation]]
    ) -> (references: [Reference], inText: [InTextCitation]) {
        let perDocument = Concurrently.map(documents) { document in
            extract(document: document, annotations: annotations[document.id] ?? [])
        }
        return (perDocument.flatMap(\.references), perDocument.flatMap(\.citations))
    }

    /// One document's reference list and in-text citations (sorted by
    /// position): a document's citations depend on no other document.
    static func extract(
        document: Document, annotations notes: [CitationAnnotation]
    ) -> (references: [Reference], citations: [InTextCitation]) {
        // Both steps need the reference sections: find them once.
        let sections = ReferenceListFinder.referenceSectionIDs(in: document)
        var references = references(in: document, annotations: notes, referenceSections: sections)
        var citations = citations(in: document, references: references, annotations: notes, referenceSections: sections)
        let counts = Dictionary(grouping: citations.flatMap(\.referenceIDs), by: { $0 }).mapValues(\.count)
        for i in references.indices { references[i].citedCount = counts[references[i].id] ?? 0 }
        citations.sort { $0.span.start < $1.span.start }
        return (references: references, citations: citations)
    }

    /// The document's reference list, parsed, with ids `<doc-short>-<name>-<year>`.
    static func references(
        in document: Document, annotations: [CitationAnnotation], referenceSections: Set<String>? = nil
    ) -> [Reference] {
        let short = idPrefix(document.id)
        var used: [String: Int] = [:]
        var out: [Reference] = []
        for entry in ReferenceListFinder.entries(in: document, referenceSections: referenceSections) {
            let source = Provenance(
                document: document.id, passage: entry.passage.id, start: entry.raw.lowerBound, end: entry.raw.upperBound,
                quote: document.raw.slice(entry.raw, sharing: entry.text), text: entry.text)
            // "———. *Title*": the same author as the entry before (a ditto dash).
            let quote = ReferenceListFinder.quoteToParse(entry, quote: source.quote, in: document.raw)
            let ditto = TextPattern.firstMatch(dittoPattern, in: quote)
            var fields = ReferenceParser.parse(ditto.map { _ in TextPattern.replace(dittoPattern, in: quote, with: "") } ?? quote)
            if ditto != nil, let previous = out.last { fields.author = previous.author }
            for note in annotations where source.quote.contains(note.quote) { apply(note, to: &fields) }
            let base = "\(short)-\(nameSlug(fields))-\(fields.year.map(String.init) ?? "nd")\(fields.yearSuffix ?? "")"
            used[base, default: 0] += 1
            let id = used[base]! == 1 ? base : "\(base)-\(used[base]!)"
            var ref = Reference(id: id, document: document.id, type: fields.type, raw: source.quote, source: source)
            ref.author = fields.author
            ref.editor = fields.editor
            ref.year = fields.year
            ref.yearSuffix = fields.yearSuffix
            ref.issued = fields.issued.flatMap { $0.year == fields.year ? $0 : nil } ?? fields.year.map { CSLDate(year: $0) }
            ref.title = fields.title
            ref.containerTitle = fields.containerTitle
            ref.volume = fields.volume
            ref.issue = fields.issue
            ref.page = fields.page
            ref.publisher = fields.publisher
            ref.publisherPlace = fields.publisherPlace
            ref.url = fields.url
            ref.doi = fields.doi
            ref.accessed = fields.accessed
            ref.language = fields.language
            ref.originalTitle = fields.originalTitle
            ref.note = fields.note
            out.append(ref)
        }
        return out
    }

    static func citations(
        in document: Document, references: [Reference], annotations: [CitationAnnotation],
        referenceSections: Set<String>? = nil
    ) -> [InTextCitation] {
        var seen = Set<Int>()
        var out: [InTextCitation] = []
        var ibids = Set<String>()
        let entries = references.map(ReferenceWords.init)
        // One provenance per sentence, by its raw start: the citations of a
        // sentence share its text (`Sentence.text` makes a new String per call).
        var sources: [Int: Provenance] = [:]
        // Notes are read through their marks (see `markerCitations`), never as body text.
        let listSections = referenceSections ?? ReferenceListFinder.referenceSectionIDs(in: document)
        let noteSections = noteSectionIDs(in: document)
        for c in InTextCitationFinder.find(in: document, references: references, referenceSections: listSections.union(noteSections)) {
            let span = document.provenance(passage: c.passage, fromScalar: c.from, toScalar: c.to)
            guard seen.insert(span.start).inserted else { continue }
            let sentence = c.passage.sentences.last(where: { $0.start <= c.from }) ?? c.passage.sentences.first
            let source: Provenance
            if let sentence {
                if let known = sources[sentence.rawStart] {
                    source = known
                } else {
                    source = document.provenance(passage: c.passage, sentence: sentence)
                    sources[sentence.rawStart] = source
                }
            } else {
                source = span
            }
            // As printed ("(Marsh, *Harbin Modern* 140)" keeps its italics), but joined across a page break.
            let printed = span.quote.contains("\n") ? c.text : span.quote
            var citation = InTextCitation(
                id: "\(document.id)-cite-\(span.start)", document: document.id, passage: c.passage.id, text: printed,
                authors: c.authors, year: c.year, yearSuffix: c.yearSuffix, locator: c.locator, kind: c.kind,
                source: source, span: span)
            let r = CitationResolver.resolve(
                authors: c.authors, year: c.year, yearSuffix: c.yearSuffix, locator: c.locator, context: source.text,
                shortTitle: c.shortTitle, undated: c.undated, in: entries)
            citation.referenceID = r.referenceID
            citation.match = r.match
            citation.unresolvedReason = r.reason
            if let note = annotations.first(where: { covers($0.quote, span.quote) }), note.resolveTo != nil || note.unresolvedReason != nil {
                if let target = note.resolveTo, references.contains(where: { $0.id == target }) {
                    citation.referenceID = target
                    citation.match = "curated" + (note.comment.map { ": \($0)" } ?? "")
                    citation.unresolvedReason = nil
                } else {
                    citation.referenceID = nil
                    citation.match = nil
                    citation.unresolvedReason = note.unresolvedReason ?? "curated: resolve_to \(note.resolveTo ?? "") is not in the list"
                }
            }
            citation.referenceIDs = citation.referenceID.map { [$0] } ?? []
            citation.resolved = citation.referenceID != nil
            if c.ibid { ibids.insert(citation.id) }
            out.append(citation)
        }
        resolveIbid(&out, ibids)
        out += markerCitations(in: document, references: references, referenceSections: referenceSections, seen: &seen)
        return out
    }

    /// "(ibid., p. 9)" cites what the citation before it in the text cites.
    static func resolveIbid(_ citations: inout [InTextCitation], _ ibids: Set<String>) {
        guard !ibids.isEmpty else { return }
        let order = citations.indices.sorted { citations[$0].span.start < citations[$1].span.start }
        var previous: InTextCitation?
        for i in order {
            if ibids.contains(citations[i].id) {
                if let previous, previous.resolved {
                    citations[i].authors = previous.authors
                    citations[i].year = previous.year
                    citations[i].yearSuffix = previous.yearSuffix
                    citations[i].referenceID = previous.referenceID
                    citations[i].referenceIDs = previous.referenceIDs
                    citations[i].match = "ibid.: as \(previous.text)"
                    citations[i].unresolvedReason = nil
                } else {
                    citations[i].referenceID = nil
                    citations[i].referenceIDs = []
                    citations[i].match = nil
                    citations[i].unresolvedReason = previous == nil ? "ibid. with no citation before it" : "ibid. after an unresolved citation"
                }
                citations[i].resolved = citations[i].referenceID != nil
            }
            previous = citations[i]
        }
    }

    /// Numeric markers and note marks (see `MarkerCitationFinder`), each
    /// resolved to the entry its number names: the list's own number, or the
    /// bibliography entry its note names ("Ibid." is the note before).
    static func markerCitations(
        in document: Document, references: [Reference], referenceSections: Set<String>?, seen: inout Set<Int>
    ) -> [InTextCitation] {
        let listSections = referenceSections ?? ReferenceListFinder.referenceSectionIDs(in: document)
        let noteSections = noteSectionIDs(in: document)
        var numbered: [Int: Reference] = [:]
        for ref in references { if let n = ReferenceEntryShape.number(ref.raw), numbered[n] == nil { numbered[n] = ref } }
        let notes = noteSections.subtracting(listSections).isEmpty ? [:] : noteTexts(in: document)
        let markers = MarkerCitationFinder.find(
            in: document, skipping: listSections.union(noteSections), parentheses: !numbered.isEmpty)
        var noteTargets: [Int: (id: String?, how: String?, reason: String?)] = [:]
        var previous: String?
        for n in notes.keys.sorted() {
            let r = resolveNote(notes[n]!, references: references, previous: previous)
            noteTargets[n] = r
            previous = r.id ?? previous
        }
        var out: [InTextCitation] = []
        for m in markers {
            // A numeric marker needs a numbered list; a note mark needs notes, or a numbered list its
            // number points into (otherwise it marks an affiliation or a page footnote).
            if numbered.isEmpty && (!m.isNote || notes.isEmpty) { continue }
            guard seen.insert(m.raw.lowerBound).inserted else { continue }
            let sentence = m.passage.sentences.last(where: { $0.rawStart <= m.raw.lowerBound }) ?? m.passage.sentences.first
            let source = sentence.map { document.provenance(passage: m.passage, sentence: $0) }
                ?? Provenance(document: document.id, passage: m.passage.id, start: m.raw.lowerBound, end: m.raw.upperBound,
                    quote: m.text, text: m.text)
            let span = Provenance(
                document: document.id, passage: m.passage.id, start: m.raw.lowerBound, end: m.raw.upperBound,
                quote: document.raw.slice(m.raw), text: m.text)
            var targets: [String] = []
            var reasons: [String] = []
            var hows: [String] = []
            for n in m.numbers {
                if m.isNote && !notes.isEmpty {
                    guard let t = noteTargets[n] else { reasons.append("no note \(n) in the notes"); continue }
                    if let id = t.id { targets.append(id); hows.append("note \(n): \(t.how ?? "")") } else { reasons.append(t.reason ?? "") }
                } else if let ref = numbered[n] {
                    targets.append(ref.id)
                } else {
                    reasons.append("no entry numbered \(n) in the list (\(numbered.count) entries)")
                }
            }
            // A work cited twice by one marker ("Ibid." after its note) is listed once.
            var unique: [String] = []
            for id in targets where !unique.contains(id) { unique.append(id) }
            let cited = unique.compactMap { id in references.first { $0.id == id } }
            let isNote = m.isNote && !notes.isEmpty
            var c = InTextCitation(
                id: "\(document.id)-cite-\(span.start)", document: document.id, passage: m.passage.id, text: m.text,
                authors: cited.first.map { $0.author.map { $0.family ?? $0.literal ?? "" } } ?? [], year: cited.first?.year,
                yearSuffix: cited.first?.yearSuffix, locator: m.locator, kind: isNote ? .note : .numeric, source: source, span: span)
            c.referenceID = unique.first
            c.referenceIDs = unique
            c.resolved = c.referenceID != nil
            if c.resolved {
                c.match = isNote ? hows.joined(separator: "; ") : "number in the list"
            }
            // A marker that cites several works keeps the reason for each it could not resolve.
            c.unresolvedReason = reasons.isEmpty ? nil : reasons.joined(separator: "; ")
            out.append(c)
        }
        return out
    }

    /// The sections under a notes heading (numbered notes stay in their section).
    static func noteSectionIDs(in document: Document) -> Set<String> {
        Set(document.sections.filter { ReferenceListFinder.isNotesHeading($0.title) }.map(\.id))
    }

    /// The notes under a notes heading, by number: "12. Text…" opens note 12;
    /// other lines carry on the note before. Read from the raw lines, since a
    /// numbered note may be laid out as a page footnote, which no passage keeps.
    static func noteTexts(in document: Document) -> [Int: String] {
        var notes: [Int: String] = [:]
        var current: Int?
        var inNotes = false
        for line in document.raw.slice(0..<document.raw.count).split(separator: "\n") {
            if line.hasPrefix("#") {
                inNotes = ReferenceListFinder.isNotesHeading(PassageBuilder.headingTitle(Array(line.unicodeScalars)))
                current = nil
                continue
            }
            guard inNotes else { continue }
            if let n = ReferenceEntryShape.number(line) {
                current = n
                notes[n] = String(line)
            } else if let n = current, !line.allSatisfy(\.isWhitespace) {
                notes[n, default: ""] += " " + line
            }
        }
        return notes
    }

    /// The bibliography entry a note cites: "Ibid." is the one before; otherwise
    /// the entry whose author's family name the note prints, the one sharing
    /// most title words when several do.
    static func resolveNote(_ note: String, references: [Reference], previous: String?) -> (id: String?, how: String?, reason: String?) {
        let body = TextPattern.replace("^\\s*\\d+[.)]\\s*", in: note, with: "")
        if body.lowercased().hasPrefix("ibid") {
            return previous.map { ($0, "ibid.", nil) } ?? (nil, nil, "ibid. with no note before it")
        }
        let words = Set(TextPattern.significantWords(body))
        let folded = " " + TextPattern.slug(body).replacingOccurrences(of: "-", with: " ") + " "
        var best: (ref: Reference, score: Int)?
        for ref in references {
            let names = ref.author.compactMap { $0.family ?? $0.literal }.map { TextPattern.slug($0).replacingOccurrences(of: "-", with: " ") }
            guard let first = names.first, !first.isEmpty, folded.contains(" \(first) ") else { continue }
            let score = Set(TextPattern.significantWords(ref.title ?? "")).intersection(words).count
            if best == nil || score > best!.score { best = (ref, score) }
        }
        if let best { return (best.ref.id, best.score > 0 ? "author and title words" : "author", nil) }
        return (nil, nil, "the note names no entry of the bibliography")
    }

    /// A curated quote names a citation when one contains the other.
    static func covers(_ quote: String, _ citation: String) -> Bool {
        quote.contains(citation) || (citation.contains(quote) && quote.count >= 4)
    }

    static func apply(_ note: CitationAnnotation, to f: inout ReferenceFields) {
        if let t = note.referenceType { f.type = t }
        if let t = note.title { f.title = t }
        if let c = note.containerTitle { f.containerTitle = c }
        if let names = note.authors {
            f.author = names.map { name in
                let parts = name.split(separator: ",", maxSplits: 1).map { TextPattern.trim(String($0)) }
                return parts.count == 2 ? .person(parts[0], parts[1]) : .organisation(name)
            }
        }
        if note.noYear == true {
            f.year = nil
            f.yearSuffix = nil
        }
        if let y = note.year { f.year = y }
    }

    /// A ditto mark for "the same author": three or more dashes or underscores, then a stop or comma.
    static let dittoPattern = "^\\s*(?:[-*•]\\s+)?(?:\\[\\d{1,3}\\]\\s*|\\d{1,3}[.)]\\s+)?[—–_-]{2,}\\s*[.,]?\\s*"

    /// The part of a document id that opens its reference ids: the first
    /// segment ("pathak-post-cold-war" → "pathak"), with a serial number
    /// that follows it ("refs-001" → "refs-001"), so numbered documents of one
    /// series do not share ids. A year is no serial ("smith-2019" → "smith").
    static func idPrefix(_ documentID: String) -> String {
        let parts = documentID.split(separator: "-").map(String.init)
        guard let first = parts.first else { return documentID }
        guard parts.count > 1, let second = parts.dropFirst().first, second.allSatisfy({ $0.isASCII && $0.isNumber }) else { return first }
        let year = second.count == 4 && !second.hasPrefix("0") && (1500...2099).contains(Int(second) ?? 0)
        return year ? first : "\(first)-\(second)"
    }

    /// The first author's family name, an organisation's or a title's first words.
    static func nameSlug(_ f: ReferenceFields) -> String {
        if let first = f.author.first {
            if let family = first.family {
                let s = TextPattern.slug(family + (TextPattern.containsHan(family) ? (first.given ?? "") : ""), maxWords: 1, dropStopwords: false)
                if !s.isEmpty { return s }
            }
            if let literal = first.literal, !TextPattern.slug(literal).isEmpty {
                // A name in Han characters is one unbroken "word": keep ids short.
                return TextPattern.containsHan(literal) ? String(TextPattern.slug(literal).prefix(6)) : TextPattern.slug(literal)
            }
        }
        let s = TextPattern.slug(f.title ?? "")
        return s.isEmpty ? "anon" : s
    }
}
