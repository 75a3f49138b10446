import Foundation

/// Writes the payload of a format-2 cache entry (`docs/cache.md`): numbers
/// as LEB128 varints, strings as references into a table written once per
/// entry, and provenance as offsets into the document, its quote and
/// cleaned text rebuilt on read (`EntryReader`).
///
/// A string reference is a varint: `2 i` is the i-th string of the entry's
/// table, `2 i + 1` the i-th string the reader rebuilds from the document
/// (each provenance rebuilds two, its quote then its text; each figure span
/// one, its quote). The writer keeps the same count as it writes, so a
/// string told again (a reference's `raw`, which is its line's quote; an
/// event's summary, which is its first source's text) costs one varint and
/// is one storage after the read.
struct EntryWriter {
    private var body: [UInt8] = []
    private var table: [String] = []
    private var codes: [String: Int] = [:]
    private var rebuilt = 0
    /// FNV-1a 64 over every rebuilt string, in order: the reader computes it
    /// over what it rebuilds, and an entry whose offsets no longer give the
    /// same quotes is rejected.
    private var digest = RebuiltDigest()
    /// The document the offsets point into, with its passages by id.
    let document: Document
    private let passageIndex: [String: Int]

    init(document: Document) {
        self.document = document
        var index: [String: Int] = [:]
        for (i, passage) in document.passages.enumerated() { index[passage.id] = i }
        self.passageIndex = index
        body.reserveCapacity(4096)
    }

    /// The payload: the string table, the records, the rebuilt strings' digest.
    mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + table.reduce(0) { $0 + $1.utf8.count + 2 } + 16)
        Self.varint(UInt64(table.count), into: &out)
        for string in table {
            Self.varint(UInt64(string.utf8.count), into: &out)
            out.append(contentsOf: string.utf8)
        }
        out.append(contentsOf: body)
        Self.fixed64(digest.value, into: &out)
        return out
    }

    // MARK: Numbers

    mutating func uint(_ value: Int) {
        precondition(value >= 0, "a count or offset is never negative")
        Self.varint(UInt64(value), into: &body)
    }

    /// Zigzag, so that small negative numbers stay short.
    mutating func int(_ value: Int) {
        let v = Int64(value)
        Self.varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)), into: &body)
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { Self.fixed64(value.bitPattern, into: &body) }

    mutating func optional<T>(_ value: T?, _ write: (inout EntryWriter, T) -> Void) {
        if let value {
            body.append(1)
            write(&self, value)
        } else {
            body.append(0)
        }
    }

    mutating func array<T>(_ values: some Collection<T>, _ write: (inout EntryWriter, T) -> Void) {
        uint(values.count)
        for value in values { write(&self, value) }
    }

    // MARK: Strings

    mutating func string(_ value: String) {
        if let code = codes[value] {
            uint(code)
            return
        }
        let code = 2 * table.count
        table.append(value)
        codes[value] = code
        uint(code)
    }

    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

    mutating func strings(_ values: some Collection<String>) { array(values) { $0.string($1) } }

    /// Counts a string the reader rebuilds, so a later equal string refers to it.
    private mutating func rebuiltString(_ value: String) {
        if codes[value] == nil { codes[value] = 2 * rebuilt + 1 }
        rebuilt += 1
        digest.add(value)
    }

    // MARK: Provenance

    /// How a quote or cleaned text is stored: rebuilt from the document, or written out.
    enum Source: UInt8 {
        /// Quote: the raw file's scalars `start..<end`. Text: the same string as the quote.
        case rebuilt = 0
        /// Text only: UTF-8 bytes of a passage's cleaned text (passage index, byte offset, byte count).
        case passage = 1
        /// Written out in the table (a curated quote that does not read as its offsets).
        case literal = 2
    }

    mutating func provenance(_ p: Provenance) {
        string(p.document)
        string(p.passage)
        uint(p.start)
        uint(p.end)
        quote(p.quote, start: p.start, end: p.end)
        if p.text == p.quote {
            body.append(Source.rebuilt.rawValue)
        } else if let (passage, offset, count) = find(p.text, inPassage: p.passage) {
            body.append(Source.passage.rawValue)
            uint(passage)
            uint(offset)
            uint(count)
        } else {
            body.append(Source.literal.rawValue)
            string(p.text)
        }
        rebuiltString(p.quote)
        rebuiltString(p.text)
    }

    mutating func figure(_ f: FigureSpan) {
        string(f.document)
        uint(f.start)
        uint(f.end)
        quote(f.quote, start: f.start, end: f.end)
        rebuiltString(f.quote)
    }

    private mutating func quote(_ quote: String, start: Int, end: Int) {
        if start >= 0, start <= end, end <= document.raw.count, Self.sameBytes(document.raw.slice(start..<end), quote) {
            body.append(Source.rebuilt.rawValue)
        } else {
            body.append(Source.literal.rawValue)
            string(quote)
        }
    }

    /// Where `text` stands in the cleaned text of passage `id`, as UTF-8 bytes.
    private func find(_ text: String, inPassage id: String) -> (Int, Int, Int)? {
        guard let p = passageIndex[id], !text.isEmpty else { return nil }
        var haystack = document.passages[p].text
        var needle = text
        return haystack.withUTF8 { h in
            needle.withUTF8 { n -> (Int, Int, Int)? in
                guard n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                var i = 0
                while i + n.count <= h.count {
                    if h[i] == n[0], memcmp(hb + i, nb, n.count) == 0 { return (p, i, n.count) }
                    i += 1
                }
                return nil
            }
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        // One storage (a reload took the text from the model it replaces): equal without reading it.
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count
                    && (x.isEmpty || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    // MARK: Encoding

    static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func fixed64(_ value: UInt64, into out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    static func fixed32(_ value: UInt32, into out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

/// FNV-1a 64 over strings' UTF-8, each followed by a 0xFF separator (a byte
/// no UTF-8 string holds), so ("ab", "c") and ("a", "bc") differ.
struct RebuiltDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { add($0) }
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var state = value
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x100_0000_01b3
        }
        state ^= 0xff
        state &*= 0x100_0000_01b3
        value = state
    }
}
