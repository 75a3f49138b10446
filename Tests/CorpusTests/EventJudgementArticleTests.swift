import Testing

@testable import Corpus

/// Whole-extraction rules on short articles written for this test.
@Suite struct EventJudgementArticleTests {
    func events(_ text: String) -> [TimelineEvent] {
        let raw = RawText(text)
        let (sections, passages) = PassageBuilder.build(documentID: "written", raw: raw)
        let document = Document(
            metadata: DocumentMetadata(id: "written", text: "written.txt", title: "Written", authors: []), raw: raw,
            sections: sections, passages: passages)
        return EventExtractor.extract(documents: [document], citations: [], annotations: [:])
    }

    func dates(_ text: String) -> [String] { events(text).map(\.date.start.description) }

    @Test func aNoteMarkKeepsTheNextSentencesFigureAway() {
        // The figure of the sentence after the mark dates that figure; it does not mute the ferry line.
        let text = """
            # Ferries

            ## Body

            The ferry line to Heihe went into service on 3 May 2008.<sup>4</sup> \
            It carried 1.2 million tonnes of freight in 2009.<sup>5</sup>
            """
        #expect(dates(text) == ["2008-05-03"])
    }

    @Test func aHappeningBesideAFigureIsStillAnEvent() {
        // Doubling a capacity, a first run and a loan granted are happenings, though each clause gives a figure.
        let text = """
            # Harbours

            ## Body

            The capacity of the grain terminal was doubled to 12 million tonnes a year in 2016. \
            The ferry pier, which handled its first ship in May 2019, has a capacity of 3 million tonnes a year. \
            A state bank provided a loan of USD 2 billion for dredgers in 2015. \
            The terminal shipped 9.5 million tonnes of grain in 2021.
            """
        #expect(dates(text) == ["2015", "2016", "2019-05"])
    }

    @Test func aLastingStateOrAChangeSinceADateIsNoEvent() {
        // "has been … since", "has fallen since": the date starts a state or is the baseline of a change.
        let text = """
            # Harbours

            ## Body

            Fishing has been the mainstay of the island's economy since the 1970s. \
            Freight on the canal has fallen sharply since the early 2000s. \
            A second lock has been debated since 2011. \
            Since 1995 a ferry has linked the island with the mainland.
            """
        #expect(dates(text) == ["1995"])
    }

    @Test func aPlanInItsOwnClauseBesideAFigureIsAnEvent() {
        let text = """
            # Harbours

            ## Body

            Officials expect freight to reach 40 million tonnes by 2030, and a second berth is scheduled to open in 2027.
            """
        #expect(events(text).map { "\($0.date.start) \($0.status.rawValue)" } == ["2027 planned"])
    }

    @Test func relativeDatesReadAgainstTheDateline() {
        let text = """
            # Ferries

            ## Body

            HELSINKI/TALLINN, 6 June 2019 — Ferry operators ended the season early. \
            The new terminal opened in January after two years of works. \
            The ministers met in Tallinn in October to sign the harbour accord. \
            The harbour authority announced on Monday that fares will rise.
            """
        // "in October" took place, so it is last October; "on Monday" is 3 June.
        #expect(dates(text) == ["2018-10", "2019-01", "2019-06-03"])
    }

    @Test func theDateBeforeAnchorsTheSameYear() {
        let text = """
            # Canals

            ## Body

            The canal company was founded in March 1921. The same year, it bought two dredgers. \
            In July 1925 the company opened a lock, and in September of that year it opened a second.
            """
        #expect(dates(text) == ["1921", "1921-03", "1925-07", "1925-09"])
    }

    @Test func datesThatBelongToSomethingElse() {
        let text = """
            # Canals

            ## Body

            “The lock has been promised since 1999,” said a bargeman on the quay. \
            Traffic reached half of its 1990 level. \
            Figures for 2016 are provisional. \
            The company carried 12,000 barges, up from about 9,000 in 2014. \
            Registro Fluvial, 4 May 2003.
            """
        #expect(dates(text).isEmpty)
    }

    @Test func aFigureClauseWithAHappeningVerbStillTellsTheHappening() {
        let text = """
            # Canals

            ## Body

            In 2011 the ministry signed a contract for 14 dredgers worth about $90 million. \
            In 2012 freight on the canal amounted to 4 million tonnes.
            """
        #expect(dates(text) == ["2011"])
    }

    @Test func aClauseThatCountsThingsDatesItsFigure() {
        let text = """
            # Ferries

            ## Body

            The ferry line carried some 40,000 passengers in 2011. \
            More than 120 village schools taught Livonian in 2015, and the ferry fleet counted 14 vessels in 2016. \
            By 2018 the number of pupils had risen to about 3,500. \
            In 2019 the company opened 12 new branches on the coast. \
            A further order for 30 vessels followed in 2020. \
            The 2021 Ferry Festival drew more than 9,000 visitors. \
            The line plans to carry 60,000 passengers a year by 2025.
            """
        // Counts (a count noun, or a hedge before the number) date the figure; "opened" still tells a happening,
        // and so do the size of a thing ("an order for 30 vessels"), a happening the date names and a plan.
        #expect(dates(text) == ["2019", "2020", "2021", "2025"])
        #expect(FigureClause.statesAFigure("the ferry ran 1,250 crossings in 2014"))
        #expect(!FigureClause.statesAFigure("the ferry ran for over 20 years after 1960"))
        #expect(!FigureClause.statesAFigure("units 3 and 4 of the plant were completed in 2012"))
    }

    @Test func aComparisonReachesBackToItsYardstick() {
        let text = """
            # Ferries

            ## Body

            The strike of 2012 was the longest since 1926. \
            Traffic is now weaker than at any time since 1993. \
            Passenger numbers have grown since 2004.
            """
        // "since" after a comparison is no start of a happening; a plain "since 2004" still is.
        #expect(dates(text) == ["2004", "2012"])
    }

    @Test func aLineAboutTheManuscriptIsNoHappening() {
        let text = """
            # Ferries

            Manuscript finished on 2 May 2022. Revised 9 June 2022.

            ## Body

            The ferry line opened in April 1999.
            """
        #expect(dates(text) == ["1999-04"])
    }

    @Test func aSentenceEndTheSplitterMissedEndsTheClause() {
        let s = Array("The canal was closed in winter.4 It did not reopen until 1931, but a lock opened in 1930.".unicodeScalars)
        let mentions = DateMentionFinder.mentions(in: String(String.UnicodeScalarView(s)))
        let verdicts = mentions.map { ClauseJudgement.verdict(scalars: s, clause: ClauseJudgement.clauseRange(scalars: s, around: $0.range)) }
        #expect(verdicts == [.negated, .event(.occurred)])
        // "all but" and "but also" join no clauses.
        let t = Array("By 2019 the barges had all but vanished from the river.".unicodeScalars)
        let m = DateMentionFinder.mentions(in: String(String.UnicodeScalarView(t)))[0]
        #expect(ClauseJudgement.clauseRange(scalars: t, around: m.range) == 0..<t.count)
    }

    @Test func moreJudgements() {
        func verdict(_ sentence: String) -> ClauseJudgement.Verdict {
            let s = Array(sentence.unicodeScalars)
            let m = DateMentionFinder.mentions(in: sentence).first!.range
            return ClauseJudgement.verdict(scalars: s, clause: ClauseJudgement.clauseRange(scalars: s, around: m))
        }
        #expect(verdict("A second canal in 2031 would double the traffic.") == .hypothetical)
        #expect(verdict("The dredging of 1933 was not unsuccessful.") == .event(.occurred))
        #expect(verdict("The port opened in 1920, whose harbour master never learned to swim.") == .event(.occurred))
        #expect(verdict("ANNALS OF CANAL HISTORY 12 (2019)") == .notProse)
    }

    @Test func aRangeOfYearsDoesNotAbsorbTheHappeningsInsideIt() {
        let text = """
            # Canals

            ## Body

            The demarcation of the canal zone took from 1931 to 1936. \
            A joint statement on the demarcation of the zone was signed in May 1934.
            """
        #expect(events(text).count == 2)
    }

    @Test func captionsAndStatesAreNoHappenings() {
        #expect(EventExtractor.isApparatus("Table 3. Barges registered on the canal, 1990–2010"))
        let text = """
            # Canals

            ## Body

            By 1998 there were eleven locks on the canal. \
            The inauguration took place in May 1999. \
            The museum took 2 million roubles at the gate by 2001.
            """
        #expect(dates(text) == ["1999-05"])
    }

    @Test func eachHappeningIsTitledFromItsOwnClause() {
        let text = """
            # Pipes

            ## Body

            Construction of the pipe began in September 2014; the first water flowed in December 2019.
            """
        let titles = Dictionary(uniqueKeysWithValues: events(text).map { ($0.date.start.description, $0.title) })
        #expect(titles["2014-09"] == "Construction of the pipe began")
        #expect(titles["2019-12"] == "The first water flowed")
    }

    @Test func actorsAreKeyedByTheirAliases() {
        let actors = ActorGazetteer.actors(in: "Officers of the PLA briefed the SCO and the EAEU.")
        #expect(actors.contains("People's Liberation Army"))
        #expect(actors.contains("Shanghai Cooperation Organisation"))
        #expect(actors.contains("Eurasian Economic Union"))
    }

    @Test func aDateRestatedInNewStyleDatesTheEvent() {
        let text = """
            # Missions

            ## Body

            The envoys sealed the pact at Kyakhta on 2 March 1712 (13 March, New Style) after a long winter of talks.
            """
        #expect(dates(text) == ["1712-03-13"])
    }

    @Test func aSentenceThatReportsAFigure() {
        // Units, scale words and currencies of the Lexicon, on either side of the number.
        #expect(FigureClause.reportsAFigure("In 2011 the mill pressed 3.5 tonnes of flax."))
        #expect(FigureClause.reportsAFigure("In 2011 the mill earned €40 from each client."))
        #expect(FigureClause.reportsAFigure("The mill earned 40 roubles a day in 2011."))
        #expect(FigureClause.reportsAFigure("In 2011 sales of the mill rose 7% on the year."))
        #expect(FigureClause.reportsAFigure("Output of the mill was 2.4 bn in 2011."))
        // A figure verb before a number, whatever its unit; a measure head and a later number.
        #expect(FigureClause.reportsAFigure("In 2011 its output grew by almost 40 over the winter."))
        #expect(FigureClause.reportsAFigure("By 2011 the mill's debt amounted to 153."))
        #expect(FigureClause.reportsAFigure("The number of mills in the valley went from 9 in 2008 to 14 in 2011."))
        // Not a figure: a year, a day, a count noun (read per clause by `statesAFigure`), "number" with a year only.
        #expect(!FigureClause.reportsAFigure("The mill opened on 4 May 2011 after a year of works."))
        #expect(!FigureClause.reportsAFigure("In 2011, 12 workers struck over the new rota."))
        #expect(!FigureClause.reportsAFigure("A number of millers left the valley in 2011."))
        // Lengths and areas size the things a happening concerns.
        #expect(!FigureClause.reportsAFigure("In 2011 a bridge of 1,080 metres was opened over the river."))
        #expect(!FigureClause.reportsAFigure("Some 1,500 hectares were handed over in March 2011."))
    }

    @Test func aConcessiveClauseIsAClauseOfItsOwn() {
        // The negation in "although … did not agree" is the concession's, not the signing's.
        let text = """
            # Canals

            ## Body

            The canal treaty signed at Kazan on 4 May 1912 fixed the locks, although the two engineers did not agree on their depth.
            """
        #expect(dates(text) == ["1912-05-04"])
    }

    @Test func inAFigureSentenceOnlyAHappeningClauseIsAnEvent() {
        let text = """
            # Ports

            ## Body

            Visits to the port fell by 12 percent in 2015. \
            In 2016 the port authority kept 40 million dollars in reserves, and on 3 May 2016 the court ordered the release of two ships.

            **Table 2.** Ships calling at the port, 2010–2016
            """
        #expect(dates(text) == ["2016-05-03"])
    }
}
