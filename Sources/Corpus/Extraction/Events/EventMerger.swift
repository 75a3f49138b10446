/// One dated telling of a happening, before tellings of the same happening are merged.
struct EventCandidate: Sendable {
    var event: TimelineEvent
    /// Happening nouns in the sentence ("treaty", "statement", "exercise").
    var keyTerms: Set<String>
    /// Position in the corpus (document order, raw offset), for a stable order of sources.
    var order: (document: Int, offset: Int)
    /// Set by a curated annotation; a curated telling is preferred as the merged event's face.
    var curated = false
    /// An undated retelling attached by a curator: a source, never the merged event's face.
    var isRetelling = false
    /// Dropped by a curated `exclude`.
    var excluded = false
    /// Quotes of other tellings a curator says are the same happening (`same_as`).
    var sameAs: [String] = []
}

/// Joins tellings of one happening ("signed the Treaty ... on July 16, 2001",
/// "The friendship treaty of 2001 was renewed ...", "The treaty of 2001
/// promise that ...") into one event with every source.
///
/// Rule: two tellings are one happening when they have the same category and
/// status, one date contains the other (2001 contains July 16, 2001), they
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
        for i in candidates.indices {
            for j in candidates.indices where j > i && sameHappening(candidates[i], candidates[j]) {
                union(i, j)
            }
        }
        for (a, b) in sameAs { union(a, b) }

        var groups: [Int: [Int]] = [:]
        for i in candidates.indices { groups[find(i), default: []].append(i) }
        return groups.values.map { members in combine(members.map { candidates[$0] }) }
    }

    static func sameHappening(_ a: EventCandidate, _ b: EventCandidate) -> Bool {
        let (x, y) = (a.event, b.event)
        guard x.category == y.category, x.status == y.status, !a.keyTerms.isDisjoint(with: b.keyTerms) else {
            return false
        }
        guard x.date.contains(y.date) || y.date.contains(x.date) else { return false }
        let (px, py) = (x.evidence[0].provenance, y.evidence[0].provenance)
        return !(px.document == py.document && px.start == py.start && px.end == py.end)
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
