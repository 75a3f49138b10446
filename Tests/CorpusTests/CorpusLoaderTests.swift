import Foundation
import Testing

@testable import Corpus

/// Every way a corpus directory can be wrong fails the whole load with an
/// error that names the file to fix.
@Suite struct CorpusLoaderTests {
    static let burkJSON = "burkitbayevna-2019.json"
    static let burkText = "000_77468d06b5afb097.txt"

    private func expectError(
        _ corpus: TempCorpus, names file: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ match: (CorpusLoadError) -> Bool
    ) {
        let error = corpus.loadError()
        #expect(error.map(match) == true, "got \(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.description.contains(file) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func aCopyOfTheDefaultCorpusLoadsWithTheSameVersion() throws {
        let corpus = try TempCorpus()
        let model = try corpus.load()
        #expect(model.documents.map(\.id) == ["burkitbayevna-2019", "pathak-post-cold-war"])
        #expect(model.version == PassageBuilderTests.model.version)
        #expect(model.search.count >= model.documents.reduce(0) { $0 + $1.passages.count })
    }

    /// The "model loaded" log line's phases_ms: every phase, in order, so an
    /// operator can tell extraction from indexing when a load is slow.
    @Test func aLoadReportsEachPhaseInOrder() throws {
        let model = try TempCorpus().load()
        #expect(model.loadTimings.phases.map(\.name) == ["read", "passages", "extract", "merge", "index", "trim"])
        #expect(model.loadTimings.phases.allSatisfy { $0.milliseconds >= 0 })
        #expect(model.loadTimings.summary.hasPrefix("read="))
    }

    @Test func missingDirectory() throws {
        let corpus = try TempCorpus(copyingDefault: false)
        let gone = corpus.url.appendingPathComponent("nowhere")
        #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(directory: gone) }
        do {
            _ = try CorpusLoader.load(directory: gone)
        } catch {
            guard case .unreadableDirectory(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("nowhere"))
            #expect(error.description.contains("nowhere"))
        }
    }

    @Test func emptyDirectory() throws {
        let corpus = try TempCorpus(copyingDefault: false)
        try corpus.write("# notes", to: "README.md")
        expectError(corpus, names: corpus.url.lastPathComponent) { if case .emptyCorpus = $0 { true } else { false } }
    }

    @Test func unreadableTextFile() throws {
        // Tests may run as root, so no permission trick: a dangling symlink cannot be read by anyone.
        let corpus = try TempCorpus()
        try corpus.remove(Self.burkText)
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent(Self.burkText).path, withDestinationPath: "/nonexistent/file.txt")
        expectError(corpus, names: Self.burkText) { if case .unreadableFile = $0 { true } else { false } }
    }

    @Test func textFileThatIsADirectory() throws {
        let corpus = try TempCorpus()
        try corpus.remove(Self.burkText)
        try FileManager.default.createDirectory(
            at: corpus.url.appendingPathComponent(Self.burkText), withIntermediateDirectories: false)
        expectError(corpus, names: Self.burkText) { if case .unreadableFile = $0 { true } else { false } }
    }

    @Test func unreadableMetadataFile() throws {
        let corpus = try TempCorpus()
        try FileManager.default.createSymbolicLink(
            atPath: corpus.url.appendingPathComponent("extra.json").path, withDestinationPath: "/nonexistent/x.json")
        expectError(corpus, names: "extra.json") { if case .unreadableFile = $0 { true } else { false } }
    }

    @Test func textThatIsNotUTF8() throws {
        let corpus = try TempCorpus()
        try Data([0x66, 0x6f, 0xff, 0xfe, 0x0a]).write(to: corpus.url.appendingPathComponent(Self.burkText))
        expectError(corpus, names: Self.burkText) { if case .unreadableFile = $0 { true } else { false } }
    }

    @Test func badJSON() throws {
        let corpus = try TempCorpus()
        try corpus.write("{ \"id\": \"broken\", ", to: Self.burkJSON)
        expectError(corpus, names: Self.burkJSON) { if case .invalidJSON = $0 { true } else { false } }
    }

    @Test func metadataMissingAField() throws {
        let corpus = try TempCorpus()
        try corpus.editMetadata(Self.burkJSON) { $0["title"] = nil }
        expectError(corpus, names: Self.burkJSON) {
            if case .invalidMetadata(_, let reason) = $0 { reason.contains("title") } else { false }
        }
    }

    @Test func metadataWithAWrongType() throws {
        let corpus = try TempCorpus()
        try corpus.editMetadata(Self.burkJSON) { $0["year"] = "twenty nineteen" }
        expectError(corpus, names: Self.burkJSON) {
            if case .invalidMetadata(_, let reason) = $0 { reason.contains("year") } else { false }
        }
    }

    @Test func metadataWithABadID() throws {
        for bad in ["Burkitbayevna 2019", "", "../escape"] {
            let corpus = try TempCorpus()
            try corpus.editMetadata(Self.burkJSON) { $0["id"] = bad }
            expectError(corpus, names: Self.burkJSON) {
                if case .invalidMetadata(_, let reason) = $0 { reason.contains("id") } else { false }
            }
        }
    }

    @Test func metadataWithAnEmptyTitleOrATextOutsideTheDirectory() throws {
        let corpus = try TempCorpus()
        try corpus.editMetadata(Self.burkJSON) { $0["title"] = "  " }
        expectError(corpus, names: Self.burkJSON) { if case .invalidMetadata = $0 { true } else { false } }
        let other = try TempCorpus()
        try other.editMetadata(Self.burkJSON) { $0["text"] = "../etc/passwd" }
        expectError(other, names: Self.burkJSON) { if case .invalidMetadata = $0 { true } else { false } }
    }

    @Test func duplicateIDs() throws {
        let corpus = try TempCorpus()
        try corpus.write(try corpus.read(Self.burkJSON), to: "another.json")
        expectError(corpus, names: "another.json") {
            if case .duplicateID(let id, let files) = $0 {
                id == "burkitbayevna-2019" && files == ["another.json", Self.burkJSON]
            } else { false }
        }
    }

    @Test func metadataWithoutItsText() throws {
        let corpus = try TempCorpus()
        try corpus.remove(Self.burkText)
        expectError(corpus, names: Self.burkJSON) {
            if case .missingText(let metadata, let text) = $0 { metadata == Self.burkJSON && text == Self.burkText } else { false }
        }
    }

    @Test func textWithoutMetadata() throws {
        let corpus = try TempCorpus()
        try corpus.write("An article nobody described.\n", to: "orphan.txt")
        expectError(corpus, names: "orphan.txt") { if case .textWithoutMetadata = $0 { true } else { false } }
        // Files that are neither texts nor metadata are left alone.
        let tolerant = try TempCorpus()
        try tolerant.write("# About this corpus", to: "README.md")
        try tolerant.write("", to: ".hidden")
        #expect(tolerant.loadError() == nil)
    }

    @Test func annotationNamingAnUnknownDocument() throws {
        let corpus = try TempCorpus()
        try corpus.write(#"{"document": "no-such-article", "events": []}"#, to: "annotations/extra.json")
        expectError(corpus, names: "annotations/extra.json") {
            if case .unknownDocument(_, let document) = $0 { document == "no-such-article" } else { false }
        }
    }

    @Test func annotationWithBadJSON() throws {
        let corpus = try TempCorpus()
        try corpus.write(#"{"document": "#, to: "annotations/broken.json")
        expectError(corpus, names: "annotations/broken.json") { if case .invalidJSON = $0 { true } else { false } }
        let shapeless = try TempCorpus()
        try shapeless.write(#"{"events": []}"#, to: "annotations/shapeless.json")
        expectError(shapeless, names: "annotations/shapeless.json") { if case .invalidJSON = $0 { true } else { false } }
    }

    @Test func curatedQuoteNotFound() throws {
        // The quote's spelling differs from the raw file ("Eastern Route" is lowercase there).
        let corpus = try TempCorpus()
        try corpus.write(
            #"{"document": "burkitbayevna-2019", "citations": [{"quote": "the Eastern Route of the Sino-Russian gas pipeline"}]}"#,
            to: "annotations/burk.json")
        expectError(corpus, names: "annotations/burk.json") {
            if case .quoteNotFound(_, let document, _) = $0 { document == "burkitbayevna-2019" } else { false }
        }
    }

    @Test func aNewDocumentIsPickedUpWithoutCodeChanges() throws {
        let corpus = try TempCorpus()
        try corpus.write(
            "# A New Article\n\n## Introduction\n\nThe Power of Siberia pipeline opened in December 2019. It runs\n\nto Heihe.\n",
            to: "new.txt")
        try corpus.write(
            #"{"id": "new-article", "text": "new.txt", "title": "A New Article", "authors": [{"family": "Doe"}]}"#,
            to: "new-article.json")
        let model = try corpus.load()
        let document = try #require(model.document(id: "new-article"))
        #expect(document.passages.map(\.text) == ["The Power of Siberia pipeline opened in December 2019. It runs to Heihe."])
        #expect(model.search.search("power of siberia", types: [.passage], limit: 5, offset: 0).hits.first?.id == "new-article-p001")
        #expect(model.version != PassageBuilderTests.model.version)
    }
}
