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
        let ranges = MediaRange.parse(header)
        if let gzip = ranges.first(where: { $0.type == "gzip" || $0.type == "x-gzip" }) { return gzip.quality > 0 }
        if let star = ranges.first(where: { $0.type == "*" }) { return star.quality > 0 }
        return false
    }
}
