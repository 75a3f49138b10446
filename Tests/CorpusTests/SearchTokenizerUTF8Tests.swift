import Foundation
import Testing

@testable import Corpus

/// The index build tokenizes with `SearchTokenizer.scanUTF8` and numbers
/// keys with `TermTable`; queries and snippets use the scalar `scan`. A
/// key or range that differs between the two would make words unfindable,
/// so both paths are compared on every passage of the embedded corpus and
/// on text chosen for its edges (CJK, marks, non-ASCII letters, digits,
/// four-byte scalars, a word at the very end).
@Suite struct SearchTokenizerUTF8Tests {
    static let tricky = [
        "", "a", "A", " ", "Vis-à-vis and VIS-A-VIS", "Gazprom's “Power of Siberia” pipeline, 2019–2024.",
        "赵文文 (2014) 中俄关系", "Ёлки Москва МОСКВА", "e\u{301}te\u{301} cafe\u{301}", "\u{301}alone",
        "𠀀𠀁 x𝔸y 😀 emoji", "tail word", "ends with CJK 中", "١٢٣ Arabic digits", "x\u{20DD} enclosed",
        "ÆSIR Straße ﬁnance", "\u{0}\u{7F} control",
    ]

    static let texts: [String] = {
        var texts = tricky
        if let model = try? CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory) {
            texts += model.documents.flatMap { $0.passages.map(\.text) }
        }
        return texts
    }()

    struct Token: Equatable {
        var key: [UInt8]
        var start: Int
        var end: Int
    }

    @Test func corpusIsLoaded() {
        #expect(Self.texts.count > Self.tricky.count + 100)
    }

    @Test func utf8ScanGivesTheScalarScansTokens() {
        for text in Self.texts {
            var scalarTokenizer = SearchTokenizer()
            var expected: [Token] = []
            scalarTokenizer.scan(Array(text.unicodeScalars)) { expected.append(Token(key: $0, start: $1, end: $2)) }
            var utf8Tokenizer = SearchTokenizer()
            var actual: [Token] = []
            utf8Tokenizer.scanUTF8(text) { actual.append(Token(key: Array($0), start: $1, end: $2)) }
            #expect(actual == expected, "\(text.prefix(80))")
        }
    }

    @Test func termTableNumbersKeysByFirstAppearance() {
        var table = TermTable()
        var numbers: [String: Int32] = [:]
        var tokenizer = SearchTokenizer()
        for text in Self.texts {
            tokenizer.scanUTF8(text) { key, _, _ in
                let string = String(decoding: key, as: UTF8.self)
                let expected = numbers[string] ?? Int32(numbers.count)
                numbers[string] = expected
                #expect(table.number(of: key) == expected, "\(string)")
            }
        }
        let keys = table.keys()
        #expect(keys.count == numbers.count)
        #expect(numbers.count > 1_000)  // enough keys to make the table grow several times
        for (key, number) in numbers { #expect(keys[Int(number)] == key) }
    }
}
