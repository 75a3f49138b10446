import Testing

@testable import Corpus

/// The in-place merge must give what the dictionary merge gave: sources in
/// first-seen order without repeats, citations the sorted union.
@Suite struct IndicatorMergeTests {
    func draft(_ doc: String, _ start: Int, cites: [String], value: Double = 5) -> Observation {
        let p = Provenance(document: doc, passage: doc + "-p001", start: start, end: start + 9, quote: "q", text: "t")
        return Observation(
            id: "", measure: "m", label: "M", value: value, unit: "count", period: nil, qualifier: .exact,
            change: nil, category: .trade, reporter: nil, citations: cites, isTarget: false, sources: [p],
            figures: [FigureSpan(document: doc, start: start, end: start + 1, quote: "5")])
    }

    @Test func mergesSourcesAndCitationsAsBefore() {
        let drafts = [
            draft("b", 1, cites: ["b-c2", "b-c1", "b-c2"]), draft("a", 1, cites: []), draft("b", 1, cites: ["a-c9"]),
            draft("c", 4, cites: ["c-c1", "a-c0"], value: 6), draft("c", 5, cites: ["b-c1", "z", "c-c0"]),
            draft("d", 1, cites: ["b-c1"]), draft("e", 2, cites: ["e-c1", "e-c1", "aa"]),
        ]
        let merged = IndicatorExtractor.merge(drafts)
        #expect(merged.count == 2)
        #expect(merged[0].sources.map(\.document) == ["b", "a", "c", "d", "e"])
        #expect(merged[0].figures.map(\.document) == ["b", "a", "c", "d", "e"])
        let union5 = Array(Set(drafts.filter { $0.value == 5 }.flatMap(\.citations))).sorted()
        #expect(merged[0].citations == union5)
        // A figure seen once keeps its draft's list as it was.
        #expect(merged[1].citations == ["c-c1", "a-c0"])
    }
}
