/// Whether a line opens like a reference entry, without ICU for lines that
/// open with ASCII (every line of every list is asked).
///
/// Spec: `ReferenceListFinder.opensEntryPattern`,
/// `^(?:\p{Lu}[\p{L}'\-]+,\s|\p{Lu}{2,}\s+\p{Lu}\.|\*\S|\p{Han}{2,4}[.．]|\p{Lu}[\p{L}'\-]+\s+\p{Lu}\.\s*\()`.
/// A line opening with ASCII cannot take the Han branch, and the others
/// are read with `ScalarBytes`' classes; a line opening with
/// any other scalar (a Han character or a capital such as "Ü"), or one the
/// classes cannot decide, returns nil and is left to the regex. Unit tests
/// compare it with the regex.
enum ReferenceEntryStart {
    static func opensEntry(_ line: String) -> Bool? {
        var line = line
        return line.withUTF8 { b -> Bool? in
            guard let first = b.first else { return false }
            let t = ScalarBytes(b: b)
            typealias Kind = ScalarBytes.Kind
            do {
                if first == 0x2A {
                    guard b.count > 1 else { return false }
                    return try t.kind(at: 1) & Kind.space == 0
                }
                guard first < 0x80 else { return nil }
                guard first >= 0x41 && first <= 0x5A else { return false }
                // `\p{Lu}[\p{L}'\-]+` then ",\s", or then `\s+\p{Lu}\.\s*\(`.
                if let nameEnd = try t.nameEnd(0) {
                    if t.byte(nameEnd) == 0x2C, try t.has(nameEnd + 1, Kind.space) { return true }
                    let initial = try t.spacesEnd(nameEnd)
                    if initial > nameEnd, try t.has(initial, Kind.upper) {
                        let stop = t.next(initial)
                        if t.byte(stop) == 0x2E, t.byte(try t.spacesEnd(stop + 1)) == 0x28 { return true }
                    }
                }
                // `\p{Lu}{2,}\s+\p{Lu}\.`
                var capitals = 0
                while try t.has(capitals, Kind.upper) { capitals = t.next(capitals) }
                // The run is counted in bytes: it opens with an ASCII capital, and any capital makes two or more.
                guard capitals >= 2 else { return false }
                let initial = try t.spacesEnd(capitals)
                guard initial > capitals, try t.has(initial, Kind.upper) else { return false }
                return t.byte(t.next(initial)) == 0x2E
            } catch {
                return nil
            }
        }
    }
}
