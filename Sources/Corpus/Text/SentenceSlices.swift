/// Turns a passage's sentence ranges (scalar offsets) into slices of its
/// text, so each `Sentence` shares the passage's storage instead of holding
/// a copy (see `Sentence`).
enum SentenceSlices {
    /// The slice of `text` for each of `scalarRanges`, which must be ascending
    /// and within `scalars`, the scalars `text` was made of.
    ///
    /// The scalars give each bound's UTF-8 offset, and a native string finds
    /// the index of a UTF-8 offset at once; walking the string's scalar view
    /// to each bound was a visible share of passage building. Sliced through
    /// the scalar view: a String subscript rounds indices down to Character
    /// boundaries, which would move a sentence that starts with a combining mark.
    static func slices(of text: String, scalars: [Unicode.Scalar], scalarRanges: [Range<Int>]) -> [Substring] {
        let utf8 = text.utf8
        var offset = 0  // scalar offset reached
        var byteOffset = 0  // its UTF-8 offset
        func index(at target: Int) -> String.Index {
            precondition(target >= offset, "sentence ranges must ascend")
            while offset < target {
                byteOffset += UTF8.width(scalars[offset])
                offset += 1
            }
            return utf8.index(utf8.startIndex, offsetBy: byteOffset)
        }
        return scalarRanges.map { range in
            let lower = index(at: range.lowerBound)
            let upper = index(at: range.upperBound)
            return Substring(text.unicodeScalars[lower..<upper])
        }
    }
}
