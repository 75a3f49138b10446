import Foundation
import Testing
import HTTPServer

@testable import CorpusAPI
@testable import Corpus

/// What a new user tripped over (issue 20): caching across negotiated
/// formats, stable CSV columns, date windows, visible paging of exports,
/// one story for the admin reload.
@Suite struct ContractTests {
    let api = APIClient.shared

    /// A shared cache keys on `Vary`: an endpoint that picks its format from
    /// `Accept` must name it, or a cache hands CSV to a JSON client.
    @Test(arguments: ["/v1/events", "/v1/citations", "/v1/timeline", "/"])
    func negotiatedResponsesVaryOnAccept(path: String) {
        for accept in [path == "/" ? "text/html" : "text/csv", "application/json"] {
            let r = api.request(path, headers: ["Accept": accept])
            #expect(r.status == 200)
            let vary = (r.header("Vary") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(vary.contains("Accept"), "\(path) with Accept: \(accept) has Vary: \(vary)")
        }
    }

    /// One representation only: nothing to vary on.
    @Test func singleFormatResponsesDoNotVaryOnAccept() {
        let r = api.request("/v1/events/does-not-matter")
        #expect(r.header("Vary")?.contains("Accept,") != true)
        let health = api.request("/openapi.yaml")
        #expect(health.header("Vary").map { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == "Accept" } } != true)
    }
}

extension ContractTests {
    static func csvHeader(_ r: ServerResponse) -> String {
        String(r.text.split(separator: "\r\n", maxSplits: 1).first ?? "")
    }

    /// Columns come from the kind of record, not from the rows of one page:
    /// a spreadsheet that appends page after page needs the same header.
    @Test(arguments: ["/v1/indicators", "/v1/events", "/v1/citations", "/v1/in-text-citations", "/v1/documents", "/v1/measures"])
    func csvColumnsAreTheSameOnEveryPage(path: String) throws {
        let whole = Self.csvHeader(api.request("\(path)?format=csv&limit=500"))
        #expect(!whole.isEmpty)
        for offset in [0, 1, 2, 3, 5, 7, 11, 13, 17, 30] {
            let page = api.request("\(path)?format=csv&limit=2&offset=\(offset)")
            #expect(page.status == 200)
            #expect(Self.csvHeader(page) == whole, "\(path) offset \(offset)")
        }
        // An empty page still says what its columns are.
        #expect(Self.csvHeader(api.request("\(path)?format=csv&offset=100000")) == whole)
    }

    @Test func searchCSVColumnsIncludeProvenanceOnEveryPage() {
        let header = Self.csvHeader(api.request("/v1/search?q=trade&format=csv&limit=1"))
        #expect(header.contains("provenance.document"))
        #expect(Self.csvHeader(api.request("/v1/search?q=trade&format=csv&offset=100000")) == header)
    }
}

/// `from`/`to` against open-ended periods and an empty window.
extension ContractTests {
    func window(_ query: String) throws -> (DateWindow, [String]) {
        let (_, items) = APIClient.split("/x?\(query)")
        var warnings: [String] = []
        let w = try DateWindow(QueryParameters(items, allowed: ["from", "to"]), warnings: &warnings)
        return (w, warnings)
    }

    /// "Exports have grown since 1980" has no end: it is still going on in
    /// any later window, but not in one that closes before it began.
    @Test func openEndedPeriodsOverlapEveryLaterWindow() throws {
        let start = try #require(PartialDate("1980"))
        #expect(try window("from=2000").0.overlaps(start: start, end: nil, openEnded: true))
        #expect(try window("from=2030&to=2031").0.overlaps(start: start, end: nil, openEnded: true))
        #expect(try window("to=1979").0.overlaps(start: start, end: nil, openEnded: true) == false)
        // A plain year stays one year.
        #expect(try window("from=2000").0.overlaps(start: start, end: nil) == false)
    }

    @Test func openEndedRecordsOfTheCorpusAreInLaterWindows() throws {
        let all = try api.json("/v1/indicators?limit=500")["data"] as! [[String: Any]]
        let open = all.filter { ($0["period"] as? String)?.hasSuffix("/..") == true }
        for o in open {
            let year = Int(String((o["period"] as! String).prefix(4)))!
            let later = try api.json("/v1/indicators?limit=500&from=\(year + 8)")["data"] as! [[String: Any]]
            #expect(later.contains { $0["id"] as? String == o["id"] as? String }, "\(o["id"]!) from \(year + 8)")
        }
        let events = try api.json("/v1/events?limit=500")["data"] as! [[String: Any]]
        for e in events where (e["date"] as? [String: Any])?["qualifier"] as? String == "since" {
            let start = (e["date"] as! [String: Any])["start"] as! String
            let year = Int(String(start.prefix(4)))!
            let later = try api.json("/v1/events?limit=500&from=\(year + 8)")["data"] as! [[String: Any]]
            #expect(later.contains { $0["id"] as? String == e["id"] as? String }, "\(e["id"]!) from \(year + 8)")
        }
    }

    /// Two valid dates in the wrong order make an empty window: a 200 with
    /// no rows and a warning that says why, on every endpoint that takes them.
    @Test(arguments: ["/v1/events", "/v1/indicators"])
    func fromAfterToIsAnEmptyListWithAWarning(path: String) throws {
        let r = api.request("\(path)?from=2010&to=2001-05")
        #expect(r.status == 200)
        let body = try api.json("\(path)?from=2010&to=2001-05")
        #expect((body["data"] as? [Any])?.isEmpty == true)
        let warnings = (body["meta"] as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("after `to`") })
    }

    @Test func fromAfterToOnTheTimelineWarnsToo() throws {
        let body = try api.json("/v1/timeline?from=2010&to=2001")
        #expect(body["total"] as? Int == 0)
        #expect((body["warnings"] as? [String])?.isEmpty == false)
    }
}

/// Bibliography exports: the whole filtered list, or visibly paged.
extension ContractTests {
    @Test(arguments: [("bibtex", "\n@"), ("ris", "TY  - ")])
    func exportsReturnTheWholeFilteredList(format: String, marker: String) throws {
        let total = try #require((api.json("/v1/citations?limit=1")["meta"] as? [String: Any])?["total"] as? Int)
        let r = api.request("/v1/citations?format=\(format)")
        #expect(r.status == 200)
        let entries = ("\n" + r.text).components(separatedBy: marker).count - 1
        #expect(entries == total)
        #expect(r.header("X-Total-Count") == String(total))
        #expect(r.header("Link") == nil)
    }

    /// Header names as handlers spell them (`X-Total-Count`), not lowercased.
    @Test func exportHeadersKeepTheirSpelling() {
        let r = api.request("/v1/citations?format=bibtex&limit=5")
        let names = r.head.headerFields.map(\.name.rawName)
        #expect(names.contains("X-Total-Count"), "\(names)")
    }

    @Test func cslJSONExportHasEveryReference() throws {
        let total = try #require((api.json("/v1/citations?limit=1")["meta"] as? [String: Any])?["total"] as? Int)
        let r = api.request("/v1/citations", headers: ["Accept": "application/vnd.citationstyles.csl+json"])
        let items = try JSONSerialization.jsonObject(with: Data(r.body)) as? [Any]
        #expect(items?.count == total)
    }

    @Test func aPagedExportCarriesLink() throws {
        let r = api.request("/v1/citations?format=ris&limit=5&offset=5")
        #expect(r.status == 200)
        let link = try #require(r.header("Link"))
        #expect(link.contains("offset=10>; rel=\"next\""))
        #expect(link.contains("offset=0>; rel=\"prev\""))
        #expect(r.text.components(separatedBy: "TY  - ").count - 1 == 5)
        // A smaller page than the list, without a limit: the whole list.
        #expect(api.request("/v1/citations?format=ris").text.components(separatedBy: "TY  - ").count - 1 > 5)
    }

    /// A cache buster does not reach the links: the second request is served
    /// from the entry the first one made, and neither carries the other's `_`.
    @Test func linksLeaveOutCacheBusters() throws {
        for buster in ["_=1700000001", "_=1700000002"] {
            let r = api.request("/v1/events?limit=3&\(buster)&category=diplomacy")
            let link = try #require(r.header("Link"))
            #expect(!link.contains("_="), "\(link)")
            #expect(link.contains("category=diplomacy&limit=3&offset=3>; rel=\"next\""), "\(link)")
        }
        let export = try #require(api.request("/v1/citations?format=ris&limit=2&_=9").header("Link"))
        #expect(!export.contains("_="), "\(export)")
    }

    /// Past the end, `prev` leads back to the last page that has rows.
    @Test func prevPastTheEndPointsAtTheLastPage() throws {
        let total = try #require((api.json("/v1/events?limit=1")["meta"] as? [String: Any])?["total"] as? Int)
        let r = api.request("/v1/events?limit=10&offset=\(total + 40)")
        let link = try #require(r.header("Link"))
        let last = (total - 1) / 10 * 10
        #expect(link.contains("limit=10&offset=\(last)>; rel=\"prev\""), "\(link)")
        #expect(!link.contains("rel=\"next\""))
    }
}

/// `/admin/reload` tells one story whatever the method.
extension ContractTests {
    @Test func adminReloadIsOffTheSameWayForEveryMethod() throws {
        let get = api.request("/admin/reload")
        let post = api.request("/admin/reload", method: .post)
        #expect(get.status == 404)
        #expect(post.status == 404)
        let g = try #require(get.problem)
        let p = try #require(post.problem)
        #expect(g["type"] as? String == p["type"] as? String)
        #expect((p["detail"] as? String)?.contains("admin token") == true)
    }

    @Test func adminReloadWithATokenAnswersGetWith405() {
        var config = APIConfiguration()
        config.adminToken = "a-token-long-enough-for-the-test"
        let client = APIClient(configuration: config)
        let r = client.request("/admin/reload")
        #expect(r.status == 405)
        #expect(r.header("Allow")?.contains("POST") == true)
    }
}

/// Lengths as the spec counts them: JSON Schema's maxLength is in code
/// points, so 150 letters each with a combining accent (300 scalars, 150
/// characters on screen) are too long for a 200-long `author`.
extension ContractTests {
    @Test func textLimitsCountUnicodeScalarsAsTheSpecDoes() {
        let accented = String(repeating: "e\u{301}", count: 150)
        #expect(accented.count == 150 && accented.unicodeScalars.count == 300)
        let r = api.request("/v1/citations?format=bibtex&author=" + accented.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(r.status == 400)
        #expect(r.problem?["parameter"] as? String == "author")
        let fits = String(repeating: "e\u{301}", count: 100)
        #expect(api.request("/v1/citations?author=" + fits.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).status == 200)
        // Ids: the spec's pattern allows 1 to 100.
        #expect(api.request("/v1/events?document=" + String(repeating: "a", count: 100)).status == 200)
        #expect(api.request("/v1/events?document=" + String(repeating: "a", count: 101)).status == 400)
    }
}

/// Indicator filters and sorts a user would notice.
extension ContractTests {
    @Test func qualifierTargetFindsEveryObservationFlaggedAsTarget() throws {
        let all = try api.json("/v1/indicators?limit=500")["data"] as! [[String: Any]]
        let targets = try api.json("/v1/indicators?limit=500&qualifier=target")["data"] as! [[String: Any]]
        let flagged = Set(all.filter { $0["is_target"] as? Bool == true }.map { $0["id"] as! String })
        #expect(!flagged.isEmpty)
        #expect(flagged.isSubset(of: Set(targets.map { $0["id"] as! String })))
    }

    @Test(arguments: ["period", "-period"])
    func undatedObservationsSortLast(sort: String) throws {
        let rows = try api.json("/v1/indicators?limit=500&sort=\(sort)")["data"] as! [[String: Any]]
        let dated = rows.map { $0["period_start"] is String }
        if let firstUndated = dated.firstIndex(of: false) {
            #expect(!dated[firstUndated...].contains(true), "an undated row comes before a dated one with sort=\(sort)")
        }
        let starts = rows.compactMap { $0["period_start"] as? String }
        #expect(starts == (sort == "period" ? starts.sorted() : starts.sorted(by: >)))
    }

    @Test(arguments: ["value", "-value"])
    func sortByValueKeepsEachUnitTogether(sort: String) throws {
        let rows = try api.json("/v1/indicators?limit=500&sort=\(sort)")["data"] as! [[String: Any]]
        var seen: [String] = []
        for unit in rows.map({ $0["unit"] as! String }) where seen.last != unit {
            #expect(!seen.contains(unit), "unit \(unit) appears in two runs with sort=\(sort)")
            seen.append(unit)
        }
    }
}

/// Docs and operations: what the description promises resolves.
extension ContractTests {
    /// Every path example in the served description answers 200, so a user
    /// who copies one from /docs is not met with a 404.
    @Test func everyPathExampleInTheSpecResolves() throws {
        let spec = try JSONSerialization.jsonObject(with: Data(api.request("/openapi.json").body)) as! [String: Any]
        let paths = spec["paths"] as! [String: Any]
        let shared = (spec["components"] as? [String: Any])?["parameters"] as? [String: Any] ?? [:]
        var checked = 0
        for (path, item) in paths where path.contains("{") {
            guard let get = (item as? [String: Any])?["get"] as? [String: Any] else { continue }
            var target = path
            for raw in get["parameters"] as? [[String: Any]] ?? [] {
                let p = (raw["$ref"] as? String).flatMap { shared[String($0.split(separator: "/").last!)] as? [String: Any] } ?? raw
                guard p["in"] as? String == "path", let name = p["name"] as? String, let example = p["example"] as? String else { continue }
                target = target.replacingOccurrences(of: "{\(name)}", with: example)
            }
            #expect(!target.contains("{"), "\(path) has a path parameter without an example")
            #expect(api.request(target).status == 200, "\(target), the example of \(path)")
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test func apiCatalogAnchorsOnAResourceThatExists() throws {
        let catalog = try api.json("/.well-known/api-catalog")
        let links = try #require(catalog["linkset"] as? [[String: Any]])
        for link in links {
            let anchor = try #require(link["anchor"] as? String)
            #expect(api.request(anchor, headers: ["Accept": "application/json"]).status == 200, "anchor \(anchor)")
        }
    }

    @Test func docsPageShowsCodeSpansAsCode() {
        let page = api.request("/docs").text
        #expect(page.contains("<code>"))
        #expect(!page.contains("`"), "a literal backtick on /docs")
        // The page keeps to a CSP of default-src 'self': no inline style.
        #expect(!page.contains("<style"))
        #expect(api.request("/assets/docs.css").status == 200)
        #expect(DocsPage.prose("use `a<b` or ` lone") == "use <code>a&lt;b</code> or ` lone")
    }

    @Test func theIndexDoesNotCallMetricsJSON() throws {
        let index = try api.json("/", headers: ["Accept": "application/json"])
        let endpoints = try #require(index["endpoints"] as? [[String: Any]])
        let metrics = try #require(endpoints.first { $0["path"] as? String == "/metrics" })
        #expect(metrics["formats"] as? [String] == ["prometheus"])
        let yaml = try #require(endpoints.first { $0["path"] as? String == "/openapi.yaml" })
        #expect(yaml["formats"] as? [String] == ["yaml"])
    }

    @Test func reloadCountersExistBeforeTheFirstReload() {
        let client = APIClient()
        let text = client.request("/metrics").text
        #expect(text.contains("corpus_reloads_total{outcome=\"ok\"} 0"), "\(text.prefix(400))")
        #expect(text.contains("corpus_reloads_total{outcome=\"failed\"} 0"))
    }

    /// The page names no fixed number of articles; the script fills it in
    /// from /v1/documents.
    @Test func dashboardTextDoesNotAssumeTwoArticles() {
        let html = api.request("/", headers: ["Accept": "text/html"]).text
        #expect(html.contains("id=\"site-title\""))
        for fixed in ["two articles", "Both documents", "two scholarly"] {
            #expect(!html.contains(fixed), "the dashboard says \(fixed)")
        }
        #expect(api.request("/assets/app.js").text.contains("/v1/documents"))
    }
}

/// Search: light stemming and apostrophe folding, from sentences written for
/// these tests (not from the corpus).
extension ContractTests {
    static func keys(_ text: String) -> [String] {
        var tokenizer = SearchTokenizer()
        return tokenizer.tokens(text).map(\.key)
    }

    /// Both tokenizer paths (the index's UTF-8 scan and the query's scalar
    /// scan) must give the same keys, or a query would miss its own words.
    static func indexKeys(_ text: String) -> [String] {
        var tokenizer = SearchTokenizer()
        var keys: [String] = []
        tokenizer.scanUTF8(text) { key, _, _ in keys.append(String(decoding: key, as: UTF8.self)) }
        return keys
    }

    @Test(arguments: [
        "Two new Pipelines crossed the steppe.",
        "Ministers from both capitals met Yel’tsin's envoys.",
        "The policies of the agencies changed; a series of classes and buses ran.",
        "Analysts' forecasts for gas and oil in the 1990s, Минск и Москвы.",
    ])
    func indexAndQueryTokenizeAlike(sentence: String) {
        #expect(Self.keys(sentence) == Self.indexKeys(sentence))
    }

    @Test func pluralsAndApostrophesFold() {
        #expect(Self.keys("Pipelines pipeline") == ["pipeline", "pipeline"])
        #expect(Self.keys("policies policy agencies") == ["policy", "policy", "agency"])
        #expect(Self.keys("Yel'tsin Yel’tsin Yeltsin") == ["yeltsin", "yeltsin", "yeltsin"])
        #expect(Self.keys("the envoy's envoys") == ["the", "envoy", "envoy"])
        // Left alone: short words, -ss, -us, -is, digits, other scripts, a lone apostrophe.
        #expect(Self.keys("gas bus class status analysis 1990s Москвы") == ["gas", "bus", "class", "status", "analysis", "1990s", "москвы"])
        #expect(Self.keys("rock 'n' roll") == ["rock", "n", "roll"])
    }

    @Test func searchFindsPluralsAndApostrophelessNames() throws {
        let singular = try #require((api.json("/v1/search?q=pipeline")["meta"] as? [String: Any])?["total"] as? Int)
        let plural = try #require((api.json("/v1/search?q=pipelines")["meta"] as? [String: Any])?["total"] as? Int)
        #expect(singular > 0)
        #expect(plural == singular)
        let folded = try #require((api.json("/v1/search?q=yeltsin")["meta"] as? [String: Any])?["total"] as? Int)
        #expect(folded > 0)
    }

    @Test func recordSnippetsSetTheTitleApart() throws {
        let hits = try api.json("/v1/search?q=treaty&type=event")["data"] as! [[String: Any]]
        let snippet = try #require(hits.first?["snippet"] as? String)
        #expect(snippet.contains(" — "))
    }
}

/// `actor=`: whole names and known spellings, never substrings.
extension ContractTests {
    @Test func actorMatchesWholeNamesAndAliases() {
        #expect(ActorNames.matches(query: "EAEU", actor: "Eurasian Economic Union"))
        #expect(ActorNames.matches(query: "eurasian economic union", actor: "Eurasian Economic Union"))
        #expect(ActorNames.matches(query: "putin", actor: "Vladimir Putin"))
        #expect(ActorNames.matches(query: "Yel'tsin", actor: "Boris Yeltsin"))
        #expect(ActorNames.matches(query: "USSR", actor: "Soviet Union"))
        #expect(!ActorNames.matches(query: "in", actor: "Xi Jinping"))
        #expect(!ActorNames.matches(query: "in", actor: "India"))
        #expect(!ActorNames.matches(query: "Russ", actor: "Russia"))
    }

    @Test func actorFilterOnTheCorpus() throws {
        let all = try #require((api.json("/v1/events?limit=1")["meta"] as? [String: Any])?["total"] as? Int)
        let substring = try api.json("/v1/events?actor=in")
        #expect((substring["meta"] as? [String: Any])?["total"] as? Int == 0)
        #expect(((substring["meta"] as? [String: Any])?["warnings"] as? [String])?.isEmpty == false)
        let empty = api.request("/v1/events?actor=")
        #expect(empty.status == 400)
        #expect(empty.problem?["parameter"] as? String == "actor")
        let alias = try api.json("/v1/events?actor=EAEU")
        let total = (alias["meta"] as? [String: Any])?["total"] as? Int ?? 0
        #expect(total > 0 && total < all)
    }
}

/// The timeline: hedged centuries and TimelineJS slides.
extension ContractTests {
    @Test func aHedgedCenturyIsFiledInThePartItNames() throws {
        let mid = EventDate(start: PartialDate("1601")!, end: PartialDate("1700")!, precision: .century, qualifier: .mid)
        #expect(TimelineYear.span(mid) == (1634, 1667))
        let late = EventDate(start: PartialDate("1990")!, end: PartialDate("1999")!, precision: .decade, qualifier: .late)
        #expect(TimelineYear.span(late) == (1997, 1999))
        // Already narrowed by the text or a curator: kept.
        let early = EventDate(start: PartialDate("1950")!, end: PartialDate("1953")!, precision: .decade, qualifier: .early)
        #expect(TimelineYear.span(early) == (1950, 1953))
        let plain = EventDate(start: PartialDate("1601")!, end: PartialDate("1700")!, precision: .century)
        #expect(TimelineYear.year(plain) == 1601)
    }

    @Test func timelineJSSlidesDoNotRepeatTheirSentence() throws {
        let doc = try api.json("/v1/timeline?format=timelinejs")
        let events = try #require(doc["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        for e in events {
            let text = ((e["text"] as? [String: Any])?["text"] as? String) ?? ""
            let quote = text.components(separatedBy: "<blockquote>").dropFirst().first?.components(separatedBy: "</blockquote>").first ?? ""
            #expect(!quote.isEmpty)
            #expect(text.components(separatedBy: quote).count == 2, "\(e["unique_id"]!) repeats its sentence")
        }
    }
}

/// A measure's series keeps part-year points apart from full years.
extension ContractTests {
    @Test func seriesPointsCarryTheirSpanAndUnit() throws {
        let r = api.request("/v1/measures/bilateral-trade-turnover/series?format=csv")
        let header = Self.csvHeader(r).split(separator: ",").map(String.init)
        for column in ["period_start", "period_end", "span", "unit"] { #expect(header.contains(column)) }
        let body = try api.json("/v1/measures/bilateral-trade-turnover/series")
        let points = try #require(body["points"] as? [[String: Any]])
        for p in points {
            let period = p["period"] as! String
            let span = p["span"] as! String
            if period.count == 4 { #expect(span == "year", "\(period)") }
            if period.contains("/"), !period.hasSuffix("/..") {
                let parts = period.split(separator: "/")
                if parts[0].prefix(4) == parts[1].prefix(4), parts[0].count > 4 { #expect(span == "part-year", "\(period)") }
            }
        }
        // Every measure's CSV has the same columns.
        let other = Self.csvHeader(api.request("/v1/measures/bilateral-trade-turnover/series?format=csv"))
        let measures = try api.json("/v1/measures?limit=500")["data"] as! [[String: Any]]
        for m in measures.prefix(10) {
            let csv = api.request("/v1/measures/\(m["id"] as! String)/series?format=csv")
            #expect(Self.csvHeader(csv) == other, "\(m["id"]!)")
        }
        // The fixed column list is what a full row (one with a change) flattens to.
        let full = try #require(points.first { !($0["change"] is NSNull) })
        func leaves(_ object: [String: Any], _ prefix: String = "") -> [String] {
            object.flatMap { key, value -> [String] in
                let name = prefix.isEmpty ? key : "\(prefix).\(key)"
                return (value as? [String: Any]).map { leaves($0, name) } ?? [name]
            }
        }
        #expect(leaves(full).sorted() == SeriesRow.csvColumns.sorted())
    }

    @Test func seriesSpansFromPeriods() {
        #expect(SeriesRow.span(Period(iso: "2017")!) == .year)
        #expect(SeriesRow.span(Period(iso: "2018-01/2018-05")!) == .partYear)
        #expect(SeriesRow.span(Period(iso: "2013/2016")!) == .years)
        #expect(SeriesRow.span(Period(iso: "1992/..")!) == .open)
        #expect(SeriesRow.span(Period(iso: "2016-07/2018")!) == .other)
    }
}

/// A well-formed filter value that names nothing is an empty 200 with a hint,
/// never a silent empty list (issue 20: `measure=nonexistent`).
extension ContractTests {
    @Test func anUnknownMeasureWarnsWithTheClosestOne() throws {
        let measure = try #require((api.json("/v1/measures?limit=1")["data"] as? [[String: Any]])?.first?["id"] as? String)
        let typo = String(measure.dropLast())
        let body = try api.json("/v1/indicators?measure=\(typo)")
        #expect((body["meta"] as? [String: Any])?["total"] as? Int == 0)
        let warnings = (body["meta"] as? [String: Any])?["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("did you mean `\(measure)`?") }, "\(warnings)")
    }

    @Test func anUnknownCitationTypeWarnsWithTheTypesThereAre() throws {
        let rows = try api.json("/v1/citations?limit=500")["data"] as! [[String: Any]]
        let type = try #require(rows.compactMap { $0["type"] as? String }.max { $0.count < $1.count })
        let typo = String(type.dropLast())
        for path in ["/v1/citations", "/v1/documents/\(rows[0]["document"] as! String)/references"] {
            let body = try api.json("\(path)?type=\(typo)")
            let meta = try #require(body["meta"] as? [String: Any])
            #expect(meta["total"] as? Int == 0)
            let warnings = meta["warnings"] as? [String] ?? []
            #expect(warnings.contains { $0.contains("`\(typo)`") && $0.contains("did you mean `\(type)`?") }, "\(path): \(warnings)")
        }
        // A type the corpus has filters without a warning.
        let known = try api.json("/v1/citations?type=\(type)")
        #expect(((known["meta"] as? [String: Any])?["total"] as? Int ?? 0) > 0)
        #expect((known["meta"] as? [String: Any])?["warnings"] == nil)
    }

    @Test func aYearNoReferenceHasWarnsWithTheYearsThereAre() throws {
        let years = (try api.json("/v1/citations?limit=500")["data"] as! [[String: Any]]).compactMap {
            (($0["issued"] as? [String: Any])?["date-parts"] as? [[Int]])?.first?.first
        }
        let first = try #require(years.min())
        let body = try api.json("/v1/citations?year=\(first - 1)")
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["total"] as? Int == 0)
        #expect((meta["warnings"] as? [String] ?? []).contains { $0.contains("dated \(first) to \(years.max()!)") }, "\(meta)")
        let known = try api.json("/v1/citations?year=\(first)")
        #expect((known["meta"] as? [String: Any])?["warnings"] == nil)
    }

    /// A typo is usually in one word of a name: the hint offers that word.
    @Test func aMisspeltActorWarnsWithTheWordItWasMeantToBe() throws {
        let events = try api.json("/v1/events?limit=500")["data"] as! [[String: Any]]
        let names = events.flatMap { $0["actors"] as? [String] ?? [] }
        let name = try #require(names.first { $0.contains(" ") && ($0.split(separator: " ").last?.count ?? 0) >= 5 })
        let word = String(name.split(separator: " ").last!)
        let typo = word.prefix(2) + String(word.dropFirst(2).first!) + word.dropFirst(2)  // one letter doubled
        let body = try api.json("/v1/events?actor=\(typo)")
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["total"] as? Int == 0)
        #expect((meta["warnings"] as? [String] ?? []).contains { $0.contains("did you mean `\(word)`?") }, "\(typo): \(meta)")
    }
}

/// Bibliography exports of a list longer than a default page (50): the
/// default corpus has fewer references than that, so a corpus of its two
/// articles and a copy of the longer one under another id is used.
extension ContractTests {
    static func corpusWithACopy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-api-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CorpusLoader.defaultCorpusDirectory, to: dir)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        // The metadata file whose text is longest is the one with the longer reference list.
        func textName(_ meta: String) throws -> String {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(meta))) as! [String: Any]
            return object["text"] as! String
        }
        let longest = try files.max {
            try Data(contentsOf: dir.appendingPathComponent(textName($0))).count
                < Data(contentsOf: dir.appendingPathComponent(textName($1))).count
        }!
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(longest))) as! [String: Any]
        let text = object["text"] as! String
        try FileManager.default.copyItem(at: dir.appendingPathComponent(text), to: dir.appendingPathComponent("copy-" + text))
        object["id"] = "copy-of-the-longer-article"
        object["text"] = "copy-" + text
        try JSONSerialization.data(withJSONObject: object).write(to: dir.appendingPathComponent("copy-of-the-longer-article.json"))
        return dir
    }

    @Test func exportsLongerThanAPageAreWhole() throws {
        let dir = try Self.corpusWithACopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let client = APIClient(directory: dir)
        let total = try #require((client.json("/v1/citations?limit=1")["meta"] as? [String: Any])?["total"] as? Int)
        #expect(total > 50, "the test needs more references than a default page")
        for (format, count) in [
            ("bibtex", { (t: String) in ("\n" + t).components(separatedBy: "\n@").count - 1 }),
            ("ris", { (t: String) in t.components(separatedBy: "TY  - ").count - 1 }),
            ("csl-json", { (t: String) in ((try? JSONSerialization.jsonObject(with: Data(t.utf8))) as? [Any])?.count ?? -1 }),
        ] as [(String, (String) -> Int)] {
            let r = client.request("/v1/citations?format=\(format)")
            #expect(r.status == 200)
            #expect(count(r.text) == total, "\(format)")
            #expect(r.header("X-Total-Count") == String(total))
            #expect(r.header("Link") == nil, "\(format): the whole list needs no next page")
        }
        // The APA bibliography: one entry a line.
        let apa = client.request("/v1/citations?format=apa").text
        #expect(apa.split(separator: "\n", omittingEmptySubsequences: true).count == total)
        // JSON and CSV stay paged, and say so.
        let json = client.request("/v1/citations")
        #expect(json.header("Link")?.contains("rel=\"next\"") == true)
    }
}

/// Hyphens split words as search engines do: a hyphenated query is the
/// phrase of its parts, whichever dash is typed.
extension ContractTests {
    @Test func hyphensSplitWordsInTheIndexAndTheQuery() {
        #expect(Self.keys("A cross-border deal, well‑known in post–war Asia") == ["a", "cross", "border", "deal", "well", "known", "in", "post", "war", "asia"])
        #expect(Self.indexKeys("A cross-border deal") == ["a", "cross", "border", "deal"])
    }

    @Test func aHyphenatedQueryIsThePhraseOfItsParts() throws {
        func total(_ q: String) throws -> Int? {
            (try api.json("/v1/search?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")["meta"] as? [String: Any])?["total"] as? Int
        }
        let phrase = try #require(try total("\"sino russian\""))
        #expect(phrase > 0)
        #expect(try total("Sino-Russian") == phrase)
        #expect(try total("Sino\u{2013}Russian") == phrase)
        // Parts in the other order are another phrase.
        #expect(try total("russian-sino") == 0)
    }
}
