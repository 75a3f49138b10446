/// A representation an endpoint can produce, chosen by `format=` or by the
/// Accept header.
public struct Format: Sendable, Hashable {
    public var name: String
    public var mediaType: String
    /// The Content-Type header value (media type plus charset where text).
    public var contentType: String

    public static let json = Format(name: "json", mediaType: "application/json", contentType: "application/json")
    public static let csv = Format(name: "csv", mediaType: "text/csv", contentType: "text/csv; charset=utf-8; header=present")
    public static let timelineJS = Format(name: "timelinejs", mediaType: "application/json", contentType: "application/json")
    public static let cslJSON = Format(
        name: "csl-json", mediaType: "application/vnd.citationstyles.csl+json",
        contentType: "application/vnd.citationstyles.csl+json")
    public static let bibtex = Format(name: "bibtex", mediaType: "application/x-bibtex", contentType: "application/x-bibtex; charset=utf-8")
    public static let ris = Format(
        name: "ris", mediaType: "application/x-research-info-systems",
        contentType: "application/x-research-info-systems; charset=utf-8")
    public static let apa = Format(name: "apa", mediaType: "text/x-bibliography", contentType: "text/x-bibliography; charset=utf-8")
    public static let zip = Format(name: "csv", mediaType: "application/zip", contentType: "application/zip")
}

/// Picks a format: `format=` wins; otherwise the first of the endpoint's
/// formats that the Accept header allows, by q-value; with no Accept (or
/// `*/*`) the endpoint's first format.
enum FormatNegotiation {
    static func choose(formats: [Format], formatParameter: String?, accept: String?) throws(APIError) -> Format {
        if let name = formatParameter {
            guard let format = formats.first(where: { $0.name == name }) else {
                let names = formats.map(\.name)
                let hint = Suggestion.closest(to: name, in: Set(names)).map { "; did you mean `\($0)`?" } ?? ""
                throw .invalidParameter(
                    name: "format", value: name, reason: "must be one of \(names.joined(separator: ", "))\(hint)")
            }
            return format
        }
        // One representation only: serve it whatever Accept says (a browser
        // asking for CSS gets the CSS), as most servers do.
        guard formats.count > 1, let accept, !accept.isEmpty else { return formats[0] }
        let ranges = MediaRange.parse(accept)
        if ranges.isEmpty { return formats[0] }
        var best: (Format, Double, Int)?
        for (index, format) in formats.enumerated() {
            let q = ranges.quality(for: format.mediaType)
            // Prefer higher q, then the endpoint's own order.
            if q > 0, best == nil || q > best!.1 || (q == best!.1 && index < best!.2) { best = (format, q, index) }
        }
        guard let chosen = best?.0 else {
            throw .notAcceptable(accept: accept, available: formats.map(\.mediaType))
        }
        return chosen
    }
}

/// One entry of an Accept or Accept-Encoding header with its q-value.
struct MediaRange {
    var type: String
    var quality: Double

    static func parse(_ header: String) -> [MediaRange] {
        header.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
            guard let type = pieces.first, !type.isEmpty else { return nil }
            var q = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            return MediaRange(type: type, quality: min(max(q, 0), 1))
        }
    }
}

extension [MediaRange] {
    /// The q-value the most specific matching range gives `mediaType`, 0 when none matches.
    func quality(for mediaType: String) -> Double {
        let major = mediaType.split(separator: "/").first.map(String.init) ?? mediaType
        var best: (specificity: Int, q: Double)?
        for range in self {
            let specificity: Int
            if range.type == mediaType { specificity = 3 }
            else if range.type == "\(major)/*" { specificity = 2 }
            else if range.type == "*/*" || range.type == "*" { specificity = 1 }
            else { continue }
            if best == nil || specificity > best!.specificity { best = (specificity, range.quality) }
        }
        return best?.q ?? 0
    }
}

extension Format {
    public static let html = Format(name: "html", mediaType: "text/html", contentType: "text/html; charset=utf-8")
}
