import Testing

@testable import Corpus

/// `ScalarClass` answers ASCII itself; it must agree with the Unicode
/// property tables for every ASCII scalar and pass the rest through.
@Suite struct ScalarClassTests {
    static let scalars: [Unicode.Scalar] =
        (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{85}", "\u{A0}", "é", "É", "ß", "Ж", "ж", "中", "²", "٣", "\u{2003}", "\u{301}"]

    @Test func agreesWithThePropertyTables() {
        for s in Self.scalars {
            let p = s.properties
            #expect(ScalarClass.isWhitespace(s) == p.isWhitespace, "\(s.value)")
            #expect(ScalarClass.isAlphabetic(s) == p.isAlphabetic, "\(s.value)")
            #expect(ScalarClass.isUppercase(s) == p.isUppercase, "\(s.value)")
            #expect(ScalarClass.isLowercase(s) == p.isLowercase, "\(s.value)")
            #expect(ScalarClass.isNumeric(s) == (p.numericType != nil), "\(s.value)")
        }
    }
}
