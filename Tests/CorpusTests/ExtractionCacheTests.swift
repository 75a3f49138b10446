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

    /// Answers to queries over every kind of hit, scores and snippets included.
    static func searches(_ model: CorpusModel) -> [String] {
        ["pipeline", "gas pipeline", "Omsk archive", "ferry", "\"strategic partnership\"", "trade turnover", "2003", "putin"]
            .map { q in
                let (total, hits) = model.search.search(q, types: nil, limit: 40, offset: 0)
                return "\(q) \(total): " + hits.map { "\($0.type.rawValue)/\($0.id)@\($0.score)[\($0.snippet)]" }.joined(separator: " ")
            }
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
            // The header is text: its extractor line names the writer's version.
            let data = try Data(contentsOf: entry)
            let header = "extractor \(ExtractorVersion.current)\n"
            let range = try #require(data.range(of: Data(header.utf8)))
            var changed = data
            changed.replaceSubrange(range, with: Data("extractor 1999-01-01.0\n".utf8))
            try changed.write(to: entry)
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
        #expect(!extraction.observations.isEmpty, "the check below compares figures")
        let key = ExtractionCache.Inputs(text: "writers", metadata: "m", annotations: "raw").key
        let outcomes = Mutex<[String: Int]>([:])
        // Eight writers and eight readers on one key at once, ten rounds each.
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            for _ in 0..<10 {
                if i % 2 == 0 {
                    cache.store(extraction, key: key, document: document)
                } else {
                    let name = switch cache.lookup(key: key, document: document) {
                    case .hit(_, let found): found.observations == extraction.observations ? "hit" : "wrong"
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
        if case .hit = cache.lookup(key: key, document: document) {} else { Issue.record("not a hit after the writers") }
    }

    // MARK: Format 2: offsets, not quotes

    /// Every field a document's passages and results hold comes back from an entry
    /// unchanged, on the embedded articles and every fixture article, and
    /// with the parts the reader cannot rebuild (a quote that is not its
    /// offsets' text, a cleaned text found in no passage) written out.
    @Test func theBinaryEntryRoundTripsEveryField() throws {
        var documents = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory).documents
        for name in try FileManager.default.contentsOfDirectory(atPath: GoldenDumpTests.articlesDirectory.path)
        where name.hasSuffix(".txt") {
            let file = GoldenDumpTests.articlesDirectory.appendingPathComponent(name)
            documents += try FileExtraction.run(files: [file], options: .init(applyAnnotations: false)).documents
        }
        #expect(documents.count >= 4)
        for document in documents {
            var extraction = DocumentExtraction.extract(document: document)
            if !extraction.references.isEmpty {
                extraction.references[0].source.quote = "a quote its offsets do not give"
                extraction.references[0].source.text = "a text no passage holds"
            }
            if !extraction.events.isEmpty {
                extraction.events[0].event.evidence[0].mention = 3..<9
                extraction.events[0].curated = true
                extraction.events[0].sameAs = ["another telling"]
            }
            let entry = CacheEntry.encode(extraction, key: "k", document: document)
            // Read against the bare document: the passages come from the entry.
            let bare = Document(metadata: document.metadata, raw: document.raw, sections: [], passages: [])
            let (full, back) = try CacheEntry.decode(entry, key: "k", document: bare)
            #expect(full.sections == document.sections, "\(document.id)")
            #expect(full.passages == document.passages, "\(document.id)")
            #expect(back.references == extraction.references, "\(document.id)")
            #expect(back.citations == extraction.citations, "\(document.id)")
            #expect(back.observations == extraction.observations, "\(document.id)")
            #expect(back.joins.map { [$0.first, $0.second] } == extraction.joins.map { [$0.first, $0.second] })
            #expect(back.events.count == extraction.events.count)
            for (a, b) in zip(back.events, extraction.events) {
                #expect(a.event == b.event, "\(document.id)")
                #expect(a.keyTerms == b.keyTerms && a.sameAs == b.sameAs)
                #expect(a.order.document == b.order.document && a.order.offset == b.order.offset)
                #expect(a.curated == b.curated && a.isRetelling == b.isRetelling && a.excluded == b.excluded)
            }
        }
    }

    /// An entry keeps offsets; if the text they point into reads otherwise
    /// (a document changed under an entry that still carries its key), the
    /// rebuilt quotes are not the extracted ones and the entry is not used.
    @Test func anEntryWhoseQuotesNoLongerMatchIsRejected() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        let cache = Self.cache(at: directory, lines: lines)
        let document = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory).documents[0]
        let extraction = DocumentExtraction.extract(document: document)
        let key = ExtractionCache.Inputs(text: "quotes", metadata: "m", annotations: "raw").key
        cache.store(extraction, key: key, document: document)
        guard case .hit = cache.lookup(key: key, document: document) else {
            Issue.record("the untouched document does not hit")
            return
        }
        // One letter of the first reference's line changed, every offset the same.
        let line = try #require(extraction.references.first?.source)
        var scalars = Array(document.raw.string.unicodeScalars)
        let at = try #require((line.start..<line.end).first { scalars[$0].properties.isAlphabetic })
        scalars[at] = scalars[at] == "x" ? "y" : "x"
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let changed = Document(
            metadata: document.metadata, raw: RawText(text), sections: document.sections, passages: document.passages)
        guard case .rejected = cache.lookup(key: key, document: changed) else {
            Issue.record("an entry whose quotes differ from the text was used")
            return
        }
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains("quote mismatch") == true, "\(lines.all)")
    }

    @Test func theEntryHeaderIsReadableText() throws {
        let document = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory).documents[1]
        let entry = CacheEntry.encode(DocumentExtraction.extract(document: document), key: "abc", document: document)
        let head = String(decoding: entry.prefix(200), as: UTF8.self).split(separator: "\n").prefix(4)
        #expect(Array(head) == ["corpus-api-extraction 2", "key abc", "extractor \(ExtractorVersion.current)", "document \(document.id)"])
    }

    // MARK: Reload

    /// A reload keeps every unchanged document's passages and results from
    /// the model it replaces: changing, adding or removing one article
    /// extracts only what changed, with or without a disk cache, and serves
    /// what a fresh load of the directory serves.
    @Test(arguments: [false, true])
    func aReloadExtractsOnlyWhatChanged(withDiskCache: Bool) throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let options = CorpusLoader.Options(cache: withDiskCache ? Self.cache(at: directory) : nil)
        let store = try ModelStore(directory: corpus.url, options: options)
        func reloaded() throws -> ExtractionStatistics {
            #expect(store.reload().status == .ok)
            let cold = try corpus.load()
            #expect(try Self.dump(store.current) == Self.dump(cold))
            // The index built on the previous one answers as a cold load's.
            #expect(Self.searches(store.current) == Self.searches(cold))
            return store.current.loadTimings.extraction
        }
        var s = try reloaded()
        #expect(s.reused == 2 && s.extracted == 0 && s.hits == 0, "\(s)")

        let text = try corpus.read(CorpusLoaderTests.burkText)
        try corpus.write(text + "\nIn March 2031 the two ministries opened a joint archive in Omsk.\n", to: CorpusLoaderTests.burkText)
        s = try reloaded()
        #expect(s.reused == 1 && s.extracted == 1, "\(s)")
        #expect(store.current.search.search("Omsk archive", types: nil, limit: 5, offset: 0).total > 0)

        try corpus.write("# Ferries\n\nIn June 2027 a ferry line opened between two river ports.\n", to: "aaa-ferries.txt")
        try corpus.write(#"{"id":"aaa-ferries","text":"aaa-ferries.txt","title":"Ferries","authors":[{"family":"Tester"}]}"#, to: "aaa-ferries.json")
        s = try reloaded()
        #expect(s.reused == 2 && s.extracted == 1, "\(s)")

        try corpus.remove("aaa-ferries.txt")
        try corpus.remove("aaa-ferries.json")
        s = try reloaded()
        #expect(s.reused == 2 && s.extracted == 0, "\(s)")
        #expect(store.current.document(id: "aaa-ferries") == nil)

        // A curated correction is an input too: its document is extracted again.
        let name = "annotations/pathak-post-cold-war.json"
        try corpus.write(try corpus.read(name) + "\n", to: name)
        s = try reloaded()
        #expect(s.reused == 1 && s.extracted + s.hits == 1, "\(s)")

        // New metadata (a changed title) is a new document: its passages and results are made again.
        try corpus.editMetadata(CorpusLoaderTests.burkJSON) { $0["title"] = "A retitled article" }
        s = try reloaded()
        #expect(s.reused == 1 && s.extracted == 1, "\(s)")
        #expect(store.current.document(id: "burkitbayevna-2019")?.metadata.title == "A retitled article")
    }

    // MARK: Where the cache may live

    /// The default directory is the user's, never inside the package.
    @Test func theDefaultDirectoryIsTheUsersCacheDirectory() {
        #expect(ExtractionCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path == "/x/cache/corpus-api")
        #expect(ExtractionCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/corpus-api")
        // A relative XDG_CACHE_HOME is invalid by the spec and ignored.
        #expect(ExtractionCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/home/u"]).path == "/home/u/.cache/corpus-api")
    }

    /// A directory that cannot be made is no cache (the start goes on);
    /// a missing one is made.
    @Test func aDirectoryThatCannotBeMadeIsUnusableAndAMissingOneIsMade() throws {
        let file = Self.scratchDirectory()
        try Data("a file where a folder should be".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .unusable(let reason) = ExtractionCache.access(file.appendingPathComponent("cache")) else {
            Issue.record("a cache under a file was usable")
            return
        }
        #expect(reason.contains("cannot create"))
        let missing = Self.scratchDirectory().appendingPathComponent("deeper/corpus-api")
        defer { try? FileManager.default.removeItem(at: missing.deletingLastPathComponent().deletingLastPathComponent()) }
        #expect(ExtractionCache.access(missing) == .writable)
        #expect(FileManager.default.fileExists(atPath: missing.path))
    }

    /// A read-only cache (a volume another job filled) is read and never written.
    @Test func aReadOnlyCacheIsReadAndNotWritten() throws {
        let corpus = try TempCorpus()
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = Lines()
        let readOnly = ExtractionCache(directory: directory, readOnly: true) { lines.append($0) }
        #expect(try Self.load(corpus, cache: readOnly).loadTimings.extraction.misses == 2)
        #expect(Self.entries(in: directory).isEmpty)
        _ = try Self.load(corpus, cache: Self.cache(at: directory))
        #expect(try Self.load(corpus, cache: readOnly).loadTimings.extraction.hits == 2)
        #expect(lines.all.isEmpty)
    }
}
