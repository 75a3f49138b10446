/// Turns every figure of the corpus into an `Observation` and groups them
/// into `Measure`s.
///
/// Per sentence: `FigureScanner` reads the figures, `PeriodResolver` dates
/// them, `MeasureClassifier` names their measure (figures no rule claims are
/// dropped). A percentage or multiple that states the change of another
/// figure in the same sentence ("84.07 billion dollars, which is 20.8% more
/// than in 2016"; "52.48 million tons ... and increased by 23.7%") becomes
/// that figure's `change`, not an observation of its own, unless a new subject
/// ("the number of", "the volume of") comes between them. A change with no
/// figure to attach to ("increased by 191.4%") is its own observation whose
/// value is the change. A share ("54% of the total") is always its own.
/// Curated annotations then correct, add or drop observations, and equal
/// figures are merged.
public enum IndicatorExtractor {
    public static func extract(
        documents: [Document], citations: [InTextCitation], annotations: [String: [IndicatorAnnotation]]
    ) -> (observations: [Observation], measures: [Measure]) {
        // Each document is matched against its own citations only: handing
        // every document the whole corpus's list made the load grow with the
        // square of the corpus.
        let citationsByDocument = Dictionary(grouping: citations, by: \.source.document)
        let all = Concurrently.map(documents) { document in
            drafts(
                in: document, citations: citationsByDocument[document.id] ?? [],
                annotations: annotations[document.id] ?? [])
        }
        return finish(all)
    }

    /// One document's observations, curated, before figures are merged
    /// across documents: what the loader runs beside the document's other extractors.
    static func drafts(
        in document: Document, citations own: [InTextCitation], annotations notes: [IndicatorAnnotation]
    ) -> [Observation] {
        var drafts = extract(document: document, citations: own)
        if !notes.isEmpty {
            IndicatorCuration.apply(notes, to: &drafts, document: document, citations: own)
        }
        return drafts
    }

    /// Every document's drafts, in document order: merged, then grouped into measures.
    static func finish(_ perDocument: [[Observation]]) -> (observations: [Observation], measures: [Measure]) {
        let observations = merge(perDocument.flatMap { $0 })
        return (observations, Measure.measures(from: observations))
    }

    /// Sections whose sentences are bibliography, not findings.
    static let skippedSections: Set<String> = ["references", "bibliography", "literature", "notes"]

    static func extract(document: Document, citations: [InTextCitation]) -> [Observation] {
        var found: [Observation] = []
        let titles = Dictionary(document.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for passage in document.passages {
            let title = titles[passage.sectionID] ?? ""
            if skippedSections.contains(title.lowercased()) { continue }
            var previousPeriod: Period?
            var previousText = title
            for sentence in passage.sentences {
                // Made once per sentence (`Sentence.text` copies per call); its observations share it.
                let text = sentence.text
                // Most sentences hold no digit and no number or date word: with no
                // mention and no figure, all they pass on is the inherited period.
                guard SentenceGate.mayHoldFigureOrDate(text) else {
                    previousPeriod = SentenceGate.inherits(text) ? previousPeriod : nil
                    previousText = text
                    continue
                }
                let t = SentenceTokens(text)
                let mentions = PeriodResolver.mentions(t, documentYear: document.metadata.year)
                let inherited = SentenceGate.inherits(text) ? previousPeriod : nil
                let figures = FigureScanner.scan(t)
                // Most sentences hold no figure: build their context only for those that do.
                if !figures.isEmpty {
                    let context = SentenceContext(
                        document: document, passage: passage, sentence: sentence, text: text, tokens: t,
                        mentions: mentions,
                        inherited: inherited, previousText: previousText, title: title,
                        citations: citations)
                    found += observations(figures, context)
                }
                previousPeriod = PeriodResolver.sentencePeriod(mentions)
                    ?? (mentions.contains { $0.kind != .basis } ? nil : inherited)
                previousText = text
            }
        }
        return found
    }

    struct SentenceContext {
        var document: Document
        var passage: Passage
        var sentence: Sentence
        /// `sentence.text`, made once.
        var text: String
        var tokens: SentenceTokens
        var mentions: [PeriodResolver.Mention]
        var inherited: Period?
        /// The sentence before (or the section title) and the section title,
        /// as written: lowercased and joined only if a rule asks (see `FigureWiderCues`).
        var previousText: String
        var title: String
        var citations: [InTextCitation]
    }

    static let newSubject = [" the number of ", " the volume of ", " the amount of ", " the share of "]

    static func observations(_ qs: [Quantity], _ s: SentenceContext) -> [Observation] {
        let t = s.tokens
        let sentenceLower = t.lowered.whole
        let lower = IndicatorLowerPieces(tokens: t)
        /// A cue text cut from the lowered sentence: plain without reading it when the sentence is ASCII.
        func cueText(_ text: String) -> CueText {
            t.isASCII ? CueText(indicatorText: text, plain: true) : CueText(text)
        }
        // Which change figure belongs to which level figure.
        var changeOf: [Int: Int] = [:]
        for k in qs.indices where qs[k].change != nil {
            guard
                let b = qs[..<k].indices.last(where: {
                    qs[$0].kind != .percent && qs[$0].kind != .ratio && qs[$0].change == nil
                        && changeOf.values.contains($0) == false
                })
            else { continue }
            let between = cueText(" " + lower.piece(qs[b].end, qs[k].start) + " ")
            if newSubject.contains(where: between.contains) { continue }
            changeOf[k] = b
        }
        let reporter = reporter(in: s.text, isASCII: t.isASCII)
        let provenance = s.document.provenance(passage: s.passage, sentence: s.sentence, text: s.text)
        let citationIDs = s.citations.filter {
            $0.source.document == s.document.id && $0.source.start < s.sentence.rawEnd
                && $0.source.end > s.sentence.rawStart
        }.map(\.id).sorted()
        // The same for every figure of the sentence: made once.
        // An ASCII sentence's lowercase is ASCII, so plain without reading it.
        let sentenceCues = t.isASCII ? CueText(indicatorText: sentenceLower, plain: true) : CueText(sentenceLower)
        // Made when a figure's rules first ask, then handed to the next figure.
        var wider = FigureWiderCues.deferred(sentence: sentenceCues, previous: s.previousText, title: s.title)
        var result: [Observation] = []
        for k in qs.indices where changeOf[k] == nil {
            let q = qs[k]
            let before = lower.piece(k > 0 ? qs[k - 1].end : 0, q.start)
            let after = lower.piece(q.end, k + 1 < qs.count ? qs[k + 1].start : t.scalars.count)
            let fc = FigureContext(
                before: before, after: after, sentence: sentenceCues, wider: wider, plainPieces: t.isASCII)
            var wide = FigureWideTexts(wider: wider)
            let claimed = MeasureClassifier.classify(q, fc, &wide)
            wider = wide.wider
            guard let rule = claimed else { continue }
            let (period, targetYear) = PeriodResolver.resolve(
                qs, k, mentions: s.mentions, tokens: t, inherited: s.inherited)
            var change: Change?
            if let dir = q.change {
                change = Change(value: q.value, unit: q.unit, direction: dir, basis: PeriodResolver.basis(for: q, mentions: s.mentions))
            } else if let c = changeOf.first(where: { $0.value == k })?.key, let dir = qs[c].change {
                change = Change(
                    value: qs[c].value, unit: qs[c].unit, direction: dir,
                    basis: PeriodResolver.basis(for: qs[c], mentions: s.mentions))
            }
            let lead = cueText(lower.lead(q.start))
            let isTarget = targetYear || targetCues.contains { lead.contains($0) }
            var qualifier = q.qualifier
            if qualifier == .exact && isTarget { qualifier = .target }
            if qualifier == .exact && expectedCues.contains(where: { lead.contains($0) }) { qualifier = .expected }
            var raw = s.passage.rawRange(fromScalar: s.sentence.start + q.start, toScalar: s.sentence.start + q.end)
            // Keep the Markdown escape of a leading "\$" so the figure reads as the file does.
            if raw.lowerBound > s.sentence.rawStart && s.document.raw.scalar(at: raw.lowerBound - 1) == "\\" {
                raw = (raw.lowerBound - 1)..<raw.upperBound
            }
            let figure = FigureSpan(
                document: s.document.id, start: raw.lowerBound, end: raw.upperBound,
                quote: s.document.raw.slice(raw))
            result.append(
                Observation(
                    id: "", measure: rule.id, label: rule.label, value: q.value, unit: q.unit, period: period,
                    qualifier: qualifier, change: change, category: rule.category, reporter: reporter,
                    citations: citationIDs, isTarget: isTarget, sources: [provenance], figures: [figure]))
        }
        return result
    }

    static let targetWords = [
        "planned to", "plan to", "plans to", "planning to", "task of", "target", "aim to", "aims to", "goal of",
        "intend to", "intends to",
    ]
    static let expectedWords = ["expected to", "is expected", "forecast"]
    /// `targetWords` and `expectedWords` encoded once (asked per figure).
    static let targetCues = targetWords.map(Cue.init)
    static let expectedCues = expectedWords.map(Cue.init)

    /// "According to the data published by the General Customs Administration of
    /// China, ..." → "General Customs Administration of China". Only a name
    /// (capitalised) counts: "according to research" and "according to the plan" do not.
    ///
    /// `isASCII`: the sentence is all ASCII (the caller's tokens know), so the
    /// phrase is found by an ASCII-case-insensitive byte search; a
    /// case-insensitive search of ASCII text for an ASCII phrase matches
    /// only ASCII case variants, first match first, as Foundation's does.
    static func reporter(in sentence: String, isASCII: Bool = false) -> String? {
        let found: String.Index?
        if isASCII {
            found = IndicatorReporterPhrase.end(in: sentence)
        } else {
            // No letter folds to c, o, r or d but its ASCII self: without "ccord"
            // in some case the phrase cannot be there, and the case-insensitive
            // Foundation search (slow) is skipped for almost every sentence.
            guard ASCIICase.contains(sentence, "ccord") else { return nil }
            found = sentence.range(of: "according to ", options: .caseInsensitive)?.upperBound
        }
        guard let found else { return nil }
        var rest = String(sentence[found...])
        if let comma = rest.firstIndex(where: { $0 == "," || $0 == "(" }) { rest = String(rest[..<comma]) }
        let prefixes = [
            "the data published by ", "data published by ", "the statistics from ", "statistics from ",
            "statistics of ", "the statistics of ", "data from ", "the data of ", "data of ", "the ",
        ]
        // `rest` lowered once per change, not once per prefix tried.
        var lower = rest.lowercased()
        var changed = true
        while changed {
            changed = false
            for p in prefixes where lower.hasPrefix(p) {
                rest = String(rest.dropFirst(p.count))
                lower = rest.lowercased()
                changed = true
            }
        }
        rest = IndicatorTrim.trimmingWhitespaces(rest)
        guard let first = rest.unicodeScalars.first, first.properties.isUppercase, rest.count <= 80,
            !["It", "Him", "Her", "Them"].contains(rest)
        else { return nil }
        return rest
    }

    /// One observation per distinct figure: equal measure, period, value, unit,
    /// qualifier and target flag merge their sources. Ids come from that content.
    ///
    /// Merged in place, in first-seen order, with each one's sources also in a
    /// set: copying the merged observation out of a dictionary, appending and
    /// storing it back copied its source list, and asking that list whether it
    /// held a source was linear, so a figure repeated across n documents cost
    /// n² (at 1,000 articles a figure has hundreds of sources).
    static func merge(_ drafts: [Observation]) -> [Observation] {
        var merged: [Observation] = []
        var position: [String: Int] = [:]
        var seen: [Set<Provenance>] = []
        // Each merged observation's citations as a set, and whether its list is
        // sorted and distinct: then a draft citing nothing new leaves the list
        // as it is, and the union and sort (most of the merge) are skipped.
        var cited: [Set<String>] = []
        var tidy: [Bool] = []
        for o in drafts {
            let key = [o.measure, o.period ?? "undated", String(o.value), o.unit, o.qualifier.rawValue, String(o.isTarget)]
                .joined(separator: "|")
            if let at = position[key] {
                for (source, figure) in zip(o.sources, o.figures) where !seen[at].contains(source) {
                    merged[at].sources.append(source)
                    merged[at].figures.append(figure)
                    seen[at].insert(source)
                }
                if tidy[at] {
                    // Sorted and distinct already: the union keeps the list's own
                    // elements and the first of each new one, so merging the new
                    // ones in, sorted, gives what sorting the union gave (distinct
                    // strings have one order). Each new document brings new ids,
                    // and re-sorting the whole list for each was quadratic.
                    var added: [String] = []
                    for c in o.citations where cited[at].insert(c).inserted { added.append(c) }
                    if !added.isEmpty { merged[at].citations = mergeSorted(merged[at].citations, added.sorted()) }
                } else {
                    merged[at].citations = Array(Set(merged[at].citations + o.citations)).sorted()
                    cited[at] = Set(merged[at].citations)
                    tidy[at] = true
                }
                merged[at].reporter = merged[at].reporter ?? o.reporter
                merged[at].change = merged[at].change ?? o.change
            } else {
                var h = ContentHasher()
                h.add(key)
                var fresh = o
                let period = (o.period ?? "undated").replacingOccurrences(of: "/..", with: "-onwards")
                    .replacingOccurrences(of: "/", with: "-to-")
                fresh.id = "\(o.measure)-\(period)-\(h.hex.prefix(6))"
                position[key] = merged.count
                merged.append(fresh)
                seen.append(Set(fresh.sources))
                cited.append(Set(fresh.citations))
                tidy.append(isStrictlyIncreasing(fresh.citations))
            }
        }
        return merged
    }

    /// Two sorted lists with no element in common, as one sorted list.
    private static func mergeSorted(_ a: [String], _ b: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
            }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// Whether each element is `<` the next (so sorting the distinct elements gives the array back).
    private static func isStrictlyIncreasing(_ a: [String]) -> Bool {
        a.indices.dropFirst().allSatisfy { a[$0 - 1] < a[$0] }
    }
}

import Foundation
