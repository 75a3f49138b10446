import Corpus

/// `from` and `to` of a list request: partial ISO dates (`2001`, `2015-05`,
/// `2001-07-16`). A record matches when its period overlaps the window, so
/// `from=2015&to=2015` finds "May 2015" and "2014–2016" alike, and an
/// open-ended period ("since 1992", `1992/..`) overlaps every window that
/// ends after it starts.
///
/// A `from` after `to` is two valid dates describing an empty window: the
/// answer is an empty list whose `meta.warnings` says so, not an error (the
/// spec cannot express "from before to", so schema-valid input stays a 200).
public struct DateWindow: Sendable {
    public var from: PartialDate?
    public var to: PartialDate?
    /// `from` lies after `to`: nothing can match.
    public private(set) var isEmpty = false

    public init(_ query: QueryParameters, warnings: inout [String]) throws(APIError) {
        from = try Self.parse(query, "from")
        to = try Self.parse(query, "to")
        if let from, let to, to.upperBound < from.lowerBound {
            isEmpty = true
            warnings.append("`from` (\(from.iso)) is after `to` (\(to.iso)): the window is empty")
        }
    }

    public var isOpen: Bool { from == nil && to == nil }

    /// Whether `start...end` shares a day with the window; `openEnded` means
    /// the period has no stated end and runs on from `start`.
    public func overlaps(start: PartialDate?, end: PartialDate?, openEnded: Bool = false) -> Bool {
        if isEmpty { return false }
        if isOpen { return true }
        guard let start else { return false }
        if openEnded {
            if let to, to.upperBound < start.lowerBound { return false }
            return true
        }
        return PartialDate.span(start: start, end: end, overlapsFrom: from, to: to)
    }

    private static func parse(_ query: QueryParameters, _ name: String) throws(APIError) -> PartialDate? {
        guard let raw = try query.single(name) else { return nil }
        do {
            return try PartialDate.parse(raw)
        } catch {
            throw .invalidParameter(name: name, value: raw, reason: error.description)
        }
    }
}
