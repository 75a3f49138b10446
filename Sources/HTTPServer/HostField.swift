/// RFC 9112 §3.2: the `Host` field value is `uri-host [ ":" port ]`
/// (RFC 3986 §3.2.2–3.2.3), or empty when the target has no authority.
/// Anything else is a 400: a proxy and we could otherwise disagree on which
/// site a request is for.
enum HostField {
    /// True for `example.org`, `example.org:8080`, `127.0.0.1`, `[::1]:80`,
    /// `xn--d1acj3b`, `a%20b`, and the empty value.
    static func isValid(_ value: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        var i = value.startIndex
        let end = value.endIndex
        if i < end && value[i] == UInt8(ascii: "[") {
            // IP-literal: IPv6 or IPvFuture, both spelt with these characters.
            i += 1
            let first = i
            while i < end && value[i] != UInt8(ascii: "]") {
                guard isUnreservedOrSubDelim(value[i]) || value[i] == ASCII.colon else { return false }
                i += 1
            }
            guard i < end, i > first else { return false }
            i += 1
        } else {
            // reg-name, which also covers IPv4address.
            while i < end && value[i] != ASCII.colon {
                if value[i] == ASCII.percent {
                    guard i + 2 < end, ASCII.hexValue(value[i + 1]) != nil, ASCII.hexValue(value[i + 2]) != nil
                    else { return false }
                    i += 3
                    continue
                }
                guard isUnreservedOrSubDelim(value[i]) else { return false }
                i += 1
            }
        }
        guard i < end else { return true }
        // port = *DIGIT
        guard value[i] == ASCII.colon else { return false }
        i += 1
        while i < end {
            guard value[i] >= UInt8(ascii: "0"), value[i] <= UInt8(ascii: "9") else { return false }
            i += 1
        }
        return true
    }

    /// RFC 3986 `unreserved` (letters, digits, `-._~`) and `sub-delims` (`!$&'()*+,;=`).
    private static func isUnreservedOrSubDelim(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "="):
            true
        default: false
        }
    }
}
