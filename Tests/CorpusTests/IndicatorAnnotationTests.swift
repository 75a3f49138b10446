import Foundation
import Testing

@testable import Corpus

/// Curated records correct, add and drop what extraction finds.
@Suite struct IndicatorAnnotationTests {
    static let burk = try! #require(IndicatorRecallTests.raw.document(id: "burkitbayevna-2019"))

    func extract(_ notes: [IndicatorAnnotation]) -> [Observation] {
        IndicatorExtractor.extract(documents: [Self.burk], citations: [], annotations: [Self.burk.id: notes]).observations
    }

    @Test func anAnnotationRenamesAMeasureAndFixesACategory() throws {
        let obs = extract([
            IndicatorAnnotation(
                quote: "six Chinese banks", measure: "chinese-bank-branches", label: "Chinese bank branches",
                category: .investment, period: "2018")
        ])
        let banks = try #require(obs.first { $0.value == 6 })
        #expect(banks.measure == "chinese-bank-branches" && banks.label == "Chinese bank branches")
        #expect(banks.category == .investment && banks.period == "2018" && banks.periodEnd == "2018-12-31")
        #expect(banks.id.hasPrefix("chinese-bank-branches-2018-"))
    }

    @Test func theValueChoosesAmongFiguresInOneQuote() throws {
        let obs = extract([
            IndicatorAnnotation(quote: "increased from 60 to more than 90%", value: 90, qualifier: .atLeast)
        ])
        #expect(obs.first { $0.value == 90 }?.qualifier == .atLeast)
        #expect(obs.first { $0.value == 60 }?.qualifier == .exact)
    }

    @Test func excludeDropsAndAMissedFigureIsAdded() throws {
        let obs = extract([
            IndicatorAnnotation(quote: "The five largest state-owned banks", exclude: true),
            IndicatorAnnotation(
                quote: "eighth consecutive year", measure: "china-years-as-russias-largest-trading-partner",
                category: .trade, value: 8, unit: "years", period: "2017"),
        ])
        #expect(!obs.contains { $0.measure == "chinese-banks-with-russian-correspondent-relations" })
        let added = try #require(obs.first { $0.measure == "china-years-as-russias-largest-trading-partner" })
        #expect(added.value == 8 && added.unit == "years" && added.category == .trade)
        #expect(added.sources.first?.quote.contains("eighth consecutive year") == true)
        #expect(added.figures.first?.quote == "eighth consecutive year")
    }

    @Test func decodesSnakeCaseAndOptionalFields() throws {
        let json = #"{"quote": "x", "value": 200, "unit": "USD billion", "qualifier": "target", "is_target": true}"#
        let note = try JSONDecoder().decode(IndicatorAnnotation.self, from: Data(json.utf8))
        #expect(note.isTarget == true && note.qualifier == .target && note.measure == nil && note.exclude == nil)
    }

    @Test func curatedQuotesAreAllInTheirDocument() throws {
        for (document, note) in IndicatorRecallTests.truth {
            let doc = try #require(IndicatorRecallTests.raw.document(id: document))
            #expect(doc.raw.occurrences(of: note.quote).count == 1, "\(note.quote)")
        }
    }
}
