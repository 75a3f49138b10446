/// What the reference scanners hand back for "the text with every match
/// removed" (`TextPattern.firstMatchRemovingAll`'s second half), built from
/// the entry's UTF-8 and the matches' byte ranges.
enum ReferenceMatchRemoval {
    /// `bytes` without `matches` (ascending, not overlapping), as a String.
    static func removing(_ matches: [Range<Int>], from bytes: UnsafeBufferPointer<UInt8>) -> String {
        var rest: [UInt8] = []
        rest.reserveCapacity(bytes.count)
        var done = 0
        for m in matches {
            rest.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[done..<m.lowerBound]))
            done = m.upperBound
        }
        rest.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[done...]))
        return String(decoding: rest, as: UTF8.self)
    }
}
