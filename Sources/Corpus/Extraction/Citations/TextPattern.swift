import Foundation
import Synchronization

/// Small regular-expression helpers over `String` for the citation parsers.
///
/// Each pattern is compiled once and kept: compiling per call was over half
/// of the time to load the default corpus (the parsers run a few dozen
/// patterns over every reference line and citation). The patterns are
/// literals in this module, so the cache is bounded by the source.
enum TextPattern {
    private struct Key: Hashable {
        let pattern: String
        let options: UInt
    }

    /// One owner for the compiled patterns; `NSRegularExpression` is
    /// immutable once built and safe to share across threads.
    private static let compiled = Mutex<[Key: NSRegularExpression]>([:])

    static func regex(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression? {
        let key = Key(pattern: pattern, options: options.rawValue)
        if let hit = compiled.withLock({ $0[key] }) { return hit }
        guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        compiled.withLock { $0[key] = re }
        return re
    }

    /// Capture groups of the first match (index 0 is the whole match); `nil` groups did not take part.
    static func firstMatch(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> [String?]? {
        guard let re = regex(pattern, options: options) else { return nil }
        guard let m = re.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) else { return nil }
        return (0..<m.numberOfRanges).map { i in
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : substring(text, r)
        }
    }

    /// Every match: its groups and the UTF-16 range of the whole match.
    static func allMatches(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> [(groups: [String?], range: NSRange)] {
        guard let re = regex(pattern, options: options) else { return [] }
        return re.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { m in
            let groups = (0..<m.numberOfRanges).map { i -> String? in
                let r = m.range(at: i)
                return r.location == NSNotFound ? nil : substring(text, r)
            }
            return (groups, m.range)
        }
    }

    /// `firstMatch(pattern, in: text)` and `replace(pattern, in: text, with: "")`
    /// from one search: the parsers take a field out of an entry and then
    /// remove every match of the same pattern (its groups do not change where
    /// it matches), which searched the entry twice.
    static func firstMatchRemovingAll(_ pattern: String, in text: String) -> (groups: [String?], rest: String)? {
        guard let re = regex(pattern) else { return nil }
        let found = re.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        guard let first = found.first else { return nil }
        let groups = (0..<first.numberOfRanges).map { i -> String? in
            let r = first.range(at: i)
            return r.location == NSNotFound ? nil : substring(text, r)
        }
        var rest = ""
        var done = 0
        for m in found {
            rest += substring(text, NSRange(location: done, length: m.range.location - done))
            done = m.range.location + m.range.length
        }
        rest += substring(text, NSRange(location: done, length: text.utf16.count - done))
        return (groups, rest)
    }

    /// Whether the pattern matches anywhere (no group is copied out).
    static func matches(_ pattern: String, _ text: String, options: NSRegularExpression.Options = []) -> Bool {
        guard let re = regex(pattern, options: options) else { return false }
        return re.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The scalars of `text` in the UTF-16 range `r` (one a match reported:
    /// its ends are scalar boundaries), as `NSString.substring(with:)` gives
    /// them. That call decoded the range back from UTF-16 through
    /// `String._slowFromCodeUnits`, a few percent of a whole load; the
    /// string's own UTF-16 view finds the ends (directly for ASCII, by its
    /// breadcrumbs otherwise) and the UTF-8 is copied as it is.
    static func substring(_ text: String, _ r: NSRange) -> String {
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: r.location)
        let end = utf16.index(start, offsetBy: r.length)
        return String(Substring(text.unicodeScalars[start..<end]))
    }

    /// Every match replaced by `template`. A template with no "$" or "\\"
    /// (taken literally) or exactly "$1" is expanded here from the matches,
    /// and text with no match is returned as it is:
    /// `stringByReplacingMatches` built an `NSMutableString` every time and
    /// its result came back through the slow UTF-16 decoding. Any other
    /// template still goes to it (`replaceByFoundation`, the spec).
    static func replace(_ pattern: String, in text: String, with template: String, options: NSRegularExpression.Options = []) -> String {
        guard let re = regex(pattern, options: options) else { return text }
        let firstGroup = template == "$1"
        guard firstGroup || !(template.utf8.contains(0x24) || template.utf8.contains(0x5C)) else {
            return replaceByFoundation(re, in: text, with: template)
        }
        let found = re.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        guard !found.isEmpty else { return text }
        var out = ""
        var done = 0
        for m in found {
            out += substring(text, NSRange(location: done, length: m.range.location - done))
            if firstGroup {
                let group = m.numberOfRanges > 1 ? m.range(at: 1) : NSRange(location: NSNotFound, length: 0)
                if group.location != NSNotFound { out += substring(text, group) }
            } else {
                out += template
            }
            done = m.range.location + m.range.length
        }
        out += substring(text, NSRange(location: done, length: text.utf16.count - done))
        return out
    }

    static func replaceByFoundation(_ re: NSRegularExpression, in text: String, with template: String) -> String {
        re.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: text.utf16.count), withTemplate: template)
    }

    /// Trims white space and the given edge punctuation, repeatedly: the
    /// scalars at either end, as Foundation's `trimmingCharacters(in:)` with
    /// `CharacterSet(charactersIn: punctuation)` and `.whitespacesAndNewlines`
    /// (or `.whitespaces` without `newlines`), without building a
    /// `CharacterSet` per call: the parsers trim every field.
    static func trim(_ s: String, _ punctuation: String = ",.;: ", newlines: Bool = true) -> String {
        let scalars = s.unicodeScalars
        let edge = punctuation.unicodeScalars
        func drop(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return c == " " || c == "\t" || (newlines && (0x0A...0x0D).contains(c.value)) || edge.contains(c) }
            return edge.contains(c) || (newlines ? CharacterSet.whitespacesAndNewlines : CharacterSet.whitespaces).contains(c)
        }
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi && drop(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo && drop(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        if lo == scalars.startIndex && hi == scalars.endIndex { return s }
        return String(scalars[lo..<hi])
    }

    /// `s` without the spaces and tabs (and other white space but line breaks) at either end.
    static func trimSpaces(_ s: String) -> String { trim(s, "", newlines: false) }

    static func containsHan(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    static func containsCyrillic(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// Lowercased words with diacritics folded, for matching names and titles (see `CitationWord.words`).
    static func words(_ s: String) -> [String] { CitationWord.words(s) }

    static let stopwords: Set<String> = [
        "the", "of", "a", "an", "and", "in", "on", "for", "to", "by", "with", "at", "s", "between", "its",
    ]

    static func significantWords(_ s: String) -> [String] { words(s).filter { !stopwords.contains($0) } }

    /// A slug for ids: lowercase letters and digits joined by hyphens (letters of any script kept).
    static func slug(_ s: String, maxWords: Int = 3, dropStopwords: Bool = true) -> String {
        let ws = dropStopwords ? significantWords(s) : words(s)
        return ws.prefix(maxWords).joined(separator: "-")
    }
}
