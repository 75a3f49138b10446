import Foundation
import Testing

@testable import Corpus

/// The JSON an API client sees for an observation.
@Suite struct ObservationTests {
    static func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static let keys: Set<String> = [
        "id", "measure", "label", "value", "unit", "period", "period_start", "period_end", "qualifier", "change",
        "category", "reporter", "citations", "is_target", "sources", "figures",
    ]

    @Test func everyObservationHasTheSameSnakeCaseKeysWithExplicitNulls() throws {
        for o in IndicatorRecallTests.annotated.observations {
            let object = try Self.json(o)
            #expect(Set(object.keys) == Self.keys, "\(o.id)")
        }
        let undated = try #require(IndicatorRecallTests.annotated.observations.first { $0.period == nil && $0.reporter == nil && $0.change == nil })
        let object = try Self.json(undated)
        #expect(object["period"] is NSNull && object["period_start"] is NSNull && object["reporter"] is NSNull)
        #expect(object["change"] is NSNull)
    }

    @Test func aChangeEncodesItsBasisAndAFigureItsPeriodBounds() throws {
        let turnover = try #require(IndicatorRecallTests.annotated.observations.first { $0.value == 84.07 })
        let object = try Self.json(turnover)
        #expect(object["period"] as? String == "2017")
        #expect(object["period_start"] as? String == "2017-01-01" && object["period_end"] as? String == "2017-12-31")
        #expect(object["qualifier"] as? String == "exact" && object["is_target"] as? Bool == false)
        #expect(object["category"] as? String == "trade" && object["unit"] as? String == "USD billion")
        let change = try #require(object["change"] as? [String: Any])
        #expect(change["value"] as? Double == 20.8 && change["direction"] as? String == "increase")
        #expect(change["basis"] as? String == "compared-to-2016" && change["unit"] as? String == "percent")
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(Set(sources[0].keys) == ["document", "passage", "start", "end", "quote", "text"])
    }

    @Test func roundTripsThroughJSON() throws {
        let observations = IndicatorRecallTests.annotated.observations
        let data = try JSONEncoder().encode(observations)
        #expect(try JSONDecoder().decode([Observation].self, from: data) == observations)
    }

    @Test func searchTextHoldsLabelQuoteAndReporter() throws {
        let oil = try #require(IndicatorRecallTests.annotated.observations.first { $0.measure == "china-oil-imports-from-russia" })
        #expect(oil.searchText.contains("Chinese oil imports from Russia"))
        #expect(oil.searchText.contains("52.48 million tons of oil"))
        #expect(oil.searchText.contains("Ministry of Commerce of China"))
    }
}
