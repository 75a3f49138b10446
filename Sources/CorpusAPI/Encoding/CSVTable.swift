/// RFC 4180 CSV from list rows.
///
/// Flattening is predictable: nested objects become dotted columns
/// (`date.start`), arrays of scalars are joined with `|`, and arrays of
/// objects (such as `sources`) are written as compact JSON in one cell, so
/// nothing is lost. A list's columns come from every record of its kind
/// (`schema`), so they are the same on every page and under every filter;
/// without one they are the union of the rows' flattened keys in first-seen
/// order. A missing value is an empty cell. Lines end in CRLF as the RFC says.
enum CSVTable {
    static func render(rows: [JSONValue], columns schema: [String]? = nil) -> [UInt8] {
        let flat = rows.map { row -> [(String, String)] in
            var cells: [(String, String)] = []
            flatten(row, prefix: "", into: &cells)
            return cells
        }
        let columns = schema ?? Self.columns(ofFlattened: flat)
        var out: [UInt8] = []
        appendRecord(columns, to: &out)
        for cells in flat {
            let lookup = Dictionary(cells, uniquingKeysWith: { a, _ in a })
            appendRecord(columns.map { lookup[$0] ?? "" }, to: &out)
        }
        return out
    }

    /// The columns `rows` flatten to: every leaf key in first-seen order.
    static func columns(of rows: [JSONValue]) -> [String] {
        columns(ofFlattened: rows.map { row in
            var cells: [(String, String)] = []
            flatten(row, prefix: "", into: &cells)
            return cells
        })
    }

    private static func columns(ofFlattened flat: [[(String, String)]]) -> [String] {
        var columns: [String] = []
        var seen = Set<String>()
        for cells in flat {
            for (key, _) in cells where !seen.contains(key) {
                seen.insert(key)
                columns.append(key)
            }
        }
        // A field that is an object on some rows and null on others is one
        // set of dotted columns, left empty where it is null.
        var parents = Set<String>()
        for column in columns {
            var prefix = Substring(column)
            while let dot = prefix.lastIndex(of: ".") {
                prefix = prefix[..<dot]
                parents.insert(String(prefix))
            }
        }
        columns.removeAll { parents.contains($0) }
        return columns
    }

    static func flatten(_ value: JSONValue, prefix: String, into cells: inout [(String, String)]) {
        switch value {
        case .object(let pairs):
            if pairs.isEmpty && !prefix.isEmpty { cells.append((prefix, "")) }
            for (key, child) in pairs { flatten(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &cells) }
        case .array(let items):
            let scalars = items.allSatisfy {
                if case .object = $0 { return false }
                if case .array = $0 { return false }
                return true
            }
            cells.append((prefix, scalars ? items.map(scalarText).joined(separator: "|") : value.jsonString))
        default:
            cells.append((prefix.isEmpty ? "value" : prefix, scalarText(value)))
        }
    }

    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double: String(decoding: value.serialized(), as: UTF8.self)
        case .string(let s): s
        case .array, .object: value.jsonString
        }
    }

    static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        for (n, field) in fields.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                out.append(0x22)
                for byte in field.utf8 {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: field.utf8)
            }
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }
}
