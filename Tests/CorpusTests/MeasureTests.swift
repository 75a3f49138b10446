import Foundation
import Testing

@testable import Corpus

/// Measures and the series a dashboard draws from them.
@Suite struct MeasureTests {
    var model: CorpusModel { IndicatorRecallTests.annotated }

    @Test func everyObservationBelongsToOneListedMeasureWithItsCount() {
        let ids = Set(model.measures.map(\.id))
        #expect(model.observations.allSatisfy { ids.contains($0.measure) })
        for m in model.measures {
            #expect(m.observationCount == model.observations.filter { $0.measure == m.id }.count, "\(m.id)")
        }
        #expect(model.measures.count >= 40)
    }

    @Test func measureJSONHasExplicitNulls() throws {
        let undated = try #require(model.measures.first { $0.periodStart == nil })
        let object = try ObservationTests.json(undated)
        #expect(Set(object.keys) == ["id", "label", "unit", "category", "observation_count", "period_start", "period_end"])
        #expect(object["period_start"] is NSNull)
        let arms = try #require(model.measures.first { $0.id == "russia-arms-sales-to-china" })
        #expect(arms.periodStart == "1992-01-01" && arms.periodEnd == nil)
    }

    @Test func tradeSeriesIsInTimeOrderWithRFC3339Times() throws {
        let series = Measure.series(measure: "bilateral-trade-turnover", observations: model.observations)
        #expect(series.map(\.period) == ["2008", "2017", "2018", "2018-01/2018-05", "2024"])
        #expect(series.map(\.time) == [
            "2008-01-01T00:00:00Z", "2017-01-01T00:00:00Z", "2018-01-01T00:00:00Z", "2018-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z",
        ])
        #expect(series.map(\.value) == [58.8, 84.07, 107, 40.67, 200])
        #expect(series.map(\.isTarget) == [false, false, false, false, true])
        #expect(series[1].change?.value == 20.8)
        #expect(series[0].source.document == "pathak-post-cold-war" && series[1].source.document == "burkitbayevna-2019")
        let object = try ObservationTests.json(series[0])
        #expect(Set(object.keys) == ["period", "time", "value", "qualifier", "change", "is_target", "source", "observation"])
        #expect(object["change"] is NSNull)
    }

    @Test func undatedObservationsStayOutOfTheSeries() {
        let exchanges = model.observations.filter { $0.measure == "china-russia-education-exchanges" }
        #expect(exchanges.count == 2 && exchanges.allSatisfy { $0.period == nil })
        #expect(Measure.series(measure: "china-russia-education-exchanges", observations: model.observations).isEmpty)
        #expect(Measure.series(measure: "no-such-measure", observations: model.observations).isEmpty)
    }

    @Test func periodsParseAndPrintISO() throws {
        for iso in ["2017", "2018-01/2018-05", "1992/..", "2016/2017", "2015-05"] {
            #expect(Period(iso: iso)?.description == iso)
        }
        #expect(Period(iso: "2018-01/2018-05")?.endDay == "2018-05-31")
        #expect(Period(iso: "2017/2016") == nil && Period(iso: "soon") == nil)
    }
}
