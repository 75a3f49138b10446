import Foundation

@testable import Corpus

/// A scratch copy of the default corpus in its own temporary directory, for
/// tests that break it on purpose. Removed when the value is released.
final class TempCorpus: Sendable {
    let url: URL

    init(copyingDefault: Bool = true) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("corpus-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard copyingDefault else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: CorpusLoader.defaultCorpusDirectory.path) {
            try FileManager.default.copyItem(
                at: CorpusLoader.defaultCorpusDirectory.appendingPathComponent(name),
                to: url.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to name: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }

    /// Edits a metadata file as a JSON object.
    func editMetadata(_ name: String, _ edit: (inout [String: Any]) -> Void) throws {
        let data = try Data(contentsOf: url.appendingPathComponent(name))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url.appendingPathComponent(name))
    }

    func load() throws(CorpusLoadError) -> CorpusModel { try CorpusLoader.load(directory: url) }

    /// The error loading fails with, or nil when it loads.
    func loadError() -> CorpusLoadError? {
        do {
            _ = try load()
            return nil
        } catch {
            return error
        }
    }
}
