import Corpus
import Foundation
import Testing

@testable import CorpusAPI

/// Every quote the API serves must be in the corpus, at the offsets it
/// claims. This walks the whole export (and a few searches), finds every
/// object that carries `document`, `start`, `end` and `quote`, and checks it
/// against the raw file: a quote that cannot be found is a bug.
@Suite struct ProvenanceTests {
    let api = APIClient.shared

    /// Every provenance-shaped object inside `value`.
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

    func check(_ json: Any, context: String) throws -> Int {
        let model = api.app.services.store.current
        var found: [[String: Any]] = []
        Self.provenances(in: json, into: &found)
        for p in found {
            let document = try #require(model.document(id: p["document"] as! String), "\(context): unknown document")
            let start = p["start"] as! Int
            let end = p["end"] as! Int
            #expect(0 <= start && start <= end && end <= document.raw.count, "\(context): offsets \(start)..<\(end)")
            guard 0 <= start && start <= end && end <= document.raw.count else { continue }
            #expect(document.raw.slice(start..<end) == p["quote"] as? String, "\(context): quote at \(start)..<\(end)")
        }
        return found.count
    }

    @Test func everyQuoteInTheExportIsVerbatimAtItsOffsets() throws {
        let export = try api.json("/v1/export")
        let count = try check(export, context: "export")
        let model = api.app.services.store.current
        // At least one provenance per event, observation, reference and in-text citation.
        let records = model.events.count + model.observations.count + model.references.count + model.inTextCitations.count
        #expect(count >= records)
        #expect(model.events.count > 0 && model.observations.count > 0)
    }

    @Test(arguments: ["gas pipeline", "treaty 2001", "Voskressenski", "billion dollars"])
    func searchHitsCarryVerbatimProvenance(query: String) throws {
        let q = query.replacingOccurrences(of: " ", with: "+")
        let body = try api.json("/v1/search?q=\(q)&limit=50")
        _ = try check(body, context: "search \(query)")
    }
}
