/// A cue word with its UTF-8 bytes made once: `CueText.contains` turns its
/// cue into a byte array on every call, and the rule table asks hundreds of
/// cues per figure.
struct Cue: Sendable, Hashable {
    let text: String
    /// The bytes to search for; nil where `CueText` would not search bytes
    /// (an empty or non-ASCII cue).
    let bytes: [UInt8]?

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = !bytes.isEmpty && bytes.allSatisfy({ $0 < 0x80 }) ? bytes : nil
    }
}

extension CueText {
    /// `contains(cue.text)` for a prebuilt `Cue`: the same answers (a byte
    /// search when the text is plain and the cue ASCII, else Foundation's
    /// path), without encoding the cue on every call.
    func contains(_ cue: Cue) -> Bool {
        guard plain, let needle = cue.bytes else { return contains(cue.text) }
        var text = text
        return text.withUTF8 { hay in needle.withUnsafeBufferPointer { IndicatorCueSearch.contains($0, in: hay) } }
    }
}

/// `ByteSearch.contains` with `memchr` finding each place the needle's
/// first byte occurs: the rule table runs hundreds of cue searches per
/// figure, most of them over a whole sentence or two, and the byte-by-byte
/// loop was most of the classifier's time.
enum IndicatorCueSearch {
    /// Whether `needle` occurs in `hay` (an empty needle always does), as `ByteSearch.contains` answers.
    static func contains(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard hay.count >= n, let h = hay.baseAddress, let p = needle.baseAddress else { return false }
        let first = Int32(p[0])
        let last = hay.count - n
        var i = 0
        while i <= last {
            guard let hit = memchr(h + i, first, last - i + 1) else { return false }
            let at = UnsafeRawPointer(h).distance(to: UnsafeRawPointer(hit))
            if n == 1 || memcmp(h + at + 1, p + 1, n - 1) == 0 { return true }
            i = at + 1
        }
        return false
    }
}

import Foundation
