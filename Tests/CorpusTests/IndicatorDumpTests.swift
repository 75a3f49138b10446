import Foundation
import Testing

@testable import Corpus

/// Writes every observation to $INDICATOR_DUMP when set, for a person tuning
/// the rule table. Does nothing otherwise.
@Suite struct IndicatorDumpTests {
    @Test func dumpWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["INDICATOR_DUMP"] else { return }
        let model = try CorpusLoader.load(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        var out = ""
        for o in model.observations {
            let change = o.change.map { " change=\($0.direction.rawValue) \($0.value) \($0.unit) \($0.basis ?? "-")" } ?? ""
            out += "\(o.measure) | \(o.value) \(o.unit) | \(o.period ?? "null") | \(o.qualifier.rawValue)"
            out += "\(o.isTarget ? " TARGET" : "")\(change) | rep=\(o.reporter ?? "-") | \(o.figures.map(\.quote))\n"
        }
        out += "\nMEASURES\n"
        for m in model.measures {
            out += "\(m.id) [\(m.category.rawValue)] \(m.unit) n=\(m.observationCount) \(m.periodStart ?? "-")..\(m.periodEnd ?? "-")\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
