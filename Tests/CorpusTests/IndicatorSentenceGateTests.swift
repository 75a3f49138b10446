import Foundation
import Testing

@testable import Corpus

/// The byte gate must never skip a sentence the full path finds something in,
/// and its connective test must answer as `PeriodResolver.inherits` does.
@Suite struct IndicatorSentenceGateTests {
    static let sentences = [
        "Last year, trade grew.", "This year the plan holds.", "To date nothing changed.", "At present, talks go on.",
        "Currently the sides talk.", "Now the talks go on.", "Trade reached a thousand tons.",
        "Thirty-two plants opened.", "Ninety two plants opened.", "Twelve plants opened.", "In 2017, trade grew.",
        "Su-27 fighters flew.", "The plants opened in the region.", "It is one of the partners.",
        "Someone often attends.", "ONE OF THE PARTNERS.", "İt is.", "\u{212A}now the partners.",
        "In addition, the sides talk.", "Meanwhile\u{301} the sides talk.", "also", "Also the sides talk.",
        "These partners (Project alpha) met.", "the network of partners", "Présent year", "year",
        "The present study; now we see.", "Data to  date.", "Data to, date.", "Last\u{00A0}year grew.",
        "  Today we see.", "\"Today\" we see.", "The year is past.", "This\tYEAR.", "last-year", "at present",
        "Éa Now", "a Now", "The last year", "Since nothing", "We present it today.",
        "It \u{301}is.", "it ", "It", "ALSO\u{301}", "Alsó", "In addition\u{0327}", "This\u{00A0}year", "On the",
        "[It] is.", "Besides, it is.", "BESIDES", "these ", "Theseus", "Moreover", "Furthermore\u{200D}",
    ]

    @Test func skipsOnlySentencesWithNothingToFind() {
        for s in Self.sentences where !SentenceGate.mayHoldFigureOrDate(s) {
            let t = SentenceTokens(s)
            #expect(PeriodResolver.mentions(t, documentYear: 2020).isEmpty, "\(s)")
            #expect(FigureScanner.scan(t).isEmpty, "\(s)")
        }
        #expect(!SentenceGate.mayHoldFigureOrDate("The plants opened in the region."))
        #expect(SentenceGate.mayHoldFigureOrDate("Thirty-two plants opened."))
        #expect(SentenceGate.mayHoldFigureOrDate("Trade reached a thousand tons."))
        for s in ["Last year, trade grew.", "Data to  date.", "Last\u{00A0}year grew.", "  Today we see.", "at present"] {
            #expect(SentenceGate.mayHoldFigureOrDate(s), "\(s)")
        }
        for s in ["The present study; now we see.", "The year is past.", "We present it today.", "Data to, date."] {
            #expect(!SentenceGate.mayHoldFigureOrDate(s), "\(s)")
        }
    }

    @Test func inheritsAsThePeriodResolver() {
        for s in Self.sentences {
            #expect(SentenceGate.inherits(s) == PeriodResolver.inherits(s), "\(s)")
        }
    }

    /// Every sentence of the embedded corpus ($MODEL_DUMP_CORPUS when set): the gate
    /// skips none the full path finds anything in.
    @Test func skipsNothingFindableInACorpus() throws {
        let env = ProcessInfo.processInfo.environment
        let directory = env["MODEL_DUMP_CORPUS"].map { URL(fileURLWithPath: $0) } ?? CorpusLoader.defaultCorpusDirectory
        let model = try CorpusLoader.load(directory: directory)
        var skipped = 0
        var total = 0
        for d in model.documents {
            for p in d.passages {
                for sentence in p.sentences {
                    let s = sentence.text
                    total += 1
                    #expect(SentenceGate.inherits(s) == PeriodResolver.inherits(s), "\(s)")
                    guard !SentenceGate.mayHoldFigureOrDate(s) else { continue }
                    skipped += 1
                    let t = SentenceTokens(s)
                    #expect(PeriodResolver.mentions(t, documentYear: 2020).isEmpty, "\(s)")
                    #expect(FigureScanner.scan(t).isEmpty, "\(s)")
                }
            }
        }
        #expect(skipped > 0 && skipped < total)
        print("gate skipped \(skipped) of \(total) sentences")
    }

    @Test func triggersAreLowercaseASCIIWithoutK() {
        for w in SentenceGate.triggers + PeriodResolver.connectives {
            #expect(w.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A && $0 != 0x6B) || $0 == 0x20 }, "\(w)")
        }
    }
}
