import Testing

@testable import Corpus

/// What the four exports must agree on: page ranges in full, and APA's filing order.
@Suite struct ExportConsistencyTests {
    static func reference(_ id: String, family: String? = nil, literal: String? = nil, title: String, page: String? = nil) -> Reference {
        var r = Reference(
            id: id, document: "t", type: "article-journal", raw: title,
            source: Provenance(document: "t", passage: "t-p001", start: 0, end: 0, quote: "", text: ""))
        if let family { r.author = [.person(family, "A.")] }
        if let literal { r.author = [.organisation(literal)] }
        r.title = title
        r.page = page
        r.year = 2010
        return r
    }

    @Test func bibtexPrintsTheEndPageInFullAsRISAndAPADo() {
        let r = Self.reference("t-okonkwo-2010", family: "Okonkwo", title: "River ports", page: "233-41")
        #expect(BibTeXExport.string([r]).contains("pages = {233--241}"))
        #expect(RISExport.string([r]).contains("EP  - 241"))
        #expect(APABibliography.string([r]).contains("233–241"))
    }

    @Test func apaFilesALeadingArticleUnderTheNextWord() {
        let refs = [
            Self.reference("t-the-harbour-board-2010", literal: "The Harbour Board", title: "Tonnage tables"),
            Self.reference("t-mensah-2010", family: "Mensah", title: "Grain"),
            Self.reference("t-a-survey-2010", title: "A survey of river trade"),
        ]
        let lines = APABibliography.string(refs).split(separator: "\n")
        #expect(lines.map { String($0.prefix(5)) } == ["The H", "Mensa", "A sur"])
    }
}
