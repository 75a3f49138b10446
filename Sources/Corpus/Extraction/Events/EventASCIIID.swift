/// `EventExtractor.makeID` for a title of ASCII and `EventSimpleScalar`s
/// (the titles `asciiSlugWords` reads; most end with "…"), written into one byte
/// buffer: the slug's words are the title's runs of ASCII letters and
/// digits, folded to lowercase as they are copied, stop words told by
/// comparing bytes, and the hash read from the document id and the
/// offset's digits without making the "document:offset" string. The
/// String path made a String per word, hashed each into the stop-word set,
/// and built the slug and the id by concatenation, per event.
/// `EventFastPathTests` compares it with `makeIDByStrings`.
enum EventASCIIID {
    /// `EventExtractor.stopWords` as bytes, by length.
    static let stopWordsByLength: [[[UInt8]]] = {
        let words = EventExtractor.stopWords.map { Array($0.utf8) }
        let longest = words.map(\.count).max() ?? 0
        return (0...longest).map { n in words.filter { $0.count == n } }
    }()

    @inline(__always) static func isSlugByte(_ l: UInt8) -> Bool { (l >= 0x30 && l <= 0x39) || (l >= 0x61 && l <= 0x7A) }

    /// The id, or nil when the title holds another scalar (the String path then decides).
    static func make(start: String, title: String, document: String, offset: Int) -> String? {
        var title = title
        return title.withUTF8 { t -> String? in
            let n = t.count
            // A simple scalar parts words (see `EventExtractor.asciiSlugWords`): its bytes are all non-ASCII.
            var b = 0
            while b < n {
                let lead = t[b]
                if lead < 0x80 {
                    b += 1
                    continue
                }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard length < 4, b + length <= n else { return nil }
                var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
                for k in 1..<length { value = value << 6 | UInt32(t[b + k] & 0x3F) }
                guard let scalar = Unicode.Scalar(value), EventSimpleScalar.isSimple(scalar) else { return nil }
                b += length
            }
            var out: [UInt8] = []
            out.reserveCapacity(start.utf8.count + 52)
            out += "evt-".utf8
            out += start.utf8
            let stops = stopWordsByLength
            // `for w in words.prefix(4) where slug.utf8.count + w.utf8.count < 36`, the words being the non-stop ones.
            var words = 0
            var slugLength = 0
            var i = 0
            while i < n && words < 4 {
                guard isSlugByte(ASCIICase.lower(t[i])) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n && isSlugByte(ASCIICase.lower(t[j])) { j += 1 }
                let length = j - i
                var isStop = false
                if length < stops.count {
                    for word in stops[length] {
                        var k = 0
                        while k < length && ASCIICase.lower(t[i + k]) == word[k] { k += 1 }
                        if k == length {
                            isStop = true
                            break
                        }
                    }
                }
                if !isStop {
                    words += 1
                    if slugLength + length < 36 {
                        if slugLength > 0 { slugLength += 1 }
                        slugLength += length
                        out.append(0x2D)
                        for k in i..<j { out.append(ASCIICase.lower(t[k])) }
                    }
                }
                i = j
            }
            out.append(0x2D)
            appendLowHex6(document: document, offset: offset, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `EventIDHash.lowHex6("\(document):\(offset)")` to `out`.
    static func appendLowHex6(document: String, offset: Int, to out: inout [UInt8]) {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            state ^= UInt64(byte)
            state &*= 0x100_0000_01b3
        }
        for byte in document.utf8 { add(byte) }
        add(0x3A)
        // The offset's decimal digits, as interpolation writes them, from the highest.
        if offset < 0 { add(0x2D) }
        let value = offset.magnitude
        var power: UInt = 1
        while power <= value / 10 { power *= 10 }
        while power > 0 {
            add(0x30 + UInt8(value / power % 10))
            power /= 10
        }
        state ^= 0xff
        state &*= 0x100_0000_01b3
        let hex = hexDigits
        for k in 0..<6 { out.append(hex[Int((state >> UInt64(4 * (5 - k))) & 0xF)]) }
    }
}
