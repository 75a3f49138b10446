import Foundation

/// Countries, leaders and organisations under one canonical name each, so
/// "XI Jinping" and "Xi Jinping", "USSR" and "Soviet Union", "EAEU" and
/// "Eurasian Economic Union" are one actor to filter on. A fixed list for the
/// field (China–Russia relations), not per-document code: a new article on
/// the same subject gets the same names.
enum ActorGazetteer {
    /// (spelling as it may appear, canonical name). Matched case-sensitively
    /// on word boundaries, longest spelling first, so "Russian Air Force" is
    /// not also "Russia" twice and "US" never matches "use".
    static let entries: [(String, String)] = [
        // Countries and their adjectives (an adjective names the state acting: "Chinese President").
        ("People's Republic of China", "China"), ("China", "China"), ("Chinese", "China"), ("PRC", "China"),
        ("Beijing", "China"), ("Sino-Russian", "China|Russia"), ("Sino-Russia", "China|Russia"), ("Sino", "China"),
        ("Russian Federation", "Russia"), ("Russia", "Russia"), ("Russian", "Russia"), ("Moscow", "Russia"),
        ("Union of Soviet Socialist Republics", "Soviet Union"), ("USSR", "Soviet Union"),
        ("Soviet Union", "Soviet Union"), ("Soviet", "Soviet Union"),
        ("United States", "United States"), ("USA", "United States"), ("U.S.", "United States"),
        ("US", "United States"), ("American", "United States"), ("Washington", "United States"),
        ("Kazakhstan", "Kazakhstan"), ("Mongolia", "Mongolia"), ("India", "India"), ("Indian", "India"),
        ("Japan", "Japan"), ("Vietnam", "Vietnam"), ("Indonesia", "Indonesia"), ("United Kingdom", "United Kingdom"),
        ("British", "United Kingdom"), ("Canada", "Canada"), ("Iran", "Iran"), ("Iraq", "Iraq"),
        ("Turkmenistan", "Turkmenistan"), ("Azerbaijan", "Azerbaijan"), ("Yugoslavia", "Yugoslavia"),
        ("Yugoslavian", "Yugoslavia"), ("Kosovo", "Kosovo"), ("Taiwan", "Taiwan"),
        // Leaders.
        ("XI Jinping", "Xi Jinping"), ("Xi Jinping", "Xi Jinping"), ("Jinping", "Xi Jinping"),
        ("Vladimir Putin", "Vladimir Putin"), ("Putin", "Vladimir Putin"),
        ("Mikhail Gorbachev", "Mikhail Gorbachev"), ("Gorbachev", "Mikhail Gorbachev"),
        ("Boris Yel'tsin", "Boris Yeltsin"), ("Yel'tsin", "Boris Yeltsin"), ("Boris Yeltsin", "Boris Yeltsin"),
        ("Yeltsin", "Boris Yeltsin"), ("Jiang Jemin", "Jiang Zemin"), ("Jiang Zemin", "Jiang Zemin"),
        ("Hu Jintao", "Hu Jintao"), ("Dmitry Medvedev", "Dmitry Medvedev"), ("Medvedev", "Dmitry Medvedev"),
        ("Sergey Kiriyenko", "Sergey Kiriyenko"), ("Kiriyenko", "Sergey Kiriyenko"), ("Li Hui", "Li Hui"),
        // Organisations.
        ("Eurasian Economic Union", "Eurasian Economic Union"), ("EAEU", "Eurasian Economic Union"),
        ("EEU", "Eurasian Economic Union"),
        ("Shanghai Cooperation Organisation", "Shanghai Cooperation Organisation"),
        ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
        ("SCO", "Shanghai Cooperation Organisation"),
        ("Asia-Pacific Economic Cooperation", "APEC"), ("APEC", "APEC"),
        ("BRICS", "BRICS"), ("BRIC", "BRICS"), ("NATO", "NATO"), ("WTO", "World Trade Organization"),
        ("World Trade Organization", "World Trade Organization"),
        ("UN Security Council", "UN Security Council"), ("UNSC", "UN Security Council"),
        ("United Nations", "United Nations"), ("UN", "United Nations"), ("UNO", "United Nations"),
        ("Rosatom", "Rosatom"), ("People's Liberation Army", "People's Liberation Army"),
        ("PLA Air Force", "People's Liberation Army"), ("PLAAF", "People's Liberation Army"),
        ("PLANAF", "People's Liberation Army"), ("PLA", "People's Liberation Army"),
        ("Russian Air Force", "Russian Air Force"), ("Collective Security Treaty", "CSTO"),
        ("General Customs Administration of China", "General Administration of Customs of China"),
        ("Ministry of Commerce of China", "Ministry of Commerce of China"),
    ]

    private static let sorted: [(scalars: [Unicode.Scalar], name: String)] =
        entries.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
        .map { (Array($0.0.unicodeScalars), $0.1) }

    /// Whether some spelling starts with ASCII scalar `c` (every spelling starts with an ASCII letter).
    private static let startsSpelling: [Bool] = (0..<128).map { c in sorted.contains { $0.scalars[0].value == c } }

    /// `bySpellingStart[b]`: indices into `sorted` of the spellings whose first byte is b, in `sorted`'s order.
    private static let bySpellingStart: [[Int]] = (0..<128).map { c in
        sorted.indices.filter { sorted[$0].scalars[0].value == c }
    }

    /// Whether each ASCII byte is a letter or a digit (`isBoundary` is false next to one).
    private static let continuesWord: [Bool] = (0..<128).map { b in
        let c = Unicode.Scalar(UInt8(b))
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Canonical actors named in `text`, in order of first appearance.
    ///
    /// The search of `actorsByScalars` (each spelling, longest first, left to
    /// right, a hit claiming its text) on the UTF-8 bytes: every spelling is
    /// ASCII, so a hit is a run of ASCII bytes and byte offsets order and
    /// overlap as scalar offsets do. The spellings that occur with a word
    /// boundary on both sides are found in one pass (tried only at a letter
    /// some spelling starts with, after a boundary); the claims are then
    /// made in the old order. The scalar search compared every spelling at
    /// every position of its first letter.
    static func actors(in text: String) -> [String] {
        var text = text
        let hits: [(offset: Int, spelling: Int)] = text.withUTF8 { s in
            let n = s.count
            var found: [(spelling: Int, offset: Int)] = []
            let starting = startsSpelling
            spellingBytes.withUnsafeBufferPointer { bytes in
                spellingStart.withUnsafeBufferPointer { start in
                    bySpellingStartFlat.withUnsafeBufferPointer { byStart in
                        firstStart.withUnsafeBufferPointer { firstStart in
                            for i in 0..<n {
                                let b = s[i]
                                guard b < 0x80, starting[Int(b)], isBoundary(s, before: i) else { continue }
                                for slot in firstStart[Int(b)]..<firstStart[Int(b) + 1] {
                                    let k = byStart[slot]
                                    let lo = start[k]
                                    let m = start[k + 1] - lo
                                    guard i + m <= n else { continue }
                                    var j = 1
                                    while j < m && s[i + j] == bytes[lo + j] { j += 1 }
                                    if j == m && isBoundary(s, at: i + m) { found.append((k, i)) }
                                }
                            }
                        }
                    }
                }
            }
            guard !found.isEmpty else { return [] }
            if found.count == 1 { return [(found[0].offset, found[0].spelling)] }
            found.sort { ($0.spelling, $0.offset) < ($1.spelling, $1.offset) }
            var taken = [Bool](repeating: false, count: n)
            var hits: [(offset: Int, spelling: Int)] = []
            var current = -1
            var next = 0
            for (k, i) in found {
                if k != current {
                    current = k
                    next = 0
                }
                let m = spellingStart[k + 1] - spellingStart[k]
                guard i >= next, !taken[i..<(i + m)].contains(true) else { continue }
                for x in i..<(i + m) { taken[x] = true }
                hits.append((i, k))
                next = i + m
            }
            return hits
        }
        // "Sino-Russian" names two actors; each actor is listed once, where it is first named.
        var actors: [String] = []
        for hit in hits.sorted(by: { $0.offset < $1.offset }) {
            for name in nameParts[hit.spelling] where !actors.contains(name) { actors.append(name) }
        }
        return actors
    }

    /// The spellings of `sorted` as bytes (all ASCII), one after another:
    /// spelling k is `spellingBytes[spellingStart[k]..<spellingStart[k + 1]]`.
    /// Flat, so the search retains no spelling as it compares.
    private static let spellingBytes: [UInt8] = sorted.flatMap { $0.scalars.map { UInt8($0.value) } }
    private static let spellingStart: [Int] = sorted.reduce(into: [0]) { $0.append($0.last! + $1.scalars.count) }
    /// `bySpellingStart` flattened: `bySpellingStartFlat[firstStart[b]..<firstStart[b + 1]]`.
    private static let bySpellingStartFlat: [Int] = bySpellingStart.flatMap { $0 }
    private static let firstStart: [Int] = bySpellingStart.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    /// The canonical names of spelling k ("China|Russia" is two).
    private static let nameParts: [[String]] = sorted.map { $0.name.split(separator: "|").map(String.init) }

    /// `isBoundary` of the scalar that ends just before byte i.
    private static func isBoundary(_ s: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        guard i > 0 else { return true }
        if s[i - 1] < 0x80 { return !continuesWord[Int(s[i - 1])] }
        var j = i - 1
        while j > 0 && s[j] & 0xC0 == 0x80 { j -= 1 }
        return isBoundary(String(decoding: UnsafeBufferPointer(rebasing: s[j..<i]), as: UTF8.self).unicodeScalars.first!)
    }

    /// `isBoundary` of the scalar that starts at byte i.
    private static func isBoundary(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < s.count else { return true }
        if s[i] < 0x80 { return !continuesWord[Int(s[i])] }
        var j = i + 1
        while j < s.count && s[j] & 0xC0 == 0x80 { j += 1 }
        return isBoundary(String(decoding: UnsafeBufferPointer(rebasing: s[i..<j]), as: UTF8.self).unicodeScalars.first!)
    }

    private static func isBoundary(_ c: Unicode.Scalar) -> Bool {
        !(c.properties.isAlphabetic || c.properties.numericType != nil)
    }

    /// The scalar search `actors(in:)` stands in for (its spec in the tests).
    static func actorsByScalars(in text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        let starting = startsSpelling
        var positions = [[Int]](repeating: [], count: 128)
        for (i, c) in s.enumerated() where c.value < 128 && starting[Int(c.value)] { positions[Int(c.value)].append(i) }
        var taken = [Bool](repeating: false, count: s.count)
        var hits: [(offset: Int, name: String)] = []
        for (spelling, name) in sorted {
            let n = spelling.count
            guard n <= s.count else { continue }
            let starts = spelling[0].value < 128 ? positions[Int(spelling[0].value)] : Array(s.indices)
            // A hit claims its scalars: the search resumes after it.
            var next = 0
            for i in starts where i >= next && i + n <= s.count {
                if s[i..<(i + n)].elementsEqual(spelling), !taken[i..<(i + n)].contains(true),
                    isBoundary(s, i - 1), isBoundary(s, i + n)
                {
                    for k in i..<(i + n) { taken[k] = true }
                    hits.append((i, name))
                    next = i + n
                }
            }
        }
        var seen = Set<String>()
        // "Sino-Russian" names two actors.
        return hits.sorted { $0.offset < $1.offset }.flatMap { $0.name.split(separator: "|").map(String.init) }
            .filter { seen.insert($0).inserted }
    }

    /// Letters and digits continue a word; an apostrophe-s ("Putin's") or a hyphen ("Sino-") ends it.
    private static func isBoundary(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i >= 0, i < s.count else { return true }
        let c = s[i]
        return !(c.properties.isAlphabetic || c.properties.numericType != nil)
    }
}
