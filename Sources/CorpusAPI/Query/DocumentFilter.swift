import Corpus

/// `document=<id>` on record lists. A well-formed id that names no document
/// matches nothing, as any filter value would, but the list's
/// `meta.warnings` says so and suggests the closest id, so a typo does not
/// pass for "no data". A malformed id is a 400.
enum DocumentFilter {
    static func parse(_ query: QueryParameters, model: CorpusModel, warnings: inout [String]) throws(APIError) -> String? {
        guard let id = try query.single("document") else { return nil }
        try IdentifierSyntax.check(id, parameter: "document")
        if model.document(id: id) == nil {
            let hint = Suggestion.closest(to: id, in: Set(model.documents.map(\.id))).map { "; did you mean `\($0)`?" } ?? ""
            warnings.append("no document with id `\(id)`\(hint)")
        }
        return id
    }
}

/// Ids in this API are lowercase letters, digits, hyphens and dots.
enum IdentifierSyntax {
    static func check(_ value: String, parameter: String) throws(APIError) {
        // At most 100, as the spec's id pattern says (`{1,100}`).
        let ok = !value.isEmpty && value.unicodeScalars.count <= 100 && value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_"
        }
        if !ok {
            throw .invalidParameter(
                name: parameter, value: value, reason: "must be an id: 1 to 100 lowercase letters, digits, `-`, `.` or `_`")
        }
    }
}

extension Array where Element == String {
    /// `meta.warnings`, present only when there is something to say.
    var asMeta: [(String, JSONValue)] {
        isEmpty ? [] : [("warnings", .array(map { .string($0) }))]
    }
}
