import ArgumentParser
import Corpus
import Foundation
import Logging

/// `corpus-api extract FILE…`: the whole extraction on text files, no
/// server. Prints JSON Lines (one record per line, with a `type`), or with
/// `--out DIR` writes the per-document cache entries a server started with
/// `--cache-dir DIR` reads, so any batch runner can fill a cache in parallel
/// (docs/deploy/README.md, the Indexed Job).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract events, figures and references from text files and print them as JSON Lines.",
        discussion: """
            Each FILE is a text file (.txt or .md); its metadata is the JSON beside it whose "text" \
            names it (docs/corpus-format.md), or, without one, an id made from the file name. A \
            directory stands for every text file in it. Curated annotations in annotations/ beside \
            the files apply unless --no-annotations. With --out DIR, nothing is printed: each \
            document's results are written as the cache entries a server with --cache-dir DIR reads \
            (documents already there are skipped), and one summary line goes to stderr.
            """)

    @Argument(help: "Text files or corpus directories") var files: [String]
    @Option(help: "Write cache entries to this directory instead of printing records") var out: String?
    @Option(help: ArgumentHelp(stringLiteral: CacheSetting.help + "; read and filled when printing too"))
    var cacheDir: String?
    @Flag(help: "Leave curated annotations out (what extraction finds on its own)") var noAnnotations = false
    @Option(help: "Take only every shard-count-th file from this one (0-based; e.g. a Job's completion index)")
    var shardIndex = 0
    @Option(help: "How many shards the files are split into (by their position in name order)") var shardCount = 1

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let logger = Logger(label: "corpus-api")
        var urls: [URL] = []
        for path in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                Self.fail("\(path): no such file", code: 1)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                urls += names.sorted().filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && $0 != "README.md" }
                    .map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                urls.append(URL(fileURLWithPath: path))
            }
        }
        guard shardCount >= 1, (0..<shardCount).contains(shardIndex) else {
            Self.fail("--shard-index must be in 0..<--shard-count", code: 2)
        }
        guard !urls.isEmpty else { Self.fail("no text files given", code: 2) }
        // Shards by position in a stable order, so the pods of an Indexed Job
        // split the files between them with none left out and none twice.
        urls = urls.sorted { $0.path < $1.path }.enumerated().filter { $0.offset % shardCount == shardIndex }.map(\.element)
        guard !urls.isEmpty else { return }  // more shards than files: nothing for this one
        // --out is a cache directory that must be written; otherwise the cache
        // setting (flag, then environment) is used as a server would.
        let cache = out.map { ExtractionCache(directory: URL(fileURLWithPath: $0, isDirectory: true)) { logger.warning("\($0)") } }
            ?? CacheSetting.cache(cacheDir ?? ProcessInfo.processInfo.environment["CORPUS_API_CACHE_DIR"], logger: logger)
        let started = ContinuousClock.now
        let result: FileExtraction
        do {
            result = try FileExtraction.run(files: urls, options: .init(applyAnnotations: !noAnnotations, cache: cache))
        } catch {
            Self.fail(error.description, code: 1)
        }
        if out != nil {
            let s = result.statistics
            FileHandle.standardError.write(Data(
                "corpus-api extract: \(result.documents.count) documents, \(s.misses + s.rejected) extracted, \(s.hits) already cached, \((ContinuousClock.now - started).components.seconds) s\n".utf8))
            return
        }
        FileHandle.standardOutput.write(Data(try result.jsonLines().utf8))
    }

    static func fail(_ line: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("corpus-api extract: \(line)\n".utf8))
        Foundation.exit(code)
    }
}
