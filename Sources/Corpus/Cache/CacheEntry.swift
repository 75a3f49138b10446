import Foundation

/// One cache entry's bytes (format 1, `docs/cache.md`): a header line of
/// JSON, a newline, then the payload, `DocumentExtraction` as JSON.
///
/// ```
/// {"format":"corpus-api-extraction","version":1,"key":"<64 hex>","extractor":"2026-12-06.1","document":"<id>","bytes":12345,"fnv1a64":"<16 hex>"}
/// {"references":[…],"citations":[…],"events":[…],"joins":[…],"observations":[…]}
/// ```
///
/// A read checks, in order: the header parses and names this format and
/// version; its key is the one asked for (a file copied or renamed into the
/// wrong place is foreign); its extractor version is ours; the payload has
/// exactly `bytes` bytes (a truncated write) and their FNV-1a 64 checksum
/// (a flipped byte); and the payload decodes. The first failure is the reason given.
enum CacheEntry {
    static let formatName = "corpus-api-extraction"
    static let formatVersion = 1

    struct Header: Codable {
        var format: String
        var version: Int
        var key: String
        var extractor: String
        var document: String
        var bytes: Int
        var fnv1a64: String
    }

    struct Invalid: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    static func encode(_ extraction: DocumentExtraction, key: String, document: String) throws -> Data {
        let payload = try JSONEncoder().encode(extraction)
        let header = Header(
            format: formatName, version: formatVersion, key: key, extractor: ExtractorVersion.current,
            document: document, bytes: payload.count, fnv1a64: checksum(payload))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(header)
        data.append(0x0A)
        data.append(payload)
        return data
    }

    static func decode(_ data: Data, key: String) throws(Invalid) -> DocumentExtraction {
        guard let newline = data.firstIndex(of: 0x0A) else { throw Invalid(reason: "no header line") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline])
        } catch {
            throw Invalid(reason: "header is not a cache header")
        }
        guard header.format == formatName, header.version == formatVersion else {
            throw Invalid(reason: "format \(header.format) \(header.version), expected \(formatName) \(formatVersion)")
        }
        guard header.key == key else { throw Invalid(reason: "foreign entry: its key is \(header.key)") }
        guard header.extractor == ExtractorVersion.current else {
            throw Invalid(reason: "extractor version \(header.extractor), expected \(ExtractorVersion.current)")
        }
        let payload = data[(newline + 1)...]
        guard payload.count == header.bytes else {
            throw Invalid(reason: "payload is \(payload.count) bytes, header says \(header.bytes) (truncated?)")
        }
        guard checksum(payload) == header.fnv1a64 else { throw Invalid(reason: "payload checksum mismatch") }
        do {
            return try JSONDecoder().decode(DocumentExtraction.self, from: payload)
        } catch {
            throw Invalid(reason: "payload does not decode: \(error)")
        }
    }

    private static func checksum(_ bytes: Data) -> String {
        var hasher = ContentHasher()
        hasher.add(bytes)
        return hasher.hex
    }
}
