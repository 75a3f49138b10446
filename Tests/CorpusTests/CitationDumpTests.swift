import Foundation
import Testing

@testable import Corpus

/// Writes every reference and in-text citation to $CITATION_DUMP when set,
/// for a person to read while tuning the parser. Does nothing otherwise.
@Suite struct CitationDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITATION_DUMP"] != nil, "set CITATION_DUMP to run"))
    func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["CITATION_DUMP"] else { return }
        let model = PassageBuilderTests.model
        var out = ""
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for r in model.references {
            var copy = r
            copy.source.text = ""
            out += String(decoding: try enc.encode(copy), as: UTF8.self) + "\n"
        }
        out += "\n"
        for c in model.inTextCitations {
            out += "\(c.id) [\(c.kind.rawValue)] \(c.text) | \(c.authors) \(c.year.map(String.init) ?? "-")\(c.yearSuffix ?? "") loc=\(c.locator ?? "-") -> \(c.referenceID ?? "UNRESOLVED") | \(c.match ?? "") \(c.unresolvedReason ?? "")\n"
        }
        let stats = CitationStatistics(references: model.references, inText: model.inTextCitations)
        out += "\n" + String(decoding: try enc.encode(stats), as: UTF8.self) + "\n"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension CitationDumpTests {
    /// Writes the four export formats next to $CITATION_DUMP when set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITATION_DUMP"] != nil, "set CITATION_DUMP to run"))
    func dumpExportsWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["CITATION_DUMP"] else { return }
        for format in CitationFormat.allCases {
            try format.render(PassageBuilderTests.model.references)
                .write(toFile: path + "." + format.fileExtension, atomically: true, encoding: .utf8)
        }
    }
}
