/// Where a JSON text first goes wrong, as "line 3, column 17: expected ','
/// or '}'", for the one-line load error: Foundation's decoder only says the
/// data is not valid JSON. A small validating scanner (RFC 8259), not a
/// parser: it builds nothing and stops at the first fault.
public struct JSONSyntaxLocation {
    private let bytes: [UInt8]
    private var i = 0

    /// nil when `bytes` is valid JSON.
    public static func firstError(in bytes: [UInt8]) -> String? {
        var scanner = JSONSyntaxLocation(bytes: bytes)
        do throws(Fault) {
            try scanner.value()
            scanner.skipSpace()
            if scanner.i < bytes.count { throw Fault(message: "unexpected text after the JSON value") }
            return nil
        } catch {
            return "\(scanner.position()): \(error.message)"
        }
    }

    struct Fault: Error { var message: String }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func position() -> String {
        var line = 1
        var column = 1
        var k = 0
        while k < min(i, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1  // count characters, not UTF-8 continuation bytes
            }
            k += 1
        }
        return "line \(line), column \(column)"
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private var current: String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        return b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte \(b)"
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Fault) {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { throw Fault(message: "expected \(what), found \(current)") }
        i += 1
    }

    private mutating func value() throws(Fault) {
        skipSpace()
        guard i < bytes.count else { throw Fault(message: "expected a value, found the end of the file") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw Fault(message: "expected a field name in double quotes, found \(current)")
                }
                try string()
                try expect(UInt8(ascii: ":"), "':' after the field name")
                try value()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                try value()
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
        default:
            throw Fault(message: "expected a value, found \(current)")
        }
    }

    private mutating func literal(_ word: String) throws(Fault) {
        for byte in word.utf8 {
            guard i < bytes.count, bytes[i] == byte else { throw Fault(message: "expected \(word), found \(current)") }
            i += 1
        }
    }

    private mutating func string() throws(Fault) {
        i += 1  // the opening quote
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return }
            if b < 0x20 { throw Fault(message: "a raw control character (such as a line break) inside a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 1
                case UInt8(ascii: "u"):
                    i += 1
                    for _ in 0..<4 {
                        guard i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || ((bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x66)
                        else { throw Fault(message: "\\u needs four hex digits") }
                        i += 1
                    }
                default:
                    throw Fault(message: "unknown escape \\\(Character(Unicode.Scalar(bytes[i]))) in a string (write \\\\ for a backslash)")
                }
                continue
            }
            i += 1
        }
        throw Fault(message: "a string is not closed")
    }

    private mutating func number() throws(Fault) {
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - start
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { throw Fault(message: "expected a digit, found \(current)") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw Fault(message: "expected a digit after '.', found \(current)") }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw Fault(message: "expected a digit in the exponent, found \(current)") }
        }
    }
}
