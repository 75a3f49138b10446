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
        in document: Document, citations own: [InTextCitation], annotations notes: [IndicatorAnnotation],
        dates: DocumentDates = DocumentDates()
    ) -> [Observation] {
        var drafts = extract(document: document, citations: own, dates: dates)
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

    /// The notes and references sections, with the sections under them.
    static func skippedSectionIDs(_ sections: [Section]) -> Set<String> {
        var skipped: Set<String> = []
        var skipLevel: Int?
        for section in sections {
            if let level = skipLevel, section.level > level {
                skipped.insert(section.id)
                continue
            }
            // Bibliography, not findings: a reference list's or the notes' heading (`Lexicon.referenceHeadings`,
            // `Lexicon.noteHeadings`).
            let isList = ReferenceListFinder.isReferenceHeading(section.title) || ReferenceListFinder.isNotesHeading(section.title)
            skipLevel = isList ? section.level : nil
            if skipLevel != nil { skipped.insert(section.id) }
        }
        return skipped
    }

    /// `dates`: the document's sentences as read for dates, shared with events.
    static func extract(
        document: Document, citations: [InTextCitation], dates: DocumentDates = DocumentDates()
    ) -> [Observation] {
        var found: [Observation] = []
        let titles = Dictionary(document.sections.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let skipped = skippedSectionIDs(document.sections)
        // The passage before a table is its caption ("Table 1. Trade turnover (US$ billion)").
        var caption = ""
        for (p, passage) in document.passages.enumerated() {
            defer { caption = passage.text }
            let title = titles[passage.sectionID] ?? ""
            if skipped.contains(passage.sectionID) { continue }
            if let table = TableFigures.observations(
                in: passage, caption: caption, document: document, citations: citations)
            {
                found += table
                continue
            }
            var carried = CarriedPeriods(
                sentences: passage.sentences, documentYear: document.metadata.year, passage: p, dates: dates)
            var previousText = title
            for (k, sentence) in passage.sentences.enumerated() {
                let text = sentence.text
                defer { previousText = text }
                guard SentenceGate(text).mayHoldFigure else { continue }
                let dated = dates.sentence(passage: p, sentence: k, text: text)
                let t = dates.tokens(passage: p, sentence: k, text: text)
                let figures = FigureScanner.scan(t)
                guard !figures.isEmpty else { continue }
                let mentions = PeriodResolver.mentions(t, documentYear: document.metadata.year, readings: dated.readings)
                let inherited = carried.inherited(by: k)
                carried.record(k, mentions: mentions, inherited: inherited)
                let context = SentenceContext(
                    document: document, passage: passage, sentence: sentence, text: text, tokens: t,
                    mentions: mentions, inherited: inherited, previousText: previousText, title: title,
                    citations: citations)
                found += observations(figures, context)
            }
        }
        return found
    }

    /// The period each sentence of a passage hands on to the next one when
    /// that one opens with a connective ("At the same time, ..."): its own
    /// single period or, with no date of its own, the one it inherited. Worked
    /// out backwards only when a figure sentence asks, so a sentence that cannot
    /// hold a figure is read for dates only when its period is carried on.
    struct CarriedPeriods {
        let sentences: [Sentence]
        let documentYear: Int?
        /// The passage's index, under which `dates` keeps its sentences.
        let passage: Int
        let dates: DocumentDates
        private var known: [Int: Period?] = [:]

        init(sentences: [Sentence], documentYear: Int?, passage: Int, dates: DocumentDates) {
            self.sentences = sentences
            self.documentYear = documentYear
            self.passage = passage
            self.dates = dates
        }

        /// What sentence `k` inherits from the one before it.
        mutating func inherited(by k: Int) -> Period? {
            guard k > 0, PeriodResolver.inherits(sentences[k].text) else { return nil }
            return handedOn(by: k - 1)
        }

        /// What sentence `k` hands on, once its dates are read.
        mutating func record(_ k: Int, mentions: [PeriodResolver.Mention], inherited: Period?) {
            known[k] = Self.handedOn(mentions) { inherited }
        }

        private mutating func handedOn(by k: Int) -> Period? {
            if let period = known[k] { return period }
            let text = sentences[k].text
            let dated = dates.sentence(passage: passage, sentence: k, text: text)
            let mentions = PeriodResolver.mentions(
                SentenceTokens(text, pieces: dated.pieces), documentYear: documentYear, readings: dated.readings)
            let period = Self.handedOn(mentions) { inherited(by: k) }
            known[k] = period
            return period
        }

        private static func handedOn(_ mentions: [PeriodResolver.Mention], inherited: () -> Period?) -> Period? {
            PeriodResolver.sentencePeriod(mentions) ?? (mentions.contains { $0.kind != .basis } ? nil : inherited())
        }
    }

    struct SentenceContext {
        var document: Document
        var passage: Passage
        var sentence: Sentence
        var text: String
        var tokens: SentenceTokens
        var mentions: [PeriodResolver.Mention]
        var inherited: Period?
        /// The sentence before (or the section title), and the section title.
        var previousText: String
        var title: String
        var citations: [InTextCitation]
    }

    static let newSubject: [Cue] = [" the number of ", " the volume of ", " the amount of ", " the share of "]
    static let targetCues = Lexicon.targetCues.map { Cue($0) }
    static let expectedCues = Lexicon.expectedCues.map { Cue($0) }

    /// Which change figure belongs to which level figure: a change followed
    /// by "to" and a level ("jumped 47% to $111bn", "fell by 31.8 per cent in
    /// 2009, to US$38.8 billion") is that level's; otherwise it is the
    /// nearest level before it ("$240.1bn, up 26.3% y/y"), unless a new
    /// subject ("the number of") comes between. After "to", a percentage is
    /// a level too: "fell by 12 percentage points, to 63%" is the share's change.
    static func changeOwners(_ qs: [Quantity], _ t: SentenceTokens) -> [Int: Int] {
        var owner: [Int: Int] = [:]
        func isLevel(_ k: Int) -> Bool { qs[k].kind != .percent && qs[k].kind != .ratio && qs[k].change == nil }
        func isShare(_ k: Int) -> Bool { qs[k].kind == .percent && qs[k].change == nil }
        for k in qs.indices where qs[k].change != nil {
            if k + 1 < qs.count, isLevel(k + 1) || isShare(k + 1), owner.values.contains(k + 1) == false {
                var first = qs[k + 1].firstToken
                if let (_, start) = FigureScanner.hedges.match(t, endingBefore: first) { first = start }
                if t.lower(first - 1) == "to" && first - 1 - qs[k].endToken <= 6 {
                    owner[k] = k + 1
                    continue
                }
            }
            guard let b = qs[..<k].indices.last(where: { isLevel($0) && !owner.values.contains($0) }) else { continue }
            let between = CueText(" " + t.text(qs[b].end, qs[k].start).lowercased() + " ")
            if newSubject.contains(where: between.contains) { continue }
            owner[k] = b
        }
        return owner
    }

    static func observations(_ qs: [Quantity], _ s: SentenceContext) -> [Observation] {
        let t = s.tokens
        let changeOf = changeOwners(qs, t)
        let reporter = reporter(in: s.text)
        let provenance = s.document.provenance(passage: s.passage, sentence: s.sentence, text: s.text)
        let citationIDs = s.citations.filter {
            $0.source.document == s.document.id && $0.source.start < s.sentence.rawEnd
                && $0.source.end > s.sentence.rawStart
        }.map(\.id).sorted()
        let sentenceCues = FigureContext.SentenceCues(
            s.text.lowercased(), surrounding: (s.previousText + " | " + s.title).lowercased())
        var result: [Observation] = []
        for k in qs.indices where changeOf[k] == nil {
            let q = qs[k]
            let before = t.text(k > 0 ? qs[k - 1].end : 0, q.start).lowercased()
            let after = t.text(q.unitStart, k + 1 < qs.count ? qs[k + 1].start : t.scalars.count).lowercased()
            let fc = FigureContext(before: before, after: after, sentence: sentenceCues)
            guard let rule = MeasureClassifier.classify(q, fc) else { continue }
            let (period, byYear) = PeriodResolver.resolve(
                qs, k, mentions: s.mentions, tokens: t, inherited: s.inherited)
            // "By 2023 more than 95 per cent ..." in a 2025 article, or "by 2024 there were
            // 36" in a 2024 one, is a result, not a plan.
            let targetYear = byYear && (period?.start.year ?? Int.max) > (s.document.metadata.year ?? Int.min)
            var change: Change?
            if q.change != nil && q.kind == .percent {
                change = Self.change(q, s)
            } else if let c = changeOf.first(where: { $0.value == k })?.key {
                change = Self.change(qs[c], s)
            }
            let lead = CueText(t.text(t.tokens[clauseStart(t, before: q.firstToken)].start, q.start).lowercased())
            let isTarget = targetYear || Self.targetCues.contains { lead.contains($0) }
            var qualifier = q.qualifier
            if isTarget {
                qualifier = .target
            } else if Self.expectedCues.contains(where: { lead.contains($0) }) {
                qualifier = .expected
            }
            if !isTarget && qualifier != .expected && isHypothetical(q, t) { continue }
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

    /// The first token of the clause holding token `i`: after a ";" or a
    /// comma before "and", "but", "while" or "whereas" ("The ministry plans
    /// a bridge, and experts expect trade of $30bn": the plan is not the forecast's).
    static func clauseStart(_ t: SentenceTokens, before i: Int) -> Int {
        var k = i - 1
        while k > 0 {
            if t.lower(k) == ";" { return k + 1 }
            if t.lower(k - 1) == ",", ["and", "but", "while", "whereas"].contains(t.lower(k)) { return k + 1 }
            k -= 1
        }
        return 0
    }

    static let hypotheticalCues = PhraseTable((Lexicon.hypotheticalCues + Lexicon.speculativeModals).map { ($0, true) })

    /// A hypothetical cue within five words of the figure, in its clause.
    static func isHypothetical(_ q: Quantity, _ t: SentenceTokens) -> Bool {
        var k = q.firstToken - 1
        while k >= max(0, q.firstToken - 5) && t.lower(k) != ";" {
            if hypotheticalCues.match(t, at: k) != nil { return true }
            k -= 1
        }
        k = q.endToken
        while k < min(t.tokens.count, q.endToken + 5) && t.lower(k) != ";" {
            if hypotheticalCues.match(t, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// The change a figure states, signed: a decline is negative.
    static func change(_ q: Quantity, _ s: SentenceContext) -> Change? {
        guard let direction = q.change else { return nil }
        let basis = q.yearOnYear ? "year-over-year" : PeriodResolver.basis(for: q, mentions: s.mentions)
        return Change(value: direction == .decrease ? -q.value : q.value, unit: q.unit, direction: direction, basis: basis)
    }

    /// "According to the data published by the General Customs Administration of
    /// China, ..." → "General Customs Administration of China". Only a name
    /// (capitalised) counts: "according to research" and "according to the plan" do not.
    static func reporter(in sentence: String) -> String? {
        // An ASCII sentence without the words in any case names no reporter: Foundation's search is skipped.
        if sentence.utf8.allSatisfy({ $0 < 0x80 }), !containsFolded(sentence, reporterCue) { return nil }
        guard let found = sentence.range(of: "according to ", options: .caseInsensitive)?.upperBound else { return nil }
        var rest = String(sentence[found...])
        if let comma = rest.firstIndex(where: { $0 == "," || $0 == "(" }) { rest = String(rest[..<comma]) }
        let prefixes = [
            "the data published by ", "data published by ", "the statistics from ", "statistics from ",
            "statistics of ", "the statistics of ", "data from ", "the data of ", "data of ", "the ",
        ]
        var changed = true
        while changed {
            changed = false
            for p in prefixes where rest.lowercased().hasPrefix(p) {
                rest = String(rest.dropFirst(p.count))
                changed = true
            }
        }
        rest = rest.trimmingCharacters(in: .whitespaces)
        guard let first = rest.unicodeScalars.first, first.properties.isUppercase, rest.count <= 80,
            !["It", "Him", "Her", "Them"].contains(rest)
        else { return nil }
        return rest
    }

    private static let reporterCue = Array("according to ".utf8)

    /// Whether ASCII `text` holds `lower` (lowercase ASCII letters and spaces) with its letters in either case.
    static func containsFolded(_ text: String, _ lower: [UInt8]) -> Bool {
        let t = Array(text.utf8)
        guard t.count >= lower.count else { return false }
        for i in 0...(t.count - lower.count) {
            var k = 0
            while k < lower.count {
                let b = t[i + k]
                let folded = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                guard folded == lower[k] else { break }
                k += 1
            }
            if k == lower.count { return true }
        }
        return false
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
        // Each merged observation's citations as a set; an observation that took in
        // a second draft gets them back sorted once, at the end. Merging each
        // document's new ids into the sorted list as they came was linear per
        // document, so a figure repeated across n documents cost n² (a third of a
        // warm 10,000-article start).
        var cited: [Set<String>] = []
        var mergedOnce: [Bool] = []
        for o in drafts {
            let key = [o.measure, o.period ?? "undated", String(o.value), o.unit, o.qualifier.rawValue, String(o.isTarget)]
                .joined(separator: "|")
            if let at = position[key] {
                for (source, figure) in zip(o.sources, o.figures) where !seen[at].contains(source) {
                    merged[at].sources.append(source)
                    merged[at].figures.append(figure)
                    seen[at].insert(source)
                }
                cited[at].formUnion(o.citations)
                mergedOnce[at] = true
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
                mergedOnce.append(false)
            }
        }
        // A merged figure's citations: the distinct ids of all its drafts, sorted.
        for at in merged.indices where mergedOnce[at] { merged[at].citations = cited[at].sorted() }
        return merged
    }
}

import Foundation
