import Foundation
import Testing

@testable import Corpus

/// In-text citations of the real articles: found, rejected, resolved.
@Suite struct CitationExtractorTests {
    static let model = PassageBuilderTests.model
    static var cites: [InTextCitation] { model.inTextCitations }

    static func cite(_ text: String) -> InTextCitation? { cites.first { $0.text == text } }

    @Test func statisticsPerDocument() throws {
        let stats = CitationStatistics(references: Self.model.references, inText: Self.cites)
        for row in stats.documents {
            print("citations \(row.document): \(row.references) references, \(row.inText) in-text, \(row.resolved) resolved, \(row.unresolved) unresolved, \(row.uncitedReferences) never cited")
        }
        let burk = try #require(stats.row("burkitbayevna-2019"))
        let pathak = try #require(stats.row("pathak-post-cold-war"))
        #expect(burk.inText >= 8 && burk.resolved >= 8)
        #expect(pathak.inText >= 50 && pathak.resolved >= 42)
        #expect(pathak.unresolved >= 8, "SIPPRI, Hindu, Concept of National Security … are not in the list")
    }

    @Test func parentheticalFormsAreFoundAndResolved() throws {
        let table: [(String, String, String?)] = [
            ("(Voskressenski, 2003:183)", "pathak-voskressenski-2003", "183"),
            ("(Bin, 2009, 81)", "pathak-bin-2009", "81"),
            ("(Bin, 2009:83)", "pathak-bin-2009", "83"),  // split by a page break in the raw file
            ("(Li Hui, 2017)", "burkitbayevna-embassy-people-republic-nd", nil),
            ("(赵文文, 2015)", "burkitbayevna-赵文文-2015", nil),
            ("(Joint Statement, 2005)", "pathak-china-russia-joint-2005", nil),
            ("(Jingjie 2000:528-29)", "pathak-jingjie-2000", "528-29"),
            ("(Larson and Shevchenko, 2010:63-95)", "pathak-larson-2010", "63-95"),
            ("(Menon, 1997\"101)", "pathak-menon-1997b", "101"),
            ("(Timofeyev O. A., 2014)", "burkitbayevna-timofeyev-2014", nil),
            ("(Newspaper \"Trud\", 2018)", "burkitbayevna-li-hui-nd", nil),
            ("(General Directorate of Customs of China, 2018)", "burkitbayevna-general-directorate-customs-nd", nil),
            ("(White Paper: China's Peaceful Development)", "pathak-white-paper-china-nd", nil),
            ("(Wishnik, 2001:799)", "pathak-wishnick-2001", "799"),
            ("(Nandkarni, 2010:52)", "pathak-nadkarni-2010", "52"),
            ("(Salin 2021: 60-74)", "pathak-salin-2016", "60-74"),
            ("(Jintao, 2009)", "pathak-jintao-2006", nil),
            ("(Join Statement, 2004)", "pathak-joint-statement-china-2004", nil),
            ("(Joint Statement 2021a)", "pathak-joint-statement-china-2021", nil),
            ("(Kuznecov S., 2018)", "burkitbayevna-kuznecov-nd", nil),
        ]
        for (text, reference, locator) in table {
            let c = try #require(Self.cite(text), "\(text) not found")
            #expect(c.referenceID == reference, "\(text) → \(c.referenceID ?? "nil"): \(c.unresolvedReason ?? "")")
            #expect(c.resolved && c.kind == .parenthetical)
            #expect(c.locator == locator, "\(text) locator \(c.locator ?? "nil")")
        }
        #expect(Self.cite("(Larson and Shevchenko, 2010:63-95)")?.authors == ["Larson", "Shevchenko"])
        #expect(Self.cite("(Salin 2021: 60-74)")?.match?.contains("year differs") == true)
    }

    @Test func unresolvedKeepTheirReason() throws {
        let sipri = try #require(Self.cite("(SIPPRI, 2009:308-310)"))
        #expect(!sipri.resolved && sipri.referenceID == nil)
        // No entry is spelled like SIPPRI: the reason names none as "closest".
        #expect(sipri.unresolvedReason == "no reference by SIPPRI")
        let menon = try #require(Self.cite("(Menon, 2009)"))
        #expect(!menon.resolved && menon.unresolvedReason?.contains("Menon 2009") == true)
        let concept = Self.cites.filter { $0.text == "(Concept of National Security of Russian Federation, 1997)" }
        #expect(concept.count == 4 && concept.allSatisfy { !$0.resolved })
    }

    @Test func curatedResolutionsApplyOnlyWithAnnotations() throws {
        #expect(Self.cite("(Artilec-4, 2001)")?.referenceID == "pathak-treaty-good-neighborliness-2001")
        #expect(Self.cite("(Artilec-4, 2001)")?.match?.hasPrefix("curated") == true)
        let raw = try CorpusLoader.load(directory: CorpusLoader.defaultCorpusDirectory, options: .init(applyAnnotations: false))
        let c = try #require(raw.inTextCitations.first { $0.text == "(Artilec-4, 2001)" })
        #expect(!c.resolved)
        let stats = CitationStatistics(references: raw.references, inText: raw.inTextCitations)
        print("citations without annotations: \(stats.documents.map { "\($0.document) \($0.resolved)/\($0.inText) resolved" })")
    }

    @Test func narrativeCitationIsFound() throws {
        let menon = try #require(Self.cites.first { $0.kind == .narrative && $0.text == "Rajan Menon notes" })
        #expect(menon.authors == ["Rajan Menon"])
        #expect(menon.source.text.contains("Rajan Menon notes that"))
        #expect(menon.unresolvedReason?.contains("pathak-menon-1997a") == true)
    }

    @Test func nonCitationsAreRejected() {
        let texts = Set(Self.cites.map(\.text))
        for bad in ["(USSR)", "(EAEU)", "(ICBC)", "(NSR)", "(Brazil, Russia, India and China)", "(2009-1212)", "(Heihe – Changlin)", "(2019)", "(2016)"] {
            #expect(!texts.contains(bad), "\(bad) taken for a citation")
        }
        #expect(!Self.cites.contains { $0.text.hasPrefix("(abbreviated") })
        // Nothing from the reference lists themselves.
        let listPassages = Set(Self.model.references.map(\.source.passage))
        #expect(!Self.cites.contains { listPassages.contains($0.passage) })
    }

    @Test func everyCitationQuotesTheRawFileAndItsSentence() throws {
        for c in Self.cites {
            let document = try #require(Self.model.document(id: c.document))
            #expect(document.raw.slice(c.span.start..<c.span.end) == c.span.quote)
            #expect(document.raw.slice(c.source.start..<c.source.end) == c.source.quote)
            #expect(c.source.start <= c.span.start && c.span.end <= c.source.end + 3, "\(c.id) outside its sentence")
            #expect(c.id == "\(c.document)-cite-\(c.span.start)")
            if let r = c.referenceID { #expect(Self.model.references.contains { $0.id == r }) }
        }
        let split = try #require(Self.cite("(Bin, 2009:83)"))
        #expect(split.span.quote.contains("\n"), "the raw span keeps the page break")
    }

    @Test func citedCountsMatchResolutions() {
        for ref in Self.model.references {
            #expect(ref.citedCount == Self.cites.filter { $0.referenceID == ref.id }.count)
        }
        #expect(Self.model.references.first { $0.id == "pathak-voskressenski-2003" }?.citedCount == 4)
    }

    @Test func jsonKeysAreUniform() throws {
        let data = try JSONEncoder().encode(Self.cites)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let keys = Set(rows[0].keys)
        #expect(keys.isSuperset(of: ["id", "document", "passage", "text", "authors", "year", "locator", "kind", "reference_id", "resolved", "unresolved_reason", "source"]))
        for row in rows { #expect(Set(row.keys) == keys) }
    }

    @Test func curatedQuotesAreInTheirDocuments() throws {
        let dir = CorpusLoader.defaultCorpusDirectory.appendingPathComponent("annotations")
        for name in ["burkitbayevna-2019.json", "pathak-post-cold-war.json"] {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let file = try JSONDecoder().decode(CorpusAnnotations.self, from: data)
            let document = try #require(Self.model.document(id: file.document))
            for note in file.citations ?? [] {
                #expect(!document.raw.occurrences(of: note.quote).isEmpty, "\(note.quote)")
                if let target = note.resolveTo { #expect(Self.model.references.contains { $0.id == target }, "\(target)") }
            }
        }
    }
}
