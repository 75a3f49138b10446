/// A document's sections and passages in a cache entry (`docs/cache.md`,
/// "Payload"), so a warm load does not build them again: they are what
/// `PassageBuilder` makes from the text, written before the records that
/// point into them. A passage's cleaned text is written out (it is not a
/// slice of the raw file); its offset map as its runs; each sentence as its
/// four offsets, its text a slice of the passage's.
extension EntryWriter {
    mutating func sections(_ sections: [Section]) {
        array(sections) { w, s in
            w.string(s.id)
            w.string(s.title)
            w.int(s.level)
            w.int(s.index)
            w.strings(s.passageIDs)
        }
    }

    mutating func passages(_ passages: [Passage]) {
        array(passages) { w, p in
            w.string(p.id)
            w.string(p.documentID)
            w.string(p.sectionID)
            w.int(p.index)
            w.string(p.text)
            let (starts, bases) = p.rawOffsets.runs
            w.uint(p.rawOffsets.count)
            w.array(starts) { $0.int(Int($1)) }
            w.array(bases) { $0.int(Int($1)) }
            w.array(p.sentences) { w, s in
                w.int(s.index)
                w.uint(s.start)
                w.uint(s.end)
                w.int(s.rawStart)
                w.int(s.rawEnd)
            }
        }
    }
}

extension EntryReader {
    mutating func sections() throws(Invalid) -> [Section] {
        try array { r throws(Invalid) in
            Section(id: try r.string(), title: try r.string(), level: try r.int(), index: try r.int(), passageIDs: try r.strings())
        }
    }

    mutating func passages() throws(Invalid) -> [Passage] {
        try array { r throws(Invalid) -> Passage in
            let (id, documentID, sectionID, index, text) = (try r.string(), try r.string(), try r.string(), try r.int(), try r.string())
            let count = try r.uint()
            let starts = try r.array { r throws(Invalid) in Int32(truncatingIfNeeded: try r.int()) }
            let bases = try r.array { r throws(Invalid) in Int32(truncatingIfNeeded: try r.int()) }
            guard let offsets = OffsetMap(starts: starts, bases: bases, count: count) else {
                throw Invalid(reason: "passage \(id)'s offset map is not one")
            }
            // Scalar offsets of the text, walked once for every sentence's slice.
            let scalars = text.unicodeScalars
            var boundaries: [String.Index] = []
            boundaries.reserveCapacity(scalars.count + 1)
            var i = scalars.startIndex
            while i != scalars.endIndex {
                boundaries.append(i)
                scalars.formIndex(after: &i)
            }
            boundaries.append(scalars.endIndex)
            let sentences = try r.array { r throws(Invalid) -> Sentence in
                let (n, start, end, rawStart, rawEnd) = (try r.int(), try r.uint(), try r.uint(), try r.int(), try r.int())
                guard start <= end, end < boundaries.count else { throw Invalid(reason: "sentence past the end of passage \(id)") }
                return Sentence(
                    index: n, slice: text[boundaries[start]..<boundaries[end]], start: start, end: end, rawStart: rawStart,
                    rawEnd: rawEnd)
            }
            var passage = Passage(
                id: id, documentID: documentID, sectionID: sectionID, index: index, text: text, rawOffsets: [],
                sentences: sentences)
            passage.rawOffsets = offsets
            return passage
        }
    }
}
