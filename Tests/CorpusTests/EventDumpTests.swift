import Foundation
import Testing

@testable import Corpus

/// Writes every extracted event to $EVENTS_DUMP when set (annotated, and
/// without annotations to `<path>.raw`), for a person reviewing the timeline.
@Suite struct EventDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EVENTS_DUMP"] != nil, "set EVENTS_DUMP to run"))
    func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["EVENTS_DUMP"] else { return }
        let raw = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        for (model, file) in [(PassageBuilderTests.model, path), (raw, path + ".raw")] {
            var out = ""
            for e in model.events {
                out += "\(e.id) | \(e.date.start)\(e.date.end.map { "..\($0)" } ?? "") \(e.date.precision) [\(e.date.display)] \(e.status) \(e.category)\n"
                out += "   T: \(e.title)\n   A: \(e.actors.joined(separator: ", "))\n"
                for s in e.evidence { out += "   S: \(s.provenance.passage) \(s.mention.map { "\($0)" } ?? "-") \(s.provenance.text.prefix(140))\n" }
            }
            try out.write(toFile: file, atomically: true, encoding: .utf8)
        }
    }
}
