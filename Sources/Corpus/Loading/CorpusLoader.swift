import Foundation

/// Loads a corpus directory into a `CorpusModel`, all or nothing.
///
/// Layout (see docs/corpus-format.md): every top-level `*.json` is one
/// document's metadata and names its text file; text files are kept byte for
/// byte; `annotations/*.json` are optional curated records. Any problem
/// (unreadable file, bad JSON, duplicate id, metadata without its text, text
/// without metadata, a curated quote not in its document) throws a
/// `CorpusLoadError` naming the file: never a half-loaded model.
public enum CorpusLoader {
    public struct Options: Sendable {
        /// Apply curated annotations. Off in the test that measures what
        /// extraction finds on its own.
        public var applyAnnotations: Bool
        /// Where per-document extraction results are kept between loads;
        /// `nil` extracts every document every time.
        public var cache: ExtractionCache?
        public init(applyAnnotations: Bool = true, cache: ExtractionCache? = nil) {
            self.applyAnnotations = applyAnnotations
            self.cache = cache
        }
    }

    /// The two articles shipped inside the package.
    public static var defaultCorpusDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("DefaultCorpus")
    }

    /// Files in a corpus directory that are neither documents nor annotations.
    static let ignoredNames: Set<String> = ["README.md", "README", "LICENSE", ".DS_Store"]

    /// Loads `directory`. With `previous` (the model being served, on a
    /// reload), a document whose text, metadata and annotations are byte for
    /// byte those `previous` loaded keeps its passages and per-document
    /// results from it: only changed and added documents are extracted, and
    /// the steps across documents (merges, citations, the search index) run
    /// over all of them.
    public static func load(
        directory: URL, options: Options = Options(), reusing previous: CorpusModel? = nil
    ) throws(CorpusLoadError) -> CorpusModel {
        PatternWarmUp.start()
        var timings = LoadTimings()
        let fm = FileManager.default
        let dirPath = directory.path
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: dirPath).sorted()
        } catch {
            throw .unreadableDirectory(path: dirPath, reason: reason(error))
        }
        var hasher = ContentHasher()
        var metadataByID: [String: (file: String, metadata: DocumentMetadata)] = [:]
        // SHA-256 of each metadata file, for the cache keys.
        var metadataDigests: [String: String] = [:]
        let cache = options.cache
        var textFiles = Set<String>()
        var directories = Set<String>()
        var metadataFiles: [String] = []
        for name in names where !ignoredNames.contains(name) && !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                directories.insert(name)
            } else if name.hasSuffix(".json") {
                metadataFiles.append(name)
            } else {
                textFiles.insert(name)
            }
        }
        // Files are read and decoded on every core; what they hold is then
        // checked and hashed in name order, so the first bad file in that
        // order is the one reported, as from a one-by-one read.
        let decoded = Concurrently.map(metadataFiles) { name in
            Result { () throws(CorpusLoadError) in
                let (data, metadata) = try readMetadata(directory.appendingPathComponent(name), as: name)
                // Always: a reload compares it to decide what to reuse.
                return (data, metadata, SHA256.hex(data))
            }
        }
        for (name, result) in zip(metadataFiles, decoded) {
            let (data, metadata, digest) = try result.get()
            metadataDigests[metadata.id] = digest
            hasher.add(name)
            hasher.add(data)
            try validate(metadata, file: name)
            if let previous = metadataByID[metadata.id] {
                throw .duplicateID(id: metadata.id, files: [previous.file, name])
            }
            metadataByID[metadata.id] = (name, metadata)
        }
        let claimed = metadataByID.values.sorted(by: { $0.metadata.id < $1.metadata.id })
        let (existing, folders) = (textFiles, directories)
        let reusable = previous?.reusable ?? ReusableExtractions()
        var contents = Concurrently.map(claimed.map { ($0.metadata.id, $0.metadata.text) }) {
            id, name -> Result<(Data, String, String), CorpusLoadError>? in
            guard existing.contains(name), !folders.contains(name) else { return nil }  // reported below, in order
            return Result { () throws(CorpusLoadError) in
                let data = try read(directory.appendingPathComponent(name), as: name)
                // A text the served model holds byte for byte is taken from
                // it: no UTF-8 check, no second copy of it while both models
                // live. A reload hashes only the texts that changed: SHA-256
                // of every file was a tenth of a one-article reload's CPU.
                if let kept = reusable.text(id, bytes: data) {
                    return (data, kept.text, cache == nil ? "" : kept.digest.isEmpty ? SHA256.hex(data) : kept.digest)
                }
                let text = try decodeText(data, as: name)
                return (data, text, cache == nil ? "" : SHA256.hex(data))
            }
        }
        var textDigests: [String] = []
        var claimedTexts = Set<String>()
        var texts: [(metadata: DocumentMetadata, text: String)] = []
        for ((file, metadata), result) in zip(claimed, contents) {
            if directories.contains(metadata.text) {
                throw .unreadableFile(file: metadata.text, reason: "is a directory, not a text file")
            }
            guard textFiles.contains(metadata.text), let result else {
                throw .missingText(metadata: file, text: metadata.text)
            }
            claimedTexts.insert(metadata.text)
            let (data, string, digest) = try result.get()
            textDigests.append(digest)
            hasher.add(metadata.text)
            hasher.add(data)
            texts.append((metadata, string))
        }
        // The file bytes were only for the hash: freed now, not after the
        // heap trim at the end of the load, which could not return them.
        contents = []
        if let orphan = textFiles.subtracting(claimedTexts).sorted().first(where: { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }) {
            throw .textWithoutMetadata(file: orphan)
        }
        if texts.isEmpty { throw .emptyCorpus(path: dirPath) }
        timings.mark("read")
        // A document is taken whole (passages too) from the previous load
        // when its text and metadata are the same; otherwise it is its raw
        // text for now, and its passages are built, or read from its cache
        // entry, with its results below.
        let digestsByID = metadataDigests
        let bare = Concurrently.map(texts) { metadata, text in
            if let kept = reusable.document(metadata.id, text: text, metadataDigest: digestsByID[metadata.id] ?? "") {
                return (kept, true)
            }
            return (Document(metadata: metadata, raw: RawText(text), sections: [], passages: []), false)
        }

        timings.mark("passages")
        // Curated quotes are checked against the raw text: no passages needed.
        let annotationFiles = try loadAnnotations(
            directory: directory.appendingPathComponent("annotations"), documents: bare.map(\.0), hasher: &hasher)
        let annotations = annotationFiles.map(\.annotations)
        let use = options.applyAnnotations
        var eventNotes: [String: [EventAnnotation]] = [:]
        var indicatorNotes: [String: [IndicatorAnnotation]] = [:]
        var citationNotes: [String: [CitationAnnotation]] = [:]
        if use {
            for a in annotations {
                eventNotes[a.document, default: []] += a.events ?? []
                indicatorNotes[a.document, default: []] += a.indicators ?? []
                citationNotes[a.document, default: []] += a.citations ?? []
            }
        }
        // A document's citations, events and figures need no other document:
        // each document runs its whole extraction as one task (events beside
        // figures), and only the merges across documents wait for all of
        // them. Running citations for every document first left a core idle
        // whenever one document took longer than the others. With a cache,
        // a document whose entry is there is read instead of extracted.
        // Grouped first: one pass over the files, not one per document.
        let filesByDocument = Dictionary(grouping: annotationFiles, by: \.annotations.document)
        let annotationDigests = bare.map {
            use ? Self.annotationDigest(filesByDocument[$0.0.id] ?? [], document: $0.0.id) : "raw"
        }
        let keys: [String?] = bare.indices.map { d in
            guard cache != nil else { return nil }
            return ExtractionCache.Inputs(
                text: textDigests[d], metadata: metadataDigests[bare[d].0.id] ?? "", annotations: annotationDigests[d]
            ).key
        }
        let (citationsByDoc, eventsByDoc, indicatorsByDoc) = (citationNotes, eventNotes, indicatorNotes)
        let loaded = Concurrently.map(Array(bare.enumerated())) { d, item in
            var document = item.0
            let whole = item.1
            if whole, let kept = reusable.extraction(
                of: document, metadataDigest: digestsByID[document.id] ?? "", annotationDigest: annotationDigests[d])
            {
                return (document, kept, ExtractionStatistics.Outcome.reused)
            }
            var outcome = ExtractionStatistics.Outcome.extracted
            if let cache, let key = keys[d] {
                switch cache.lookup(key: key, document: document) {
                case .hit(let full, let found): return (full, found, ExtractionStatistics.Outcome.hit)
                case .miss: outcome = .miss
                case .rejected: outcome = .rejected
                }
            }
            if !whole {
                // Passages of one document depend on no other: built here, on every core.
                let (sections, passages) = PassageBuilder.build(documentID: document.id, raw: document.raw)
                document = Document(metadata: document.metadata, raw: document.raw, sections: sections, passages: passages)
            }
            let found = DocumentExtraction.extract(
                document: document, citationNotes: citationsByDoc[document.id] ?? [],
                eventNotes: eventsByDoc[document.id] ?? [], indicatorNotes: indicatorsByDoc[document.id] ?? [])
            if let cache, let key = keys[d] { cache.store(found, key: key, document: document) }
            return (document, found, outcome)
        }
        let documents = loaded.map(\.0)
        // Where a document kept whole stands in the previous model, whose
        // index then gives its passages' postings (`SearchIndex+Reuse.swift`).
        let keptFrom: [Int?] = bare.map { item in item.1 ? previous?.documentIndex(id: item.0.id) : nil }
        // And where the references of a document whose results were reused
        // (the same records) stand in the previous model's and in this one's.
        var keptCitations: [(old: Range<Int>, new: Range<Int>)] = []
        var referenceStart = 0
        for (document, found, outcome) in loaded {
            let count = found.references.count
            if outcome == .reused, let old = reusable.referenceRange(of: document.id), old.count == count {
                keptCitations.append((old, referenceStart..<referenceStart + count))
            }
            referenceStart += count
        }
        let citationsKept = keptCitations
        let perDocument = loaded.map { ($0.1, $0.2) }
        timings.mark("extract")
        timings.extraction = ExtractionStatistics(
            outcomes: perDocument.map(\.1), milliseconds: timings.phases.last?.milliseconds ?? 0,
            cacheEnabled: cache != nil)
        let tellings = perDocument.enumerated().map { d, result in result.0.tellings(order: d) }
        let drafts = perDocument.map(\.0.observations)
        let cited = perDocument.map { (references: $0.0.references, citations: $0.0.citations) }
        // The citations are gathered beside the two merges: done after them,
        // the copies ran on one core (about 50 ms for 1,000 articles).
        let ((events, indicators), (references, inTextCitations)) = Concurrently.both(
            { [tellings, drafts] in Self.merge(tellings: tellings, drafts: drafts) },
            { [cited] in (cited.flatMap(\.references), cited.flatMap(\.citations)) })
        // The per-document results were only for the merges. Freeing them
        // (every candidate and citation of every document) took a tenth of
        // a second on one core: it is done on another while the index is
        // built, and waited for before the heap trim, which could not
        // return pages still in use.
        // Consumed, so that no reference is left here: a reset after the
        // call could run after the worker's and free them on this core.
        // Kept with the model for the next reload. The records share their
        // strings with the merged ones the model serves: what is kept on top
        // is the per-document arrays of events and figures.
        let kept = ReusableExtractions(
            documents: documents, extractions: perDocument.map(\.0), references: references,
            citations: inTextCitations, textDigests: textDigests, metadataDigests: metadataDigests,
            annotationDigests: annotationDigests)
        // The per-document results go too (what `kept` holds of them it shares).
        let freed = OffThreadRelease(
            (consume tellings, consume drafts, consume cited, consume perDocument, consume loaded))
        timings.mark("merge")
        hasher.add(use ? "annotated" : "raw")
        let (search, lookups) = Concurrently.both(
            {
                if let previous {
                    SearchIndex(
                        documents: documents, events: events, indicators: indicators.observations,
                        citations: references, reusing: previous.search, keptFrom: keptFrom,
                        keptCitations: citationsKept)
                } else {
                    SearchIndex(
                        documents: documents, events: events, indicators: indicators.observations,
                        citations: references)
                }
            },
            { CorpusLookups(documents: documents) })
        timings.mark("index")
        freed.wait()
        HeapTrim.afterLoad()
        timings.mark("trim")
        return CorpusModel(
            version: hasher.hex, directory: dirPath, documents: documents,
            references: references, inTextCitations: inTextCitations,
            events: events, observations: indicators.observations, measures: indicators.measures,
            search: search, lookups: lookups, loadTimings: timings, reusable: kept)
    }

    /// Events and figures across documents, merged side by side; the
    /// per-document tellings and drafts end with this call.
    private static func merge(
        tellings: [EventExtractor.DocumentTellings], drafts: [[Observation]]
    ) -> ([TimelineEvent], (observations: [Observation], measures: [Measure])) {
        Concurrently.both({ EventExtractor.merge(tellings) }, { IndicatorExtractor.finish(drafts) })
    }

    /// SHA-256 over the names and bytes of the annotation files that name
    /// `document`: a cache key input, so a curated correction misses the cache.
    static func annotationDigest(
        _ files: [(name: String, data: Data, annotations: CorpusAnnotations)], document: String
    ) -> String {
        var digest = SHA256()
        for file in files where file.annotations.document == document {
            digest.update("\(file.name)\n\(file.data.count)\n")
            digest.update(file.data)
        }
        return digest.finalize()
    }

    private static func loadAnnotations(
        directory: URL, documents: [Document], hasher: inout ContentHasher
    ) throws(CorpusLoadError) -> [(name: String, data: Data, annotations: CorpusAnnotations)] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw .unreadableDirectory(path: directory.path, reason: reason(error))
        }
        var result: [(name: String, data: Data, annotations: CorpusAnnotations)] = []
        for name in names {
            let file = "annotations/\(name)"
            let data = try read(directory.appendingPathComponent(name), as: file)
            hasher.add(file)
            hasher.add(data)
            let annotations: CorpusAnnotations
            do {
                annotations = try JSONDecoder().decode(CorpusAnnotations.self, from: data)
            } catch let error as DecodingError {
                if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                    throw .invalidJSON(file: file, reason: JSONSyntaxLocation.firstError(in: Array(data)) ?? syntaxReason(context))
                }
                throw .invalidJSON(file: file, reason: describe(error))
            } catch {
                throw .invalidJSON(file: file, reason: reason(error))
            }
            if let unknown = KnownFields.firstUnknown(in: data, shape: KnownFields.annotations) {
                throw .unknownField(file: file, detail: unknown)
            }
            guard let document = documents.first(where: { $0.id == annotations.document }) else {
                throw .unknownDocument(file: file, document: annotations.document)
            }
            try CorpusLoader.checkQuotes(of: annotations, in: document, file: file)
            result.append((file, data, annotations))
        }
        return result
    }

    /// Every quote of an annotation file lies verbatim in its document's text.
    static func checkQuotes(
        of annotations: CorpusAnnotations, in document: Document, file: String
    ) throws(CorpusLoadError) {
        let quotes: [any QuotedAnnotation] =
            (annotations.events ?? []) + (annotations.indicators ?? []) + (annotations.citations ?? [])
        for quote in quotes.map(\.quote) where !document.raw.contains(quote) {
            throw .quoteNotFound(file: file, document: document.id, quote: quote)
        }
    }

    static func validate(_ m: DocumentMetadata, file: String) throws(CorpusLoadError) {
        let idOK = !m.id.isEmpty && m.id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if !idOK {
            throw .invalidMetadata(file: file, reason: "id \"\(m.id)\" must be lowercase letters, digits and hyphens")
        }
        if m.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidMetadata(file: file, reason: "title is empty")
        }
        if m.text.contains("/") || m.text.hasPrefix(".") {
            throw .invalidMetadata(file: file, reason: "text must name a file in the corpus directory")
        }
    }

    /// A metadata file's bytes (for the version hash) and what they say.
    static func readMetadata(_ url: URL, as name: String) throws(CorpusLoadError) -> (Data, DocumentMetadata) {
        let data = try read(url, as: name)
        let metadata: DocumentMetadata
        do {
            metadata = try JSONDecoder().decode(DocumentMetadata.self, from: data)
        } catch let error as DecodingError {
            // Syntax errors are reported as corrupted data at the root.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw .invalidJSON(file: name, reason: JSONSyntaxLocation.firstError(in: Array(data)) ?? syntaxReason(context))
            }
            throw .invalidMetadata(file: name, reason: describe(error))
        } catch {
            throw .invalidJSON(file: name, reason: reason(error))
        }
        if let unknown = KnownFields.firstUnknown(in: data, shape: KnownFields.metadata) {
            throw .unknownField(file: name, detail: unknown)
        }
        return (data, metadata)
    }

    /// A text file's bytes (for the version hash) and its text.
    static func readText(_ url: URL, as name: String) throws(CorpusLoadError) -> (Data, String) {
        let data = try read(url, as: name)
        return (data, try decodeText(data, as: name))
    }

    /// A text file's bytes as its text.
    static func decodeText(_ data: Data, as name: String) throws(CorpusLoadError) -> String {
        guard let string = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(file: name, reason: "not valid UTF-8")
        }
        return string
    }

    static func read(_ url: URL, as name: String) throws(CorpusLoadError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(file: name, reason: reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(posix.rawValue))
        }
        return ns.localizedDescription
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(path(context.codingPath + [key]))\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field \"\(path(context.codingPath))\": \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid JSON" : "field \"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func syntaxReason(_ context: DecodingError.Context) -> String {
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
