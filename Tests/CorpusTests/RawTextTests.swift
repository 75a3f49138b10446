import Foundation
import Testing

@testable import Corpus

/// `RawText` counts, checkpoints and decodes the file's UTF-8 itself (the
/// loader walks every byte of a corpus through it), so its scalars, count
/// and slices are compared with the standard library's scalar view on the
/// embedded corpus's files and on text chosen for its edges: one- to
/// four-byte scalars, marks, CJK, a text that is all multibyte, and texts
/// whose lengths fall on both sides of a checkpoint (every 32 scalars).
@Suite struct RawTextTests {
    static let tricky: [String] = [
        "", "a", "é", "中", "😀", "e\u{301}", "\u{FEFF}BOM", "Ёлки Москва", "赵文文 (2014) 中俄关系",
        "𠀀𠀁 x𝔸y 😀 emoji", String(repeating: "ж", count: 31), String(repeating: "ж", count: 32),
        String(repeating: "ж", count: 33), String(repeating: "a😀", count: 40), "\r\n\t \u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
    ]

    static let texts: [String] = {
        var texts = tricky
        let directory = CorpusLoader.defaultCorpusDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".md") || name.hasSuffix(".txt") {
            if let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) {
                texts.append(text)
            }
        }
        return texts
    }()

    @Test func embeddedCorpusFilesAreCompared() {
        #expect(Self.texts.count >= Self.tricky.count + 2)
    }

    @Test func scalarsAndCountAreTheStandardLibrarys() {
        for text in Self.texts {
            let raw = RawText(text)
            let expected = Array(text.unicodeScalars)
            #expect(raw.count == expected.count, "\(text.prefix(40))")
            #expect(raw.scalarArray() == expected, "\(text.prefix(40))")
        }
    }

    @Test func scalarAtAndSlicesAgreeWithTheScalarView() {
        for text in Self.texts {
            let raw = RawText(text)
            let scalars = Array(text.unicodeScalars)
            // Every scalar of the short texts; a stride through the long ones.
            let step = max(1, scalars.count / 500)
            for i in Swift.stride(from: 0, to: scalars.count, by: step) {
                #expect(raw.scalar(at: i) == scalars[i])
                let end = min(scalars.count, i + 37)
                #expect(raw.slice(i..<end) == String(String.UnicodeScalarView(scalars[i..<end])))
            }
        }
    }
}
