/// One dated telling of a happening, before tellings of the same happening are merged.
/// Codable (synthesised): the extraction cache stores a document's
/// candidates, so a new field needs no cache code (`Sources/Corpus/Cache`).
struct EventCandidate: Sendable, Codable {
    var event: TimelineEvent
    /// Happening nouns in the sentence ("treaty", "statement", "exercise").
    var keyTerms: Set<String>
    /// Position in the corpus (document order, raw offset), for a stable order of sources.
    var order: Order
    /// Set by a curated annotation; a curated telling is preferred as the merged event's face.
    var curated = false
    /// An undated retelling attached by a curator: a source, never the merged event's face.
    var isRetelling = false
    /// Dropped by a curated `exclude`.
    var excluded = false
    /// Quotes of other tellings a curator says are the same happening (`same_as`).
    var sameAs: [String] = []

    /// A struct rather than a tuple, so the candidate is Codable.
    struct Order: Sendable, Codable {
        var document: Int
        var offset: Int
    }

    init(event: TimelineEvent, keyTerms: Set<String>, order: (document: Int, offset: Int)) {
        self.event = event
        self.keyTerms = keyTerms
        self.order = Order(document: order.document, offset: order.offset)
    }
}

/// Joins tellings of one happening ("signed the Treaty ... on July 16, 2001",
/// "The friendship treaty of 2001 was renewed ...", "The treaty of 2001
/// promise that ...") into one event with every source.
///
/// Rule: two tellings are one happening when they have the same category and
/// status, one date contains the other (2001 contains July 16, 2001) within
/// one calendar year (a range of years is a period, not one happening), they
/// share a happening noun (treaty, joint statement, visit, exercise,
/// pipeline, ...) and they come from different sentences (two dates in one
/// sentence are two happenings). A curated `same_as` joins what the rule
/// misses. The merged event keeps the most precise telling's date, title,
/// summary and status (a curated one wins a tie), the union of actors, and
/// every source, that telling's first.
enum EventMerger {
    static func merge(_ candidates: [EventCandidate], sameAs: [(Int, Int)] = []) -> [TimelineEvent] {
        var parent = Array(candidates.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // What the rule compares, taken out of the candidates once: comparing
        // whole candidates copied them per pair. Only tellings of one category
        // and status that share a happening noun can merge, so pairs are
        // formed within (kind, noun) buckets, where that half of the rule
        // holds already; a pair already joined through a third telling is
        // not compared again. The joined groups are the same whatever the
        // order of the comparisons. On 1,000 articles the pair loop over
        // whole (kind) groups was a fifth of the load, on one core.
        var documentNumbers: [String: Int] = [:]
        let tellings = candidates.map { candidate in
            let document = candidate.event.evidence[0].provenance.document
            let number = documentNumbers[document] ?? documentNumbers.count
            documentNumbers[document] = number
            return Telling(candidate, document: number)
        }
        var buckets: [Telling.Bucket: [Int]] = [:]
        for i in tellings.indices {
            for term in tellings[i].keyTerms { buckets[Telling.Bucket(kind: tellings[i].kind, term: term), default: []].append(i) }
        }
        let spans = tellings.map(\.span)
        for members in buckets.values {
            let groups = Telling.DateGroup.groups(of: members, spans: spans)
            for group in groups where group.hasTwoSentences {
                for m in group.members.dropFirst() { union(group.members[0], m) }
            }
            var joined = [Bool](repeating: false, count: groups.count)
            for a in groups.indices {
                for b in groups.index(after: a)..<groups.count where groups[a].mayJoin(groups[b]) {
                    union(groups[a].members[0], groups[b].members[0])
                    joined[a] = true
                    joined[b] = true
                }
            }
            // A group of one sentence is joined whole or not at all (see `DateGroup`).
            for (g, group) in groups.enumerated() where joined[g] && !group.hasTwoSentences {
                for m in group.members.dropFirst() { union(group.members[0], m) }
            }
        }
        for (a, b) in sameAs { union(a, b) }

        var groups: [Int: [Int]] = [:]
        for i in candidates.indices { groups[find(i), default: []].append(i) }
        return groups.values.map { members in combine(members.map { candidates[$0] }) }
    }

    /// The parts of a candidate the merge rule looks at.
    struct Telling {
        struct Kind: Hashable {
            let category: EventCategory
            let status: EventStatus
        }

        /// Tellings that share a kind and a happening noun.
        struct Bucket: Hashable {
            let kind: Kind
            let term: String
        }

        /// The rest of the rule, in plain values so a pair costs no copies.
        struct Span {
            let from: PartialDate
            let to: PartialDate
            /// The source document, numbered in the merge.
            let document: Int
            let start: Int
            let end: Int

            /// A span of one calendar year at most: a range of years ("from 1993
            /// to 1997"), a decade or a century is a period, not a telling of
            /// one happening within it.
            var isOneYear: Bool { from.year == to.year }

            /// One date within the other, both within one year, and not the same sentence.
            func mayJoin(_ other: Span) -> Bool {
                let within = ((from <= other.from && other.to <= to) || (other.from <= from && to <= other.to))
                    && isOneYear && other.isOneYear
                return within && !(document == other.document && start == other.start && end == other.end)
            }
        }

        /// The tellings of one bucket with the same dates. The pair rule
        /// then reads the same for all of them, except for the same-sentence
        /// test: with two sentences or more a group is joined whole (every
        /// two of its tellings from different sentences join, and every
        /// telling has one such partner), and a telling outside it joins it
        /// when the dates nest, as it differs in sentence from one of them at
        /// least. A group of one sentence has no pair of its own; a telling
        /// outside joins each of its tellings or none. So the pair rule runs
        /// over groups, not tellings: on 1,000 articles a bucket held
        /// thousands of tellings of a few hundred dates, and the pairs were
        /// most of the merge.
        struct DateGroup {
            let span: Span
            var members: [Int]
            var hasTwoSentences = false

            func mayJoin(_ other: DateGroup) -> Bool {
                let (a, b) = (span, other.span)
                let within = ((a.from <= b.from && b.to <= a.to) || (b.from <= a.from && a.to <= b.to))
                    && a.isOneYear && b.isOneYear
                guard within else { return false }
                if hasTwoSentences || other.hasTwoSentences { return true }
                return !(a.document == b.document && a.start == b.start && a.end == b.end)
            }

            struct Dates: Hashable {
                let from: PartialDate
                let to: PartialDate
            }

            /// `members` by dates, in order of first member.
            static func groups(of members: [Int], spans: [Span]) -> [DateGroup] {
                var index: [Dates: Int] = [:]
                var groups: [DateGroup] = []
                for i in members {
                    let span = spans[i]
                    let key = Dates(from: span.from, to: span.to)
                    if let g = index[key] {
                        let first = groups[g].span
                        if !(first.document == span.document && first.start == span.start && first.end == span.end) {
                            groups[g].hasTwoSentences = true
                        }
                        groups[g].members.append(i)
                    } else {
                        index[key] = groups.count
                        groups.append(DateGroup(span: span, members: [i]))
                    }
                }
                return groups
            }
        }

        let kind: Kind
        let keyTerms: Set<String>
        let span: Span

        init(_ candidate: EventCandidate, document: Int) {
            let event = candidate.event
            kind = Kind(category: event.category, status: event.status)
            keyTerms = candidate.keyTerms
            let source = event.evidence[0].provenance
            span = Span(
                from: event.date.start.lowerBound, to: (event.date.end ?? event.date.start).upperBound,
                document: document, start: source.start, end: source.end)
        }

    }

    static func combine(_ members: [EventCandidate]) -> TimelineEvent {
        let ordered = members.sorted { a, b in
            if a.isRetelling != b.isRetelling { return b.isRetelling }
            let (ra, rb) = (a.event.date.precision.rank, b.event.date.precision.rank)
            if ra != rb { return ra > rb }
            if a.curated != b.curated { return a.curated }
            return (a.order.document, a.order.offset) < (b.order.document, b.order.offset)
        }
        var event = ordered[0].event
        let rest = ordered.dropFirst().sorted { ($0.order.document, $0.order.offset) < ($1.order.document, $1.order.offset) }
        var seenSources = Set(event.evidence.map(\.provenance))
        for other in rest {
            for source in other.event.evidence where seenSources.insert(source.provenance).inserted {
                event.evidence.append(source)
            }
            for actor in other.event.actors where !event.actors.contains(actor) {
                event.actors.append(actor)
            }
        }
        return event
    }
}
