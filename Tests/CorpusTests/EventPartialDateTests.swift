import Foundation
import Testing

@testable import Corpus

/// `PartialDate` is shared by the events and indicators filters: its parsing
/// and bounds decide which records a `?from=&to=` query returns.
@Suite struct EventPartialDateTests {
    @Test func parsesTheThreePrecisions() throws {
        #expect(PartialDate("2001")?.precision == .year)
        #expect(PartialDate("2015-05")?.precision == .month)
        #expect(PartialDate("2001-07-16")?.precision == .day)
        #expect(PartialDate("2001-07-16")?.description == "2001-07-16")
        #expect(PartialDate("2016-02-29") != nil)
    }

    @Test func rejectsImpossibleOrMalformedDates() {
        for bad in ["2001-13", "2001-02-30", "2001-02-29", "abc", "", "201", "2001-7", "2001-07-16-01", "2001-00", "0000", "2001-04-31", " 2001"] {
            #expect(PartialDate(bad) == nil, "\(bad)")
        }
        #expect(throws: PartialDate.ParseError.monthOutOfRange("2001-13")) { try PartialDate.parse("2001-13") }
        #expect(throws: PartialDate.ParseError.dayOutOfRange("2001-02-30")) { try PartialDate.parse("2001-02-30") }
    }

    @Test func boundsCoverTheWholeSpan() throws {
        let may = try #require(PartialDate("2015-05"))
        #expect(may.lowerBound.description == "2015-05-01")
        #expect(may.upperBound.description == "2015-05-31")
        #expect(PartialDate("2016-02")?.upperBound.description == "2016-02-29")
        #expect(PartialDate("2001")?.upperBound.description == "2001-12-31")
        #expect(try #require(PartialDate("2015")).contains(may))
        #expect(may.overlaps(try #require(PartialDate("2015-05-20"))))
        #expect(!may.overlaps(try #require(PartialDate("2015-06"))))
    }

    @Test func openWindowsOverlap() throws {
        let y2020 = try #require(PartialDate("2020")), y2021 = try #require(PartialDate("2021"))
        #expect(PartialDate.span(start: y2020, end: y2021, overlapsFrom: PartialDate("2021-06"), to: nil))
        #expect(!PartialDate.span(start: y2020, end: y2021, overlapsFrom: PartialDate("2022"), to: nil))
        #expect(!PartialDate.span(start: y2020, end: nil, overlapsFrom: nil, to: PartialDate("2019-12-31")))
        #expect(PartialDate.span(start: y2020, end: nil, overlapsFrom: nil, to: nil))
    }

    @Test func sortsChronologicallyAndCodesAsAString() throws {
        let dates = ["2001-07-16", "2001", "1996", "2001-07"].compactMap(PartialDate.init)
        #expect(dates.sorted().map(\.description) == ["1996", "2001", "2001-07", "2001-07-16"])
        let json = try JSONEncoder().encode([PartialDate("2015-05")!])
        #expect(String(decoding: json, as: UTF8.self) == #"["2015-05"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PartialDate].self, from: Data(#"["2001-13"]"#.utf8)) }
    }
}
