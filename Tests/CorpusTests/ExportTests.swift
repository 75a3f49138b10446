import Foundation
import Testing

@testable import Corpus

/// The four export formats on the real references: structure, and a round
/// trip through a small tolerant parser (and through Python's bibtexparser /
/// rispy when they are installed).
@Suite struct ExportTests {
    static let refs = PassageBuilderTests.model.references

    // MARK: CSL-JSON

    /// CSL 1.0.2 item variables (the subset the schema allows at the top level that we can emit).
    static let cslVariables: Set<String> = [
        "id", "type", "author", "editor", "issued", "accessed", "title", "container-title", "volume", "issue", "page",
        "publisher", "publisher-place", "URL", "DOI", "language", "original-title", "note", "year-suffix", "custom",
    ]

    @Test func cslJSONIsAStrictArray() throws {
        let json = CSLJSONExport.string(Self.refs)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == Self.refs.count)
        for item in items {
            #expect(item["id"] is String && item["type"] is String)
            let extra = Set(item.keys).subtracting(Self.cslVariables)
            #expect(extra.isEmpty, "non-CSL keys \(extra)")
            #expect(!item.values.contains { $0 is NSNull }, "CSL allows no null")
            for key in ["author", "editor"] {
                for name in (item[key] as? [[String: Any]]) ?? [] {
                    #expect(Set(name.keys).isSubset(of: ["family", "given", "literal"]))
                    #expect(name.values.allSatisfy { $0 is String })
                }
            }
            for key in ["issued", "accessed"] {
                guard let date = item[key] as? [String: Any] else { continue }
                let parts = try #require(date["date-parts"] as? [[Int]])
                #expect(parts.count == 1 && (1...3).contains(parts[0].count))
            }
            let custom = try #require(item["custom"] as? [String: Any])
            #expect(custom["raw"] is String && custom["document"] is String)
        }
        let first = try #require(items.first { $0["id"] as? String == "pathak-larson-2010" })
        #expect(first["container-title"] as? String == "International Security")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CSL_SCHEMA"] != nil, "set CSL_SCHEMA to run"))
    func cslJSONValidatesAgainstTheSchemaWhenAvailable() throws {
        // Set CSL_SCHEMA to a copy of csl-data.json (citation-style-language/schema) to run this check.
        guard let schema = ProcessInfo.processInfo.environment["CSL_SCHEMA"] else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("csl-\(UUID().uuidString).json")
        try CSLJSONExport.string(Self.refs).write(to: file, atomically: true, encoding: .utf8)
        let script = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('CSL-VALID')"
        let out = try Self.python(["-c", script, schema, file.path], module: "jsonschema")
        let valid = out.map { $0.hasPrefix("CSL-VALID") } ?? true  // nil: python3 or jsonschema missing
        #expect(valid, "\(out ?? "")")
    }

    // MARK: BibTeX

    @Test func bibTeXRoundTrips() throws {
        let bib = BibTeXExport.string(Self.refs)
        let entries = Self.parseBibTeX(bib)
        #expect(entries.count == Self.refs.count)
        #expect(Set(entries.map(\.key)).count == entries.count, "keys are unique")
        for (ref, entry) in zip(Self.refs, entries) {
            #expect(entry.fields["year"] == ref.year.map(String.init), "\(entry.key) year")
            if let family = ref.author.first?.family {
                #expect(entry.fields["author"]?.hasPrefix(family) == true, "\(entry.key) author")
            }
            if let literal = ref.author.first?.literal {
                #expect(entry.fields["author"]?.hasPrefix("{\(BibTeXExport.escaped(literal))}") == true, "\(entry.key)")
            }
            #expect(entry.key == ref.id, "a BibTeX key is the API id, in any script")
        }
        #expect(bib.contains("@article{pathak-larson-2010,"))
        #expect(bib.contains("{burkitbayevna-赵文文-2015,\n"), "a CJK entry's key is its id")
        #expect(bib.contains("author = {Larson, D. W. and Shevchenko, A.}"))
        #expect(bib.contains("pages = {63--95}"))
        #expect(bib.contains("中俄关系进入新的历史发展时期"), "Unicode is kept")
        #expect(BibTeXExport.escaped("50% & $5 #1 a_b {x}") == "50\\% \\& \\$5 \\#1 a\\_b \\{x\\}")
    }

    @Test func bibTeXParsesWithBibtexparserWhenInstalled() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString).bib")
        try BibTeXExport.string(Self.refs).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, bibtexparser
            lib = bibtexparser.parse_file(sys.argv[1])
            assert not lib.failed_blocks, lib.failed_blocks
            print(len(lib.entries), sum(1 for e in lib.entries if 'year' in e.fields_dict))
            """
        guard let out = try Self.python(["-c", script, file.path], module: "bibtexparser") else {
            print("skipped: python3 with bibtexparser not available")
            return
        }
        let numbers = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(numbers == [Self.refs.count, Self.refs.filter { $0.year != nil }.count], "\(out)")
    }

    // MARK: RIS

    @Test func risRoundTrips() throws {
        let ris = RISExport.string(Self.refs)
        #expect(ris.contains("\r\n"))
        let records = Self.parseRIS(ris)
        #expect(records.count == Self.refs.count)
        for (ref, record) in zip(Self.refs, records) {
            #expect(record["ID"] == [ref.id])
            #expect(record["PY"] == ref.year.map { [String($0)] })
            #expect((record["AU"] ?? []).count == ref.author.count)
            #expect(record["TY"]?.count == 1)
        }
        let menon = try #require(records.first { $0["ID"] == ["pathak-menon-1997b"] })
        #expect(menon["SP"] == ["101"] && menon["EP"] == ["125"] && menon["T2"] == ["Survival"])
        let general = try #require(records.first { $0["ID"] == ["burkitbayevna-general-directorate-customs-nd"] })
        #expect(general["Y2"] == ["2018/01/12"] && general["UR"] == ["http://fangtan.customs.gov.cn/"])
    }

    @Test func risParsesWithRispyWhenInstalled() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("refs-\(UUID().uuidString).ris")
        try RISExport.string(Self.refs).write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, rispy
            entries = rispy.load(open(sys.argv[1], encoding='utf-8', newline=''))
            print(len(entries), sum(len(e.get('authors', [])) for e in entries))
            """
        guard let out = try Self.python(["-c", script, file.path], module: "rispy") else {
            print("skipped: python3 with rispy not available")
            return
        }
        let numbers = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(numbers == [Self.refs.count, Self.refs.reduce(0) { $0 + $1.author.count }], "\(out)")
    }

    // MARK: APA

    @Test func apaBibliographyIsSortedOneEntryPerLine() throws {
        let text = APABibliography.string(Self.refs)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.refs.count)
        let keys = lines.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        #expect(keys.first?.hasPrefix("aliyev") == true)
        #expect(lines.contains("Larson, D. W., & Shevchenko, A. (2010). Status Seekers; Chinese Russian Responses to U.S. Primacy. International Security, 34(4), 63–95."))
        #expect(lines.contains { $0.hasPrefix("General Directorate of Customs of China. (n.d.).") })
        #expect(lines.contains { $0.hasPrefix("Bin, Y. (2009). Sino-Russian Relation in the 'post' Putin Era. In R. Huisken (Ed.), Rising China") })
        #expect(lines.contains { $0.contains("Retrieved January 12, 2018, from http://fangtan.customs.gov.cn/") })
        #expect(lines.contains { $0.contains("Journal of Current Chinese Affairs, 38(2), 145–168.") })
        #expect(lines.contains { $0.hasPrefix("Menon, R. (1997a).") } && lines.contains { $0.hasPrefix("Menon, R. (1997b).") })
    }

    // MARK: formats

    @Test func formatsRenderAndNegotiate() {
        for format in CitationFormat.allCases {
            #expect(!format.render(Self.refs).isEmpty)
            #expect(CitationFormat(mediaType: format.mediaType + "; charset=utf-8") == format)
        }
        #expect(CitationFormat(mediaType: "text/html") == nil)
        #expect(CitationFormat(rawValue: "csl-json") == .cslJSON)
        #expect(CitationFormat.bibtex.render([]).isEmpty && CitationFormat.ris.render([]).isEmpty)
        let empty = try? JSONSerialization.jsonObject(with: Data(CitationFormat.cslJSON.render([]).utf8)) as? [Any]
        #expect(empty?.isEmpty == true, "an empty list is still a CSL-JSON array")
    }

    // MARK: helpers

    struct BibEntry { var type: String; var key: String; var fields: [String: String] }

    /// A tolerant BibTeX reader: `@type{key, name = {value}, ...}` with nested braces.
    static func parseBibTeX(_ text: String) -> [BibEntry] {
        var out: [BibEntry] = []
        let s = Array(text)
        var i = 0
        while i < s.count {
            guard s[i] == "@" else { i += 1; continue }
            var j = i + 1
            while s[j] != "{" { j += 1 }
            let type = String(s[(i + 1)..<j])
            var k = j + 1
            while s[k] != "," { k += 1 }
            let key = String(s[(j + 1)..<k])
            var fields: [String: String] = [:]
            i = k + 1
            while i < s.count {
                while i < s.count && (s[i].isWhitespace || s[i] == ",") { i += 1 }
                if s[i] == "}" { i += 1; break }
                var e = i
                while s[e] != "=" { e += 1 }
                let name = String(s[i..<e]).trimmingCharacters(in: .whitespaces)
                var v = e + 1
                while s[v] != "{" { v += 1 }
                var depth = 0
                var w = v
                repeat {
                    if s[w] == "\\" { w += 2; continue }
                    if s[w] == "{" { depth += 1 }
                    if s[w] == "}" { depth -= 1 }
                    w += 1
                } while depth > 0
                fields[name] = String(s[(v + 1)..<(w - 1)])
                i = w
            }
            out.append(BibEntry(type: type, key: key, fields: fields))
        }
        return out
    }

    /// A tolerant RIS reader: records of `TAG  - value` lines ended by `ER  - `.
    static func parseRIS(_ text: String) -> [[String: [String]]] {
        var records: [[String: [String]]] = []
        var current: [String: [String]] = [:]
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let l = String(line)
            guard l.count >= 5, l.dropFirst(2).hasPrefix("  -") else { continue }
            let tag = String(l.prefix(2))
            let value = String(l.dropFirst(6))
            if tag == "ER" {
                records.append(current)
                current = [:]
            } else {
                current[tag, default: []].append(value)
            }
        }
        return records
    }

    /// Runs python3; nil when python3 or the module is missing.
    static func python(_ args: [String], module: String? = nil) throws -> String? {
        let candidates = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/conda/bin/python3"]
        let which = ProcessInfo.processInfo.environment["PATH"].map { $0.split(separator: ":").map { "\($0)/python3" } } ?? []
        guard let exe = (which + candidates).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        func run(_ a: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = a
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        if let module, try run(["-c", "import \(module)"]).0 != 0 { return nil }
        let (status, out) = try run(args)
        return status == 0 ? out : "failed (\(status)): \(out)"
    }
}
