/// Which scalars of a text lie outside its quotations: “…” and "…" spans,
/// and '…' spans opened after a space (so apostrophes stay). Quoted words
/// are someone else's, and say nothing of whether the happening took place.
///
/// One scan state for `EventClassifier.withoutQuotations` (which keeps the
/// text) and the byte path of `EventClassifier.status` (which folds it as it
/// goes), so the two cannot drift apart.
struct EventQuotationFilter {
    private var closer: Unicode.Scalar?
    private var previous: Unicode.Scalar = " "

    /// Whether `c`, the text's next scalar, is kept; every scalar, kept or
    /// not, must be passed in order.
    @inline(__always)
    mutating func keeps(_ c: Unicode.Scalar) -> Bool {
        defer { previous = c }
        if let close = closer {
            if c == close { closer = nil }
            return false
        }
        if c == "“" {
            closer = "”"
            return false
        }
        if c == "\"" {
            closer = "\""
            return false
        }
        if c == "'" || c == "‘", previous == " " {
            closer = c == "'" ? "'" : "’"
            return false
        }
        return true
    }
}
