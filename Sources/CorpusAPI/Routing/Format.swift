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

    /// Entries in order, types lowercased, q clamped to 0...1 (1 when absent,
    /// 0 when unreadable). Works on the UTF-8 bytes: a browser sends its
    /// Accept header with every request, and splitting it into lowercased
    /// `String`s per piece was a sixth of a cached answer's CPU.
    static func parse(_ header: String) -> [MediaRange] {
        var ranges: [MediaRange] = []
        for part in header.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            var pieces = part.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)[...]
            guard let first = pieces.popFirst() else { continue }
            let type = lowercased(trimmed(first))
            guard !type.isEmpty else { continue }
            var q = 1.0
            for piece in pieces {
                let parameter = trimmed(piece)
                guard parameter.count >= 2, parameter.first! | 0x20 == UInt8(ascii: "q"),
                    parameter[parameter.index(after: parameter.startIndex)] == UInt8(ascii: "=")
                else { continue }
                q = Double(lowercased(parameter.dropFirst(2))) ?? 0
            }
            ranges.append(MediaRange(type: type, quality: min(max(q, 0), 1)))
        }
        return ranges
    }

    /// Without leading and trailing spaces (as `trimmingSpaces`).
    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return bytes[start..<end]
    }

    private static func lowercased(_ bytes: Substring.UTF8View.SubSequence) -> String {
        if !bytes.contains(where: { (0x41...0x5A).contains($0) || $0 >= 0x80 }) {
            return String(Substring(bytes))
        }
        return String(Substring(bytes)).lowercased()
    }
}

extension [MediaRange] {
    /// The q-value the most specific matching range gives `mediaType`, 0 when none matches.
    func quality(for mediaType: String) -> Double {
        // `major/*` matches when the range is the media type's major part plus "/*".
        let major = mediaType.utf8.prefix { $0 != UInt8(ascii: "/") }
        var best: (specificity: Int, q: Double)?
        for range in self {
            let specificity: Int
            if range.type == mediaType {
                specificity = 3
            } else if range.type.utf8.count == major.count + 2, range.type.utf8.starts(with: major),
                range.type.utf8.suffix(2).elementsEqual("/*".utf8)
            {
                specificity = 2
            } else if range.type == "*/*" || range.type == "*" {
                specificity = 1
            } else {
                continue
            }
            if best == nil || specificity > best!.specificity { best = (specificity, range.quality) }
        }
        return best?.q ?? 0
    }
}

extension Format {
    public static let html = Format(name: "html", mediaType: "text/html", contentType: "text/html; charset=utf-8")
    /// What an endpoint with one fixed representation serves, for the index
    /// at `GET /` (never negotiated: single-format endpoints ignore Accept).
    public static let prometheus = Format(
        name: "prometheus", mediaType: "text/plain", contentType: "text/plain; version=0.0.4; charset=utf-8")
    public static let yaml = Format(name: "yaml", mediaType: "application/yaml", contentType: "application/yaml; charset=utf-8")
    public static let openAPIJSON = Format(
        name: "openapi-json", mediaType: "application/vnd.oai.openapi+json",
        contentType: "application/vnd.oai.openapi+json;version=3.1")
    public static let linkset = Format(name: "linkset", mediaType: "application/linkset+json", contentType: "application/linkset+json")
    /// Dashboard files: the type follows the file name.
    public static let asset = Format(name: "asset", mediaType: "*/*", contentType: "application/octet-stream")
}
