import Foundation
import Testing

@testable import Corpus

/// The extraction's output is its specification: the model dump
/// (`ModelDumpTests.dump`) of the embedded corpus, with and without its
/// annotations, and of every fixture article in `Tests/Fixtures/articles`
/// (each loaded alone, no annotations) is committed under
/// `Tests/Fixtures/golden`. A change of behaviour fails here with the lines
/// that changed; after reviewing them, `scripts/update-golden` rewrites every
/// golden file and `git diff Tests/Fixtures/golden` shows the change to commit.
///
/// Everything is read from the package itself, never from `../shared`.
@Suite struct GoldenDumpTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let goldenDirectory = fixtures.appendingPathComponent("golden")
    static let articlesDirectory = fixtures.appendingPathComponent("articles")
    /// Set by `scripts/update-golden`: write the dumps instead of comparing them.
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    @Test func defaultCorpusWithAnnotations() throws {
        let model = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)
        try Self.check(try ModelDumpTests.dump(model), golden: "default-annotated")
    }

    @Test func defaultCorpusWithoutAnnotations() throws {
        let model = try CorpusLoader.load(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        try Self.check(try ModelDumpTests.dump(model), golden: "default-raw")
    }

    @Test(arguments: try fixtureArticleIDs())
    func fixtureArticle(_ id: String) throws {
        let corpus = try TempCorpus(copyingDefault: false)
        let files = FileManager.default
        let metadata = Self.articlesDirectory.appendingPathComponent("\(id).json")
        let text = try Self.textFileName(of: metadata)
        try files.copyItem(at: metadata, to: corpus.url.appendingPathComponent("\(id).json"))
        try files.copyItem(
            at: Self.articlesDirectory.appendingPathComponent(text), to: corpus.url.appendingPathComponent(text))
        let model = try CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false))
        #expect(model.documents.map(\.id) == [id])
        try Self.check(try ModelDumpTests.dump(model), golden: "article-\(id)")
    }

    @Test(.enabled(if: !updating, "the golden files are being rewritten"))
    func everyGoldenFileHasItsTest() throws {
        let expected = Set(["default-annotated", "default-raw"] + (try Self.fixtureArticleIDs()).map { "article-\($0)" })
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
            .filter { $0.hasSuffix(".dump") }.map { String($0.dropLast(".dump".count)) }
        #expect(Set(present) == expected, "stale golden files: run scripts/update-golden")
        #expect(expected.count >= 4, "the fixture articles are missing")
    }

    @Test func theDiffNamesTheLinesThatChanged() {
        let report = Self.difference(
            expected: "A 1\nB 2\nC 3\nD 4\n", actual: "A 1\nC 3\nD 5\nE 6\n", golden: "x")
        #expect(report.contains("- B 2") && report.contains("- D 4"))
        #expect(report.contains("+ D 5") && report.contains("+ E 6"))
        #expect(!report.contains("A 1") && !report.contains("C 3"))
        #expect(report.contains("scripts/update-golden"))
        // In a long line, the place where it changed is shown.
        let long = "EVENT " + String(repeating: "x", count: 600)
        let changed = Self.difference(expected: long + "OLD\n", actual: long + "NEW\n", golden: "x")
        #expect(changed.contains("xOLD") && changed.contains("xNEW"))
    }

    // MARK: - comparison

    static func fixtureArticleIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: articlesDirectory.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
    }

    static func textFileName(of metadata: URL) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: metadata)) as? [String: Any]
        return try #require(object?["text"] as? String, "\(metadata.lastPathComponent) names no text file")
    }

    static func check(_ dump: String, golden name: String) throws {
        let file = goldenDirectory.appendingPathComponent("\(name).dump")
        if updating {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try dump.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(file.lastPathComponent): run scripts/update-golden and review it")
            return
        }
        if expected != dump {
            Issue.record(Comment(rawValue: difference(expected: expected, actual: dump, golden: name)))
        }
    }

    /// The lines only the golden file has (`-`) and only the new dump has
    /// (`+`), each in its file's order, the first few of each: with one line
    /// per record, that is the list of records that changed.
    static func difference(expected: String, actual: String, golden name: String, shown: Int = 12) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        func onlyIn(_ a: [Substring], _ b: [Substring]) -> [Substring] {
            var counts: [Substring: Int] = [:]
            for line in b { counts[line, default: 0] += 1 }
            return a.filter { line in
                guard let n = counts[line], n > 0 else { return true }
                counts[line] = n - 1
                return false
            }
        }
        let removed = onlyIn(old, new)
        let added = onlyIn(new, old)
        // A long record line is shown from a little before the first character
        // where it differs from its counterpart (the n-th line of the other side).
        func clip(_ line: Substring, against other: Substring?) -> String {
            guard line.count > 300 else { return String(line) }
            let same = other.map { zip(line, $0).prefix(while: { $0 == $1 }).count } ?? 0
            let from = max(0, same - 120)
            let window = line.dropFirst(from).prefix(300)
            return (from > 0 ? String(line.prefix(40)) + " … " : "") + window + (from + 300 < line.count ? "…" : "")
        }
        var report = "\(name).dump differs: \(removed.count) line(s) only in the golden file, \(added.count) only in the new dump"
        report += removed.isEmpty && added.isEmpty ? " (same lines, new order)\n" : "\n"
        for (n, line) in removed.prefix(shown).enumerated() {
            report += "- " + clip(line, against: n < added.count ? added[n] : nil) + "\n"
        }
        if removed.count > shown { report += "- … \(removed.count - shown) more\n" }
        for (n, line) in added.prefix(shown).enumerated() {
            report += "+ " + clip(line, against: n < removed.count ? removed[n] : nil) + "\n"
        }
        if added.count > shown { report += "+ … \(added.count - shown) more\n" }
        report += "If the change is meant: scripts/update-golden, then review `git diff Tests/Fixtures/golden`."
        return report
    }
}
