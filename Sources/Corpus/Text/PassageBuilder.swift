/// Builds a document's sections and passages from its raw text.
///
/// The files break paragraphs at page boundaries (`in-depth\n\ndevelopment`),
/// sometimes with a page footnote, a running header or a page number in
/// between. A paragraph that stops without closing punctuation and is followed
/// (past any rule, footnote and page furniture) by text that carries on the
/// sentence is joined with it into one passage, so sentences and quotes come
/// out whole. Rules and page furniture make no passage.
enum PassageBuilder {
    static func build(documentID: String, raw: RawText) -> (sections: [Section], passages: [Passage]) {
        // The scalars only while building: the document keeps its text once (see `RawText`).
        let scalars = raw.scalarArray()
        let blocks = TextBlock.blocks(in: scalars)

        // Which blocks continue which: groups of block indices that form one passage.
        var consumed = Set<Int>()
        var groups: [[Int]] = []
        for index in blocks.indices where !consumed.contains(index) {
            var group = [index]
            consumed.insert(index)
            if blocks[index].kind == .paragraph {
                var tail = index
                while let next = continuation(of: tail, in: blocks, scalars: scalars), !consumed.contains(next) {
                    group.append(next)
                    consumed.insert(next)
                    tail = next
                }
            }
            groups.append(group)
        }

        var sections: [Section] = [
            Section(id: sectionID(documentID, 0), title: "Front matter", level: 0, index: 0, passageIDs: [])
        ]
        var passages: [Passage] = []
        for group in groups.sorted(by: { blocks[$0[0]].start < blocks[$1[0]].start }) {
            let first = blocks[group[0]]
            var cleaner = TextCleaner()
            for (n, blockIndex) in group.enumerated() {
                let block = blocks[blockIndex]
                if n > 0 { cleaner.appendJoin(at: blocks[group[n - 1]].end) }
                cleaner.append(scalars, from: block.start, to: block.end)
            }
            cleaner.trimTrailingSpace()
            if case .heading(let level) = first.kind {
                let title = headingTitle(cleaner.scalars)
                sections.append(
                    Section(
                        id: sectionID(documentID, sections.count), title: title, level: level,
                        index: sections.count, passageIDs: []))
                continue
            }
            guard !cleaner.scalars.isEmpty, first.kind != .rule, first.kind != .pageFurniture else { continue }
            let text = String(scalars: cleaner.scalars)
            let offsets = cleaner.offsets + [blocks[group.last!].end]
            let id = "\(documentID)-p\(pad(passages.count + 1, 3))"
            let ranges = SentenceSplitter.sentences(in: cleaner.scalars)
            let slices = SentenceSlices.slices(of: text, scalars: cleaner.scalars, scalarRanges: ranges)
            let sentences = ranges.enumerated().map { n, range in
                Sentence(
                    index: n, slice: slices[n],
                    start: range.lowerBound, end: range.upperBound,
                    rawStart: offsets[range.lowerBound],
                    rawEnd: noteMarkEnd(scalars, after: offsets[range.upperBound - 1]))
            }
            let section = sections.count - 1
            sections[section].passageIDs.append(id)
            passages.append(
                Passage(
                    id: id, documentID: documentID, sectionID: sections[section].id, index: passages.count,
                    text: text, rawOffsets: offsets, sentences: sentences))
        }
        if sections[0].passageIDs.isEmpty && sections.count > 1 { sections.removeFirst() }
        return (sections, passages)
    }

    /// Where a sentence whose last scalar stands at raw `last` ends: past a note mark the cleaner
    /// dropped after it ("all.<sup>15</sup>"), so its quote holds the mark and the citation it makes.
    static func noteMarkEnd(_ raw: [Unicode.Scalar], after last: Int) -> Int {
        TextCleaner.noteMarkEnd(raw, at: last + 1, limit: raw.count, after: raw[last]) ?? last + 1
    }

    /// The heading without its Markdown marks and the full stop some headings end with
    /// ("2. THE DEVELOPMENT … COUNTRIES." → "2. THE DEVELOPMENT … COUNTRIES"); "U.S." keeps its own.
    static func headingTitle(_ scalars: [Unicode.Scalar]) -> String {
        // Trimmed of " #:" scalar by scalar, as Foundation's trimming did, without its CharacterSet.
        let trim: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "#" || $0 == ":" }
        var a = 0
        var b = scalars.count
        while a < b, trim(scalars[a]) { a += 1 }
        while b > a, trim(scalars[b - 1]) { b -= 1 }
        let s = scalars[a..<b]
        if s.count > 3, s[b - 1] == ".", ScalarClass.isAlphabetic(s[b - 2]), s[b - 3] != "." {
            b -= 1
        }
        return String(scalars: scalars[a..<b])
    }

    static func sectionID(_ documentID: String, _ n: Int) -> String { "\(documentID)-s\(pad(n, 2))" }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// The block that carries on the sentence left open at the end of block `index`, if any.
    private static func continuation(of index: Int, in blocks: [TextBlock], scalars: [Unicode.Scalar]) -> Int? {
        let block = blocks[index]
        guard block.kind == .paragraph, let last = TextBlock.lastVisible(scalars, block) else { return nil }
        if TextBlock.sentenceClosing.contains(last) { return nil }
        var next = index + 1
        while next < blocks.count, [.rule, .footnote, .pageFurniture].contains(blocks[next].kind) { next += 1 }
        guard next < blocks.count, blocks[next].kind == .paragraph else { return nil }
        guard let first = TextBlock.firstVisible(scalars, blocks[next]) else { return nil }
        if TextBlock.carriesASentenceOn(scalars, blocks[next]) { return next }
        if (last == "," || last == "(") && ScalarClass.isNumeric(first) { return next }
        // Past page furniture, a parenthesis carries the entry or sentence on
        // ("… Available at: https://… / 19 / (Accessed: 15 March 2024).").
        let pastFurniture = blocks[(index + 1)..<next].contains { $0.kind == .pageFurniture }
        if pastFurniture && first == "(" { return next }
        if openingQuotes.contains(first) || ScalarClass.isUppercase(first) {
            // A long paragraph cut mid-sentence ("... his speech in\n\nAstana").
            let length = block.end - block.start
            let endsInWord = ScalarClass.isAlphabetic(last) || ScalarClass.isNumeric(last) || last == ","
            return length > 120 && endsInWord ? next : nil
        }
        return nil
    }

    private static let openingQuotes: Set<Unicode.Scalar> = ["“", "\"", "‘"]
}

import Foundation
