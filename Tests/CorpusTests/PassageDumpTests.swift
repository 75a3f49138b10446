import Foundation
import Testing

@testable import Corpus

/// Writes every passage and sentence to $CORPUS_DUMP when set, for a person
/// to read while tuning extraction. Does nothing otherwise.
@Suite struct PassageDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CORPUS_DUMP"] != nil, "set CORPUS_DUMP to run"))
    func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["CORPUS_DUMP"] else { return }
        let model = PassageBuilderTests.model
        var out = ""
        for d in model.documents {
            for s in d.sections { out += "SECTION \(s.id) L\(s.level) \(s.title) [\(s.passageIDs.count)]\n" }
            for p in d.passages {
                out += "\n== \(p.id) \(p.sectionID) raw \(p.rawStart)..<\(p.rawEnd)\n"
                for s in p.sentences { out += "  [\(s.index)] \(s.text)\n" }
            }
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
