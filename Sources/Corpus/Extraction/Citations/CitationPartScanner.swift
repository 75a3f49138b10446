import Foundation

/// Reads one part of a parenthesis as "Author, 2003:183" without ICU: the
/// finder tries the pattern on every part of every parenthesis that holds
/// four digits, and the regex (with the part bridged to UTF-16 and each
/// group copied back) was the largest share of citation finding.
///
/// Spec: the groups of `InTextCitationFinder.partPattern`,
/// `^(.+?)\s*,?\s*(\d{4})([a-z]?)\s*(?:[:,"”]\s*((?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?))?\s*$`,
/// as `TextPattern.firstMatch` gives them. The scanner decides only text
/// whose every scalar it can class exactly: ASCII but the line terminators
/// (which `.` does not take and `$` treats apart), and any other scalar
/// that is neither whitespace nor a decimal digit (to the pattern such a
/// scalar is only `.`, or the listed "”" and "–"). Anything else is left to
/// the regex. Unit tests compare it with the regex.
/// What a scanner that stands in for one regex found.
enum CitationScanOutcome: Equatable {
    /// The groups, as `TextPattern.firstMatch` returns them.
    case match([String?])
    case noMatch
    /// A scalar the scanner does not class: ask the regex.
    case undecided

    /// The groups, asking the regex `pattern` when undecided.
    func groups(orRegex pattern: String, in text: String) -> [String?]? {
        switch self {
        case .match(let groups): return groups
        case .noMatch: return nil
        case .undecided: return TextPattern.firstMatch(pattern, in: text)
        }
    }
}

enum CitationPartScanner {
    typealias Outcome = CitationScanOutcome

    static func scan(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { b -> Outcome in
            guard decidable(b) else { return .undecided }
            let n = b.count
            guard n > 0 else { return .noMatch }
            // `(.+?)` is lazy: the first end of group 1 (at least one scalar) after which the rest matches.
            var k = ParenthesisScanner.scalarWidth(b[0])
            while k < n {
                if let groups = tail(b, from: k) {
                    func string(_ r: Range<Int>) -> String {
                        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
                    }
                    return .match([
                        string(0..<n), string(0..<k), string(groups.year), string(groups.suffix),
                        groups.locator.map(string),
                    ])
                }
                k += ParenthesisScanner.scalarWidth(b[k])
            }
            return .noMatch
        }
    }

    /// The locator as a citation keeps it: without a "p."/"pp." prefix and
    /// without spaces. Spec: `pagesByFoundation`, which a locator of digits,
    /// spaces, tabs, "p", ".", "-" and "–" (all the scanner lets through)
    /// no longer goes to.
    static func pages(_ locator: String) -> String {
        var locator = locator
        let plain = locator.withUTF8 { b -> String? in
            var i = 0
            while i < b.count {
                let c = b[i]
                if isDigit(c) || c == 0x20 || c == 0x09 || c == 0x70 || c == 0x2E || c == 0x2D {
                    i += 1
                } else if isScalar(b, at: i, 0xE2, 0x80, 0x93) {
                    i += 3
                } else {
                    return nil
                }
            }
            // `^pp?\.\s*`
            var start = 0
            if b.count > 0 && b[0] == 0x70 {
                var p = 1
                if p < b.count && b[p] == 0x70 { p += 1 }
                if p < b.count && b[p] == 0x2E {
                    start = p + 1
                    while start < b.count && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
                }
            }
            var kept: [UInt8] = []
            kept.reserveCapacity(b.count - start)
            for c in b[start...] where c != 0x20 { kept.append(c) }
            return String(decoding: kept, as: UTF8.self)
        }
        return plain ?? pagesByFoundation(locator)
    }

    /// What the finder did before `pages`: the anchored prefix pattern (only a
    /// locator opening with "p" can have it), then Foundation's replace.
    static func pagesByFoundation(_ l: String) -> String {
        (l.utf8.first == 0x70 ? TextPattern.replace("^pp?\\.\\s*", in: l, with: "") : l).replacingOccurrences(of: " ", with: "")
    }

    /// Byte ranges of groups 2 to 4 when `\s*,?\s*(\d{4})([a-z]?)…$` matches from `start`.
    private static func tail(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (year: Range<Int>, suffix: Range<Int>, locator: Range<Int>?)? {
        let n = b.count
        // `\s*,?\s*`: whatever the split, the digits open after all of it.
        var i = skipSpaces(b, from: start)
        if i < n && b[i] == 0x2C { i = skipSpaces(b, from: i + 1) }
        guard i + 4 <= n, isDigit(b[i]), isDigit(b[i + 1]), isDigit(b[i + 2]), isDigit(b[i + 3]) else { return nil }
        let year = i..<(i + 4)
        // `([a-z]?)`: a letter there must be taken (nothing after the year can take it).
        var j = i + 4
        if j < n && b[j] >= 0x61 && b[j] <= 0x7A { j += 1 }
        let suffix = (i + 4)..<j
        let afterSpace = skipSpaces(b, from: j)
        if afterSpace == n { return (year, suffix, nil) }
        // `[:,"”]\s*`, then the locator, then only spaces.
        var l: Int
        if b[afterSpace] == 0x3A || b[afterSpace] == 0x2C || b[afterSpace] == 0x22 {
            l = afterSpace + 1
        } else if isScalar(b, at: afterSpace, 0xE2, 0x80, 0x9D) {
            l = afterSpace + 3
        } else {
            return nil
        }
        l = skipSpaces(b, from: l)
        let locatorStart = l
        // `(?:pp?\.\s*)?`
        if l < n && b[l] == 0x70 {
            var p = l + 1
            if p < n && b[p] == 0x70 { p += 1 }
            if p < n && b[p] == 0x2E { l = skipSpaces(b, from: p + 1) }
        }
        let firstEnd = skipDigits(b, from: l)
        guard firstEnd > l else { return nil }
        // `(?:\s*[-–]\s*\d+)?`, taken when the rest then matches.
        var d = skipSpaces(b, from: firstEnd)
        var dashed = false
        if d < n && b[d] == 0x2D {
            d += 1
            dashed = true
        } else if isScalar(b, at: d, 0xE2, 0x80, 0x93) {
            d += 3
            dashed = true
        }
        if dashed {
            let secondStart = skipSpaces(b, from: d)
            let secondEnd = skipDigits(b, from: secondStart)
            if secondEnd > secondStart && skipSpaces(b, from: secondEnd) == n {
                return (year, suffix, locatorStart..<secondEnd)
            }
        }
        return skipSpaces(b, from: firstEnd) == n ? (year, suffix, locatorStart..<firstEnd) : nil
    }

    /// No ASCII line terminator and no other scalar that is whitespace or a decimal digit.
    static func decidable(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                if lead >= 0x0A && lead <= 0x0D { return false }
                i += 1
                continue
            }
            let width = ParenthesisScanner.scalarWidth(lead)
            let scalar = String(decoding: UnsafeBufferPointer(rebasing: b[i..<min(i + width, b.count)]), as: UTF8.self)
                .unicodeScalars.first!
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .decimalNumber { return false }
            i += width
        }
        return true
    }

    /// Space and tab: the only `\s` in decidable text.
    private static func skipSpaces(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        return i
    }

    private static func skipDigits(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count && isDigit(b[i]) { i += 1 }
        return i
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always) private static func isScalar(
        _ b: UnsafeBufferPointer<UInt8>, at i: Int, _ x: UInt8, _ y: UInt8, _ z: UInt8
    ) -> Bool {
        i + 2 < b.count && b[i] == x && b[i + 1] == y && b[i + 2] == z
    }
}
