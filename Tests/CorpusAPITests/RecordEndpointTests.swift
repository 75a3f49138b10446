import Foundation
import Testing

@testable import CorpusAPI

/// What a historian, an economist and a librarian would check first, through
/// the API as they would call it.
@Suite struct RecordEndpointTests {
    let api = APIClient.shared

    func rows(_ target: String) throws -> [[String: Any]] {
        try #require(try api.json(target)["data"] as? [[String: Any]], "\(target)")
    }

    // MARK: events

    @Test func theTreatyOf2001IsOneEventWithSeveralSources() throws {
        let events = try rows("/v1/events?from=2001-07&to=2001-07")
        let treaty = try #require(events.first { ($0["title"] as? String ?? "").lowercased().contains("treaty") })
        let date = try #require(treaty["date"] as? [String: Any])
        #expect(date["start"] as? String == "2001-07-16")
        #expect((treaty["sources"] as? [Any])?.count ?? 0 >= 2)
    }

    @Test func eventFiltersNarrowAndValidate() throws {
        let energy = try rows("/v1/events?category=energy&limit=500")
        #expect(!energy.isEmpty)
        #expect(energy.allSatisfy { $0["category"] as? String == "energy" })
        let planned = try rows("/v1/events?status=expected")
        #expect(planned.contains { (($0["date"] as? [String: Any])?["start"] as? String) == "2019-10" })
        let byPutin = try rows("/v1/events?actor=putin")
        #expect(!byPutin.isEmpty && byPutin.allSatisfy { ($0["actors"] as? [String])?.contains("Vladimir Putin") == true || ($0["actors"] as? [String])?.contains { $0.contains("Putin") } == true })
        let sorted = try rows("/v1/events?sort=-date&limit=500")
        let starts = sorted.compactMap { ($0["date"] as? [String: Any])?["start"] as? String }
        #expect(starts == starts.sorted(by: >) || starts.first! >= starts.last!)

        // (`from=2020&to=2010` is an empty window, a 200 with a warning: ContractTests.)
        for bad in ["category=wars", "status=done", "from=2001-13", "to=2019-02-29", "sort=title"] {
            let r = api.request("/v1/events?\(bad)")
            #expect(r.status == 400, "\(bad)")
            #expect(r.problem?["parameter"] as? String == String(bad.prefix(while: { $0 != "=" })), "\(bad)")
        }
        let typo = api.request("/v1/events?category=energi")
        #expect(typo.problem?["detail"] as? String == "parameter `category`: must be one of diplomacy, economy, trade, investment, energy, military, culture, education, infrastructure, border, politics; did you mean `energy`?")
    }

    @Test func unknownDocumentFilterWarnsInsteadOfFailing() throws {
        let body = try api.json("/v1/events?document=pathak-post-cold-wr")
        #expect((body["data"] as? [Any])?.isEmpty == true)
        let warnings = try #require((body["meta"] as? [String: Any])?["warnings"] as? [String])
        #expect(warnings.first?.contains("did you mean `pathak-post-cold-war`?") == true)
    }

    @Test func timelineJSIsATimelineJS3Document() throws {
        let doc = try api.json("/v1/timeline?format=timelinejs")
        let events = try #require(doc["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        for e in events {
            let start = try #require(e["start_date"] as? [String: Any])
            #expect(start["year"] is Int)
            #expect(e["unique_id"] is String)
            let text = try #require(e["text"] as? [String: Any])
            #expect(!(text["headline"] as? String ?? "").contains("<"))
        }
        #expect(events.contains { $0["display_date"] as? String == "mid-17th century" })
        let csv = api.request("/v1/timeline?format=csv")
        #expect(csv.text.hasPrefix("id,date.start,"))
        let byYear = try api.json("/v1/timeline")
        // "mid-17th century" is filed in the middle third of the century, not its first year.
        #expect((byYear["years"] as? [[String: Any]])?.first?["year"] as? Int == 1634)
    }

    // MARK: indicators

    @Test func tradeTurnoverSeriesIsReadyToChart() throws {
        let series = try api.json("/v1/measures/bilateral-trade-turnover/series")
        let points = try #require(series["points"] as? [[String: Any]])
        // Ordered by the start of the period; the whole year 2018 and its first five months start together.
        #expect(points.map { $0["period"] as? String } == ["2008", "2017", "2018", "2018-01/2018-05", "2024"])
        #expect(points.map { $0["value"] as? Double } == [58.8, 84.07, 107, 40.67, 200])
        #expect(points.last?["is_target"] as? Bool == true)
        #expect(points.first?["time"] as? String == "2008-01-01T00:00:00Z")
        let csv = api.request("/v1/measures/bilateral-trade-turnover/series?format=csv")
        #expect(csv.text.hasPrefix("period,time,period_start,period_end,span,value,unit,qualifier,"))
        #expect(api.request("/v1/measures/no-such-measure/series").status == 404)
    }

    @Test func indicatorFilters() throws {
        let trade = try rows("/v1/indicators?measure=bilateral-trade-turnover&from=2017&to=2018")
        #expect(trade.count == 3)
        let atLeast = try rows("/v1/indicators?qualifier=at-least")
        #expect(atLeast.allSatisfy { $0["qualifier"] as? String == "at-least" } && !atLeast.isEmpty)
        let byValue = try rows("/v1/indicators?sort=-value&limit=3")
        let values = byValue.compactMap { $0["value"] as? Double }
        #expect(values == values.sorted(by: >))
        #expect(api.request("/v1/indicators?qualifier=roughly").status == 400)
        #expect(api.request("/v1/indicators?measure=").status == 400)
        let measures = try rows("/v1/measures?limit=500")
        #expect(measures.contains { $0["id"] as? String == "bilateral-trade-turnover" && $0["observation_count"] as? Int == 5 })
    }

    // MARK: citations

    @Test func citationListsAndExports() throws {
        let burk = try rows("/v1/documents/burkitbayevna-2019/references")
        #expect(burk.count == 7)
        let pathak = try api.json("/v1/citations?document=pathak-post-cold-war&limit=1")
        #expect((pathak["meta"] as? [String: Any])?["total"] as? Int == 36)
        let menon = try rows("/v1/citations?author=menon&year=1997")
        #expect(menon.count == 2)
        let cited = try rows("/v1/citations?cited=true&limit=500")
        #expect(cited.allSatisfy { ($0["cited_count"] as? Int ?? 0) > 0 })

        let bib = api.request("/v1/citations?document=burkitbayevna-2019&format=bibtex")
        #expect(bib.header("Content-Type") == "application/x-bibtex; charset=utf-8")
        #expect(bib.text.components(separatedBy: "\n@").count == 7)
        let ris = api.request("/v1/citations?document=burkitbayevna-2019", headers: ["Accept": "application/x-research-info-systems"])
        #expect(ris.text.components(separatedBy: "ER  - ").count - 1 == 7)
        let csl = api.request("/v1/citations?format=csl-json&limit=500")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(csl.body)) as? [[String: Any]])
        #expect(items.count == 43)
        #expect(items.allSatisfy { $0["id"] is String && $0["type"] is String })
        let apa = api.request("/v1/citations/pathak-menon-1997b?format=apa")
        // Two Menon 1997 works: APA tells them apart with a letter.
        #expect(apa.text.hasPrefix("Menon, R. (1997b). The Strategic Convergence between Russia and China."))
    }

    @Test func aReferenceShowsWhereItIsCited() throws {
        let menon = try api.json("/v1/citations/pathak-menon-1997b")
        let citedIn = try #require(menon["cited_in"] as? [[String: Any]])
        #expect(!citedIn.isEmpty)
        #expect(citedIn.allSatisfy { ($0["source"] as? [String: Any])?["quote"] is String })
        #expect(api.request("/v1/citations/nobody-2099").status == 404)
        let unresolved = try api.json("/v1/in-text-citations?resolved=false&limit=500")
        let meta = try #require(unresolved["meta"] as? [String: Any])
        #expect(meta["unresolved"] as? Int == (unresolved["data"] as? [Any])?.count)
        #expect((unresolved["data"] as? [[String: Any]])?.allSatisfy { $0["unresolved_reason"] is String } == true)
    }

    // MARK: search

    @Test func searchRanksAndValidates() throws {
        let hits = try rows("/v1/search?q=gas+pipeline&limit=5")
        #expect(!hits.isEmpty)
        #expect((hits.first?["snippet"] as? String)?.contains("<mark>") == true)
        let onlyCitations = try rows("/v1/search?q=Menon&type=citation")
        #expect(!onlyCitations.isEmpty && onlyCitations.allSatisfy { $0["type"] as? String == "citation" })
        #expect(try rows("/v1/search?q=zzzzqqq").isEmpty)
        #expect(api.request("/v1/search").problem?["parameter"] as? String == "q")
        #expect(api.request("/v1/search?q=x&type=book").problem?["parameter"] as? String == "type")
        let chinese = try rows("/v1/search?q=%E8%B5%B5%E6%96%87%E6%96%87")  // 赵文文
        #expect(!chinese.isEmpty)
    }

    // MARK: export

    @Test func exportIsTheWholeModel() throws {
        let export = try api.json("/v1/export")
        #expect((export["events"] as? [Any])?.count == api.app.services.store.current.events.count)
        let zip = api.request("/v1/export?format=csv")
        #expect(zip.header("Content-Type") == "application/zip")
        #expect(Array(zip.body.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    }
}
