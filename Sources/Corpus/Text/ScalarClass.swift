/// Unicode properties of a scalar with an answer for ASCII that skips the
/// property tables: passage building asks them of nearly every scalar of
/// the corpus, which is nearly all ASCII, and `Unicode.Scalar.Properties`
/// cost a table lookup each time. Non-ASCII scalars get the tables' answer.
enum ScalarClass {
    /// `properties.isWhitespace`: tab, line feed, vertical tab, form feed, carriage return, space.
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 ? v == 0x20 || (v >= 0x09 && v <= 0x0D) : s.properties.isWhitespace
    }

    /// `properties.isAlphabetic`.
    @inline(__always) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 ? (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A : s.properties.isAlphabetic
    }

    /// `properties.isUppercase`.
    @inline(__always) static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 ? v >= 0x41 && v <= 0x5A : s.properties.isUppercase
    }

    /// `properties.isLowercase`.
    @inline(__always) static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 ? v >= 0x61 && v <= 0x7A : s.properties.isLowercase
    }

    /// `properties.numericType != nil`.
    @inline(__always) static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x80 ? v >= 0x30 && v <= 0x39 : s.properties.numericType != nil
    }
}
