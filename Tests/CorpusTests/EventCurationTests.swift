import Foundation
import Testing

@testable import Corpus

/// Curated annotations correct, drop, add and join events of one document.
@Suite struct EventCurationTests {
    static let doc = EventRecallTests.rawModel.document(id: "pathak-post-cold-war")!

    func extract(_ notes: [EventAnnotation]) -> [TimelineEvent] {
        EventExtractor.extract(documents: [Self.doc], citations: [], annotations: [Self.doc.id: notes])
    }

    @Test func excludeDropsOnlyTheQuotedEvent() {
        let all = extract([])
        let fewer = extract([EventAnnotation(quote: "the Baltic Sea (2017)", exclude: true)])
        #expect(fewer.count == all.count - 1)
        #expect(!fewer.contains { $0.date.start.description == "2017" && $0.summary.contains("Baltic") })
        #expect(fewer.contains { $0.date.start.description == "2016" && $0.summary.contains("Baltic") })
    }

    @Test func fieldsReplaceWhatExtractionFound() throws {
        let events = extract([EventAnnotation(
            quote: "when Mikhail Gorbachev visited China in 1989", title: "Gorbachev in Beijing", category: .diplomacy,
            actors: ["Mikhail Gorbachev"], date: EventDate(start: PartialDate("1989-05")!))])
        let e = try #require(events.first { $0.title == "Gorbachev in Beijing" })
        #expect(e.category == .diplomacy && e.actors == ["Mikhail Gorbachev"] && e.date.display == "May 1989")
        #expect(e.id.hasPrefix("evt-1989-"), "the id comes from extraction, so curation does not rename")
    }

    @Test func anUndatedSentenceCanBeAddedWithADate() throws {
        let quote = "Military cooperation moves from buyer and seller to partner"
        #expect(!extract([]).contains { $0.summary.contains(quote) })
        let events = extract([EventAnnotation(quote: quote, title: "Partners in arms", date: EventDate(start: PartialDate("2010")!))])
        let e = try #require(events.first { $0.summary.contains(quote) })
        #expect(e.title == "Partners in arms" && e.date.start.description == "2010")
        let p = e.sources[0]
        #expect(Self.doc.raw.slice(p.start..<p.end) == p.quote)
    }

    @Test func sameAsJoinsWhatTheRuleMisses() {
        let joined = extract([EventAnnotation(
            quote: "Another joint military exercise conducted on July 2009", sameAs: "In September 2018, both countries")])
        #expect(joined.count == extract([]).count - 1)
        let e = joined.first { $0.evidence.count == 2 && $0.summary.contains("Shenyang") }
        #expect(e?.evidence.last?.provenance.text.contains("Vostok") == true)
    }
}
