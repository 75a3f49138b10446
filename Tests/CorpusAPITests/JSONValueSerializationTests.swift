import CorpusAPI
import Foundation
import Testing

/// Strings reach clients through one writer: plain ones are copied whole,
/// the rest escaped byte by byte. Both paths must give JSON any parser reads back.
struct JSONValueSerializationTests {
    @Test(arguments: [
        ("plain ASCII", "\"plain ASCII\""),
        ("Россия и 中国", "\"Россия и 中国\""),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\path"#, #""C:\\path""#),
        ("line\nbreak\ttab\rcr", #""line\nbreak\ttab\rcr""#),
        ("bell\u{07}", #""bell\u0007""#),
        ("", "\"\""),
    ])
    func stringsAreEscapedOnlyWhereJSONNeedsIt(text: String, expected: String) throws {
        let bytes = JSONValue.string(text).serialized()
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }
}
