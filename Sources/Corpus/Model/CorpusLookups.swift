/// A model's documents and passages by id, for the `/v1/documents/{id}`
/// and `/v1/passages/{id}` routes.
///
/// Its own value so the loader can build it on another core while the
/// search index is built: hashing every passage id of a 1,000-article
/// corpus was a serial tenth of a second at the end of the load.
struct CorpusLookups: Sendable {
    let documentIndex: [String: Int]
    let passageIndex: [String: (document: Int, passage: Int)]

    init(documents: [Document]) {
        // Labelled like the stored property (an unlabelled tuple made the
        // assignment convert the dictionary, hashing every id again), sized
        // once, and read by index, which copies no `Passage`.
        var documentIndex: [String: Int] = [:]
        var passageIndex: [String: (document: Int, passage: Int)] = [:]
        documentIndex.reserveCapacity(documents.count)
        passageIndex.reserveCapacity(documents.reduce(0) { $0 + $1.passages.count })
        for d in documents.indices {
            documentIndex[documents[d].id] = d
            for p in documents[d].passages.indices { passageIndex[documents[d].passages[p].id] = (d, p) }
        }
        self.documentIndex = documentIndex
        self.passageIndex = passageIndex
    }
}
