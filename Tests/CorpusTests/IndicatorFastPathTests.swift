import Foundation
import Testing

@testable import Corpus

/// The figures extractor's ASCII and byte fast paths against the code they
/// replace (kept here as the spec), on every sentence of the default corpus
/// and on generated strings with capitals, non-ASCII letters, combining
/// marks, dotted capital I, the Kelvin sign and citation parentheses.
@Suite struct IndicatorFastPathTests {
    static let sentences: [String] = {
        var out = PassageBuilderTests.model.documents.flatMap { d in d.passages.flatMap { $0.sentences.map(\.text) } }
        out += generated(count: 3000, seed: 11)
        return out
    }()

    static func generated(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            " ", "  ", "(", ")", ",", ".", "-", "%", "$", "2017", "1,000", "84.07", "12", "7", "Su-27", "CR929",
            "Li Hui", "Project", "No", "THE", "Trade", "trade", "İstanbul", "\u{212A}ilo", "e\u{301}", "É", "ß",
            "Σ", "ǅ", "ﬁ", "Китай", "赵", "’", "–", "\u{00A0}", "billion", "Dollars", "according to", "Planned To",
            "first half of", "five months of", "from", "to", "Since", "Last year", "than in", "increased by",
        ]
        return SeededTexts.texts(count, from: pieces, fewerThan: 20, seed: seed)
    }

    /// What `SentenceTokens.mutedTokens` did with Foundation's `contains` and `count`.
    static func specMuted(_ tokens: [SentenceTokens.Token]) -> Set<Int> {
        var muted = Set<Int>()
        var stack: [Int] = []
        for i in tokens.indices where tokens[i].kind == .punct {
            let t = tokens[i]
            if t.text == "(" { stack.append(i) }
            if t.text == ")", let open = stack.popLast() {
                let inside = tokens[(open + 1)..<i]
                let citation = inside.contains { t in
                    t.kind == .number && t.text.count == 4 && !t.text.contains(".") && !t.text.contains(",")
                }
                let code = inside.contains { t in
                    t.kind == .word && t.text.unicodeScalars.contains(where: SentenceTokens.isDigit)
                        && t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
                }
                let label = ["project", "projects", "no", "nos"].contains(inside.first?.lower ?? "")
                if citation || code || label { muted.formUnion(open...i) }
            }
        }
        return muted
    }

    @Test func tokensLowerAndMuteAsTheSpec() {
        for s in Self.sentences {
            let t = SentenceTokens(s)
            #expect(t.isASCII == s.unicodeScalars.allSatisfy(\.isASCII), "\(s)")
            for token in t.tokens {
                #expect(token.lower == token.text.lowercased(), "\(s)")
                #expect(Array(token.lower.utf8) == Array(token.text.lowercased().utf8), "\(s)")
            }
            #expect(t.muted == Self.specMuted(t.tokens), "\(s)")
        }
    }

    @Test func lowerPiecesAreThePiecesLowered() {
        for s in Self.sentences {
            let t = SentenceTokens(s)
            let lowered = s.lowercased()
            let pieces = IndicatorLowerPieces(tokens: t)
            #expect(t.lowered.whole == lowered, "\(s)")
            #expect(Array(t.lowered.whole.utf8) == Array(lowered.utf8), "\(s)")
            let n = t.scalars.count
            let cuts = [0, 1, n / 3, n / 2, n - 1, n, n + 2] + t.tokens.flatMap { [$0.start, $0.end] }
            for a in cuts.prefix(12) {
                for b in cuts.suffix(12) where a >= 0 && b >= 0 {
                    #expect(pieces.piece(a, b) == t.text(a, b).lowercased(), "\(s) \(a) \(b)")
                    #expect(Array(pieces.piece(a, b).utf8) == Array(t.text(a, b).lowercased().utf8), "\(s) \(a) \(b)")
                }
                if a >= 0 {
                    #expect(pieces.lead(a) == String(scalars: lowered.unicodeScalars.prefix(a)), "\(s) \(a)")
                    // What the extractor passes as `plain` for an ASCII sentence's pieces.
                    if t.isASCII { #expect(CueText.isPlain(pieces.lead(a))) }
                }
            }
        }
    }

    /// The table-led lowercase of every scalar of the two table ranges and around them.
    @Test func everyScalarLowersAsTheLibrary() {
        for v in UInt32(0)..<0x3000 {
            guard let s = Unicode.Scalar(v) else { continue }
            var bytes: [UInt8] = []
            IndicatorLoweredScalars.appendLowercase(of: s, to: &bytes)
            #expect(bytes == Array(String(s).lowercased().utf8), "\(v)")
        }
    }

    /// `plain` of a join is the conjunction of its parts', as the extractor assumes.
    @Test func plainnessOfAJoinIsThatOfItsParts() {
        let texts = Array(Self.sentences.prefix(400)) + Self.generated(count: 400, seed: 5).map { $0.lowercased() }
        for (a, b) in zip(texts, texts.reversed()) {
            #expect(CueText.isPlain(a + " | " + b) == (CueText.isPlain(a) && CueText.isPlain(b)), "\(a) | \(b)")
        }
        #expect(!CueText.isPlain("e\u{301}"))
        #expect(!CueText.isPlain("ok | e\u{301}"))
    }
}

/// The cue search and the reporter's trim against what they replace.
@Suite struct IndicatorCueSearchTests {
    static let cues: [Cue] = {
        var out: [Cue] = ["a", "|", " | ", "xx", "2017"].map(Cue.init)
        for r in MeasureClassifier.compiled {
            let groups: [[Cue]] = r.before + r.after + r.local + r.sentence + r.anywhere
            for g in groups { out += g }
            out += r.none
        }
        return out
    }()

    @Test func cueSearchAnswersAsByteSearch() {
        let texts = IndicatorFastPathTests.sentences.map { $0.lowercased() } + ["", "a", "trad", "trade", " | x"]
        for text in texts {
            var hay = text
            hay.withUTF8 { h in
                for cue in Self.cues {
                    guard let bytes = cue.bytes else { continue }
                    bytes.withUnsafeBufferPointer { n in
                        #expect(IndicatorCueSearch.contains(n, in: h) == ByteSearch.contains(n, in: h), "\(text) \(cue.text)")
                    }
                }
            }
        }
        // Some cue occurs somewhere, so the test can tell a search that always fails.
        #expect(texts.contains { t in Self.cues.contains { CueText(t).contains($0) } })
    }

    @Test func trimAnswersAsFoundation() {
        let texts = IndicatorFastPathTests.sentences.prefix(3000).map { String($0.prefix(30)) } + [
            "", " ", "\t", " a ", "\ta\t", "\u{00A0}a", "a\u{2003}", " \r\n", "\n a", "  General Customs  ",
        ]
        for text in texts {
            #expect(IndicatorTrim.trimmingWhitespaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }
}
