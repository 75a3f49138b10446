import Foundation
import Testing

@testable import Corpus

/// The two real reference lists, entry by entry.
@Suite struct ReferenceListTests {
    static let model = PassageBuilderTests.model

    /// (first author family, or organisation, or title opening) and year, in list order.
    static let expected: [String: [(String, Int?)]] = [
        "burkitbayevna-2019": [
            ("赵", 2015), ("General Directorate of Customs of China", nil),
            ("Embassy of the People's Republic of China in the Russian Federation", nil),
            ("中华人民共和国驻俄罗斯联邦大使馆经济商务参赞处", nil), ("Timofeyev", 2014), ("Li Hui", nil), ("Kuznecov", nil),
        ],
        "pathak-post-cold-war": [
            ("Aliyev", 2020), ("Bakshi", 2004), ("Bin", 2009), ("Chang", 2009), ("China Russia Joint Statement", 2005),
            ("China, Russia Issue Beijing Declaration", 2000), ("China, Russia sign five point joint statement", 2009),
            ("Dittmer", 1994), ("Donaldson", 1998),
            ("The Information Office of the State Council of the People's Republic of China", nil),
            ("Jiang", 2000), ("Jingjie", 2000), ("Jintao", 2006), ("Joint Declaration by the People's Republic", 1996),
            ("Joint Statement by Foreign Minister", 2021), ("Joint Statement of China and Russia on strengthening", 2021),
            ("Joint Statement of China and Russia", 2004), ("Joint Statement of the People's Republic", 2019),
            ("Kaplan", 2010), ("Larson", 2010), ("Levine", 1992), ("Menon", 1997), ("Menon", 1997), ("Nadkarni", 2010),
            ("Russian nuclear energy chief", 2010), ("Salin", 2016), ("Stent", 2020), ("The Declaration of the Russian Federations", 2016),
            ("The National Security of the Russian Federation until 2020", nil), ("Treaty of Good-Neighborliness", 2001),
            ("Verbitz", 2006), ("Voskressenski", 2003), ("Wang", 2000), ("Weitz", 2008), ("White Paper", nil), ("Wishnick", 2001),
        ],
    ]

    @Test func everyEntryIsAReferenceWithTheRightFirstNameAndYear() throws {
        for (document, rows) in Self.expected {
            let refs = Self.model.references.filter { $0.document == document }
            try #require(refs.count == rows.count, "\(document): \(refs.count) references, expected \(rows.count)")
            for (ref, (name, year)) in zip(refs, rows) {
                let first = ref.author.first.map { $0.family ?? $0.literal ?? "" } ?? ref.title ?? ""
                #expect(first.hasPrefix(name), "\(ref.id): first element \(first), expected \(name)")
                #expect(ref.year == year, "\(ref.id): year \(String(describing: ref.year)), expected \(String(describing: year))")
            }
        }
    }

    @Test func rawIsTheVerbatimLineOfTheFile() throws {
        for ref in Self.model.references {
            let document = try #require(Self.model.document(id: ref.document))
            #expect(ref.raw == ref.source.quote)
            #expect(document.raw.slice(ref.source.start..<ref.source.end) == ref.raw)
            #expect(!ref.raw.hasPrefix("- ") && !ref.raw.contains("\n"), "\(ref.id)")
        }
        let force = try #require(Self.model.references.first { $0.raw.contains("Force, Intervention") })
        #expect(force.raw.hasPrefix("*Force, Intervention and Sovereignty"))
    }

    @Test func idsAreUniqueAndReadable() {
        let ids = Self.model.references.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("pathak-menon-1997a") && ids.contains("pathak-menon-1997b"))
        #expect(ids.contains("burkitbayevna-timofeyev-2014"))
        #expect(ids.contains("pathak-white-paper-china-nd"))
    }

    @Test func scriptsAndLinks() throws {
        let refs = Self.model.references
        let chinese = try #require(refs.first { $0.raw.hasPrefix("赵文文") })
        #expect(chinese.language == "zh" && chinese.containerTitle == "俄罗斯中亚东欧研究" && chinese.issue == "5")
        let russian = try #require(refs.first { $0.raw.hasPrefix("KUZNECOV") })
        #expect(russian.language == "ru" && russian.originalTitle?.hasPrefix("Китай Россия") == true)
        #expect(russian.accessed?.dateParts == [[2018, 9, 19]] && russian.issued == nil)
        let embassy = try #require(refs.first { $0.raw.hasPrefix("Embassy") })
        #expect(embassy.url == "http://ru.china-embassy.org/rus/sghd/t1474269.htm?from=singlemessage&isappinstalled=0")
        let aliyev = try #require(refs.first { $0.id == "pathak-aliyev-2020" })
        #expect(aliyev.url == "http://www.icds.ee/en/military")
        let withURL = refs.filter { $0.url != nil }.count
        #expect(withURL == 13, "\(withURL) references with a URL (5 + 8 entries print one)")
        let menonB = try #require(refs.first { $0.id == "pathak-menon-1997b" })
        #expect(menonB.containerTitle == "Survival" && menonB.volume == "39" && menonB.issue == "2" && menonB.page == "101-25")
        let salin = try #require(refs.first { $0.id == "pathak-salin-2016" })
        #expect(salin.type == "chapter" && salin.editor.count == 2 && salin.page == "60-75")
    }

    @Test func typesAreCSLTypes() {
        let csl: Set<String> = [
            "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
            "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "figure", "graphic", "interview",
            "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
            "paper-conference", "patent", "personal_communication", "post", "post-weblog", "report", "review",
            "review-book", "song", "speech", "thesis", "treaty", "webpage",
        ]
        for ref in Self.model.references { #expect(csl.contains(ref.type), "\(ref.id): \(ref.type)") }
        #expect(Self.model.references.filter { $0.type == "treaty" }.count >= 5)
    }

    @Test func jsonHasCSLNamesAndExplicitNulls() throws {
        let data = try JSONEncoder().encode(Self.model.references)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let keys = Set(rows[0].keys)
        for row in rows { #expect(Set(row.keys) == keys) }
        for key in ["id", "type", "author", "issued", "container-title", "URL", "DOI", "accessed", "raw", "cited_count", "source"] {
            #expect(keys.contains(key), "missing \(key)")
        }
        let general = try #require(rows.first { ($0["raw"] as? String)?.hasPrefix("General Directorate") == true })
        #expect(general["issued"] is NSNull)
        #expect((general["accessed"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2018, 1, 12]])
    }

    @Test func curatedAnnotationsCorrectEntries() throws {
        let force = try #require(Self.model.references.first { $0.raw.hasPrefix("*Force") })
        #expect(force.type == "report")
        let raw = try CorpusLoader.load(
            directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        let rawForce = try #require(raw.references.first { $0.raw.hasPrefix("*Force") })
        #expect(rawForce.type == "book")
        #expect(raw.references.count == Self.model.references.count)
    }
}
