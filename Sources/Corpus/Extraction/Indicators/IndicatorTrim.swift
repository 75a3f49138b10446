import Foundation

/// Trimming a reporter's name without Foundation for ASCII text.
enum IndicatorTrim {
    /// `text.trimmingCharacters(in: .whitespaces)`. In ASCII the set holds
    /// only space and tab (general category Zs, plus tab), and an ASCII
    /// character is one scalar, so ASCII text is trimmed byte by byte; other
    /// text asks Foundation.
    static func trimmingWhitespaces(_ text: String) -> String {
        var text = text
        let trimmed = text.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var a = 0
            var b = bytes.count
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
            // Nothing to trim: `.some(nil)` keeps the text as it is.
            if a == 0 && b == bytes.count { return .some(nil) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        switch trimmed {
        case .none: return text.trimmingCharacters(in: .whitespaces)
        case .some(.none): return text
        case .some(.some(let t)): return t
        }
    }
}
