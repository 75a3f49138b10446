import Foundation
import Synchronization

/// Per-document extraction results on disk, keyed by content, shared by
/// every process that points at the same directory (a server's reloads, its
/// replicas, `corpus-api extract --out`).
///
/// An entry is found by its key alone: the SHA-256 of the format version,
/// `ExtractorVersion.current`, and the hashes of the document's text, its
/// metadata file and the curated annotations that name it. A changed
/// document has a new key and misses; an entry nobody reads again is never
/// wrong, only unused (`docs/cache.md` says how to prune). Writes go to a
/// temporary file in the entry's folder and are renamed over the entry, so a
/// reader sees a whole entry or none, and writers racing on one key each
/// rename a whole entry of the same content. Every read is verified
/// (`CacheEntry`): a corrupt, truncated or foreign entry is reported through
/// `report` and re-extracted, never trusted and never fatal.
public final class ExtractionCache: Sendable {
    /// The directory given in the settings; entries live under `extraction/v2/`.
    public let directory: URL
    let entries: URL
    /// Receives one line per entry that could not be used or written.
    private let report: @Sendable (String) -> Void
    /// Only the first failed write is reported: on a read-only volume every
    /// document would fail the same way.
    private let writeFailed = Atomic<Bool>(false)
    /// Entries are read, never written (a volume mounted read-only).
    public let readOnly: Bool

    public init(directory: URL, readOnly: Bool = false, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.directory = directory
        self.readOnly = readOnly
        self.entries = directory.appendingPathComponent("extraction/v\(CacheEntry.formatVersion)", isDirectory: true)
        self.report = report
    }

    /// `$XDG_CACHE_HOME/corpus-api`, else `~/.cache/corpus-api`: the user's
    /// cache directory, never inside the package or the corpus.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("corpus-api", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/corpus-api", isDirectory: true)
    }

    /// What a process may do with a cache directory.
    public enum Access: Sendable, Equatable {
        case writable
        /// It exists and can be read, not written: entries others wrote are used.
        case readOnly
        /// It cannot be made or read; the reason, for one log line.
        case unusable(String)
    }

    /// Makes `directory` if it is missing and says whether entries can be
    /// written there. Never throws: a cache that cannot be used is no cache,
    /// not a failed start (a container's read-only root, a full disk).
    public static func access(_ directory: URL) -> Access {
        let path = directory.path
        do {
            try EntryFile.makeFolders(path)
        } catch {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                Foundation.access(path, R_OK | X_OK) == 0
            else { return .unusable("cannot create \(path): \(error)") }
            return .readOnly
        }
        if Foundation.access(path, W_OK | X_OK) == 0 { return .writable }
        if Foundation.access(path, R_OK | X_OK) == 0 { return .readOnly }
        return .unusable("cannot read \(path): \(String(cString: strerror(errno)))")
    }

    /// The parts of a document its per-document results depend on.
    struct Inputs: Sendable {
        /// SHA-256 of the text file's bytes.
        var text: String
        /// SHA-256 of the metadata file's bytes.
        var metadata: String
        /// SHA-256 over the curated annotation files naming the document, or
        /// "raw" when annotations are not applied.
        var annotations: String

        /// 64 hex digits naming the entry.
        var key: String { key(extractor: ExtractorVersion.current) }

        func key(extractor: String) -> String {
            SHA256.hex(
                "corpus-api-extraction \(CacheEntry.formatVersion)\n\(extractor)\n"
                    + "text \(text)\nmetadata \(metadata)\nannotations \(annotations)\n")
        }
    }

    enum Lookup: Sendable {
        /// The document with its passages, and its results.
        case hit(Document, DocumentExtraction)
        case miss
        /// An entry was there and could not be used (the reason is reported).
        case rejected
    }

    func url(forKey key: String) -> URL {
        entries.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent("\(key).entry")
    }

    /// The entry for `key`, read against `document` (its metadata and raw
    /// text: quotes are rebuilt from the text, passages come from the entry).
    func lookup(key: String, document: Document) -> Lookup {
        let path = url(forKey: key).path
        let data: Data
        do {
            data = try EntryFile.read(path)
        } catch {
            // No entry (or no cache folder yet): a miss, not a problem.
            if error.isMissing { return .miss }
            report("extraction cache: cannot read \(path) for \(document.id): \(error); extracting again")
            return .rejected
        }
        do {
            let (full, extraction) = try CacheEntry.decode(data, key: key, document: document)
            return .hit(full, extraction)
        } catch {
            report("extraction cache: entry \(path) for \(document.id) not used (\(error)); extracting again")
            return .rejected
        }
    }

    /// Writes the entry atomically; a failure (a read-only volume, a full
    /// disk) is reported and costs only the next start's extraction.
    func store(_ extraction: DocumentExtraction, key: String, document: Document) {
        guard !readOnly else { return }
        let path = url(forKey: key).path
        do {
            try EntryFile.writeAtomically(CacheEntry.encode(extraction, key: key, document: document), to: path)
        } catch {
            guard !writeFailed.exchange(true, ordering: .relaxed) else { return }
            report("extraction cache: cannot write \(path) for \(document.id): \(error) (later failures of this cache are not reported)")
        }
    }
}
