import Foundation

/// `q=` and `actor=` filters on lists: every word must appear, ignoring case
/// and diacritics ("putin" finds "Putin", "vis-a-vis" finds "vis-à-vis").
/// Ranked full-text search is `/v1/search`; this is a plain filter.
struct TextMatch: Sendable {
    let words: [String]

    init(_ query: String) {
        words = Self.fold(query).split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    func matches(_ text: String) -> Bool {
        let folded = Self.fold(text)
        return words.allSatisfy { folded.contains($0) }
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// Counts per value for `meta.facets`, every known value present (0 when none).
enum Facets {
    static func counts(_ values: [String], all: [String]) -> JSONValue {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        let keys = all + counts.keys.filter { !all.contains($0) }.sorted()
        return .object(keys.map { ($0, .int(counts[$0] ?? 0)) })
    }
}
