import Synchronization

/// The CSV columns of a list, taken from every record of its kind in the
/// model rather than from the rows of one page: a nested object that is null
/// on every row of a page would otherwise be one column there and dotted
/// columns on the next. Worked out once per model version and kind, and only
/// when a CSV is asked for.
enum CSVSchema {
    private static let memo = Mutex<[String: [String]]>([:])

    static func columns<T: Encodable>(of kind: [T], modelVersion: String) -> [String] {
        let key = "\(modelVersion)|\(T.self)"
        if let known = memo.withLock({ $0[key] }) { return known }
        let rows = kind.compactMap { try? JSONValue.encode($0) }
        let columns = CSVTable.columns(of: rows)
        memo.withLock { table in
            // A few kinds per model; older versions go when the model reloads.
            if table.count > 64 { table.removeAll() }
            table[key] = columns
        }
        return columns
    }
}
