/// Finds a document's reference list: every passage under a section headed
/// References, Bibliography, Literature, Works Cited (or the Russian/Chinese
/// equivalents). Each passage there is one entry, whether the article prints
/// entries as bullets or as plain paragraphs (the passage builder already
/// splits bullets and paragraphs into passages).
enum ReferenceListFinder {
    static let headings: Set<String> = [
        "references", "reference list", "list of references", "bibliography", "literature", "works cited",
        "sources", "references and notes", "список литературы", "литература", "参考文献",
    ]

    static func isReferenceHeading(_ title: String) -> Bool {
        // Drop numbering and Markdown marks: "5. REFERENCES", "## References".
        var t = title.lowercased()
        t = TextPattern.replace("^[#\\s\\d.]+", in: t, with: "")
        t = TextPattern.trim(t, ".:# ")
        return headings.contains(t)
    }

    /// The section ids that hold references.
    static func referenceSectionIDs(in document: Document) -> Set<String> {
        Set(document.sections.filter { isReferenceHeading($0.title) }.map(\.id))
    }

    /// Passages that are reference entries, in document order.
    static func entries(in document: Document) -> [Passage] {
        let ids = referenceSectionIDs(in: document)
        return document.passages.filter { ids.contains($0.sectionID) && !$0.text.isEmpty }
    }
}
