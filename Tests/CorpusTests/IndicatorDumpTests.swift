import Foundation
import Testing

@testable import Corpus

/// Writes every observation to $INDICATOR_DUMP when set, for a person tuning
/// the rule table. Does nothing otherwise.
@Suite struct IndicatorDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["INDICATOR_DUMP"] != nil, "set INDICATOR_DUMP to run"))
    func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["INDICATOR_DUMP"] else { return }
        let model = try CorpusLoader.load(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        var out = ""
        for o in model.observations {
            let change = o.change.map { " change=\($0.direction.rawValue) \($0.value) \($0.unit) \($0.basis ?? "-")" } ?? ""
            out += "\(o.measure) | \(o.value) \(o.unit) | \(o.period ?? "null") | \(o.qualifier.rawValue)"
            out += "\(o.isTarget ? " TARGET" : "")\(change) | rep=\(o.reporter ?? "-") | \(o.figures.map(\.quote))\n"
        }
        // Figures the scanner read that no observation carries (dropped or folded into a change).
        out += "\nNOT OBSERVATIONS\n"
        let kept = Set(model.observations.flatMap(\.figures).map { "\($0.document):\($0.start)" })
        for d in model.documents {
            for p in d.passages {
                for s in p.sentences {
                    for q in FigureScanner.scan(SentenceTokens(s.text)) {
                        let raw = p.rawRange(fromScalar: s.start + q.start, toScalar: s.start + q.end)
                        if kept.contains("\(d.id):\(raw.lowerBound)") { continue }
                        out += "\(d.id) \(q.kind.rawValue) \(d.raw.slice(raw)) | \(s.text.prefix(120))\n"
                    }
                }
            }
        }
        out += "\nMEASURES\n"
        for m in model.measures {
            out += "\(m.id) [\(m.category.rawValue)] \(m.unit) n=\(m.observationCount) \(m.periodStart ?? "-")..\(m.periodEnd ?? "-")\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
