import Foundation
import Testing

@testable import Corpus
@testable import CorpusAPI

/// Corpus files a user writes: a misspelt key or broken JSON fails the load
/// with the file, the place and the fix; a third document of our own shows
/// up everywhere the two default ones do.
@Suite struct CorpusFilesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The default corpus plus the fixture document, in a fresh directory.
    static func threeDocuments() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-api-three-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CorpusLoader.defaultCorpusDirectory, to: dir)
        let fixture = repository.appendingPathComponent("Tests/Fixtures/third-document")
        for name in ["fixture-arctic-note.json", "fixture-arctic-note.txt"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    static func loadError(_ dir: URL) -> String? {
        do {
            _ = try ModelStore(directory: dir)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aMisspeltMetadataKeyFailsTheLoadNamingIt() throws {
        let dir = try Self.threeDocuments()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("fixture-arctic-note.json")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "\"venue\": null", with: "\"venue\": {\"jounal\": \"Invented Review\"}")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let message = try #require(Self.loadError(dir))
        #expect(message.contains("fixture-arctic-note.json"))
        #expect(message.contains("unknown field \"venue.jounal\"; did you mean \"journal\"?"), "\(message)")
    }

    @Test func aMisspeltAnnotationKeyFailsTheLoadNamingIt() throws {
        let dir = try Self.threeDocuments()
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = """
            {"document": "fixture-arctic-note", "indicators": [{"quote": "80 million tonnes", "is_traget": true}]}
            """
        try note.write(to: dir.appendingPathComponent("annotations/fixture-arctic-note.json"), atomically: true, encoding: .utf8)
        let message = try #require(Self.loadError(dir))
        #expect(message.contains("annotations/fixture-arctic-note.json"))
        #expect(message.contains("\"indicators[0].is_traget\"; did you mean \"is_target\"?"), "\(message)")
    }

    @Test func brokenJSONSaysWhereByLineAndColumn() throws {
        let dir = try Self.threeDocuments()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = "{\n  \"id\": \"fixture-arctic-note\",\n  \"title\": \"A\" \"B\"\n}\n"
        try broken.write(to: dir.appendingPathComponent("fixture-arctic-note.json"), atomically: true, encoding: .utf8)
        let message = try #require(Self.loadError(dir))
        #expect(message.contains("fixture-arctic-note.json: invalid JSON: line 3, column 16: expected ',' or '}'"), "\(message)")
    }

    @Test(arguments: [
        ("{}", nil), ("[1, 2.5e3, -0.1, true, null, \"a\\u00e9\"]", nil),
        ("{\"a\": 1,}", "line 1, column 9: expected a field name in double quotes, found '}'"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after the field name, found '1'"),
        ("[1 2]", "line 1, column 4: expected ',' or ']', found '2'"),
        ("{\"é\": \"x\\q\"}", "line 1, column 10: unknown escape \\q in a string (write \\\\ for a backslash)"),
        ("{\"a\": \"b", "line 1, column 9: a string is not closed"),
        ("", "line 1, column 1: expected a value, found the end of the file"),
    ] as [(String, String?)])
    func jsonSyntaxLocation(text: String, expected: String?) {
        #expect(JSONSyntaxLocation.firstError(in: Array(text.utf8)) == expected)
    }

    /// The third document is served like the other two: listed, searchable,
    /// its figures and references found by the same rules.
    @Test func aThirdDocumentIsServedLikeTheOthers() throws {
        let dir = try Self.threeDocuments()
        defer { try? FileManager.default.removeItem(at: dir) }
        let api = APIClient(directory: dir)
        let documents = try api.json("/v1/documents")["data"] as! [[String: Any]]
        #expect(documents.count == 3)
        let note = try #require(documents.first { $0["id"] as? String == "fixture-arctic-note" })
        let counts = try #require(note["counts"] as? [String: Any])
        #expect(counts["references"] as? Int == 2)
        #expect((counts["indicators"] as? Int ?? 0) > 0)
        #expect((counts["events"] as? Int ?? 0) > 0)
        let hits = try api.json("/v1/search?q=ports&type=passage")["data"] as! [[String: Any]]
        #expect(hits.contains { ($0["provenance"] as? [String: Any])?["document"] as? String == "fixture-arctic-note" })
    }

    /// Every field the loader accepts is documented where a user looks,
    /// not only in Swift comments: a field added to the loader without a
    /// line in docs/corpus-format.md fails here.
    @Test func theFormatDocumentNamesEveryFieldTheLoaderAccepts() throws {
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/corpus-format.md"), encoding: .utf8)
        func names(_ shape: KnownFields.Shape) -> Set<String> {
            if let element = shape.element { return names(element) }
            var found = Set<String>()
            for (key, inner) in shape.fields ?? [:] { found.insert(key); found.formUnion(names(inner)) }
            return found
        }
        let fields = names(KnownFields.metadata).union(names(KnownFields.annotations))
        #expect(fields.count >= 40)
        for field in fields.sorted() {
            #expect(page.contains("`\(field)`"), "docs/corpus-format.md does not name `\(field)`")
        }
    }

    @Test func annotationsCanBeLeftOut() throws {
        let with = try ModelStore(directory: CorpusLoader.defaultCorpusDirectory).current
        let without = try ModelStore(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false)).current
        #expect(with.version != without.version || with.events.map(\.title) != without.events.map(\.title))
    }
}
