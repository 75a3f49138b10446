import Foundation
import Testing

@testable import Corpus

/// The curated annotations are the ground truth of the default corpus (every
/// dated happening a historian finds in the two articles). Extraction alone,
/// annotations off, must find them: the event whose dating words lie in the
/// curated quote, at the curated date.
@Suite struct EventRecallTests {
    static let rawModel = try! CorpusLoader.load(
        directory: CorpusLoader.defaultCorpusDirectory, options: CorpusLoader.Options(applyAnnotations: false))

    static func curated() throws -> [(document: String, note: EventAnnotation)] {
        let dir = CorpusLoader.defaultCorpusDirectory.appendingPathComponent("annotations")
        var result: [(String, EventAnnotation)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".json") {
            let file = try JSONDecoder().decode(CorpusAnnotations.self, from: Data(contentsOf: dir.appendingPathComponent(name)))
            result += (file.events ?? []).map { (file.document, $0) }
        }
        return result
    }

    /// The extracted event a curated record stands for, if extraction found it.
    static func found(_ note: EventAnnotation, in document: String, model: CorpusModel) -> TimelineEvent? {
        guard let doc = model.document(id: document) else { return nil }
        let spans = EventCuration.spans(of: note.quote, in: doc)
        return model.events.first { event in
            (note.date.map { $0.start == event.date.start && $0.end == event.date.end } ?? true)
                && event.evidence.contains { source in
                    source.provenance.document == document && source.mention.map { m in spans.contains { $0.overlaps(m) } } == true
                }
        }
    }

    @Test func extractionAloneFindsTheCuratedEvents() throws {
        // Undated retellings (`same_as` without `date`) are sources, not events extraction should find.
        let notes = try Self.curated().filter { $0.note.exclude != true && $0.note.date != nil }
        #expect(notes.count >= 30, "the curated ground truth lists every dated happening of both articles")
        var missed: [String] = []
        for (document, note) in notes where Self.found(note, in: document, model: Self.rawModel) == nil {
            missed.append("\(document): \(note.quote)")
        }
        let hits = notes.count - missed.count
        print("events recall without annotations: \(hits)/\(notes.count)")
        for m in missed { print("  missed: \(m)") }
        #expect(Double(hits) >= 0.8 * Double(notes.count), "missed: \(missed)")
    }

    @Test func curatedFieldsAgreeWithExtractionWhereTheyOverlap() throws {
        // The curated status is what extraction reads from the words: a correction here means a rule regressed.
        for (document, note) in try Self.curated() where note.exclude != true && note.date != nil {
            guard let event = Self.found(note, in: document, model: Self.rawModel) else { continue }
            #expect(event.status == (note.status ?? .occurred), "\(note.quote)")
        }
    }

    @Test func everyCuratedEventIsServedWithItsCuratedFields() throws {
        let model = PassageBuilderTests.model
        for (document, note) in try Self.curated() where note.exclude != true && note.date != nil {
            let event = try #require(Self.found(note, in: document, model: model), "\(note.quote)")
            if let title = note.title { #expect(event.title == title) }
            if let category = note.category { #expect(event.category == category, "\(note.quote)") }
            #expect(event.title.count <= 80, "\(event.title)")
        }
    }

    @Test func sameAsQuotesAreVerbatimToo() throws {
        // The loader checks `quote`; a `same_as` not in the document would silently join nothing.
        for (document, note) in try Self.curated() {
            guard let other = note.sameAs else { continue }
            let doc = try #require(Self.rawModel.document(id: document))
            #expect(doc.raw.occurrences(of: other).count == 1, "\(other)")
        }
    }

    @Test func undatedRetellingsJoinTheEventTheyRetell() throws {
        let model = PassageBuilderTests.model
        let statement = try #require(model.events.first { $0.date.start.description == "2015-05" && $0.category == .diplomacy })
        #expect(statement.evidence.first?.provenance.text.hasPrefix("In May 2015") == true, "the dated telling leads")
        #expect(statement.evidence.contains { $0.provenance.text.hasPrefix("After the signing of the agreement between") })
        #expect(statement.evidence.contains { $0.provenance.text.hasPrefix("More than three years have passed") })
        #expect(!Self.rawModel.events.contains { $0.summary.hasPrefix("More than three years have passed") })
    }
}
