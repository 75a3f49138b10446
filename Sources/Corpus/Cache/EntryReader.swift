/// Reads what `EntryWriter` wrote, against the document the entry belongs
/// to: quotes are sliced from its raw text, cleaned texts from its passages.
/// Every read is bounds-checked; anything out of place throws
/// `CacheEntry.Invalid`, so a damaged entry is rejected, never trusted.
///
/// Used only inside `bytes.withUnsafeBytes`: the reader does not outlive the buffer.
struct EntryReader {
    typealias Invalid = CacheEntry.Invalid

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var table: [String] = []
    private var rebuilt: [String] = []
    private var digest = RebuiltDigest()
    /// Its passages are the entry's, set once they are read (`CacheEntry.decode`).
    var document: Document

    init(payload: UnsafeBufferPointer<UInt8>, document: Document) throws(Invalid) {
        self.bytes = payload
        self.document = document
        let count = try uint()
        guard count <= bytes.count else { throw Invalid(reason: "string table of \(count) strings in \(bytes.count) bytes") }
        table.reserveCapacity(count)
        for _ in 0..<count {
            let length = try uint()
            guard length <= bytes.count - position else { throw Invalid(reason: "string past the end of the payload") }
            table.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self))
            position += length
        }
    }

    /// Checks the end: the digest of the rebuilt strings and nothing after it.
    mutating func finish() throws(Invalid) {
        guard bytes.count - position == 8 else {
            throw Invalid(reason: "payload has \(bytes.count - position - 8) bytes after its records")
        }
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        guard stored == digest.value else {
            throw Invalid(reason: "quote mismatch: the quotes rebuilt from \(document.id)'s text are not the ones extracted")
        }
    }

    // MARK: Numbers

    mutating func uint() throws(Invalid) -> Int {
        let value = try varint(shiftLimit: 63)
        guard value <= UInt64(Int.max) else { throw Invalid(reason: "number out of range") }
        return Int(value)
    }

    /// A signed number, zigzag-encoded.
    mutating func int() throws(Invalid) -> Int {
        let value = try varint(shiftLimit: 64)
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    /// Seven bits a byte, least significant first, the top bit set on every
    /// byte but the last; longer than `shiftLimit` bits is invalid.
    private mutating func varint(shiftLimit: UInt64) throws(Invalid) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw Invalid(reason: "payload ends inside a number") }
            let byte = bytes[position]
            position += 1
            guard shift < shiftLimit else { throw Invalid(reason: "number too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func byte() throws(Invalid) -> UInt8 {
        guard position < bytes.count else { throw Invalid(reason: "payload ends early") }
        position += 1
        return bytes[position - 1]
    }

    mutating func bool() throws(Invalid) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw Invalid(reason: "\(other) is not a boolean")
        }
    }

    mutating func double() throws(Invalid) -> Double {
        guard bytes.count - position >= 8 else { throw Invalid(reason: "payload ends inside a number") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func optional<T>(_ read: (inout EntryReader) throws(Invalid) -> T) throws(Invalid) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout EntryReader) throws(Invalid) -> T) throws(Invalid) -> [T] {
        let count = try uint()
        // Every element takes at least one byte: a count past that is damage, not a reason to allocate.
        guard count <= bytes.count - position else { throw Invalid(reason: "\(count) elements in \(bytes.count - position) bytes") }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    // MARK: Strings

    mutating func string() throws(Invalid) -> String {
        let code = try uint()
        if code & 1 == 0 {
            guard code >> 1 < table.count else { throw Invalid(reason: "string \(code >> 1) of a table of \(table.count)") }
            return table[code >> 1]
        }
        guard code >> 1 < rebuilt.count else { throw Invalid(reason: "rebuilt string \(code >> 1) of \(rebuilt.count)") }
        return rebuilt[code >> 1]
    }

    mutating func optionalString() throws(Invalid) -> String? { try optional { r throws(Invalid) in try r.string() } }

    mutating func strings() throws(Invalid) -> [String] { try array { r throws(Invalid) in try r.string() } }

    /// A `RawRepresentable` enum stored as its raw string.
    mutating func value<T: RawRepresentable>(_: T.Type) throws(Invalid) -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else { throw Invalid(reason: "\"\(raw)\" is not a \(T.self)") }
        return value
    }

    private mutating func rebuiltString(_ value: String) {
        rebuilt.append(value)
        digest.add(value)
    }

    // MARK: Provenance

    mutating func provenance() throws(Invalid) -> Provenance {
        let documentID = try string()
        let passage = try string()
        let start = try uint()
        let end = try uint()
        let storedQuote = try quote(start: start, end: end)
        let text: String?
        switch EntryWriter.Source(rawValue: try byte()) {
        case .rebuilt:
            text = nil
        case .passage:
            let p = try uint()
            let offset = try uint()
            let count = try uint()
            guard p < document.passages.count else { throw Invalid(reason: "passage \(p) of \(document.passages.count)") }
            var cleaned = document.passages[p].text
            let found = cleaned.withUTF8 { bytes -> String? in
                guard offset <= bytes.count, count <= bytes.count - offset else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
            }
            guard let found else { throw Invalid(reason: "text past the end of passage \(p)") }
            text = found
        case .literal:
            text = try string()
        case nil:
            throw Invalid(reason: "unknown text source")
        }
        // The quote shares the text's storage when they read the same, as extraction makes them.
        let quote = storedQuote ?? (text.map { document.raw.slice(start..<end, sharing: $0) } ?? document.raw.slice(start..<end))
        let cleaned = text ?? quote
        rebuiltString(quote)
        rebuiltString(cleaned)
        return Provenance(document: documentID, passage: passage, start: start, end: end, quote: quote, text: cleaned)
    }

    mutating func figure() throws(Invalid) -> FigureSpan {
        let documentID = try string()
        let start = try uint()
        let end = try uint()
        let quote = try quote(start: start, end: end) ?? document.raw.slice(start..<end)
        rebuiltString(quote)
        return FigureSpan(document: documentID, start: start, end: end, quote: quote)
    }

    /// The stored quote when it is written out; nil when it is the raw slice.
    private mutating func quote(start: Int, end: Int) throws(Invalid) -> String? {
        switch EntryWriter.Source(rawValue: try byte()) {
        case .rebuilt:
            guard start <= end, end <= document.raw.count else {
                throw Invalid(reason: "quote \(start)..<\(end) outside \(document.id)'s \(document.raw.count) scalars")
            }
            return nil
        case .literal:
            return try string()
        default:
            throw Invalid(reason: "unknown quote source")
        }
    }
}
