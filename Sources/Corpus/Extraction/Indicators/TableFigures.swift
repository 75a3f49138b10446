/// Figures in a Markdown pipe table: every numeric cell is an observation,
/// its row and column headers name its measure and period, its unit comes
/// from the caption ("Table 1. Trade turnover (US$ billion)") or the column
/// header ("Share (%)"), and its quote is the table row as the file has it.
/// A column headed as a change ("Change on previous year (%)") is the change
/// of the figure before it in the row, not a figure of its own.
enum TableFigures {
    /// The observations of `passage` when it is a pipe table, else nil.
    /// `caption` is the text of the passage before it.
    static func observations(
        in passage: Passage, caption: String, document: Document, citations: [InTextCitation]
    ) -> [Observation]? {
        // A table passage starts with its header row; most passages are prose.
        guard passage.text.hasPrefix("|") else { return nil }
        let rows = self.rows(of: passage, document: document)
        guard rows.count >= 3, rows[1].cells.allSatisfy(isRule) else { return nil }
        let header = rows[0].cells
        let captionUnit = unit(in: caption)
        let captionLower = caption.lowercased()
        var found: [Observation] = []
        for row in rows.dropFirst(2) {
            guard let rowHeader = row.cells.first else { continue }
            let rowPeriod = period(rowHeader)
            let provenance = Provenance(
                document: document.id, passage: passage.id, start: row.start, end: row.end, quote: row.raw,
                text: row.raw)
            let cited = citations.filter { $0.source.document == document.id && $0.source.start < row.end && $0.source.end > row.start }
                .map(\.id).sorted()
            // A change column is the change of the nearest figure before it in the row.
            var changes: [Int: Change] = [:]
            for c in row.cells.indices.dropFirst() where c < header.count && isChange(header[c]) {
                guard let delta = number(row.cells[c]),
                    let owner = (1..<c).last(where: { number(row.cells[$0]) != nil && !isChange($0 < header.count ? header[$0] : "") })
                else { continue }
                let basis = ["previous year", "y/y", "year on year"].contains { header[c].lowercased().contains($0) }
                changes[owner] = Change(
                    value: delta, unit: "percent", direction: delta < 0 ? .decrease : .increase,
                    basis: basis ? "year-over-year" : nil)
            }
            for (c, cell) in row.cells.enumerated().dropFirst() {
                guard let value = number(cell) else { continue }
                let columnHeader = c < header.count ? header[c] : ""
                if isChange(columnHeader) { continue }
                let period = rowPeriod ?? period(columnHeader)
                let (kind, unitName) = unit(in: columnHeader) ?? captionUnit ?? (.count, "count")
                var q = Quantity(
                    value: value, unit: unitName, kind: kind, qualifier: .exact, firstToken: 0, endToken: 0, start: 0,
                    end: 0, unitStart: 0)
                q.counted = true
                let context = FigureContext(
                    before: (columnHeader + " " + rowHeader).lowercased(), after: "", sentence: captionLower,
                    surrounding: captionLower)
                guard let rule = MeasureClassifier.classify(q, context) else { continue }
                let change = changes[c]
                let figure = FigureSpan(document: document.id, start: row.start, end: row.end, quote: row.raw)
                found.append(
                    Observation(
                        id: "", measure: rule.id, label: rule.label, value: value, unit: unitName, period: period,
                        qualifier: .exact, change: change, category: rule.category, reporter: nil, citations: cited,
                        isTarget: false, sources: [provenance], figures: [figure]))
            }
        }
        return found
    }

    struct Row {
        var cells: [String]
        var raw: String
        /// Raw scalar offsets of the line.
        var start: Int
        var end: Int
    }

    /// The passage's raw lines that are table rows (`| a | b |`), cut into trimmed cells.
    static func rows(of passage: Passage, document: Document) -> [Row] {
        let length = passage.text.unicodeScalars.count
        guard length > 0 else { return [] }
        let range = passage.rawRange(fromScalar: 0, toScalar: length)
        let raw = Array(document.raw.slice(range).unicodeScalars)
        var rows: [Row] = []
        var lineStart = 0
        for k in 0...raw.count where k == raw.count || raw[k] == "\n" {
            let line = String(String.UnicodeScalarView(raw[lineStart..<k]))
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("|") && trimmed.hasSuffix("|") && trimmed.count > 1 {
                let lead = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
                let cells = trimmed.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                rows.append(
                    Row(
                        cells: cells, raw: trimmed, start: range.lowerBound + lineStart + lead,
                        end: range.lowerBound + lineStart + lead + trimmed.unicodeScalars.count))
            } else if !trimmed.isEmpty {
                return []
            }
            lineStart = k + 1
        }
        return rows
    }

    /// `---`, `:---:`: the rule under the header.
    static func isRule(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" }
    }

    static func isChange(_ header: String) -> Bool {
        let h = header.lowercased()
        return h.contains("change") || h.contains("growth") || h.contains("y/y")
    }

    /// "56.8", "+18.0", "−31.8", "1,234": a cell that is one number (signs kept).
    static func number(_ cell: String) -> Double? {
        var text = cell.replacingOccurrences(of: "\\", with: "")
        var sign = 1.0
        if let first = text.unicodeScalars.first, ["−", "-", "–"].contains(first) {
            sign = -1
            text = String(text.unicodeScalars.dropFirst())
        } else if text.hasPrefix("+") {
            text = String(text.dropFirst())
        }
        text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: "")
        guard !text.isEmpty, text.first?.isNumber == true else { return nil }
        let t = SentenceTokens(text)
        guard t.tokens.count == 1, let v = t.tokens[0].number else { return nil }
        return sign * v
    }

    /// A header that is a year ("2019") or an academic year ("2019/20" → 2019/2020).
    static func period(_ header: String) -> Period? {
        let t = SentenceTokens(header)
        guard let first = t[0], FigureScanner.isYear(first), let y = first.number.map(Int.init),
            let start = PartialDate(year: y)
        else { return nil }
        if t.tokens.count == 3, t.lower(1) == "/" || t.lower(1) == "–" || t.lower(1) == "-",
            let second = t[2]?.number.map(Int.init)
        {
            let end = second < 100 ? (y / 100) * 100 + second : second
            if let e = PartialDate(year: end), end > y { return Period(start: start, end: e) }
        }
        return t.tokens.count == 1 ? Period(start: start) : nil
    }

    /// The unit a caption or header states: "(US$ billion)", "(%)", "(% of total)", "(thousand tonnes)".
    /// Only the last parenthesis is read: the rest of a header names the measure.
    static func unit(in text: String) -> (Quantity.Kind, String)? {
        guard let open = text.lastIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return nil }
        let t = SentenceTokens(String(text[text.index(after: open)..<close]))
        for i in t.tokens.indices {
            if t.lower(i) == "%" || t.matches("per cent", at: i) || t.lower(i) == "percent" { return (.percent, "percent") }
            if let (code, end) = FigureScanner.currenciesBefore.match(t, at: i) ?? FigureScanner.currenciesAfter.match(t, at: i) {
                let scale = Lexicon.scales[t.lower(end)]?.name
                return (.money, [code, scale ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
            }
        }
        return nil
    }
}
