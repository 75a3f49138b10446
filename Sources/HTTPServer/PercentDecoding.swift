/// Percent-decoding of the request target (RFC 3986 §2.1), done on bytes.
/// The result must be UTF-8: a target that decodes to anything else is a 400,
/// because handlers match and echo these strings.
enum PercentDecoding {
    /// Decodes `bytes`; with `plusAsSpace` (query components, per the
    /// `application/x-www-form-urlencoded` convention) `+` becomes a space.
    /// Returns nil on a malformed escape or invalid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, plusAsSpace: Bool) -> String? {
        var needsWork = false
        for byte in bytes where byte == ASCII.percent || (plusAsSpace && byte == ASCII.plus) {
            needsWork = true
            break
        }
        // Fast path: the target was already checked to be visible ASCII.
        if !needsWork { return String(decoding: bytes, as: UTF8.self) }

        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == ASCII.percent {
                guard i + 2 < bytes.endIndex,
                    let high = ASCII.hexValue(bytes[i + 1]),
                    let low = ASCII.hexValue(bytes[i + 2])
                else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusAsSpace && byte == ASCII.plus ? ASCII.space : byte)
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// Splits a query string on `&` and `=` and decodes each part. Empty
    /// pieces (`a=1&&b=2`) are skipped; a key without `=` gets an empty value.
    static func decodeQuery(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> [QueryItem]? {
        var items = [QueryItem]()
        var pieceStart = bytes.startIndex
        var i = bytes.startIndex
        while i <= bytes.endIndex {
            if i == bytes.endIndex || bytes[i] == ASCII.ampersand {
                if i > pieceStart {
                    let piece = bytes[pieceStart..<i]
                    let eq = piece.firstIndex(of: ASCII.equals) ?? i
                    guard let name = decode(bytes[pieceStart..<eq], plusAsSpace: true) else { return nil }
                    let valueStart = eq < i ? eq + 1 : i
                    guard let value = decode(bytes[valueStart..<i], plusAsSpace: true) else { return nil }
                    items.append(QueryItem(name: name, value: value))
                }
                pieceStart = i + 1
            }
            i += 1
        }
        return items
    }
}
