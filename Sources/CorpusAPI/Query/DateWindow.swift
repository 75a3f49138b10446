import Corpus

/// `from` and `to` of a list request: partial ISO dates (`2001`, `2015-05`,
/// `2001-07-16`). A record matches when its period overlaps the window, so
/// `from=2015&to=2015` finds "May 2015" and "2014–2016" alike.
public struct DateWindow: Sendable {
    public var from: PartialDate?
    public var to: PartialDate?

    public init(_ query: QueryParameters) throws(APIError) {
        from = try Self.parse(query, "from")
        to = try Self.parse(query, "to")
        if let from, let to, to.upperBound < from.lowerBound {
            throw .invalidParameter(
                name: "from", value: from.iso, reason: "`from` (\(from.iso)) is after `to` (\(to.iso))")
        }
    }

    public var isOpen: Bool { from == nil && to == nil }

    public func overlaps(start: PartialDate?, end: PartialDate?) -> Bool {
        if isOpen { return true }
        guard let start else { return false }
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
