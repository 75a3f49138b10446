import Foundation
import Testing

@testable import Corpus

/// The reference-list scanners that replace ICU patterns, against the
/// patterns themselves (kept as the spec).
@Suite struct ReferenceScannerTests {
    /// Every reference, passage and line of the default corpus, and generated entry-like text.
    static let texts: [String] = {
        var out = CitationFastPathTests.samples
        out += CitationFastPathTests.samples.flatMap { $0.components(separatedBy: "\n") }
        out += generated(count: 20000, seed: 13)
        return out
    }()

    static func generated(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Salin", "SALIN", "TIMOFEYEV", "Menon", "Wang", "P.", "R. H.", "L", "O. A.", " ", " ", "\t", ",", ", ", ".", ". ",
            "(", ")", "(2009)", "(1997a)", "(2016).", "(2010),", "(20", "09)", "2009", "a", "b", "*", "*Title*", "- ", "“",
            "”", "\"", "é", "Ü", "Ünal", "赵文文", "中华人民", "．", "。", "Китай", "\u{00A0}", "\u{2003}", "\u{0B}", "\u{85}",
            "\u{2028}", "\r", "\n", "١٢٣٤", "𝟙𝟚𝟛𝟜", "𝔸", "\u{0378}", "and", "Press", "(eds.)", "x", "'", "-",
        ]
        return SeededTexts.texts(count, from: pieces, fewerThan: 12, seed: seed)
    }

    @Test func yearAfterTheNames() {
        let f = ReferenceParser.parse("Mbeki, S. and Ortiz, L. (1998b), Port Tariffs Revisited. *Shipping Quarterly*, 4(1), 2-9.")
        #expect(f.author == [.person("Mbeki", "S."), .person("Ortiz", "L.")])
        #expect(f.year == 1998 && f.yearSuffix == "b")
        #expect(ReferenceParser.parse("Mbeki, S. (19x8). Port Tariffs.").year == nil)
    }

    @Test func linesThatOpenAnEntry() {
        for line in ["Okafor, T. (2012).", "BELLAMY R. Harbours", "Kim J. (2001)", "Kim J.(2001)", "*Harbours*", "张伟. 题名", "Über, K., x"] {
            #expect(ReferenceListFinder.opensEntry(line), "\(line)")
        }
        for line in ["continued text", "Okafor T. harbour", "K, T.", "* Harbours", "张. 题名", "Kim J. 2001"] {
            #expect(!ReferenceListFinder.opensEntry(line), "\(line)")
        }
    }

    @Test func namesBeforeTheYear() {
        let f = ReferenceParser.parse("Adeyemi, K. O. and Brandt M. (2005). Coastal Law. Harbour Press.")
        #expect(f.author == [.person("Adeyemi", "K. O."), .person("Brandt", "M.")])
        #expect(ReferenceParser.parse("Okoro, (2003). Coastal Law.").author == [.person("Okoro")])
    }

    /// `TextPattern.replace` against `stringByReplacingMatches`, for the
    /// patterns and templates the parsers and exports use.
    @Test func replaceMatchesFoundation() {
        let uses: [(String, String, NSRegularExpression.Options)] = [
            ("^[-*•]\\s+", "", []),
            ("\\[(?:www\\.|https?://|[^\\]\\s]*\\.[a-z]{2,})[^\\]\\s]*\\]\\(\\S+?\\)", "", []),
            ("\\[([^\\]]*)\\]\\(\\S+?\\)", "$1", []),
            ("<(?:https?|ftp)://[^>\\s]+>", "", []),
            ("(?:https?|ftp)://\\S+", "", []),
            ("(?:doi:\\s*|https?://doi\\.org/)?10\\.\\d{4,9}/[^\\s,;]+", "", .caseInsensitive),
            ("\\s+at\\s*(?=[,.]|$)", "", []),
            ("\\s*\\[[^\\]]*\\p{Han}[^\\]]*\\]", "", []),
            ("\\bin\\s+(.+?)\\s*\\((eds?)\\.?\\)", "", []),
            ("\\*[^*]+\\*", "", []),
            ("\\s*[-–]+\\s*", "--", []),
            ("(\\d)?x", "$1", []),
            ("\\s", "\\$", []),
            ("(a)(b)?", "[$2]", []),
        ]
        var changed = 0
        let texts = Self.texts + ["[www.x.org](http://x.org) and [text](http://y)", "a [b](c) d", "x1x2x", "10.1000/abc, DOI:10.1/2"]
        for (pattern, template, options) in uses {
            let re = TextPattern.regex(pattern, options: options)!
            for text in texts.prefix(12000) {
                let expected = TextPattern.replaceByFoundation(re, in: text, with: template)
                if expected != text { changed += 1 }
                #expect(TextPattern.replace(pattern, in: text, with: template, options: options) == expected, "\(pattern) \(text)")
            }
        }
        #expect(changed > 1000)
    }
}

/// `firstMatchRemovingAll` against the two calls it stands in for.
@Suite struct CitationFusedMatchTests {
    @Test func firstMatchRemovingAllIsFirstMatchThenReplace() {
        let patterns = [
            "<((?:https?|ftp)://[^>\\s]+)>", "((?:https?|ftp)://\\S+)", "\\bin\\s+(.+?)\\s*\\((eds?)\\.?\\)", "\\*([^*]+)\\*",
            "(?:Date of access|[Aa]ccessed(?: on)?|Retrieved(?: on)?)\\s*:?\\s*(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\.?",
            "(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})\\s*访问日期", "(a)|(b)",
        ]
        var found = 0
        for text in ReferenceScannerTests.texts.prefix(15000) + ["<http://a.b> x <ftp://c>", "in A and B (eds.) *T* *U*", "ab"] {
            for pattern in patterns {
                let fused = TextPattern.firstMatchRemovingAll(pattern, in: text)
                let groups = TextPattern.firstMatch(pattern, in: text)
                #expect(fused?.groups == groups, "\(pattern) \(text)")
                if let fused {
                    found += 1
                    #expect(fused.rest == TextPattern.replace(pattern, in: text, with: ""), "\(pattern) \(text)")
                }
            }
        }
        #expect(found > 500)
    }
}
