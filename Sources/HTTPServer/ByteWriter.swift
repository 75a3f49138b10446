/// Writes bytes through a pointer into memory whose room was reserved ahead,
/// so no byte pays an array's capacity and uniqueness checks. The caller
/// reserves the worst case first (`AccessLogLine.maxBytes`) and reads the
/// count written from `cursor` afterwards.
struct ByteWriter {
    private(set) var cursor: UnsafeMutablePointer<UInt8>

    init(at start: UnsafeMutablePointer<UInt8>) {
        cursor = start
    }

    /// A new array holding what `body` writes, in at most `maxBytes`.
    static func render(maxBytes: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: max(1, maxBytes)) { buffer, count in
            var writer = ByteWriter(at: buffer.baseAddress!)
            body(&writer)
            count = writer.cursor - buffer.baseAddress!
        }
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        cursor.pointee = value
        cursor += 1
    }

    mutating func literal(_ text: StaticString) {
        cursor.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        cursor += text.utf8CodeUnitCount
    }

    mutating func bytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            cursor.update(from: base, count: source.count)
            cursor += source.count
        }
    }

    /// At most 20 bytes: the digits of a non-negative integer.
    mutating func decimal(_ value: UInt64) {
        var digits = 1
        var power: UInt64 = 10
        while digits < 20 && value >= power {  // 10^19 is the last power below UInt64.max
            digits += 1
            power &*= 10
        }
        var rest = value
        var i = digits
        repeat {
            i -= 1
            cursor[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while i > 0
        cursor += digits
    }

    /// The UTF-8 of `text`, each byte that `escape` names replaced by its
    /// escape: at most `maxEscapedLength` bytes per input byte.
    mutating func escaped(_ text: String, _ escape: Escaping) {
        var text = text  // `withUTF8` is mutating: it makes a bridged string native first
        text.withUTF8 { source in
            // Each case calls with a constant, so the inlined loop tests one byte class.
            switch escape {
            case .json: escaped(source, .json)
            case .controls: escaped(source, .controls)
            }
        }
    }

    /// `\u00XX`, the longest escape either style writes.
    static let maxEscapedLength = 6

    enum Escaping {
        /// A JSON string's content: `"`, `\` and control characters escaped.
        case json
        /// Text as it is, control characters (and DEL) as `\u00XX`, so a value stays on one line.
        case controls

        @inline(__always)
        func needs(_ byte: UInt8) -> Bool {
            switch self {
            case .json: byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash
            case .controls: byte < 0x20 || byte == 0x7F
            }
        }
    }

    /// One pass storing byte by byte: values here are a few tens of bytes,
    /// and a `memmove` call per run of plain bytes saved nothing (callgrind:
    /// 2,474 instructions per logged request against 2,609).
    @inline(__always)
    private mutating func escaped(_ source: UnsafeBufferPointer<UInt8>, _ escape: Escaping) {
        for byte in source {
            if escape.needs(byte) {
                escapedByte(byte, escape)
            } else {
                cursor.pointee = byte
                cursor += 1
            }
        }
    }

    private mutating func escapedByte(_ value: UInt8, _ escape: Escaping) {
        switch (escape, value) {
        case (.json, ASCII.quote): literal("\\\"")
        case (.json, ASCII.backslash): literal("\\\\")
        case (.json, ASCII.lf): literal("\\n")
        case (.json, ASCII.cr): literal("\\r")
        case (.json, ASCII.tab): literal("\\t")
        default: unicodeEscape(value)
        }
    }

    private mutating func unicodeEscape(_ value: UInt8) {
        literal("\\u00")
        byte(Self.hexDigit(value >> 4))
        byte(Self.hexDigit(value & 0xF))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
