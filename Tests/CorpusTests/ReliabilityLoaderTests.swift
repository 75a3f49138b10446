import Foundation
import Testing

@testable import Corpus

/// Inputs the loader fuzzer (fuzz/targets/FuzzCorpusLoader.swift) reached:
/// each must end in a `CorpusLoadError` naming the file, never a trap.
@Suite struct ReliabilityLoaderTests {
    private func corpus(annotations: Data? = nil, metadata: Data? = nil) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CorpusLoader.defaultCorpusDirectory, to: directory)
        if let annotations {
            try annotations.write(to: directory.appendingPathComponent("annotations/pathak-post-cold-war.json"))
        }
        if let metadata { try metadata.write(to: directory.appendingPathComponent("pathak-post-cold-war.json")) }
        return directory
    }

    /// Regression seed fuzz/corpus/loader/regression-empty-annotations: an empty
    /// annotations file (it also showed Foundation leaking the read buffer).
    @Test func anEmptyAnnotationsFileIsInvalidJSON() throws {
        let directory = try corpus(annotations: Data())
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            _ = try CorpusLoader.load(directory: directory)
        } throws: { error in
            "\(error)".contains("pathak-post-cold-war.json")
        }
    }

    @Test(arguments: ["", "{", "[]", "null", #"{"id": 1}"#, #"{"id": "x", "text": "../000_77468d06b5afb097.txt"}"#])
    func brokenMetadataIsALoadError(_ text: String) throws {
        let directory = try corpus(metadata: Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: CorpusLoadError.self) { _ = try CorpusLoader.load(directory: directory) }
    }
}
