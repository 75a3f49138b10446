import Foundation
import Testing

@testable import Corpus

@Suite struct ModelStoreTests {
    @Test func successfulReloadSwapsTheModelAndCountsGenerations() throws {
        let corpus = try TempCorpus()
        let store = try ModelStore(directory: corpus.url)
        #expect(store.generation == 1 && store.lastReload == nil)
        let before = store.current
        try corpus.write("# Added\n\nA short added article about the Arctic route.\n", to: "added.txt")
        try corpus.write(#"{"id": "added", "text": "added.txt", "title": "Added", "authors": []}"#, to: "added.json")
        let outcome = store.reload()
        #expect(outcome.status == .ok)
        #expect(outcome.generation == 2 && store.generation == 2)
        #expect(store.current.document(id: "added") != nil)
        #expect(outcome.version == store.current.version && outcome.version != before.version)
        #expect(store.lastReload == outcome)
        // The snapshot taken before the reload is untouched.
        #expect(before.document(id: "added") == nil)
    }

    @Test func failedReloadKeepsTheOldModelAndSaysWhy() throws {
        let corpus = try TempCorpus()
        let store = try ModelStore(directory: corpus.url)
        let version = store.current.version
        try corpus.write("{ not json", to: "burkitbayevna-2019.json")
        let outcome = store.reload()
        #expect(outcome.status == .failed)
        #expect(outcome.message.contains("burkitbayevna-2019.json"))
        #expect(outcome.error.map { if case .invalidJSON = $0 { true } else { false } } == true)
        #expect(outcome.version == version && outcome.generation == 1)
        #expect(store.current.version == version && store.generation == 1)
        #expect(store.current.document(id: "burkitbayevna-2019") != nil)
        #expect(store.lastReload?.status == .failed)
        // Fixing the directory and reloading recovers.
        try FileManager.default.copyItem(
            at: CorpusLoader.defaultCorpusDirectory.appendingPathComponent("burkitbayevna-2019.json"),
            to: corpus.url.appendingPathComponent("fixed.json"))
        try corpus.remove("burkitbayevna-2019.json")
        #expect(store.reload().status == .ok && store.generation == 2)
    }

    @Test func outcomeEncodesWithoutTheErrorObject() throws {
        let outcome = ReloadOutcome(
            time: Date(timeIntervalSince1970: 0), status: .failed, message: "x.json: invalid JSON", version: "v",
            generation: 3, error: .invalidJSON(file: "x.json", reason: "bad"))
        let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
        #expect(json.contains("\"status\":\"failed\"") && json.contains("\"generation\":3") && !json.contains("reason"))
    }

    @Test func concurrentReadersNeverSeeAHalfBuiltModel() async throws {
        let corpus = try TempCorpus()
        let store = try ModelStore(directory: corpus.url)
        let good = store.current.version
        // Alternate between a corpus that loads and one that does not.
        let generations = try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                for round in 0..<6 {
                    if round % 2 == 0 {
                        try corpus.write("{", to: "broken.json")
                    } else {
                        try corpus.remove("broken.json")
                    }
                    store.reload()
                }
                return []
            }
            for _ in 0..<8 {
                group.addTask {
                    var seen: [Int] = []
                    for _ in 0..<300 {
                        let (model, generation) = store.snapshot
                        // A complete model: every document has passages and the index covers them.
                        let passages = model.documents.reduce(0) { $0 + $1.passages.count }
                        guard model.documents.count == 2, passages > 0, model.search.count >= passages,
                            model.version == good,
                            model.search.search("Voskressenski", types: [.passage], limit: 1, offset: 0).total > 0
                        else { throw CancellationError() }
                        seen.append(generation)
                        await Task.yield()
                    }
                    return seen
                }
            }
            var all: [[Int]] = []
            for try await seen in group { all.append(seen) }
            return all
        }
        // Each reader saw generations in increasing order.
        for seen in generations { #expect(seen == seen.sorted()) }
        #expect(store.generation == 4)  // three successful reloads (rounds 1, 3, 5)
        #expect(store.lastReload?.status == .ok)
    }
}
