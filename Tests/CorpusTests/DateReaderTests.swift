import Testing

@testable import Corpus

/// Every row of `DateReader.rules`, each read from a sentence written for
/// this test (none is taken from an article).
@Suite struct DateReaderTests {
    /// "start[ end] precision[ qualifier]" of each date read.
    func read(_ text: String, _ context: DateReader.DateContext = .init()) -> [String] {
        DateReader.read(text, context: context).map { r in
            [r.date.start.description, r.date.end?.description, r.date.precision.rawValue, r.date.qualifier?.rawValue]
                .compactMap { $0 }.joined(separator: " ")
        }
    }

    @Test func days() {
        #expect(read("The envoys met on 4 February 1998 in Harbin.") == ["1998-02-04 day"])
        #expect(read("The envoys met on February 4, 1998 in Harbin.") == ["1998-02-04 day"])
        #expect(read("The envoys met on the 4th of February 1998.") == ["1998-02-04 day"])
        #expect(read("Ratified 1998-02-04, it entered into force later.") == ["1998-02-04 day"])
    }

    @Test func aDateRestatedInTheOtherCalendar() {
        // The New Style (Gregorian) day dates it, as ISO 8601 dates are Gregorian; a year the
        // restatement leaves out is the first date's, or the next one when its month comes earlier.
        #expect(read("The envoys sealed the pact at Kyakhta on 2 March 1712 (13 March, New Style).") == ["1712-03-13 day"])
        #expect(read("A caravan left Irkutsk on March 2, 1712 (March 13, N.S.) for the south.") == ["1712-03-13 day"])
        #expect(read("The fort was handed over on 25 December 1699 (i.e. 4 January 1700).") == ["1700-01-04 day"])
        #expect(read("The fort was handed over on 25 December 1699 (i.e., 4 January).") == ["1700-01-04 day"])
        // Old Style in the parentheses: the first date was the New Style one.
        #expect(read("The mission reached the capital on 13 March 1712 (2 March O.S.).") == ["1712-03-13 day"])
        // Parentheses that restate no calendar leave the first date alone.
        #expect(read("The depot opened on 2 March 1712 (13 March for the garrison).") == ["1712-03-02 day"])
    }

    @Test func dayRanges() {
        #expect(read("A fair ran from 11–14 May 2011 in Kazan.") == ["2011-05-11 2011-05-14 day"])
        #expect(read("A fair ran on May 11-14, 2011 in Kazan.") == ["2011-05-11 2011-05-14 day"])
        #expect(read("Talks lasted from 29 June – 2 July 2003.") == ["2003-06-29 2003-07-02 day"])
        #expect(read("Drills ran 2012-04-22 to 2012-04-27 offshore.") == ["2012-04-22 2012-04-27 day"])
        // Spelt out in words, the first day taking the month and year of the second.
        #expect(read("A grain fair ran from 3 to 7 June 2021 in Kostanay.") == ["2021-06-03 2021-06-07 day"])
        #expect(read("Inspectors stayed between 12 and 19 October 2015.") == ["2015-10-12 2015-10-19 day"])
        #expect(read("Talks lasted from 29 June to 2 July 2003 in Aktau.") == ["2003-06-29 2003-07-02 day"])
    }

    @Test func monthsAndAbbreviations() {
        #expect(read("A ferry line opened in October 2007.") == ["2007-10 month"])
        #expect(read("A ferry line opened in Oct. 2007.") == ["2007-10 month"])
        #expect(read("The depot was finished 9 Sept. 2016.") == ["2016-09-09 day"])
        #expect(read("Shipments paused in January–March 2020.") == ["2020-01 2020-03 month"])
        // "from … to …" and "between … and …" make a range of two months of one year.
        #expect(read("Barge traffic stopped from February to August 1964.") == ["1964-02 1964-08 month"])
        #expect(read("The ferry was idle between March and May 2020.") == ["2020-03 2020-05 month"])
        #expect(read("The depot was shut from Nov. to Dec. 2018.") == ["2018-11 2018-12 month"])
        // Without "from" or "between", two months are two dates, and only the second has its year.
        #expect(read("Ferries sailed in March and May 2020.") == ["2020-05 month"])
        // A range that runs backwards is no range: the month with the year is read alone.
        #expect(read("Barge traffic stopped from August to February 1964.") == ["1964-02 month"])
        // A month is a capitalised word: "may" and "march" are also verbs.
        #expect(read("Officials may visit in 2030 and march on.") == ["2030 year"])
    }

    @Test func seasonsAndPartsOfAYear() {
        #expect(read("Work resumed in the autumn of 2011.") == ["2011 year"])
        #expect(DateReader.read("Work resumed in the autumn of 2011.").first?.date.display == "autumn 2011")
        #expect(read("Work resumed in early 2011.") == ["2011 year early"])
        #expect(read("Work resumed in mid-2011.") == ["2011 year mid"])
        #expect(read("Work should finish by the end of 2031.") == ["2031 year by"])
    }

    @Test func yearsAndYearRanges() {
        #expect(read("A canal was dug in 1911.") == ["1911 year"])
        #expect(read("Prices held during 2004–2007.") == ["2004 2007 year"])
        #expect(read("Prices held during 2004-07.") == ["2004 2007 year"])
        #expect(read("Prices held from 2004 to 2007.") == ["2004 2007 year"])
        #expect(read("Prices held between 2004 and 2007.") == ["2004 2007 year"])
        #expect(read("Enrolment rose in the 2016/17 academic year.") == ["2016 2017 year"])
        #expect(read("Enrolment rose in 2016/2017.") == ["2016 2017 year"])
    }

    @Test func openEndedDates() {
        #expect(read("Flights have run since 1995.") == ["1995 year since"])
        #expect(read("The bridge is to be built by 2031.") == ["2031 year by"])
        #expect(DateReader.read("The bridge is to be built by 2031.").first?.date.display == "by 2031")
    }

    @Test func decades() {
        #expect(read("Barter dominated the 1970s.") == ["1970 1979 decade"])
        #expect(read("Barter dominated the 1970’s.") == ["1970 1979 decade"])
        #expect(read("Barter peaked in the mid-1970s.") == ["1973 1976 decade mid"])
        #expect(read("Barter peaked in the late 1970s.") == ["1976 1979 decade late"])
    }

    @Test func centuriesRomanOrdinalAndSpelled() {
        #expect(read("Caravans crossed here in the XVI century.") == ["1501 1600 century"])
        #expect(read("Caravans crossed here in the 16th century.") == ["1501 1600 century"])
        #expect(read("Caravans crossed here in the sixteenth century.") == ["1501 1600 century"])
        #expect(read("Ports grew in the twenty-first century.") == ["2001 2100 century"])
        // The middle of a century is its middle third, not the whole century.
        #expect(read("Forts rose in the middle of the XVI century.") == ["1534 1566 century mid"])
        #expect(read("Forts rose in the late sixteenth century.") == ["1567 1600 century late"])
        #expect(read("Forts rose in the first half of the 16th century.") == ["1501 1550 century early"])
    }

    @Test func datesAmongNonASCIIWordsAndSpaces() {
        // Letters and spaces outside ASCII take the Unicode path of the tokenizer.
        #expect(read("Über Nacht, the Łódź office opened on 4\u{00A0}February 1998.") == ["1998-02-04 day"])
        #expect(read("Делегация arrived in Oct. 2007, après la réunion.") == ["2007-10 month"])
        #expect(read("Ölpreise fell ÉTÉ 2011 and in the 1990s.") == ["2011 year", "1990 1999 decade"])
    }

    @Test func romanNumeralsOfCenturies() {
        #expect(Lexicon.romanValue("xix") == 19)
        #expect(Lexicon.romanValue("xiv") == 14)
        #expect(Lexicon.romanValue("iv") == 4)
        #expect(Lexicon.romanValue("xxi") == 21)
        // Not numerals: other letters, nothing, or longer than any century's.
        #expect(Lexicon.romanValue("mix") == nil)
        #expect(Lexicon.romanValue("") == nil)
        #expect(Lexicon.romanValue("xxxviii") == nil)
        // Written the canonical way only; other numbers (volumes, parts) read all seven letters.
        #expect(Lexicon.romanValue("iiii") == nil && Lexicon.romanValue("vix") == nil)
        #expect(Lexicon.romanNumber("lxv") == 65 && Lexicon.romanNumber("mcmxc") == 1990)
        #expect(Lexicon.romanNumber("clim") == nil && Lexicon.romanNumber("civil") == nil)
    }

    @Test func notYears() {
        #expect(read("The plant made 2000 tonnes, or 1500 km of cable.").isEmpty)
        #expect(read("A fee of $ 2010 and 2,015 units; growth of 2012%.").isEmpty)
        #expect(read("The drill Tsentr-2011 and the code 2009-1313 are names.").isEmpty)
        #expect(read("See item 2013a in the list.").isEmpty)
    }

    /// Any unit, count noun, currency or scale word of the Lexicon after a
    /// four-digit number makes it a quantity (`Lexicon.quantityNouns`).
    @Test func aNumberBeforeAUnitOrCountIsNoYear() {
        #expect(read("The crossing cleared 1500 trucks and 1200 Mt of ore.").isEmpty)
        #expect(read("The fee was 1800 tenge, the bridge 1100 metres long.").isEmpty)
        // Every currency symbol of the Lexicon, set apart or glued.
        #expect(read("The fee was ₽ 2010 at one post and ₸2015 at the other.").isEmpty)
        #expect(read("The crossing cleared trucks in 1500.") == ["1500 year"])
    }

    @Test func datesRelativeToTheDateBefore() {
        let before = DateReader.DateContext(previous: EventDate(start: PartialDate(year: 1999, month: 8, day: 30)!))
        #expect(read("The same year, a consulate opened.", before) == ["1999 year"])
        #expect(read("The following year, a consulate opened.", before) == ["2000 year"])
        #expect(read("The same month, a consulate opened.", before) == ["1999-08 month"])
        #expect(read("The next day, a consulate opened.", before) == ["1999-08-31 day"])
        // With nothing read before, they are not read.
        #expect(read("The same year, a consulate opened.").isEmpty)
    }

    @Test func datesRelativeToTheDateline() {
        // 6 June 2019 was a Thursday.
        let news = DateReader.DateContext(dateline: PartialDate(year: 2019, month: 6, day: 6))
        #expect(read("Exports fell last year.", news) == ["2018 year"])
        #expect(read("Exports may recover next year.", news) == ["2020 year"])
        #expect(read("The minister spoke on Monday.", news) == ["2019-06-03 day"])
        #expect(read("The minister spoke last Thursday.", news) == ["2019-05-30 day"])
        #expect(read("The depot closed on 20 November.", news) == ["2018-11-20 day"])
        #expect(read("The depot closed on 2 June.", news) == ["2019-06-02 day"])
        // An article with no dateline leaves them unread.
        #expect(read("Exports fell last year.").isEmpty)
    }

    @Test func readsTheDatelineOfANewsArticle() {
        #expect(DateReader.dateline("ASTANA/URUMQI, 6 June 2019 — Freight volumes climbed.") == PartialDate(year: 2019, month: 6, day: 6))
        #expect(DateReader.dateline("In Astana, 6 June 2019 was a busy day.") == nil)
    }

    @Test func weekdaysAndDayArithmetic() {
        #expect(PartialDate(year: 2019, month: 6, day: 6)?.weekday == 4)
        #expect(PartialDate(year: 2020, month: 2, day: 28)?.adding(days: 2) == PartialDate(year: 2020, month: 3, day: 1))
        #expect(PartialDate(year: 2021, month: 1, day: 1)?.adding(days: -1) == PartialDate(year: 2020, month: 12, day: 31))
    }
}

@Suite struct DateReaderMoreTests {
    @Test func aFootnoteMarkAfterAYearIsNoDecimal() {
        #expect(DateReader.read("The lock opened on 3 May 1931.12 The barges came later.").map(\.date.start.description) == ["1931-05-03"])
        #expect(DateReader.read("The index rose to 1931.12 points.").isEmpty)
    }

    @Test func aMonthAloneNeedsADatelineAndACue() {
        let news = DateReader.DateContext(dateline: PartialDate(year: 2019, month: 6, day: 6))
        #expect(DateReader.read("Tolls rose in January.", context: news).map(\.date.start.description) == ["2019-01"])
        #expect(DateReader.read("January was cold.", context: news).isEmpty)
        #expect(DateReader.read("Tolls rose in January.").isEmpty)
    }

    @Test func thatYearIsTheYearJustRead() {
        #expect(DateReader.read("In July 1925 a lock opened, and in September of that year a second.")
            .map(\.date.start.description) == ["1925-07", "1925-09"])
    }

    /// A document's sentence is read once and shared (`DocumentDates`): the
    /// shared reading is what a reading with the context gives.
    @Test func aSharedReadingIsTheReadingWithTheContext() {
        let context = DateReader.DateContext(
            dateline: PartialDate(year: 2019, month: 3, day: 14),
            previous: PartialDate(year: 1931).map { EventDate(start: $0) })
        for s in [
            "The lock opened on 3 May 1931.", "Tolls rose in January.", "The canal froze the same year, and again in 1940.",
            "The lock opened on 3 May.",
        ] {
            #expect(DocumentDates.Sentence(s).readings(context: context) == DateReader.read(s, context: context), "\(s)")
        }
        #expect(!DocumentDates.Sentence("The lock opened on 3 May 1931.").readsContext)
        #expect(DocumentDates.Sentence("Tolls rose in January.").readsContext)
        #expect(DocumentDates.Sentence("The lock opened on 3 May.").readsContext)
    }
}
