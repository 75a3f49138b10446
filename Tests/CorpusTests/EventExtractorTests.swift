import Foundation
import Testing

@testable import Corpus

/// The timeline a historian reads: the key happenings at their exact dates,
/// nothing dated by a citation or a figure, every quote verbatim.
@Suite struct EventExtractorTests {
    static let model = PassageBuilderTests.model
    static let raw = EventRecallTests.rawModel

    func event(containing text: String, on start: String, in model: CorpusModel = Self.model) -> TimelineEvent? {
        model.events.first { e in e.date.start.description == start && e.evidence.contains { $0.provenance.text.contains(text) } }
    }

    @Test(arguments: [
        // (words of the sentence, start, end, precision, status, category) — checked without annotations.
        ("came on July 16, 2001 when, in Moscow", "2001-07-16", nil, "day", "occurred", "diplomacy"),
        ("was renewed on 28 June 2021", "2021-06-28", nil, "day", "occurred", "diplomacy"),
        ("Again on 23 March 2021", "2021-03-23", nil, "day", "occurred", "diplomacy"),
        ("In May 2015, the heads of state", "2015-05", nil, "month", "occurred", "diplomacy"),
        ("his state visit to Kazakhstan in September 2013", "2013-09", nil, "month", "occurred", "economy"),
        ("Eastern route, which began in June 2015", "2015-06", nil, "month", "occurred", "energy"),
        ("put into operation in October 2019", "2019-10", nil, "month", "expected", "energy"),
        ("laid before the end of 2020", "2020", nil, "year", "expected", "energy"),
        ("in the middle of the XVII century", "1634", "1666", "century", "occurred", "diplomacy"),
        ("In January 2018, a document", "2018-01", nil, "month", "occurred", "politics"),
        ("boundary demarcation work between them in 2008", "2008", nil, "year", "occurred", "border"),
        ("Since 1992, military sales", "1992", nil, "year", "occurred", "military"),
        ("celebrated 2020-21", "2020", "2021", "year", "occurred", "education"),
        ("in the early 1950s", "1950", "1953", "decade", "occurred", "economy"),
        ("going to be held in Russia in 2012", "2012", nil, "year", "planned", "diplomacy"),
        ("The 1996 the two countries", "1996", nil, "year", "occurred", "diplomacy"),
        ("in July 2010 China successfully launched", "2010-07", nil, "month", "occurred", "energy"),
        ("military exercise conducted on July 2009", "2009-07", nil, "month", "occurred", "military"),
    ] as [(String, String, String?, String, String, String)])
    func keyEventsHaveExactDates(text: String, start: String, end: String?, precision: String, status: String, category: String) throws {
        let e = try #require(event(containing: text, on: start, in: Self.raw), "no event on \(start) for “\(text)”")
        #expect(e.date.end?.description == end)
        #expect(e.date.precision.rawValue == precision)
        #expect(e.status.rawValue == status)
        #expect(e.category.rawValue == category)
    }

    @Test func oneHappeningToldThriceIsOneEvent() throws {
        let treaty = try #require(event(containing: "July 16, 2001", on: "2001-07-16"))
        let passages = Set(treaty.evidence.map(\.provenance.passage))
        // "The friendship treaty of 2001 was renewed on 28 June 2021" (p009) tells the renewal, not the treaty.
        #expect(passages == ["pathak-post-cold-war-p025", "pathak-post-cold-war-p049"])
        #expect(treaty.evidence.first?.provenance.passage == "pathak-post-cold-war-p025", "the day-precise telling leads")
        #expect(!Self.model.events.contains { $0.date.start.description == "2001" }, "no second 2001 treaty event")
        // The renewal in the same sentence as "treaty of 2001" stays its own happening.
        #expect(event(containing: "was renewed on 28 June 2021", on: "2021-06-28") != nil)
        let statement = try #require(event(containing: "international order of the 21st century", on: "2005"))
        #expect(statement.evidence.contains { $0.provenance.text.hasPrefix("The joint statement 2005 expressed") })
        // Same year, different happening: the Peace Mission exercise is not the joint statement.
        let exercise = try #require(event(containing: "Peace Mission 2005", on: "2005"))
        #expect(exercise.id != statement.id && exercise.category == .military)
    }

    @Test func citationYearsFiguresAndFrontMatterDateNothing() {
        for e in Self.raw.events {
            for s in e.evidence {
                let section = Self.raw.passage(id: s.provenance.passage).map(\.passage.sectionID) ?? ""
                #expect(!section.hasSuffix("-s00"), "front matter: \(e.id)")
                #expect(!["burkitbayevna-2019-s09", "pathak-post-cold-war-s25"].contains(section), "reference list: \(e.id)")
            }
        }
        let years = Set(Self.raw.events.map(\.date.start.year))
        // Years the articles only cite (Joint Statement 2004, Voskressenski 2003, SIPRI 2009 ...) or only give figures for.
        for year in [1994, 1997, 1998, 2003, 2004, 2006, 2014, 2024] { #expect(!years.contains(year), "\(year)") }
        #expect(event(containing: "China imported 52.48 million tons of oil", on: "2016", in: Self.raw) == nil)
        #expect(event(containing: "the bilateral trade turnover reached 84.07 billion", on: "2017", in: Self.raw) == nil)
        #expect(event(containing: "200 billion dolors up to 2024", on: "2024", in: Self.raw) == nil)
        #expect(!Self.raw.events.contains { $0.summary.hasPrefix("Entering the Twenty-first century") })
        #expect(!Self.raw.events.contains { $0.date.start.year == 2009 && $0.date.precision == .year })
    }

    @Test func everySourceQuoteIsVerbatim() throws {
        for model in [Self.model, Self.raw] {
            #expect(!model.events.isEmpty)
            for e in model.events {
                for s in e.evidence {
                    let p = s.provenance
                    let document = try #require(model.document(id: p.document))
                    #expect(document.raw.slice(p.start..<p.end) == p.quote, "\(e.id)")
                    if let m = s.mention { #expect(p.start <= m.lowerBound && m.upperBound <= p.end, "\(e.id)") }
                }
                #expect(e.sources == e.evidence.map(\.provenance))
            }
        }
    }

    @Test func sortedByStartThenIdWithStableUniqueIds() throws {
        let events = Self.model.events
        #expect(events.map(\.id) == events.sorted { ($0.date.start, $0.id) < ($1.date.start, $1.id) }.map(\.id))
        #expect(Set(events.map(\.id)).count == events.count)
        let again = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)
        #expect(again.events.map(\.id) == events.map(\.id))
        // Annotations correct fields (and may add events); they do not rename extracted events.
        #expect(Set(events.map(\.id)).isSuperset(of: Self.raw.events.map(\.id)))
        for e in events {
            #expect(e.id.hasPrefix("evt-\(e.date.start.description)") || e.date != Self.raw.events.first { $0.id == e.id }?.date)
        }
    }

    @Test func everyEventHasTitleSummaryAndActors() {
        for e in Self.model.events {
            #expect(!e.title.isEmpty && e.title.count <= 81, "\(e.id): \(e.title)")
            #expect(e.summary == e.evidence[0].provenance.text)
            #expect(!e.actors.isEmpty, "\(e.id)")
            #expect(e.searchText.contains(e.title) && e.actors.allSatisfy(e.searchText.contains))
        }
        let astana = event(containing: "Kazakhstan in September 2013", on: "2013-09", in: Self.raw)
        #expect(astana?.actors.contains("Xi Jinping") == true, "XI Jinping is normalised")
        #expect(astana?.actors.contains("XI Jinping") == false)
    }

    /// Uses the real in-text citations: "(Joint Statement, 2005)" is made in
    /// the sentence that dates the 2005 joint statement.
    @Test func citationsMadeInTheSentenceAreListed() throws {
        let doc = try #require(Self.model.document(id: "pathak-post-cold-war"))
        let passage = try #require(doc.passages.first { $0.text.contains("international order of the 21st century in 2005") })
        let sentence = try #require(passage.sentences.first { $0.text.contains("in 2005") })
        let cite = try #require(Self.model.inTextCitations.first { $0.text == "(Joint Statement, 2005)" })
        let statement = try #require(Self.model.events.first { $0.date.start.description == "2005" && $0.category == .diplomacy })
        #expect(statement.evidence.first { $0.provenance.start == sentence.rawStart }?.citations.contains(cite.id) == true)
        // A citation is listed only on the source whose sentence makes it.
        for event in Self.model.events {
            for source in event.evidence {
                for id in source.citations {
                    let c = try #require(Self.model.inTextCitations.first { $0.id == id })
                    #expect(c.source.document == source.provenance.document)
                    #expect(c.source.start < source.provenance.end && source.provenance.start < c.source.end)
                }
            }
        }
    }

    @Test func encodesSnakeCaseWithEverySourceField() throws {
        let e = try #require(event(containing: "July 16, 2001", on: "2001-07-16"))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(e)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "date", "status", "title", "summary", "category", "actors", "sources"])
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(Set(sources[0].keys) == ["document", "passage", "start", "end", "quote", "text", "citations"])
        let date = try #require(object["date"] as? [String: Any])
        #expect(date["end"] is NSNull && date["qualifier"] is NSNull)
        let back = try JSONDecoder().decode(TimelineEvent.self, from: JSONEncoder().encode(e))
        #expect(back.sources == e.sources && back.date == e.date && back.title == e.title)
    }
}

/// The rules work on an article they were not tuned on: no per-document code.
@Suite struct EventNewArticleTests {
    static let text = """
        Journal of Eurasian Studies, Vol. 3 (2020), pp. 1-20.

        # Introduction

        Mongolia and Russia signed a border agreement on 3 September 2010 in Ulaanbaatar (Smith, 2011). \
        In March 2014, Putin visited Beijing. The pipeline will be completed before the end of 2025. \
        In 2015 trade amounted to 68 billion dollars (Customs, 2016). The SCO summit is going to be held in Astana in 2017.

        # References

        Smith, J. (2011). Borders of Asia. London, 1999.
        """

    @Test func findsItsDatedHappeningsAndNothingElse() throws {
        let raw = RawText(Self.text)
        let (sections, passages) = PassageBuilder.build(documentID: "new-article", raw: raw)
        let document = Document(
            metadata: DocumentMetadata(id: "new-article", text: "new.txt", title: "New", authors: []), raw: raw, sections: sections,
            passages: passages)
        let events = EventExtractor.extract(documents: [document], citations: [], annotations: [:])
        let summary = events.map { "\($0.date.start) \($0.status.rawValue) \($0.category.rawValue)" }
        #expect(summary == ["2010-09-03 occurred border", "2014-03 occurred diplomacy", "2017 planned diplomacy", "2025 expected energy"])
        let border = try #require(events.first)
        #expect(border.actors == ["Mongolia", "Russia"])
        #expect(events.first { $0.date.start.description == "2014-03" }?.actors == ["Vladimir Putin", "China"])
        #expect(events.first { $0.date.start.description == "2017" }?.actors.contains("Shanghai Cooperation Organisation") == true)
        for e in events { #expect(raw.slice(e.sources[0].start..<e.sources[0].end) == e.sources[0].quote) }
    }
}
