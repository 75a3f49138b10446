import Foundation
import Testing

@testable import Corpus

/// The whole model as text, one line per record in a stable order, so that
/// two loads can be compared with `diff` and a golden file (see
/// `GoldenDumpTests`) is a readable specification of the extraction.
///
/// `MODEL_DUMP=path` writes the dump of any corpus ad hoc (the corpus
/// directory in `MODEL_DUMP_CORPUS`, the embedded one otherwise; add
/// `MODEL_DUMP_RAW=1` to leave annotations out):
///
///     MODEL_DUMP=/tmp/dump.txt MODEL_DUMP_CORPUS=~/my-corpus swift test --filter ModelDumpTests
@Suite struct ModelDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MODEL_DUMP"] != nil, "set MODEL_DUMP=path to write a dump"))
    func dumpWhenAsked() throws {
        let env = ProcessInfo.processInfo.environment
        guard let path = env["MODEL_DUMP"] else { return }
        let directory = env["MODEL_DUMP_CORPUS"].map { URL(fileURLWithPath: $0) } ?? CorpusLoader.defaultCorpusDirectory
        let options = CorpusLoader.Options(applyAnnotations: env["MODEL_DUMP_RAW"] == nil)
        let model = try CorpusLoader.load(directory: directory, options: options)
        try Self.dump(model).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Every document (metadata, sections, passages and their sentences with
    /// raw offsets) and every record (references, in-text citations, events,
    /// observations, measures) as JSON with sorted keys. The model version is
    /// left out: it hashes the extractor too, so it would change on every
    /// change of code.
    static func dump(_ model: CorpusModel) throws -> String {
        var out = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func line(_ tag: String, _ value: some Encodable) throws {
            out += tag + " " + String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        }
        for d in model.documents {
            try line("DOCUMENT", d.metadata)
            out += "RAW \(d.id) scalars=\(d.raw.count) utf8=\(d.raw.string.utf8.count)\n"
            for s in d.sections {
                out += "SECTION \(s.id) L\(s.level) \(s.title) passages=\(s.passageIDs.count)\n"
            }
            for p in d.passages {
                out += "PASSAGE \(p.id) \(p.sectionID) raw \(p.rawStart)..<\(p.rawEnd)\n"
                for s in p.sentences {
                    out += "  SENTENCE \(s.index) raw \(s.rawStart)..<\(s.rawEnd) \(s.text)\n"
                }
            }
        }
        for r in model.references { try line("REFERENCE", r) }
        for c in model.inTextCitations { try line("CITATION", c) }
        for e in model.events { try line("EVENT", e) }
        for o in model.observations { try line("OBSERVATION", o) }
        for m in model.measures { try line("MEASURE", m) }
        return out
    }
}
