import Foundation

/// One cache entry's bytes (format 2, `docs/cache.md`): five header lines
/// of text, then the payload `EntryWriter` writes: the document's sections
/// and passages (so a warm load does not build them), then its results.
///
/// ```
/// corpus-api-extraction 2
/// key <64 hex digits>
/// extractor <ExtractorVersion.current>
/// document <id>
/// payload <byte count> fnv1a64 <16 hex digits>
/// <payload>
/// ```
///
/// The payload stores offsets, not quotes: every quote and cleaned text is
/// rebuilt from the document on read. A read checks, in order: the first
/// line names this format and version; the key is the one asked for and the
/// document the one loading (a file copied or renamed into the wrong place
/// is foreign); the extractor version is ours; the payload has exactly its
/// byte count (a truncated write) and its FNV-1a 64 checksum (a flipped
/// byte); the records read within the payload; and the digest of the
/// rebuilt quotes is the one the writer computed from the extracted quotes
/// (a quote mismatch). The first failure is the reason given.
enum CacheEntry {
    static let formatName = "corpus-api-extraction"
    static let formatVersion = 2

    struct Invalid: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    static func encode(_ extraction: DocumentExtraction, key: String, document: Document) -> Data {
        var writer = EntryWriter(document: document)
        writer.sections(document.sections)
        writer.passages(document.passages)
        extraction.write(to: &writer)
        let payload = writer.finish()
        var data = Data(
            ("\(formatName) \(formatVersion)\nkey \(key)\nextractor \(ExtractorVersion.current)\n"
                + "document \(document.id)\npayload \(payload.count) fnv1a64 \(hex(checksum(payload)))\n").utf8)
        data.append(contentsOf: payload)
        return data
    }

    /// The document with the entry's sections and passages, and its results.
    /// `document` needs only its metadata and raw text.
    static func decode(_ data: Data, key: String, document: Document) throws(Invalid) -> (Document, DocumentExtraction) {
        // `withUnsafeBytes` rethrows untyped: the outcome comes out as a Result.
        try data.withUnsafeBytes { raw in
            Result { () throws(Invalid) -> (Document, DocumentExtraction) in
                try decode(raw.bindMemory(to: UInt8.self), key: key, document: document)
            }
        }.get()
    }

    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, key: String, document: Document
    ) throws(Invalid) -> (Document, DocumentExtraction) {
        do {
            var position = 0
            /// The next header line, without its newline.
            func line() throws(Invalid) -> Substring {
                guard let end = bytes[position...].firstIndex(of: 0x0A), end - position < 512 else {
                    throw Invalid(reason: "header is not a cache header")
                }
                defer { position = end + 1 }
                return Substring(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
            }
            func field(_ name: String) throws(Invalid) -> Substring {
                let text = try line()
                guard text.hasPrefix(name + " ") else { throw Invalid(reason: "header has no \(name) line") }
                return text.dropFirst(name.count + 1)
            }
            let format = try line()
            guard format == "\(formatName) \(formatVersion)" else {
                throw Invalid(reason: format.hasPrefix(formatName) ? "format \(format), expected \(formatName) \(formatVersion)" : "header is not a cache header")
            }
            let entryKey = try field("key")
            guard entryKey == key else { throw Invalid(reason: "foreign entry: its key is \(entryKey)") }
            let extractor = try field("extractor")
            guard extractor == ExtractorVersion.current else {
                throw Invalid(reason: "extractor version \(extractor), expected \(ExtractorVersion.current)")
            }
            let owner = try field("document")
            guard owner == document.id else { throw Invalid(reason: "foreign entry: it is \(owner)'s") }
            let sizes = try field("payload").split(separator: " ")
            guard sizes.count == 3, sizes[1] == "fnv1a64", let count = Int(sizes[0]), let sum = UInt64(sizes[2], radix: 16) else {
                throw Invalid(reason: "header has no payload size and checksum")
            }
            let payload = UnsafeBufferPointer(rebasing: bytes[position...])
            guard payload.count == count else {
                throw Invalid(reason: "payload is \(payload.count) bytes, header says \(count) (truncated?)")
            }
            guard checksum(payload) == sum else { throw Invalid(reason: "payload checksum mismatch") }
            var reader = try EntryReader(payload: payload, document: document)
            let sections = try reader.sections()
            let passages = try reader.passages()
            reader.document = Document(metadata: document.metadata, raw: document.raw, sections: sections, passages: passages)
            let extraction = try DocumentExtraction(from: &reader)
            try reader.finish()
            return (reader.document, extraction)
        }
    }

    /// FNV-1a 64 of the payload bytes.
    static func checksum<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                state ^= UInt64(byte)
                state &*= 0x100_0000_01b3
            }
        }
        if done == nil {
            for byte in bytes {
                state ^= UInt64(byte)
                state &*= 0x100_0000_01b3
            }
        }
        return state
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
