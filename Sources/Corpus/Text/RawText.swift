/// The original file as text, indexed by Unicode scalar so provenance
/// offsets can be checked and sliced in O(1).
public struct RawText: Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    public var count: Int { scalars.count }

    public func slice(_ range: Range<Int>) -> String {
        String(scalars: scalars[range.clamped(to: 0..<scalars.count)])
    }

    /// Every scalar offset at which `quote` occurs verbatim.
    public func occurrences(of quote: String) -> [Int] {
        let needle = Array(quote.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
        var found: [Int] = []
        let first = needle[0]
        var i = 0
        let last = scalars.count - needle.count
        while i <= last {
            if scalars[i] == first && scalars[i..<(i + needle.count)].elementsEqual(needle) {
                found.append(i)
            }
            i += 1
        }
        return found
    }
}
