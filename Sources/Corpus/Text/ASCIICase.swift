/// Byte-level, ASCII-case-insensitive tests used as prefilters: they say
/// cheaply that an expensive (regex or Foundation) search cannot match, so
/// it runs only on the few sentences where it can.
enum ASCIICase {
    /// Whether `text` holds `needle` (ASCII, lowercase) with any mix of
    /// ASCII upper and lower case.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { needle -> Bool in
            var text = text
            return text.withUTF8 { hay -> Bool in
                guard n > 0, hay.count >= n else { return n == 0 }
                var i = 0
                let last = hay.count - n
                while i <= last {
                    var k = 0
                    while k < n && lower(hay[i + k]) == needle[k] { k += 1 }
                    if k == n { return true }
                    i += 1
                }
                return false
            }
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
