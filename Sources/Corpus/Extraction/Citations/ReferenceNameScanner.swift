/// Reads the three name shapes of `ReferenceParser.persons` without ICU:
/// every entry's head goes through them, a name at a time.
///
/// Spec: the groups of `ReferenceParser.commaInitialsPattern`
/// (`^(N)\s*,\s*((?:\p{Lu}\.?\s*){1,3})?$`, "Donaldson, R. H."),
/// `spaceInitialsPattern` (`^(N)\s+((?:\p{Lu}\.\s*){1,3})$`, "Wang L.") and
/// `familyPattern` (`^(N)$`), where N is `\p{Lu}[\p{L}'\-]+`, as
/// `TextPattern.firstMatch` gives them. Each piece is greedy and what
/// follows it can never take what it gave back, so one forward read
/// decides. The text must not end with a line terminator (where `$` also
/// matches before one): the parser trims it first, and the scanners leave
/// such text to the regex. Scalars are classed as `ScalarBytes`
/// classes them (undecided where it cannot be sure). Unit tests compare
/// each with its regex.
enum ReferenceNameScanner {
    typealias Kind = ScalarBytes.Kind
    typealias Bytes = ScalarBytes

    static func commaInitials(_ text: String) -> CitationScanOutcome {
        read(text) { t throws(ScalarBytes.Undecided) -> [Range<Int>?]? in
            guard let family = try t.nameEnd(0) else { return nil }
            var i = try t.spacesEnd(family)
            guard t.byte(i) == 0x2C else { return nil }
            i = try t.spacesEnd(i + 1)
            let initials = i
            var count = 0
            while count < 3, try t.has(i, Kind.upper) {
                i = t.next(i)
                if t.byte(i) == 0x2E { i += 1 }
                i = try t.spacesEnd(i)
                count += 1
            }
            guard i == t.b.count else { return nil }
            return [0..<family, count > 0 ? initials..<i : nil]
        }
    }

    static func spaceInitials(_ text: String) -> CitationScanOutcome {
        read(text) { t throws(ScalarBytes.Undecided) -> [Range<Int>?]? in
            guard let family = try t.nameEnd(0) else { return nil }
            var i = try t.spacesEnd(family)
            guard i > family else { return nil }
            let initials = i
            var count = 0
            while count < 3, try t.has(i, Kind.upper), t.byte(t.next(i)) == 0x2E {
                i = try t.spacesEnd(t.next(i) + 1)
                count += 1
            }
            guard count > 0, i == t.b.count else { return nil }
            return [0..<family, initials..<i]
        }
    }

    static func family(_ text: String) -> CitationScanOutcome {
        read(text) { t throws(ScalarBytes.Undecided) -> [Range<Int>?]? in
            guard let family = try t.nameEnd(0), family == t.b.count else { return nil }
            return [0..<family]
        }
    }

    /// The whole text and the groups `scan` finds, or why there are none.
    private static func read(
        _ text: String, _ scan: (Bytes) throws(ScalarBytes.Undecided) -> [Range<Int>?]?
    ) -> CitationScanOutcome {
        var text = text
        return text.withUTF8 { b -> CitationScanOutcome in
            guard !endsWithLineTerminator(b) else { return .undecided }
            let t = Bytes(b: b)
            do {
                guard let groups = try scan(t) else { return .noMatch }
                return .match([t.string(0..<b.count)] + groups.map { $0.map(t.string) })
            } catch {
                return .undecided
            }
        }
    }

    /// U+000A to U+000D, U+0085, U+2028 or U+2029 last.
    static func endsWithLineTerminator(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = b.last else { return false }
        if last >= 0x0A && last <= 0x0D { return true }
        let n = b.count
        if n >= 2 && b[n - 2] == 0xC2 && last == 0x85 { return true }
        return n >= 3 && b[n - 3] == 0xE2 && b[n - 2] == 0x80 && (last == 0xA8 || last == 0xA9)
    }
}
