/// Turns a passage's sentence ranges (scalar offsets) into slices of its
/// text, so each `Sentence` shares the passage's storage instead of holding
/// a copy (see `Sentence`).
enum SentenceSlices {
    /// The slice of `text` for each of `scalarRanges`, which must be ascending
    /// and within the text; one walk over the scalars serves them all.
    ///
    /// Sliced through the scalar view: a String subscript rounds indices down
    /// to Character boundaries, which would move a sentence that starts with
    /// a combining mark.
    static func slices(of text: String, scalarRanges: [Range<Int>]) -> [Substring] {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        func advance(to target: Int) -> String.Index {
            precondition(target >= offset, "sentence ranges must ascend")
            index = scalars.index(index, offsetBy: target - offset)
            offset = target
            return index
        }
        return scalarRanges.map { range in
            let lower = advance(to: range.lowerBound)
            let upper = advance(to: range.upperBound)
            return Substring(scalars[lower..<upper])
        }
    }
}
