import Foundation
import Testing

@testable import Corpus

/// Extraction on its own (annotations off) against a hand-checked table.
@Suite struct IndicatorExtractorTests {
    var model: CorpusModel { IndicatorRecallTests.raw }

    struct Row: Sendable, CustomStringConvertible {
        var document: String
        var quote: String
        var measure: String
        var value: Double
        var unit: String
        var period: String?
        var qualifier: Qualifier
        var description: String { quote }
    }

    static let burk = "burkitbayevna-2019"
    static let pathak = "pathak-post-cold-war"

    static let table: [Row] = [
        Row(document: burk, quote: "84.07 billion dollars", measure: "bilateral-trade-turnover", value: 84.07, unit: "USD billion", period: "2017", qualifier: .exact),
        Row(document: burk, quote: "\\$ 40.67 billion", measure: "bilateral-trade-turnover", value: 40.67, unit: "USD billion", period: "2018-01/2018-05", qualifier: .exact),
        Row(document: pathak, quote: "58.8 billion dollar", measure: "bilateral-trade-turnover", value: 58.8, unit: "USD billion", period: "2008", qualifier: .exact),
        Row(document: pathak, quote: "107 billion dollar", measure: "bilateral-trade-turnover", value: 107, unit: "USD billion", period: "2018", qualifier: .exact),
        Row(document: pathak, quote: "200 billion dolors", measure: "bilateral-trade-turnover", value: 200, unit: "USD billion", period: "2024", qualifier: .target),
        Row(document: pathak, quote: "at least \\$20 billion", measure: "russia-arms-sales-to-china", value: 20, unit: "USD billion", period: "1992/..", qualifier: .atLeast),
        Row(document: burk, quote: "exceeded 3 billion dollars", measure: "china-food-imports-from-russia", value: 3, unit: "USD billion", period: "2017", qualifier: .moreThan),
        Row(document: burk, quote: "54% of the total", measure: "russia-cross-border-ecommerce-share", value: 54, unit: "percent", period: "2016", qualifier: .exact),
        Row(document: burk, quote: "from 60 to", measure: "chinese-stores-share-of-russian-parcels", value: 60, unit: "percent", period: "2013", qualifier: .exact),
        Row(document: burk, quote: "more than 90%", measure: "chinese-stores-share-of-russian-parcels", value: 90, unit: "percent", period: "2016", qualifier: .moreThan),
        Row(document: burk, quote: "increased by 5 times", measure: "russian-orders-of-chinese-goods-growth", value: 5, unit: "ratio", period: "2016", qualifier: .exact),
        Row(document: burk, quote: "2.2 billion dollars", measure: "chinese-direct-investment-in-russia", value: 2.2, unit: "USD billion", period: "2017", qualifier: .exact),
        Row(document: burk, quote: "increased by 191.4%", measure: "russia-new-construction-contracts-growth", value: 191.4, unit: "percent", period: nil, qualifier: .exact),
        Row(document: burk, quote: "from nine in 2016", measure: "chinese-investment-projects-in-russia", value: 9, unit: "count", period: "2016", qualifier: .exact),
        Row(document: burk, quote: "32 in 2017", measure: "chinese-investment-projects-in-russia", value: 32, unit: "count", period: "2017", qualifier: .exact),
        // "To date", "Currently": the time of writing, not the document's year (the sentence cites a 2018 source).
        Row(document: burk, quote: "six Chinese banks", measure: "chinese-banks-with-branches-in-russia", value: 6, unit: "count", period: nil, qualifier: .exact),
        Row(document: burk, quote: "52.48 million tons", measure: "china-oil-imports-from-russia", value: 52.48, unit: "million tonnes", period: "2016", qualifier: .exact),
        Row(document: burk, quote: "under the master's program — 81", measure: "china-universities-russian-master-programmes", value: 81, unit: "count", period: "2017", qualifier: .exact),
        Row(document: burk, quote: "about 200 universities", measure: "russia-universities-teaching-chinese", value: 200, unit: "count", period: nil, qualifier: .about),
        Row(document: burk, quote: "40 thousand people", measure: "russia-students-of-chinese", value: 40000, unit: "people", period: nil, qualifier: .exact),
        Row(document: burk, quote: "to 100 thousand people", measure: "china-russia-education-exchanges", value: 100000, unit: "people", period: nil, qualifier: .target),
        Row(document: pathak, quote: "around 8,000 personnel", measure: "joint-exercise-chinese-personnel", value: 8000, unit: "people", period: "2005", qualifier: .about),
        Row(document: pathak, quote: "ninety two percent", measure: "russia-share-of-china-arms-imports", value: 92, unit: "percent", period: nil, qualifier: .exact),
        Row(document: pathak, quote: "eight times larger", measure: "china-russia-economy-size-ratio", value: 8, unit: "ratio", period: nil, qualifier: .exact),
        Row(document: pathak, quote: "over 500 of", measure: "china-planned-su30-fleet", value: 500, unit: "count", period: nil, qualifier: .target),
    ]

    @Test(arguments: table) func findsTheFigureExactly(_ row: Row) throws {
        let note = IndicatorAnnotation(quote: row.quote, value: row.value, unit: row.unit)
        let o = try #require(IndicatorRecallTests.found(note, in: row.document, model), "not found: \(row.quote)")
        #expect(o.measure == row.measure)
        #expect(o.period == row.period)
        #expect(o.qualifier == row.qualifier)
    }

    @Test func aChangeStatedWithAFigureIsThatFiguresChangeNotAnObservation() throws {
        let turnover = try #require(model.observations.first { $0.measure == "bilateral-trade-turnover" && $0.value == 84.07 })
        #expect(turnover.change == Change(value: 20.8, unit: "percent", direction: .increase, basis: "compared-to-2016"))
        #expect(!model.observations.contains { $0.value == 20.8 || $0.value == 26.9 || $0.value == 72 || $0.value == 23.7 })
        let fiveMonths = try #require(model.observations.first { $0.value == 40.67 })
        #expect(fiveMonths.change?.basis == "year-over-year")
        #expect(fiveMonths.periodStart == "2018-01-01" && fiveMonths.periodEnd == "2018-05-31")
        #expect(fiveMonths.figures.map(\.quote) == ["\\$ 40.67 billion"])
        let oil = try #require(model.observations.first { $0.measure == "china-oil-imports-from-russia" })
        #expect(oil.change == Change(value: 23.7, unit: "percent", direction: .increase, basis: "year-over-year"))
        // A change with nothing to attach to is its own observation.
        let contracts = try #require(model.observations.first { $0.value == 191.4 })
        #expect(contracts.change?.direction == .increase && contracts.unit == "percent")
    }

    @Test func reportersAreNamedOnlyWhenTheTextNamesThem() {
        let reporters = Set(model.observations.compactMap(\.reporter))
        #expect(reporters == ["General Customs Administration of China", "Ministry of Commerce of China", "Yandex"])
    }

    @Test func tradeTurnoverGathersBothArticlesInOneUnit() throws {
        let obs = model.observations.filter { $0.measure == "bilateral-trade-turnover" }
        #expect(obs.map(\.period).sorted { ($0 ?? "") < ($1 ?? "") } == ["2008", "2017", "2018", "2018-01/2018-05", "2024"])
        #expect(Set(obs.map(\.unit)) == ["USD billion"])
        #expect(obs.filter(\.isTarget).map(\.value) == [200])
        #expect(Set(obs.flatMap(\.sources).map(\.document)) == [Self.burk, Self.pathak])
        let measure = try #require(model.measures.first { $0.id == "bilateral-trade-turnover" })
        #expect(measure.observationCount == 5 && measure.unit == "USD billion" && measure.category == .trade)
        #expect(measure.periodStart == "2008-01-01" && measure.periodEnd == "2024-12-31")
    }

    @Test func wordsThatAreNotFiguresAreLeftAlone() {
        let quotes = model.observations.flatMap(\.figures).map(\.quote)
        // Years, durations, identifiers, ordinals, the ubiquitous "two countries".
        for bad in ["2017", "three", "two", "eighth", "7", "8", "636", "14", "19"] {
            #expect(!quotes.contains(bad), "\(bad) read as a figure")
        }
        // "In the five months of 2018" is a period; "The five largest ... banks" is a figure.
        #expect(model.observations.filter { $0.value == 5 }.map(\.measure).sorted()
            == ["chinese-banks-with-russian-correspondent-relations", "russian-orders-of-chinese-goods-growth"])
    }

    @Test func everySourceAndFigureIsVerbatim() throws {
        #expect(model.observations.count >= 50)
        for o in model.observations {
            #expect(o.sources.count == o.figures.count)
            for (p, f) in zip(o.sources, o.figures) {
                let doc = try #require(model.document(id: p.document))
                #expect(doc.raw.slice(p.start..<p.end) == p.quote)
                #expect(doc.raw.slice(f.start..<f.end) == f.quote)
                #expect(p.start <= f.start && f.end <= p.end, "\(o.id): figure outside its sentence")
            }
        }
    }

    @Test func idsAreUniqueAndStableAcrossReloads() throws {
        let ids = model.observations.map(\.id)
        #expect(Set(ids).count == ids.count)
        let again = try CorpusLoader.load(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        #expect(again.observations.map(\.id) == ids)
        #expect(ids.contains { $0.hasPrefix("bilateral-trade-turnover-2018-01-to-2018-05-") })
    }

    @Test func theSameFigureToldTwiceIsOneObservationWithTwoSources() throws {
        let doc = try #require(model.document(id: Self.burk))
        let drafts = IndicatorExtractor.extract(document: doc, citations: [])
        let twice = IndicatorExtractor.merge(drafts + drafts.prefix(1).map { o in
            var copy = o
            copy.sources = [doc.provenance(passage: doc.passages[0], sentence: doc.passages[0].sentences[0])]
            copy.figures = [FigureSpan(document: doc.id, start: 0, end: 1, quote: "x")]
            return copy
        })
        #expect(twice.count == drafts.count)
        #expect(twice[0].sources.count == 2)
        // Two different figures for the same measure and period stay apart.
        #expect(model.observations.filter { $0.measure == "china-russia-education-exchanges" }.count == 2)
    }

    /// Uses the real in-text citations of the loaded model: "(Li Hui, 2017)"
    /// closes the sentence about Russian visitors to Chinese online stores.
    @Test func citationsInTheSentenceAreListed() throws {
        let cite = try #require(model.inTextCitations.first { $0.text == "(Li Hui, 2017)" })
        let visitors = try #require(model.observations.first { $0.value == 38 && $0.unit == "percent" })
        #expect(visitors.citations == [cite.id])
        // Only figures whose own sentence carries a citation list one.
        for observation in model.observations where !observation.citations.isEmpty {
            let ids = Set(observation.citations)
            let cited = model.inTextCitations.filter { ids.contains($0.id) }
            #expect(cited.allSatisfy { c in observation.sources.contains { $0.document == c.document && $0.start <= c.source.start && c.source.end <= $0.end + 1 } })
        }
    }
}
