import Foundation

/// The export formats of a reference list, for content negotiation and
/// `?format=` parameters: one name, media type and file extension each.
public enum CitationFormat: String, CaseIterable, Sendable, Codable {
    case cslJSON = "csl-json"
    case bibtex
    case ris
    case apa

    public var mediaType: String {
        switch self {
        case .cslJSON: return CSLJSONExport.mediaType
        case .bibtex: return BibTeXExport.mediaType
        case .ris: return RISExport.mediaType
        case .apa: return APABibliography.mediaType
        }
    }

    public var fileExtension: String {
        switch self {
        case .cslJSON: return "json"
        case .bibtex: return "bib"
        case .ris: return "ris"
        case .apa: return "txt"
        }
    }

    /// The format named by a media type from an `Accept` header, if any (parameters ignored).
    public init?(mediaType: String) {
        let bare = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let format = Self.allCases.first(where: { $0.mediaType == bare }) else { return nil }
        self = format
    }

    /// Renders references in this format (pure: no I/O).
    public func render(_ references: [Reference]) -> String {
        switch self {
        case .cslJSON: return CSLJSONExport.string(references)
        case .bibtex: return BibTeXExport.string(references)
        case .ris: return RISExport.string(references)
        case .apa: return APABibliography.string(references)
        }
    }
}
