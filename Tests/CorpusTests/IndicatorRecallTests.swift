import Foundation
import Testing

@testable import Corpus

/// How much of the curated ground truth (`annotations/*.json`, one record
/// per figure of both articles) extraction finds with annotations switched off.
@Suite struct IndicatorRecallTests {
    /// The default corpus as extraction alone sees it.
    static let raw = try! CorpusLoader.load(
        directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
    /// The default corpus with the curated annotations applied.
    static let annotated = PassageBuilderTests.model

    /// Every curated indicator record with its document.
    static let truth: [(document: String, note: IndicatorAnnotation)] = {
        let dir = CorpusLoader.defaultCorpusDirectory.appendingPathComponent("annotations")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().flatMap { name in
            let data = try! Data(contentsOf: dir.appendingPathComponent(name))
            let file = try! JSONDecoder().decode(CorpusAnnotations.self, from: data)
            return (file.indicators ?? []).filter { $0.exclude != true && $0.value != nil }.map { (file.document, $0) }
        }
    }()

    /// The observations of `model` whose figure lies in the annotation's quote, best match first.
    static func candidates(_ note: IndicatorAnnotation, in document: String, _ model: CorpusModel) -> [Observation] {
        guard let doc = model.document(id: document) else { return [] }
        let length = note.quote.unicodeScalars.count
        let spans = doc.raw.occurrences(of: note.quote).map { $0..<($0 + length) }
        return model.observations.filter { o in
            o.figures.contains { f in f.document == document && spans.contains { $0.overlaps(f.start..<f.end) } }
        }
    }

    static func found(_ note: IndicatorAnnotation, in document: String, _ model: CorpusModel) -> Observation? {
        candidates(note, in: document, model).first { $0.value == note.value && $0.unit == note.unit }
    }

    @Test func extractionAloneFindsMostCuratedFigures() {
        let truth = Self.truth
        let hits = truth.filter { Self.found($0.note, in: $0.document, Self.raw) != nil }
        print("indicators recall without annotations: \(hits.count)/\(truth.count)")
        for miss in truth where Self.found(miss.note, in: miss.document, Self.raw) == nil {
            print("  missed: \(miss.document): \(miss.note.quote)")
        }
        #expect(truth.count >= 50, "the ground truth covers every figure of both articles")
        #expect(Double(hits.count) >= 0.8 * Double(truth.count))
    }

    /// Value and unit are not enough: the period and the hedge must be right too.
    @Test func extractionAgreesWithCuratedPeriodsAndQualifiers() {
        var agree = 0
        for (document, note) in Self.truth {
            guard let o = Self.found(note, in: document, Self.raw) else { continue }
            if o.period == note.period && o.qualifier == (note.qualifier ?? .exact) && o.measure == note.measure {
                agree += 1
            } else {
                print("  differs: \(note.quote): \(o.measure) \(o.period ?? "null") \(o.qualifier.rawValue)")
            }
        }
        print("indicators agreeing with curation (measure, period, qualifier): \(agree)/\(Self.truth.count)")
        #expect(Double(agree) >= 0.8 * Double(Self.truth.count))
    }

    @Test func annotatedCorpusMatchesEveryCuratedRecord() throws {
        for (document, note) in Self.truth {
            let o = try #require(Self.found(note, in: document, Self.annotated), "\(note.quote)")
            #expect(o.period == note.period, "\(note.quote)")
            #expect(o.qualifier == note.qualifier ?? .exact, "\(note.quote)")
            if let measure = note.measure { #expect(o.measure == measure, "\(note.quote)") }
        }
    }
}
