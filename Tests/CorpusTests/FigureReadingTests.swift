import Testing

@testable import Corpus

/// How the scanner reads figures, one rule per test, on sentences written
/// for these tests (none is taken from an article).
@Suite struct FigureReadingTests {
    func scan(_ s: String) -> [Quantity] { FigureScanner.scan(SentenceTokens(s)) }
    func read(_ s: String) -> [String] {
        scan(s).map { q in
            let v = q.value == q.value.rounded() ? String(Int(q.value)) : String(q.value)
            return "\(v) \(q.unit)"
        }
    }

    @Test func newspaperShorthandAndCurrenciesFromTheLexicon() {
        #expect(read("Exports were $3.1bn, imports 2.4tn yuan and debts Rbs 950mn.")
            == ["3.1 USD billion", "2.4 CNY trillion", "950 RUB million"])
        #expect(read("The fund holds USD 12 billion, € 4 million, 80 bln tenge and RMB 6 billion.")
            == ["12 USD billion", "4 EUR million", "80 KZT billion", "6 CNY billion"])
        #expect(read("Spending reached 1,5 bln roubles and 30 thou. dollars.") == ["1.5 RUB billion", "30 USD thousand"])
    }

    @Test func unitsByKindNormalisedToOneUnitEach() {
        #expect(read("The canal is 48 km long, drains 1,200 square kilometres and 300 hectares.")
            == ["48 km", "1200 square km", "300 hectares"])
        #expect(read("The field yields 9 bcm of gas, 2.3 million barrels per day and 14 billion cubic metres a year.")
            == ["9 billion cubic metres", "2.3 million barrels per day", "14 billion cubic metres per year"])
        #expect(read("The port moved 5.2 million TEU and 31 million tonnes of grain.")
            == ["5.2 million TEU", "31 million tonnes"])
    }

    @Test func peopleAndThingsAreCountedByTheirNoun() {
        #expect(read("More than a thousand students and 2.4 million visitors came.") == ["1000 people", "2400000 people"])
        #expect(read("The yard built 14 Arctic container ships and 120 process modules.") == ["14 count", "120 count"])
        // Health care and field work count their patients, staff, beds, doses and animals too.
        #expect(read("The clinic has 80 beds, 35 nurses and 2,400 patients a year, and gave 9,000 doses.")
            == ["80 count", "35 people", "2400 people per year", "9000 count"])
        #expect(read("The survey trapped 4,300 rodents.") == ["4300 count"])
        let q = scan("The navy bought six Mi-8s.")
        #expect(q.map(\.value) == [6] && q[0].counted)
        // A scaled count whose subject names people, even as a modifier ("pilgrim traffic"), counts them;
        // without a scale word ("12 pilgrim routes") it does not.
        #expect(read("Pilgrim traffic on the ferry rose from 1.2 million in 2015 to 1.9 million in 2018.")
            == ["1200000 people", "1900000 people"])
        #expect(scan("The twelve pilgrim routes had 12 stops.").allSatisfy { !$0.counted })
        // A count glued to its noun's singular: "a 40-bed clinic", "a 12-member crew".
        #expect(read("The port opened a 40-bed clinic for a 12-member crew.") == ["40 count", "12 people"])
        // A bare count is read but not counted: a rule must claim it.
        #expect(scan("The two sides met seven times over nine rounds.").allSatisfy { !$0.counted })
    }

    @Test func aCountAfterACountedOneSharesItsNounOnlyInAnEllipsis() {
        let q = scan("Of 600 delegates at the forum, 410 were from Asia, delivered in four groups.")
        #expect(q.map(\.value) == [600, 410, 4])
        #expect(q.map(\.counted) == [true, true, false])
        #expect(q[1].unit == "people")
        let part = scan("Chinese is taught in 64 of their rural schools to 2,300 candidates.")
        #expect(part.map(\.unit) == ["count", "people"] && part.allSatisfy(\.counted))
    }

    @Test func fractionsAreShares() {
        let q = scan("Roughly two-thirds of farms, more than half of exporters and about a third of banks agreed.")
        #expect(q.map(\.value) == [66.7, 50, 33.3])
        #expect(q.map(\.qualifier) == [.about, .moreThan, .about])
        #expect(q.allSatisfy { $0.unit == "percent" && $0.isShare })
        #expect(scan("In the first half of 2021 a third group formed.").isEmpty)
    }

    @Test func aRangeReadsItsLowerEndAtLeast() {
        let q = scan("Tariffs cover 25-30% of goods and 5–8 per cent of services.")
        #expect(q.map(\.value) == [25, 5])
        #expect(q.allSatisfy { $0.qualifier == .atLeast && $0.unit == "percent" })
    }

    @Test func hedgesFromTheLexicon() {
        let q = scan("Some 40 firms, nearly 3 tonnes, at least 9 ships, up to 12 trucks and no fewer than 70 staff.")
        #expect(q.map(\.qualifier) == [.about, .about, .atLeast, .upTo, .atLeast])
    }

    @Test func changesAndTheirDirection() {
        let q = scan("Sales jumped 14% y/y, margins fell by about 2.5 percentage points and costs were 9% lower.")
        #expect(q.map(\.change) == [.increase, .decrease, .decrease])
        #expect(q[0].yearOnYear && q[1].unit == "percentage points")
        #expect(scan("Profits (+4.2% year on year) and losses (−1.1%) moved.").map(\.change) == [.increase, .decrease])
        // "up from" names an earlier level, not a change.
        #expect(scan("The share is 12%, up from about 7% in 2015.").map(\.change) == [nil, nil])
    }

    @Test func numbersThatAreNotFigures() {
        for s in [
            "Article 12 of Law No. 215-FZ and Decree 1408 apply, see pp. 40–44 and section 3.",
            "The S-500 and the Tu-214 flew at Zapad-2021; shares of 1088.HK fell.",
            "It took five years and three rounds over the next two decades, on 14 May 2010 and the 21st day.",
            "Both sides kept their three demands.",
            "Vol. 12, no. 3, ISSN 2345-6789, report 7.",
        ] {
            #expect(scan(s).allSatisfy { !$0.counted && $0.kind == .count }, "\(s)")
        }
        #expect(scan("Talks were held in 2014 and the 1990s.").isEmpty)
        #expect(scan("The war ended after the talks.12 Later talks resumed.").isEmpty, "a note number glued to a sentence end")
    }
}
