/// Strong entity tags. A tag is derived from the model version and the
/// response bytes, so a reload that changes a response changes its tag, and
/// the gzip representation gets its own tag as RFC 9110 asks of strong ones.
enum ETag {
    static func strong(version: String, body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in version.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        for byte in body {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    static func gzipVariant(_ etag: String) -> String {
        String(etag.dropLast()) + "-gz\""
    }

    /// `If-None-Match` uses weak comparison (RFC 9110 §13.1.2): `W/` is
    /// ignored, `*` matches, and either representation's tag matches.
    static func matches(ifNoneMatch header: String, etag: String) -> Bool {
        let gz = gzipVariant(etag)
        for candidate in header.split(separator: ",") {
            var tag = candidate.trimmingSpaces
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag || tag == gz { return true }
        }
        return false
    }
}

/// `Accept-Encoding` with q-values: `gzip;q=0` means no, `*` covers gzip
/// unless gzip is listed on its own.
enum ContentCoding {
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        if let listed = acceptsGzipWithoutQValues(header) { return listed }
        let ranges = MediaRange.parse(header)
        if let gzip = ranges.first(where: { $0.type == "gzip" || $0.type == "x-gzip" }) { return gzip.quality > 0 }
        if let star = ranges.first(where: { $0.type == "*" }) { return star.quality > 0 }
        return false
    }

    /// The common header (`gzip, deflate, br, zstd`) has no q-values: then
    /// gzip is accepted if it, `x-gzip` or `*` is listed. Decided on the bytes,
    /// without building a `MediaRange` per entry; nil when a `;` needs the full parse.
    static func acceptsGzipWithoutQValues(_ header: String) -> Bool? {
        let bytes = header.utf8
        if bytes.contains(UInt8(ascii: ";")) { return nil }
        var star = false
        for part in bytes.split(separator: UInt8(ascii: ",")) {
            let token = trimmed(part)
            if token.elementsEqual("*".utf8) {
                star = true
            } else if equalsIgnoringCase(token, "gzip") || equalsIgnoringCase(token, "x-gzip") {
                return true
            }
        }
        return star
    }

    /// Without leading and trailing spaces and tabs (the header's OWS).
    private static func trimmed(_ part: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var start = part.startIndex
        var end = part.endIndex
        while start < end, part[start] == 0x20 || part[start] == 0x09 { start = part.index(after: start) }
        while end > start, part[part.index(before: end)] == 0x20 || part[part.index(before: end)] == 0x09 {
            end = part.index(before: end)
        }
        return part[start..<end]
    }

    /// ASCII case-insensitive equality with a lowercase name.
    private static func equalsIgnoringCase(_ token: Substring.UTF8View.SubSequence, _ name: StaticString) -> Bool {
        guard token.count == name.utf8CodeUnitCount else { return false }
        var i = 0
        for byte in token {
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if lowered != name.utf8Start[i] { return false }
            i += 1
        }
        return true
    }
}
