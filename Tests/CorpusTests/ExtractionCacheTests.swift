import Foundation
import Synchronization
import Testing

@testable import Corpus

/// The extraction cache: a warm load serves exactly what a cold one does,
/// only changed documents are extracted again, and a damaged entry costs an
/// extraction and a logged line, never a wrong record or a failed load.
@Suite struct ExtractionCacheTests {
    /// The lines a cache reported.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// A cache reporting into `lines`.
    static func cache(at url: URL, lines: Lines? = nil) -> ExtractionCache {
        ExtractionCache(directory: url) { line in lines?.append(line) }
    }

    static func load(_ corpus: TempCorpus, cache: ExtractionCache) throws -> CorpusModel {
        try CorpusLoader.load(directory: corpus.url, options: .init(cache: cache))
    }

    static func dump(_ model: CorpusModel) throws -> String {
        try ModelDumpTests.dump(model)
    }

    static func scratchDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cache-test-\(UUID().uuidString)", isDirectory: true)
    }

    static func entries(in url: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "entry" }.sorted { $0.path < $1.path }
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in pieces that straddle blocks, the digest is the same.
        var pieces = SHA256()
        let text = Array(String(repeating: "a tale of two cities, ", count: 20).utf8)
        for chunk in stride(from: 0, to: text.count, by: 37) { pieces.update(text[chunk..<min(chunk + 37, text.count)]) }
        #expect(pieces.finalize() == SHA256.hex(String(decoding: text, as: UTF8.self)))
    }

    @Test func aWarmLoadServesWhatAColdLoadServes() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = Self.cache(at: directory)
        let uncached = try corpus.load()
        let cold = try Self.load(corpus, cache: cache)
        #expect(cold.loadTimings.extraction.misses == 2)
        #expect(cold.loadTimings.extraction.hits == 0)
        #expect(Self.entries(in: directory).count == 2)
        let warm = try Self.load(corpus, cache: cache)
        #expect(warm.loadTimings.extraction.hits == 2)
        #expect(warm.loadTimings.extraction.extracted == 0)
        let expected = try Self.dump(uncached)
        #expect(try Self.dump(cold) == expected)
        #expect(try Self.dump(warm) == expected)
        #expect(warm.version == uncached.version)
    }

    @Test func withoutAnnotationsTheEntriesAreOthers() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = Self.cache(at: directory)
        _ = try Self.load(corpus, cache: cache)
        let raw = try CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false, cache: cache))
        #expect(raw.loadTimings.extraction.misses == 2)
        let expected = try CorpusLoader.load(directory: corpus.url, options: .init(applyAnnotations: false))
        #expect(try Self.dump(raw) == Self.dump(expected))
    }

    @Test func changingOneArticleExtractsOnlyThatArticle() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = Self.cache(at: directory)
        _ = try Self.load(corpus, cache: cache)
        let text = try corpus.read(CorpusLoaderTests.burkText)
        try corpus.write(text + "\nIn March 2031 the two ministries opened a joint archive in Omsk.\n", to: CorpusLoaderTests.burkText)
        let changed = try Self.load(corpus, cache: cache)
        #expect(changed.loadTimings.extraction.hits == 1)
        #expect(changed.loadTimings.extraction.misses == 1)
        #expect(try Self.dump(changed) == Self.dump(corpus.load()))
        #expect(changed.search.search("Omsk archive", types: nil, limit: 5, offset: 0).total > 0)
    }

    @Test func addingAndRemovingAnArticleExtractsOnlyTheNewOne() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = Self.cache(at: directory)
        _ = try Self.load(corpus, cache: cache)
        // A new article named so it sorts first: every other document's place changes.
        try corpus.write("# Ferries\n\nIn June 2027 a ferry line opened between two river ports.\n", to: "aaa-ferries.txt")
        try corpus.write(#"{"id":"aaa-ferries","text":"aaa-ferries.txt","title":"Ferries","authors":[{"family":"Tester"}]}"#, to: "aaa-ferries.json")
        let added = try Self.load(corpus, cache: cache)
        #expect(added.loadTimings.extraction.hits == 2)
        #expect(added.loadTimings.extraction.misses == 1)
        #expect(try Self.dump(added) == Self.dump(corpus.load()))
        try corpus.remove("aaa-ferries.txt")
        try corpus.remove("aaa-ferries.json")
        let removed = try Self.load(corpus, cache: cache)
        #expect(removed.loadTimings.extraction.hits == 2)
        #expect(removed.loadTimings.extraction.extracted == 0)
        #expect(!removed.documents.contains { $0.id == "aaa-ferries" })
    }

    @Test func aChangedAnnotationExtractsItsDocumentAgain() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = Self.cache(at: directory)
        _ = try Self.load(corpus, cache: cache)
        let name = "annotations/pathak-post-cold-war.json"
        try corpus.write(try corpus.read(name) + "\n", to: name)
        let model = try Self.load(corpus, cache: cache)
        #expect(model.loadTimings.extraction.hits == 1)
        #expect(model.loadTimings.extraction.misses == 1)
    }

    /// Damages the first entry with `damage`, loads again, and checks the
    /// load served the cold model, extracted that document and said why.
    private func expectRejected(reason: String, _ damage: (URL, [URL]) throws -> Void) throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        let cache = Self.cache(at: directory, lines: lines)
        let cold = try Self.load(corpus, cache: cache)
        let entries = Self.entries(in: directory)
        try #require(entries.count == 2)
        try damage(entries[0], entries)
        let model = try Self.load(corpus, cache: cache)
        #expect(model.loadTimings.extraction.rejected == 1)
        #expect(model.loadTimings.extraction.hits == 1)
        #expect(try Self.dump(model) == Self.dump(cold))
        let reported = lines.all
        #expect(reported.count == 1)
        #expect(reported.first?.contains(reason) == true, "\(reported)")
        // Extracted again and rewritten: the next load hits both.
        #expect(try Self.load(corpus, cache: cache).loadTimings.extraction.hits == 2)
    }

    @Test func aCorruptEntryIsExtractedAgain() throws {
        try expectRejected(reason: "checksum") { entry, _ in
            var data = try Data(contentsOf: entry)
            let i = data.index(data.endIndex, offsetBy: -40)
            data[i] = data[i] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
            try data.write(to: entry)
        }
    }

    @Test func aTruncatedEntryIsExtractedAgain() throws {
        try expectRejected(reason: "truncated") { entry, _ in
            let data = try Data(contentsOf: entry)
            try data.prefix(data.count / 2).write(to: entry)
        }
    }

    @Test func aForeignEntryIsNotTrusted() throws {
        // Another document's entry under this one's key: whole and valid, but not this document's.
        try expectRejected(reason: "foreign") { entry, all in
            try Data(contentsOf: all[1]).write(to: entry)
        }
    }

    @Test func garbageIsNotAnEntry() throws {
        try expectRejected(reason: "header") { entry, _ in
            try Data("not a cache entry at all\n{}".utf8).write(to: entry)
        }
    }

    @Test func anEntryOfAnotherExtractorVersionIsExtractedAgain() throws {
        try expectRejected(reason: "extractor version") { entry, _ in
            let text = try String(contentsOf: entry, encoding: .utf8)
            try text.replacingOccurrences(of: #""extractor":"\#(ExtractorVersion.current)""#, with: #""extractor":"1999-01-01.0""#)
                .write(to: entry, atomically: true, encoding: .utf8)
        }
    }

    @Test func theExtractorVersionIsPartOfTheKey() {
        let inputs = ExtractionCache.Inputs(text: "t", metadata: "m", annotations: "raw")
        #expect(inputs.key(extractor: ExtractorVersion.current) == inputs.key)
        #expect(inputs.key(extractor: ExtractorVersion.current + "-next") != inputs.key)
        var other = inputs
        other.metadata = "m2"
        #expect(other.key != inputs.key)
    }

    @Test func anUnwritableCacheIsReportedAndTheLoadStillSucceeds() throws {
        let corpus = try TempCorpus()
        let file = Self.scratchDirectory()
        try Data("a file where the cache directory should be".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = Lines()
        let model = try Self.load(corpus, cache: Self.cache(at: file, lines: lines))
        #expect(model.documents.count == 2)
        #expect(model.loadTimings.extraction.misses == 2)
        // Reported once, not once per document (a read-only volume would flood the log).
        #expect(lines.all.count == 1, "\(lines.all)")
        #expect(lines.all.first?.contains("cannot write") == true, "\(lines.all)")
    }

    @Test func concurrentWritersAndReadersNeverSeeAHalfEntry() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        let cache = Self.cache(at: directory, lines: lines)
        let model = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory)
        let document = model.documents[1]
        let extraction = DocumentExtraction.extract(document: document)
        let key = ExtractionCache.Inputs(text: "writers", metadata: "m", annotations: "raw").key
        let outcomes = Mutex<[String: Int]>([:])
        // Eight writers and eight readers on one key at once, ten rounds each.
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            for _ in 0..<10 {
                if i % 2 == 0 {
                    cache.store(extraction, key: key, document: document.id)
                } else {
                    let name = switch cache.lookup(key: key, document: document.id) {
                    case .hit(let found): found.observations == extraction.observations ? "hit" : "wrong"
                    case .miss: "miss"
                    case .rejected: "rejected"
                    }
                    outcomes.withLock { $0[name, default: 0] += 1 }
                }
            }
        }
        let seen = outcomes.withLock { $0 }
        #expect(seen["rejected"] == nil && seen["wrong"] == nil, "\(seen)")
        #expect(lines.all.isEmpty)
        // One entry, no temporary file left behind.
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
        #expect(files.map(\.lastPathComponent) == ["\(key).entry"])
        if case .hit = cache.lookup(key: key, document: document.id) {} else { Issue.record("not a hit after the writers") }
    }
}
