import Foundation
import Testing

@testable import Corpus

@Suite struct SearchIndexTests {
    static var model: CorpusModel { PassageBuilderTests.model }
    static var index: SearchIndex { model.search }

    private func passage(_ id: String) -> Passage? { Self.model.passage(id: id)?.passage }

    @Test func wordsStandingTogetherRankAboveWordsApart() throws {
        // Two passages say "gas pipeline"; a third says "gas" and "pipeline" in different sentences.
        let result = Self.index.search("gas pipeline", types: [.passage], limit: 5, offset: 0)
        #expect(result.total == 3)
        let texts = result.hits.map { passage($0.id)!.text }
        #expect(texts.prefix(2).allSatisfy { $0.contains("gas pipeline") })
        #expect(texts.prefix(2).contains { $0.contains("Eastern route of the Sino-Russian gas pipeline") })
        #expect(!texts[2].contains("gas pipeline"))
        let eastern = try #require(Self.index.search("eastern route gas pipeline", types: [.passage], limit: 1, offset: 0).hits.first)
        #expect(passage(eastern.id)?.text.contains("Eastern route of the Sino-Russian gas pipeline") == true)
        #expect(eastern.snippet.contains("<mark>Eastern</mark> <mark>route</mark>"))
    }

    @Test func findsNamesCaseInsensitively() {
        let voskressenski = Self.index.search("Voskressenski", types: [.passage], limit: 50, offset: 0)
        #expect(voskressenski.total >= 4)
        #expect(voskressenski.hits.allSatisfy { passage($0.id)?.text.contains("Voskressenski") == true })
        let trud = Self.index.search("TRUD", types: nil, limit: 10, offset: 0)
        #expect(trud.hits.contains { passage($0.id)?.text.contains("Newspaper \"Trud,\" 2018") == true })
        #expect(Self.index.search("trud", types: nil, limit: 10, offset: 0).total == trud.total)
    }

    @Test func chineseNameFindsTheChineseReferenceAndCitation() {
        let result = Self.index.search("赵文文", types: [.passage], limit: 10, offset: 0)
        #expect(result.total == 2)
        #expect(result.hits.contains { passage($0.id)?.text.hasPrefix("赵文文.") == true })
        #expect(result.hits.contains { passage($0.id)?.text.contains("(赵文文, 2015)") == true })
        #expect(result.hits.allSatisfy { $0.snippet.contains("<mark>赵文文</mark>") })
        // Characters of the name that are not adjacent in that order do not match.
        #expect(Self.index.search("文赵", types: nil, limit: 10, offset: 0).total == 0)
    }

    @Test func cyrillicIsSearchable() {
        let result = Self.index.search("партнерство", types: nil, limit: 10, offset: 0)
        #expect(result.hits.contains { passage($0.id)?.text.contains("Союз, Партнерство") == true })
    }

    @Test func quotedPhraseMatchesOnlyAdjacentWords() {
        let phrase = Self.index.search("\"strategic partnership\"", types: [.passage], limit: 500, offset: 0)
        let loose = Self.index.search("strategic partnership", types: [.passage], limit: 500, offset: 0)
        #expect(phrase.total > 0)
        #expect(phrase.total < loose.total)
        for hit in phrase.hits {
            let text = passage(hit.id)!.text.lowercased()
            #expect(text.contains("strategic partnership"), "\(hit.id)")
        }
        // Every passage that holds the words apart but never together is left out.
        for hit in loose.hits where !phrase.hits.contains(where: { $0.id == hit.id }) {
            #expect(!passage(hit.id)!.text.lowercased().contains("strategic partnership"), "\(hit.id)")
        }
    }

    @Test func diacriticsAreFolded() {
        let result = Self.index.search("vis-a-vis", types: [.passage], limit: 10, offset: 0)
        #expect(result.total == 1)
        #expect(result.hits.first.map { passage($0.id)!.text.contains("vis-à-vis") } == true)
        #expect(result.hits.first?.snippet.contains("<mark>vis-à-vis</mark>") == true)
        #expect(Self.index.search("VIS-À-VIS", types: nil, limit: 10, offset: 0).total == 1)
    }

    @Test func noMatchGivesTotalZero() {
        #expect(Self.index.search("xylophonequartet", types: nil, limit: 10, offset: 0).total == 0)
        #expect(Self.index.search("   ", types: nil, limit: 10, offset: 0).total == 0)
        #expect(Self.index.search("\"russia xylophonequartet\"", types: nil, limit: 10, offset: 0).hits.isEmpty)
        #expect(Self.index.search("russia", types: [], limit: 10, offset: 0).total == 0)
    }

    @Test func pagesAreSlicesOfOneRanking() {
        let all = Self.index.search("russia china", types: nil, limit: 1000, offset: 0)
        let page = Self.index.search("russia china", types: nil, limit: 5, offset: 10)
        #expect(page.total == all.total)
        #expect(page.hits.map(\.id) == Array(all.hits.map(\.id)[10..<15]))
        #expect(zip(all.hits, all.hits.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(Self.index.search("russia", types: nil, limit: 5, offset: 100_000).hits.isEmpty)
        // A short page skips scoring entries that cannot make it; it must agree with the full ranking.
        for q in ["russia", "china", "strategic partnership", "the", "gas", "one belt one road"] {
            let full = Self.index.search(q, types: nil, limit: 10_000, offset: 0)
            for limit in [1, 3, 7] {
                let short = Self.index.search(q, types: nil, limit: limit, offset: 0)
                #expect(short.total == full.total)
                #expect(short.hits.map(\.id) == Array(full.hits.prefix(limit).map(\.id)), "\(q) limit \(limit)")
            }
        }
    }

    @Test func snippetsAreEscapedHTMLAroundTheMatch() throws {
        let result = Self.index.search("Trud", types: [.passage], limit: 10, offset: 0)
        for hit in result.hits {
            #expect(hit.snippet.contains("<mark>Trud</mark>"))
            let unmarked = hit.snippet.replacingOccurrences(of: "<mark>", with: "")
                .replacingOccurrences(of: "</mark>", with: "")
            #expect(!unmarked.contains("<") && !unmarked.contains(">") && !unmarked.contains("\""))
            #expect(unmarked.count <= SnippetBuilder.width + 40)
        }
        // The reference's URL in angle brackets is escaped, not markup.
        let url = Self.index.search("fangtan", types: [.passage], limit: 1, offset: 0)
        #expect(try #require(url.hits.first).snippet.contains("&lt;http://<mark>fangtan</mark>.customs"))
        #expect(HTMLEscaping.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
    }

    @Test func passageHitsCarryTheirProvenance() throws {
        let hit = try #require(Self.index.search("Voskressenski", types: nil, limit: 1, offset: 0).hits.first)
        let provenance = try #require(hit.provenance)
        let document = try #require(Self.model.document(id: provenance.document))
        #expect(provenance.passage == hit.id)
        #expect(document.raw.slice(provenance.start..<provenance.end) == provenance.quote)
    }

    @Test func recordsAreSearchedThroughTheProtocol() throws {
        struct Note: SearchableRecord {
            var id: String
            var searchText: String
            var sources: [Provenance]
        }
        let document = try #require(Self.model.documents.first)
        let source = document.provenance(passage: document.passages[0], sentence: document.passages[0].sentences[0])
        let index = SearchIndex(
            documents: [], events: [Note(id: "e1", searchText: "Gas pipeline opened", sources: [source])],
            indicators: [Note(id: "i1", searchText: "Trade turnover 84.07 billion", sources: [])],
            citations: [Note(id: "c1", searchText: "Timofeyev O. A., 2014", sources: [source])])
        let event = index.search("pipeline", types: nil, limit: 10, offset: 0)
        #expect(event.total == 1 && event.hits.first?.type == .event && event.hits.first?.provenance == source)
        #expect(index.search("84.07", types: nil, limit: 10, offset: 0).hits.first?.id == "i1")
        #expect(index.search("84.07", types: nil, limit: 10, offset: 0).hits.first?.provenance == nil)
        #expect(index.search("timofeyev", types: [.citation], limit: 10, offset: 0).total == 1)
        #expect(index.search("timofeyev", types: [.event, .passage], limit: 10, offset: 0).total == 0)
    }

    @Test func hitsEncodeEveryKeyEvenWhenNull() throws {
        let hit = SearchHit(type: .indicator, id: "x", score: 1, snippet: "s", provenance: nil)
        let json = String(decoding: try JSONEncoder().encode(hit), as: UTF8.self)
        #expect(json.contains("\"provenance\":null"))
        #expect(json.contains("\"type\":\"indicator\""))
    }
}
