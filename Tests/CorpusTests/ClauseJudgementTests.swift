import Testing

@testable import Corpus

/// Which dated clauses tell a happening, from sentences written for this test.
@Suite struct ClauseJudgementTests {
    func verdict(_ sentence: String) -> ClauseJudgement.Verdict {
        let s = Array(sentence.unicodeScalars)
        let mention = DateMentionFinder.mentions(in: sentence).first?.range ?? 0..<0
        return ClauseJudgement.verdict(scalars: s, clause: ClauseJudgement.clauseRange(scalars: s, around: mention))
    }

    @Test func statusOfAHappening() {
        #expect(verdict("The two navies held a drill near Sakhalin in 2013.") == .event(.occurred))
        #expect(verdict("A second drill is scheduled for June 2027.") == .event(.planned))
        #expect(verdict("The ministries plan to open a fourth crossing in 2028.") == .event(.planned))
        #expect(verdict("The new terminal is expected to handle its first train in 2026.") == .event(.expected))
        #expect(verdict("The new terminal will open in 2026.") == .event(.expected))
    }

    @Test func hypotheticalAndCounterfactualClausesAreNoEvents() {
        #expect(verdict("If the consortium were to find a buyer in 2029, the mine would reopen.") == .hypothetical)
        #expect(verdict("Had Astana accepted the tariff, the line could have opened by 2019.") == .hypothetical)
        #expect(verdict("Were Tokyo to join the scheme in 2027, the route would shorten.") == .hypothetical)
        #expect(verdict("A second bridge, say in 2033, is imaginable.") == .hypothetical)
    }

    @Test func negatedClausesAreNoEvents() {
        #expect(verdict("No lease was signed in 2012.") == .negated)
        #expect(verdict("The ceremony planned for 2020 did not take place.") == .negated)
        #expect(verdict("The ministry denied that a loan had been agreed in 2016.") == .negated)
        #expect(verdict("Direct flights were never restored in 2021.") == .negated)
        #expect(verdict("None of the ferries had been repaired by the end of 2019.") == .negated)
        // Phrases with "not" or "no" that do not negate.
        #expect(verdict("Not only trade but also tourism grew in 2017.") == .event(.occurred))
        #expect(verdict("Customs Order No. 5 took effect in 2017.") == .event(.occurred))
    }

    @Test func selfReferenceIsNoEvent() {
        #expect(verdict("This article follows the canal's story from 1950 to 2010.") == .selfReference)
        #expect(verdict("In 2010, we argue, the canal lost its purpose.") == .selfReference)
        // The text's own outline: a numbered part and an outline's verb.
        #expect(verdict("Section III reviews the canal trade from 1950 to 2010.") == .selfReference)
        #expect(verdict("Table 2 lists the locks built between 1960 and 1975.") == .selfReference)
        // Another text's numbered part is no outline.
        #expect(verdict("Section 5 of the canal law took effect in 2019.") == .event(.occurred))
        // Whatever the authors do: survey, expect.
        #expect(verdict("Between March and May 2019 we surveyed 300 ferry passengers.") == .selfReference)
        #expect(verdict("We expect the canal to reopen in 2026.") == .selfReference)
    }

    @Test func aClauseBreakSeparatesTwoJudgements() {
        let sentence = "The port opened in 2004, but no second berth was built in 2006."
        let s = Array(sentence.unicodeScalars)
        let mentions = DateMentionFinder.mentions(in: sentence)
        let verdicts = mentions.map { ClauseJudgement.verdict(scalars: s, clause: ClauseJudgement.clauseRange(scalars: s, around: $0.range)) }
        #expect(verdicts == [.event(.occurred), .negated])
    }

    @Test func aWorkCitedByItsYearDatesNothing() {
        #expect(DateMentionFinder.mentions(in: "Petrova (2014) argues that the canal mattered.").isEmpty)
        #expect(DateMentionFinder.mentions(in: "Kim and Ortiz (2011) describe the port in detail.").isEmpty)
        // A bare year in parentheses after a place still dates a happening.
        #expect(DateMentionFinder.mentions(in: "Drills followed in the Yellow Sea (2013) and off Crimea (2015).").count == 2)
    }

    @Test func aCenturyNeedsAWordThatPlacesSomethingInIt() {
        #expect(DateMentionFinder.mentions(in: "Forts were built in the XVI century.").count == 1)
        #expect(DateMentionFinder.mentions(in: "A new Canal of the XXI century was announced.").isEmpty)
    }

    @Test func apparatusLinesTellNoHappening() {
        #expect(EventExtractor.isApparatus("| 2014 | 12.5 | 3.1 |"))
        #expect(EventExtractor.isApparatus("Source: Ministry of Transport (2019); own compilation."))
        #expect(EventExtractor.isApparatus("4. Ivan Petrov, *Canals of the North* (Kazan: Tatizdat, 1987), 12."))
        #expect(EventExtractor.isApparatus("Ibid., 2005, 44."))
        #expect(!EventExtractor.isApparatus("The canal opened in 1987 after a decade of work."))
    }

    @Test func publicationLinesAndDatelinesAreNoEventDates() {
        let received = "Received 3 May 2019; accepted 9 August 2019."
        let s = Array(received.unicodeScalars)
        #expect(EventExtractor.tellingMentions(DateMentionFinder.mentions(in: received), scalars: s, dateline: nil).isEmpty)
        let accessed = "Port statistics online. Accessed 2 Feb. 2021."
        #expect(EventExtractor.tellingMentions(
            DateMentionFinder.mentions(in: accessed), scalars: Array(accessed.unicodeScalars), dateline: nil).isEmpty)
    }

    @Test func aThingNamedByItsYearIsNotToldAgainBesideAnotherDate() {
        let sentence = "The canal treaty of 1994 was amended on 5 May 2014."
        let kept = EventExtractor.tellingMentions(
            DateMentionFinder.mentions(in: sentence), scalars: Array(sentence.unicodeScalars), dateline: nil)
        #expect(kept.map(\.date.start.description) == ["2014-05-05"])
    }

    @Test func titlesReadAsHeadlines() {
        let sentence = "In March 2016, the two rail companies signed a freight agreement, which had been negotiated for years and which was hailed by both governments as the start of a new era of cooperation."
        let m = DateMentionFinder.mentions(in: sentence)[0]
        let title = EventTitle.title(sentence: sentence, mention: m)
        #expect(title == "The two rail companies signed a freight agreement")
        #expect(!title.hasSuffix("…"))
    }

    @Test func aRelativeClauseWithItsVerbAloneGivesTheSentenceAsTitle() {
        let sentence = "Both ministries now fund the ferry link across the lake, which opened in April 2012."
        let m = DateMentionFinder.mentions(in: sentence)[0]
        let title = EventTitle.title(sentence: sentence, mention: m)
        #expect(title.hasPrefix("Both ministries now fund the ferry link"))
    }

    @Test func scientificCooperationIsNotCulture() {
        #expect(EventClassifier.bestCategory("The years of scientific and technical cooperation opened in 2020.") == .education)
        #expect(EventClassifier.bestCategory("The years of film and culture opened in 2020.") == .culture)
    }
}
