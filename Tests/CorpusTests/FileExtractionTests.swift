import Foundation
import Testing

@testable import Corpus

/// `corpus-api extract`: JSON Lines whose every quote is in its file at its
/// offsets, with or without metadata beside the text, and `--out` entries
/// that a server's load then reads instead of extracting.
@Suite struct FileExtractionTests {
    /// Every object in `value` that carries `document`, `start`, `end` and `quote`.
    static func provenances(in value: Any, into found: inout [[String: Any]]) {
        if let object = value as? [String: Any] {
            if object["document"] is String, object["start"] is Int, object["end"] is Int, object["quote"] is String {
                found.append(object)
            }
            for child in object.values { provenances(in: child, into: &found) }
        } else if let array = value as? [Any] {
            for child in array { provenances(in: child, into: &found) }
        }
    }

    /// Parses the lines and checks each quote against `texts` (document id → raw text).
    static func checkQuotes(_ lines: String, texts: [String: String]) throws -> [String: Int] {
        var types: [String: Int] = [:]
        let scalars = texts.mapValues { Array($0.unicodeScalars) }
        for line in lines.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let type = try #require(object["type"] as? String)
            types[type, default: 0] += 1
            var found: [[String: Any]] = []
            provenances(in: object, into: &found)
            if type != "document" { #expect(!found.isEmpty, "\(type) without provenance: \(line.prefix(120))") }
            for p in found {
                let text = try #require(scalars[p["document"] as! String])
                let (start, end) = (p["start"] as! Int, p["end"] as! Int)
                #expect(0 <= start && start <= end && end <= text.count)
                guard 0 <= start && start <= end && end <= text.count else { continue }
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: text[start..<end])
                #expect(String(slice) == p["quote"] as? String)
            }
        }
        return types
    }

    @Test func aTextWithoutMetadataGivesRecordsWhoseQuotesAreInTheFile() throws {
        let corpus = try TempCorpus(copyingDefault: false)
        let text = """
            # Rail links

            ## Introduction

            In March 2019 the two governments signed a railway agreement worth 2.5 billion dollars (Ivanova, 2020).
            The railway bridge over the river opened in November 2022.
            Freight on the line reached 1.2 million tonnes in 2021, up 8% on the year before.

            ## References

            Ivanova, A. (2020). Rails to the east. Moscow: Nauka.

            """
        try corpus.write(text, to: "Rail Links 2023.txt")
        let result = try FileExtraction.run(files: [corpus.url.appendingPathComponent("Rail Links 2023.txt")])
        #expect(result.documents.map(\.id) == ["rail-links-2023"])
        let types = try Self.checkQuotes(try result.jsonLines(), texts: ["rail-links-2023": text])
        #expect(types["document"] == 1)
        #expect(types["event", default: 0] >= 1)
        #expect(types["reference"] == 1)
        #expect(types["in-text-citation"] == 1)
    }

    @Test func theDefaultArticlesGiveWhatTheServerServes() throws {
        let directory = CorpusLoader.defaultCorpusDirectory
        let files = ["000_77468d06b5afb097.txt", "004_0037d120de45002d.txt"].map { directory.appendingPathComponent($0) }
        let result = try FileExtraction.run(files: files)
        let model = try CorpusLoader.load(directory: directory)
        #expect(result.documents.map(\.id) == model.documents.map(\.id))
        #expect(result.events == model.events)
        #expect(result.observations == model.observations)
        #expect(result.references == model.references)
        #expect(result.inTextCitations == model.inTextCitations)
        let texts = Dictionary(uniqueKeysWithValues: model.documents.map { ($0.id, $0.raw.string) })
        let types = try Self.checkQuotes(try result.jsonLines(), texts: texts)
        #expect(types["event"] == model.events.count)
        #expect(types["indicator"] == model.observations.count)
    }

    @Test func outWritesTheEntriesAServerLoadReads() throws {
        let corpus = try TempCorpus()
        let cacheDirectory = ExtractionCacheTests.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let cache = ExtractionCache(directory: cacheDirectory)
        // Two jobs, one file each, as two pods of an Indexed Job would run.
        for name in [CorpusLoaderTests.burkText, "004_0037d120de45002d.txt"] {
            let written = try FileExtraction.run(files: [corpus.url.appendingPathComponent(name)], options: .init(cache: cache))
            #expect(written.statistics.misses == 1)
        }
        let model = try CorpusLoader.load(directory: corpus.url, options: .init(cache: cache))
        #expect(model.loadTimings.extraction.hits == 2)
        #expect(model.loadTimings.extraction.extracted == 0)
        // Without annotations the keys differ: the server's raw load extracts.
        let raw = try CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false, cache: cache))
        #expect(raw.loadTimings.extraction.hits == 0)
    }

    @Test func documentIDsFromFileNames() {
        #expect(FileExtraction.documentID(forFile: "My Notes 2024.txt") == "my-notes-2024")
        #expect(FileExtraction.documentID(forFile: "__.md") == "document")
        #expect(FileExtraction.documentID(forFile: "a.b.txt") == "a-b")
    }
}
