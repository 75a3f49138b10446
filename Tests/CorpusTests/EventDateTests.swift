import Foundation
import Testing

@testable import Corpus

/// How the finder reads dates in prose: every form the articles use, and
/// the look-alikes (citations, figures, names) that must not date anything.
@Suite struct EventDateTests {
    func dates(_ text: String) -> [String] {
        DateMentionFinder.mentions(in: text).map { m in
            [m.date.start.description, m.date.end?.description, m.date.precision.rawValue, m.date.qualifier?.rawValue]
                .compactMap { $0 }.joined(separator: " ")
        }
    }

    @Test func readsEveryPrecisionTheArticlesUse() {
        #expect(dates("The turning point came on July 16, 2001 when, in Moscow, they signed.") == ["2001-07-16 day"])
        #expect(dates("The friendship treaty of 2001 was renewed on 28 June 2021.") == ["2001 year", "2021-06-28 day"])
        #expect(dates("Again on 23 March 2021, they extended same spirit.") == ["2021-03-23 day"])
        #expect(dates("In May 2015, the heads of state signed a joint statement.") == ["2015-05 month"])
        #expect(dates("Another exercise conducted on July 2009 at Shenyang.") == ["2009-07 month"])
        #expect(dates("Since 1992, military sales have grown.") == ["1992 year since"])
        #expect(dates("in the middle of the XVII century, China and Russia established relations") == ["1634 1666 century mid"])
        #expect(dates("based on the Russian cooperation in the early 1950s.") == ["1950 1953 decade early"])
        #expect(dates("partnership of the 1950s, the new relationship") == ["1950 1959 decade"])
        #expect(dates("China and Russia has celebrated 2020-21 as a year of science.") == ["2020 2021 year"])
        #expect(dates("the entire line will be laid before the end of 2020.") == ["2020 year by"])
        #expect(dates("The 1996 the two countries decided.") == ["1996 year"])
    }

    @Test func displaysDatesForAReader() throws {
        func display(_ text: String) -> String? { DateMentionFinder.mentions(in: text).first?.date.display }
        #expect(display("came on July 16, 2001 when") == "July 16, 2001")
        #expect(display("renewed on 28 June 2021.") == "June 28, 2021")
        #expect(display("In May 2015, they signed") == "May 2015")
        #expect(display("in the middle of the XVII century") == "mid-17th century")
        #expect(display("in the early 1950s") == "early 1950s")
        #expect(display("Since 1992, sales") == "since 1992")
        #expect(display("celebrated 2020-21 as") == "2020–2021")
    }

    @Test func citationYearsDateNothing() {
        #expect(dates("Their relations improved (Bin, 2009, 81).").isEmpty)
        #expect(dates("They believe in equality (Joint statements, 2016), and order (Joint Statement, 2019).").isEmpty)
        #expect(dates("Unlike earlier, it is limited (Levine, 1992:26-38).").isEmpty)
        #expect(dates("It is sustained by self-interest (Menon, 1997\"101).").isEmpty)
        #expect(dates("NATO to its borders is unacceptable (The National Security of the Russian Federation Until 2020).").isEmpty)
        // A bare year in parentheses dates a happening.
        #expect(dates("that was continued in the South China (2016) and the Baltic Sea (2017).") == ["2016 year", "2017 year"])
        // The year of the citation is not the year of the happening beside it.
        #expect(dates("signed the joint statement in 2005 (Joint Statement, 2005).") == ["2005 year"])
    }

    @Test func typosFiguresAndNamesDateNothing() {
        #expect(dates("ratified the Action Plan to Implement the Treaty (2009-1212) (China-Russia Joint Statement, 2009).").isEmpty)
        #expect(dates("bilateral trade amounted to $ 40.67 billion, 2,009 tons, 1999% more").isEmpty)
        #expect(dates("the Maritime Silk Road of the XXI century").isEmpty)
        #expect(dates("Entering the Twenty-first century, relations continue to move forward.").isEmpty)
        #expect(dates("the October Socialist Revolution gave a good experience").isEmpty)
        #expect(dates("power units No. 7 and 8, Covid 19, Su-27 and BN-800").isEmpty)
        #expect(dates("It encompassed 10,000 military personnel and 2000 km of border").isEmpty)
    }

    @Test func aYearNamingAThingIsMarked() throws {
        let m = try #require(DateMentionFinder.mentions(in: "The friendship treaty of 2001 was renewed on 28 June 2021.").first)
        #expect(m.namedThing == "friendship treaty")
        let s = try #require(DateMentionFinder.mentions(in: "The joint statement 2005 expressed the view.").first)
        #expect(s.namedThing == "joint statement")
        #expect(DateMentionFinder.mentions(in: "They signed it in 2005.").first?.namedThing == nil)
    }

    @Test func overlapsAQueryWindow() throws {
        let century = try #require(DateMentionFinder.mentions(in: "in the middle of the XVII century").first).date
        #expect(century.overlaps(from: PartialDate("1650"), to: PartialDate("1650")))
        // The middle of the century is its middle third.
        #expect(!century.overlaps(from: PartialDate("1689"), to: nil))
        let may = EventDate(start: PartialDate("2015-05")!)
        #expect(may.overlaps(from: PartialDate("2015"), to: PartialDate("2015")))
        #expect(!may.overlaps(from: PartialDate("2015-06"), to: nil))
        #expect(EventDate(start: PartialDate("2001")!).contains(EventDate(start: PartialDate("2001-07-16")!)))
    }

    @Test func encodesEveryKeyWithExplicitNulls() throws {
        let json = String(decoding: try JSONEncoder().encode(EventDate(start: PartialDate("2015-05")!)), as: UTF8.self)
        for key in ["\"start\":\"2015-05\"", "\"end\":null", "\"precision\":\"month\"", "\"qualifier\":null", "\"display\":\"May 2015\""] {
            #expect(json.contains(key), "\(json)")
        }
        let short = try JSONDecoder().decode(EventDate.self, from: Data(#""2001-07-16""#.utf8))
        #expect(short.precision == .day && short.display == "July 16, 2001")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EventDate.self, from: Data(#""2001-02-30""#.utf8)) }
    }
}
