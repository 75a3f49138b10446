import Corpus

/// `document=<id>` on record lists. An id that names no document is a 400,
/// not an empty list: a typo should not look like "no data".
enum DocumentFilter {
    static func parse(_ query: QueryParameters, model: CorpusModel) throws(APIError) -> String? {
        guard let id = try query.single("document") else { return nil }
        guard model.document(id: id) != nil else {
            let ids = Set(model.documents.map(\.id))
            let hint = Suggestion.closest(to: id, in: ids).map { "; did you mean `\($0)`?" } ?? ""
            throw .invalidParameter(name: "document", value: id, reason: "no document with this id\(hint)")
        }
        return id
    }
}
