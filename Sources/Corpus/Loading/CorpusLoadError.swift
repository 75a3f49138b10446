/// Why a corpus could not be loaded. Each case names the file, so the one
/// line printed at start tells the operator what to fix.
public enum CorpusLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableDirectory(path: String, reason: String)
    case unreadableFile(file: String, reason: String)
    case invalidJSON(file: String, reason: String)
    case invalidMetadata(file: String, reason: String)
    /// A key the file format does not have (`"jounal"`): a typo, not data to drop.
    case unknownField(file: String, detail: String)
    case duplicateID(id: String, files: [String])
    case missingText(metadata: String, text: String)
    case textWithoutMetadata(file: String)
    case unknownDocument(file: String, document: String)
    case quoteNotFound(file: String, document: String, quote: String)
    case emptyCorpus(path: String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason): "cannot read corpus directory \(path): \(reason)"
        case .unreadableFile(let file, let reason): "\(file): cannot read: \(reason)"
        case .invalidJSON(let file, let reason): "\(file): invalid JSON: \(reason)"
        case .invalidMetadata(let file, let reason): "\(file): invalid metadata: \(reason)"
        case .unknownField(let file, let detail): "\(file): \(detail) (see docs/corpus-format.md)"
        case .duplicateID(let id, let files): "duplicate document id \"\(id)\" in \(files.joined(separator: " and "))"
        case .missingText(let metadata, let text): "\(metadata): its text file \(text) is missing"
        case .textWithoutMetadata(let file): "\(file): text file has no metadata JSON naming it"
        case .unknownDocument(let file, let document): "\(file): names unknown document \"\(document)\""
        case .quoteNotFound(let file, let document, let quote):
            "\(file): quote not found in document \(document): \"\(quote.prefix(80))\""
        case .emptyCorpus(let path): "corpus directory \(path) holds no documents"
        }
    }
}
