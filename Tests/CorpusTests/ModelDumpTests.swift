import Foundation
import Testing

@testable import Corpus

/// Writes the whole loaded model to $MODEL_DUMP when set, one JSON line per
/// record: documents, sections, passages with their sentences and offset
/// maps, references, in-text citations, events, observations, measures and
/// the hits of a fixed list of searches. $MODEL_DUMP_CORPUS names the corpus
/// directory (the embedded one otherwise). A load optimisation must leave
/// this file byte for byte the same; `diff` of two dumps says what changed.
@Suite struct ModelDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MODEL_DUMP"] != nil, "set MODEL_DUMP to run"))
    func dumpWhenAsked() throws {
        let env = ProcessInfo.processInfo.environment
        guard let path = env["MODEL_DUMP"] else { return }
        let directory = env["MODEL_DUMP_CORPUS"].map { URL(fileURLWithPath: $0) } ?? CorpusLoader.defaultCorpusDirectory
        let annotated = try CorpusLoader.load(directory: directory)
        // Without annotations too, for the embedded corpus (a generated one has none).
        let raw = env["MODEL_DUMP_CORPUS"] == nil
            ? [("raw", try CorpusLoader.load(directory: directory, options: .init(applyAnnotations: false)))] : []
        var out = ""
        for (label, model) in [("annotated", annotated)] + raw {
            out += "MODEL \(label) version=\(model.version)\n"
            try Self.dump(model, into: &out)
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func dump(_ model: CorpusModel, into out: inout String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func line(_ tag: String, _ value: some Encodable) throws {
            out += tag + " " + String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        }
        for d in model.documents {
            try line("DOCUMENT", d.metadata)
            out += "RAW \(d.id) scalars=\(d.raw.count) utf8=\(d.raw.string.utf8.count)\n"
            for s in d.sections {
                out += "SECTION \(s.id) L\(s.level) #\(s.index) \(s.title) \(s.passageIDs)\n"
            }
            for p in d.passages {
                out += "PASSAGE \(p.id) \(p.documentID) \(p.sectionID) #\(p.index) offsets=\(Array(p.rawOffsets))\n"
                out += "  TEXT \(p.text)\n"
                for s in p.sentences {
                    out += "  SENTENCE \(s.index) \(s.start)..<\(s.end) raw \(s.rawStart)..<\(s.rawEnd) \(s.text)\n"
                }
            }
        }
        for r in model.references { try line("REFERENCE", r) }
        for c in model.inTextCitations { try line("CITATION", c) }
        for e in model.events { try line("EVENT", e) }
        for o in model.observations { try line("OBSERVATION", o) }
        for m in model.measures { try line("MEASURE", m) }
        out += "SEARCH count=\(model.search.count)\n"
        for q in LoadBenchmark.queries + ["trade", "2014", "gas", "billion", "sanctions"] {
            let result = model.search.search(q, types: nil, limit: 25, offset: 0)
            out += "QUERY \(q) total=\(result.total)\n"
            for hit in result.hits { try line("  HIT", hit) }
        }
    }
}
