import Foundation
import Testing

@testable import Corpus

/// An index built on the one it replaces (a reload) answers every query as
/// a cold build of the same documents and records does.
@Suite struct SearchIndexReuseTests {
    struct Note: SearchableRecord {
        var id: String
        var searchText: String
        var sources: [Provenance] = []
    }

    static func document(_ id: String, _ text: String) -> Document {
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: id, raw: raw)
        return Document(
            metadata: DocumentMetadata(id: id, text: "\(id).txt", title: id, authors: []), raw: raw,
            sections: sections, passages: passages)
    }

    static let ferries = document(
        "a-ferries", "# Ferries\n\nA ferry line opened between two river ports in June 2027.\n\nThe ferry carried grain and timber.\n")
    static let rails = document(
        "b-rails", "# Rails\n\nA freight railway crossed the border in 2015. Timber went east.\n")
    static let railsLonger = document(
        "b-rails", "# Rails\n\nA freight railway crossed the border in 2015. Timber went east.\n\nA second track followed in 2019, for coal.\n")
    static let bridges = document(
        "c-bridges", "# Bridges\n\nThe road bridge over the Amur opened in 2019. Grain trucks use it.\n")
    static let orchards = document("d-orchards", "# Orchards\n\nApple orchards near the river export to Harbin.\n")

    static let queries = [
        "ferry", "timber", "grain", "coal", "railway border", "\"freight railway\"", "bridge amur", "harbin",
        "orchards", "river", "2019", "opened", "ferry grain", "apple", "freight corridors", "annual report",
        "petrov", "volga",
    ]

    static func answers(_ index: SearchIndex) -> [String] {
        queries.map { q in
            let (total, hits) = index.search(q, types: nil, limit: 50, offset: 0)
            return "\(q): \(total) " + hits.map { "\($0.type.rawValue)/\($0.id)@\($0.score)[\($0.snippet)]" }.joined(separator: " ")
        }
    }

    /// Each document's reference list, as the model orders them: document after document.
    static let referenceLists: [String: [String]] = [
        "a-ferries": ["Volga Shipping Board, 2026. River ports", "Ivanova, M. Grain by water"],
        "b-rails": ["Chen, L. (2016). Freight corridors", "Petrov, A. Timber trade"],
        "c-bridges": ["Amur Bridge Company (2020). Annual report"],
        "d-orchards": [],
    ]

    static func citations(_ documents: [Document]) -> [Note] {
        documents.flatMap { d in
            (referenceLists[d.id] ?? []).enumerated().map { Note(id: "\(d.id)-r\($0.offset)", searchText: $0.element) }
        }
    }

    static func build(_ documents: [Document], records: [String], reusing previous: SearchIndex? = nil) -> SearchIndex {
        let events = records.enumerated().map { Note(id: "e\($0.offset)", searchText: $0.element) }
        let cites = citations(documents)
        guard let previous else {
            return SearchIndex(documents: documents, events: events, indicators: [Note](), citations: cites)
        }
        let kept = documents.map { d in
            previous.documents.firstIndex { $0.id == d.id && $0.raw.string == d.raw.string }
        }
        // A kept document's references are the ones the previous index has, where it had them.
        func starts(_ documents: [Document]) -> [Int] {
            documents.reduce(into: [0]) { $0.append($0.last! + (referenceLists[$1.id] ?? []).count) }
        }
        let (oldStarts, newStarts) = (starts(previous.documents), starts(documents))
        let keptCitations = documents.indices.compactMap { d -> (old: Range<Int>, new: Range<Int>)? in
            guard let old = kept[d] else { return nil }
            return (oldStarts[old]..<oldStarts[old + 1], newStarts[d]..<newStarts[d + 1])
        }
        return SearchIndex(
            documents: documents, events: events, indicators: [Note](), citations: cites, reusing: previous,
            keptFrom: kept, keptCitations: keptCitations)
    }

    /// One document changed (a passage more), one removed, one added in
    /// the middle, the records replaced: every query answers as a cold build.
    @Test func aReusedIndexAnswersAsAColdOne() {
        let first = Self.build([Self.ferries, Self.rails, Self.bridges], records: ["Ferry line opened", "Timber by rail"])
        let documents = [Self.railsLonger, Self.bridges, Self.orchards]
        let records = ["Coal by rail", "Bridge opened over the Amur"]
        let reused = Self.build(documents, records: records, reusing: first)
        let cold = Self.build(documents, records: records)
        #expect(Self.answers(reused) == Self.answers(cold))
        #expect(reused.count == cold.count)
        // The removed document's words are gone (its references too), the added one's found.
        #expect(reused.search("ferry", types: nil, limit: 5, offset: 0).total == 0)
        #expect(reused.search("volga", types: nil, limit: 5, offset: 0).total == 0)
        #expect(reused.search("amur bridge company", types: [.citation], limit: 5, offset: 0).hits.map(\.id) == ["c-bridges-r0"])
        #expect(reused.search("orchards", types: [.passage], limit: 5, offset: 0).total == 1)
        // Built again on that one, with nothing changed, it still answers alike.
        let again = Self.build(documents, records: records, reusing: reused)
        #expect(Self.answers(again) == Self.answers(cold))
    }

    /// Unused terms pile up only to half the terms: then the build is a cold one.
    @Test func unusedTermsDoNotPileUp() {
        var index = Self.build([Self.ferries, Self.rails], records: [])
        var sawUnused = false
        for round in 0..<12 {
            let word = "word\(round)x"
            let changing = Self.document("z-changing", "# Z\n\n\(word) alone.\n")
            index = Self.build([Self.rails, changing], records: [], reusing: index)
            sawUnused = sawUnused || index.unusedTerms > 0
            #expect(index.unusedTerms * 2 <= index.postings.count + 2, "\(index.unusedTerms) of \(index.postings.count)")
            #expect(index.search(word, types: nil, limit: 5, offset: 0).total == 1)
        }
        #expect(sawUnused)
    }
}
