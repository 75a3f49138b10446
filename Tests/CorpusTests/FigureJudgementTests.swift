import Foundation
import Testing

@testable import Corpus

/// What becomes of the figures of a whole article: changes that belong to a
/// figure, targets and forecasts, suppositions, tables. The article is
/// written for these tests.
@Suite struct FigureJudgementTests {
    static let text = """
        # Grain and gas across the Amur

        ## Trade

        In 2021, grain exports rose 18% to $2.4bn, and timber exports reached $1.1bn, down 6.5% y/y.

        Freight fell by 12 per cent in 2022, to 9.5 million tonnes, as the river froze early.

        The river's share of freight declined by 6 percentage points, to 41%, in 2023.

        By 2019 more than 80 per cent of cargo crossed by rail. The ministry plans to raise capacity to over 3,000 trucks a day by 2030, and experts expect trade of about $30bn in 2031.

        If the bridge were to close, up to 40% of the trade could stop.

        By 2024 the river fleet had 14 ships. Ferry crossings increased by 2.5 times. The terminal handled 640,000 units, up 7.5% year on year, and close to 1.3 million Korean visitors came through it.

        Table 1. Grain exports by port (US$ million)

        | Year | Blagoveshchensk | Zabaikalsk | Change on previous year (%) |
        | --- | --- | --- | --- |
        | 2020 | 410.5 | 220 | +4.0 |
        | 2021 | 455.0 | — | −1.5 |

        ## Notes

        1. Author, A Story of 12 Ships, 2020.
        """

    static let observations: [Observation] = {
        let corpus = try! TempCorpus(copyingDefault: false)
        try! corpus.write(text, to: "amur-grain.txt")
        try! corpus.write(
            #"{"id": "amur-grain", "text": "amur-grain.txt", "title": "Grain and gas across the Amur", "authors": [], "year": 2024}"#,
            to: "amur-grain.json")
        return try! CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false)).observations
    }()

    func one(_ value: Double) throws -> Observation {
        let found = Self.observations.filter { $0.value == value }
        #expect(found.count == 1, "\(value): \(found.map(\.unit))")
        return try #require(found.first)
    }

    @Test func aChangeBelongsToTheFigureBesideIt() throws {
        let grain = try one(2.4)
        #expect(grain.change == Change(value: 18, unit: "percent", direction: .increase, basis: nil))
        let timber = try one(1.1)
        #expect(timber.change == Change(value: -6.5, unit: "percent", direction: .decrease, basis: "year-over-year"))
        let freight = try one(9.5)
        #expect(freight.change?.value == -12 && freight.unit == "million tonnes" && freight.period == "2022")
        #expect(!Self.observations.contains { [18, 6.5, 12].contains($0.value) }, "a change is not its own figure")
    }

    @Test func aChangeBeforeToBelongsToTheShareAfterIt() throws {
        let share = try one(41)
        #expect(share.unit == "percent" && share.period == "2023")
        #expect(share.change?.value == -6 && share.change?.unit == "percentage points")
        #expect(!Self.observations.contains { $0.value == 6 }, "the change in points is not its own figure")
    }

    @Test func targetsAndForecastsAgreeWithTheirQualifier() throws {
        let trucks = try one(3000)
        #expect(trucks.isTarget && trucks.qualifier == .target && trucks.unit == "count per day")
        let forecast = try one(30)
        #expect(!forecast.isTarget && forecast.qualifier == .expected)
        // "By 2019" in a 2024 article is a result, not a plan.
        let rail = try one(80)
        #expect(!rail.isTarget && rail.qualifier == .moreThan && rail.period == "2019")
        // Nor is "by 2024" in an article of 2024.
        let fleet = try one(14)
        #expect(!fleet.isTarget && fleet.qualifier == .exact)
    }

    @Test func aMultipleIsItsOwnValueNotItsOwnChange() throws {
        let ferries = try one(2.5)
        #expect(ferries.unit == "ratio" && ferries.change == nil)
    }

    @Test func countsOfThingsAndPeopleWithTheirChange() throws {
        let units = try one(640_000)
        #expect(units.unit == "count" && units.change?.value == 7.5 && units.change?.basis == "year-over-year")
        let visitors = try one(1_300_000)
        #expect(visitors.unit == "people" && visitors.qualifier == .about)
    }

    @Test func aSuppositionIsNotAFigure() {
        #expect(!Self.observations.contains { $0.value == 40 })
    }

    @Test func everyTableCellIsAFigureQuotedByItsRow() throws {
        let cell = try one(410.5)
        #expect(cell.unit == "USD million" && cell.period == "2020")
        #expect(cell.sources.map(\.quote) == ["| 2020 | 410.5 | 220 | +4.0 |"])
        #expect(try one(220).period == "2020")
        // The change column is the change of the figure before it.
        #expect(try one(455).change?.value == -1.5)
        #expect(!Self.observations.contains { $0.value == 4 || $0.value == -1.5 })
    }

    @Test func notesAreNotRead() {
        #expect(!Self.observations.contains { $0.value == 12 })
    }
}
