/// Takes "<http://…>" addresses out of a reference entry without ICU: of the
/// parser's patterns this one cost the most, as every entry with "://" ran
/// it and the addresses are long (often not ASCII, so the entry also went
/// to UTF-16 and back).
///
/// Spec: `TextPattern.firstMatchRemovingAll(ReferenceParser.angleAddressPattern, in:)`,
/// `<((?:https?|ftp)://[^>\s]+)>`: the first match's groups and the text
/// with every match removed. At a "<" the scheme is read ("https" before
/// "http", then "ftp"), then "://", then the greedy run of scalars that are
/// neither ">" nor `\s`; only ">" may end it (a shorter run would be
/// followed by a scalar of the run, never ">"), so one forward read decides
/// each "<", and matches are taken left to right without overlapping, as
/// ICU does. Scalars are classed as `ScalarBytes` classes them
/// (undecided, so left to the regex, where it cannot be sure). Unit tests
/// compare it with the regex.
enum ReferenceAddressScanner {
    enum Outcome: Equatable {
        case found(groups: [String?], rest: String)
        case none
        case undecided
    }

    static func angleAddresses(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { b -> Outcome in
            let t = ScalarBytes(b: b)
            var matches: [Range<Int>] = []
            var first: Range<Int>?
            var i = 0
            do {
                while i < b.count {
                    guard b[i] == 0x3C, let end = try match(t, at: i) else {
                        i += 1
                        continue
                    }
                    if matches.isEmpty { first = (i + 1)..<(end - 1) }
                    matches.append(i..<end)
                    i = end
                }
            } catch {
                return .undecided
            }
            guard let address = first, let whole = matches.first else { return .none }
            return .found(
                groups: [t.string(whole), t.string(address)], rest: ReferenceMatchRemoval.removing(matches, from: b))
        }
    }

    private static let schemes: [[UInt8]] = ["https://", "http://", "ftp://"].map { Array($0.utf8) }

    /// Where the match opening with the "<" at `open` ends (after its ">").
    private static func match(
        _ t: ScalarBytes, at open: Int
    ) throws(ScalarBytes.Undecided) -> Int? {
        guard let scheme = schemes.first(where: { t.hasLiteral($0, at: open + 1) }) else { return nil }
        let start = open + 1 + scheme.count
        var i = start
        while i < t.b.count, t.b[i] != 0x3E, try t.kind(at: i) & ScalarBytes.Kind.space == 0 { i = t.next(i) }
        guard i > start, t.byte(i) == 0x3E else { return nil }
        return i + 1
    }
}
