import Foundation

/// The extraction of chosen text files, outside a server: what
/// `corpus-api extract FILE…` runs.
///
/// A file's metadata is the `*.json` beside it whose `text` names it (as in
/// a corpus directory, `docs/corpus-format.md`); without one, the document's
/// id is made from the file name and its title is the file name. Curated
/// annotations in `annotations/` beside it apply when `options` says so.
/// With a cache, each document's entry is read when present and written
/// when not, under the same key the server computes for the same files, so
/// `extract --out DIR` fills the cache a server started with `--cache-dir
/// DIR` reads.
public struct FileExtraction: Sendable {
    /// The documents, in the order of the files given.
    public let documents: [Document]
    /// What the cache did; `uncached` counts every document without one.
    public let statistics: ExtractionStatistics
    /// The records across all the files, merged as a corpus of them would be.
    public let references: [Reference]
    public let inTextCitations: [InTextCitation]
    public let events: [TimelineEvent]
    public let observations: [Observation]

    public static func run(files: [URL], options: CorpusLoader.Options = .init()) throws(CorpusLoadError) -> FileExtraction {
        var metadataByFolder: [String: [String: (data: Data, metadata: DocumentMetadata)]] = [:]
        var inputs: [(metadata: DocumentMetadata, metadataDigest: String, text: String, textDigest: String, folder: URL)] = []
        var seen = Set<String>()
        for file in files {
            let folder = file.deletingLastPathComponent()
            if metadataByFolder[folder.path] == nil {
                metadataByFolder[folder.path] = try metadataNamingTexts(in: folder)
            }
            let name = file.lastPathComponent
            let (data, text) = try CorpusLoader.readText(file, as: file.path)
            let metadata: DocumentMetadata
            let metadataDigest: String
            if let found = metadataByFolder[folder.path]?[name] {
                (metadata, metadataDigest) = (found.metadata, SHA256.hex(found.data))
            } else {
                metadata = DocumentMetadata(id: documentID(forFile: name), text: name, title: name, authors: [])
                metadataDigest = SHA256.hex("generated metadata for \(name)")
            }
            guard seen.insert(metadata.id).inserted else {
                throw .duplicateID(id: metadata.id, files: files.filter { $0.lastPathComponent == name }.map(\.path))
            }
            inputs.append((metadata, metadataDigest, text, SHA256.hex(data), folder))
        }
        let documents = Concurrently.map(inputs) { input in
            let raw = RawText(input.text)
            let (sections, passages) = PassageBuilder.build(documentID: input.metadata.id, raw: raw)
            return Document(metadata: input.metadata, raw: raw, sections: sections, passages: passages)
        }
        var notes: [(name: String, data: Data, annotations: CorpusAnnotations)] = []
        for folder in Set(inputs.map(\.folder.path)).sorted() {
            notes += try annotations(in: URL(fileURLWithPath: folder), for: documents)
        }
        let use = options.applyAnnotations
        let cache = options.cache
        let (allNotes, allInputs) = (notes, inputs)
        let results = Concurrently.map(Array(documents.enumerated())) { d, document in
            let mine = use ? allNotes.filter { $0.annotations.document == document.id }.map(\.annotations) : []
            let key = ExtractionCache.Inputs(
                text: allInputs[d].textDigest, metadata: allInputs[d].metadataDigest,
                annotations: use ? CorpusLoader.annotationDigest(allNotes, document: document.id) : "raw"
            ).key
            var outcome = ExtractionStatistics.Outcome.extracted
            if let cache {
                switch cache.lookup(key: key, document: document) {
                case .hit(_, let found): return (found, ExtractionStatistics.Outcome.hit)
                case .miss: outcome = .miss
                case .rejected: outcome = .rejected
                }
            }
            let found = DocumentExtraction.extract(
                document: document, citationNotes: mine.flatMap { $0.citations ?? [] },
                eventNotes: mine.flatMap { $0.events ?? [] }, indicatorNotes: mine.flatMap { $0.indicators ?? [] })
            cache?.store(found, key: key, document: document)
            return (found, outcome)
        }
        let events = EventExtractor.merge(results.enumerated().map { d, r in r.0.tellings(order: d) })
        let figures = IndicatorExtractor.finish(results.map(\.0.observations))
        return FileExtraction(
            documents: documents,
            statistics: ExtractionStatistics(outcomes: results.map(\.1), milliseconds: 0, cacheEnabled: cache != nil),
            references: results.flatMap(\.0.references), inTextCitations: results.flatMap(\.0.citations),
            events: events, observations: figures.observations)
    }

    /// "My Notes 2024.txt" → "my-notes-2024": a valid document id.
    static func documentID(forFile name: String) -> String {
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        var id = ""
        for scalar in (stem.isEmpty ? name : stem).lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep { id.unicodeScalars.append(scalar) } else if !id.isEmpty && !id.hasSuffix("-") { id += "-" }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "document" : id
    }

    /// The metadata files of `folder`, by the text file each names.
    private static func metadataNamingTexts(
        in folder: URL
    ) throws(CorpusLoadError) -> [String: (data: Data, metadata: DocumentMetadata)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var byText: [String: (data: Data, metadata: DocumentMetadata)] = [:]
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            // A JSON file that is not metadata (a config, a gold file) is not this tool's business.
            guard let (data, metadata) = try? CorpusLoader.readMetadata(folder.appendingPathComponent(name), as: name)
            else { continue }
            try CorpusLoader.validate(metadata, file: folder.appendingPathComponent(name).path)
            byText[metadata.text] = (data, metadata)
        }
        return byText
    }

    /// The annotation files in `folder/annotations` naming one of `documents`,
    /// their quotes checked as a load checks them.
    private static func annotations(
        in folder: URL, for documents: [Document]
    ) throws(CorpusLoadError) -> [(name: String, data: Data, annotations: CorpusAnnotations)] {
        let directory = folder.appendingPathComponent("annotations")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var result: [(name: String, data: Data, annotations: CorpusAnnotations)] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = "annotations/\(name)"
            let data = try CorpusLoader.read(directory.appendingPathComponent(name), as: file)
            guard let annotations = try? JSONDecoder().decode(CorpusAnnotations.self, from: data),
                let document = documents.first(where: { $0.id == annotations.document })
            else { continue }
            try CorpusLoader.checkQuotes(of: annotations, in: document, file: file)
            result.append((file, data, annotations))
        }
        return result
    }
}

extension FileExtraction {
    /// One JSON object per line, each with a `type` first: `document` (its
    /// metadata), then every `reference`, `in-text-citation`, `event` and
    /// `indicator`, in the API's own JSON shape (`docs/openapi.yaml`, keys
    /// sorted), so each carries its provenance (document, passage, scalar
    /// offsets, quote). A reference's CSL item type (`type` in the API) is
    /// `csl_type` here, so that `type` always names the kind of record.
    public func jsonLines() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        func line(_ type: String, _ record: some Encodable, renamingType: String? = nil) throws {
            var object = String(decoding: try encoder.encode(record), as: UTF8.self)
            if let renamingType {
                // `"type":` unescaped is a key (a quote inside a string value
                // is escaped), and no object nested in these records has one.
                object = object.replacingOccurrences(of: #""type":"#, with: #""\#(renamingType)":"#)
            }
            // Every record encodes as an object: `{` + its fields, so the type goes first.
            out += "{\"type\":\"\(type)\"" + (object == "{}" ? "}" : "," + object.dropFirst()) + "\n"
        }
        for document in documents { try line("document", document.metadata) }
        for reference in references { try line("reference", reference, renamingType: "csl_type") }
        for citation in inTextCitations { try line("in-text-citation", citation) }
        for event in events { try line("event", event) }
        for observation in observations { try line("indicator", observation) }
        return out
    }
}
