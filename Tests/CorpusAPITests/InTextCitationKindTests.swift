import Corpus
import Foundation
import Testing

/// `/v1/in-text-citations` says what kind each citation is and lists every
/// work a marker cites; `/v1/citations/{id}` finds a work through any of them.
@Suite struct InTextCitationKindTests {
    /// The numeric fixture article (GOST: "[1, p. 17]", "[4, p. 116; 5]") served alone.
    static func numericArticle() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-api-kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fixture = CorpusFilesTests.repository.appendingPathComponent("Tests/Fixtures/articles")
        for name in ["fix-a-arctic-gost.json", "fix-a-arctic-gost.txt"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func numericMarkersAreNumericAndListEveryWork() throws {
        let dir = try Self.numericArticle()
        defer { try? FileManager.default.removeItem(at: dir) }
        let api = APIClient(directory: dir)
        let rows = try #require(try api.json("/v1/in-text-citations?limit=500")["data"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["kind"] as? String == "numeric" })
        let two = try #require(rows.first { $0["text"] as? String == "[4, p. 116; 5]" })
        let ids = try #require(two["reference_ids"] as? [String])
        #expect(ids.count == 2)
        #expect(two["reference_id"] as? String == ids.first)
        #expect(two["locator"] as? String == "116")
        // The second work lists the marker among the places it is cited.
        let second = try api.json("/v1/citations/\(ids[1])")
        let citedIn = try #require(second["cited_in"] as? [[String: Any]])
        #expect(citedIn.contains { $0["text"] as? String == "[4, p. 116; 5]" })
        #expect(second["cited_count"] as? Int == citedIn.count)
    }

    @Test func authorDateCitationsAreParentheticalOrNarrative() throws {
        let rows = try #require(try APIClient.shared.json("/v1/in-text-citations?limit=500")["data"] as? [[String: Any]])
        let kinds = Set(rows.compactMap { $0["kind"] as? String })
        #expect(kinds == ["parenthetical", "narrative"])
        for row in rows {
            let ids = try #require(row["reference_ids"] as? [String])
            #expect(ids == ((row["reference_id"] as? String).map { [$0] } ?? []))
        }
    }
}
