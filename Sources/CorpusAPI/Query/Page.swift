/// `limit` and `offset` of a list request: 50 by default, at most 500, so a
/// dashboard gets a useful page and nobody pulls everything by accident
/// (`/v1/export` is there for that).
public struct Page: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maxLimit = 500
    /// Far beyond any corpus; keeps arithmetic on offsets safe.
    public static let maxOffset = 1_000_000

    public var limit: Int
    public var offset: Int

    public init(limit: Int = Page.defaultLimit, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    public init(_ query: QueryParameters) throws(APIError) {
        limit = try query.int("limit", default: Self.defaultLimit, range: 1...Self.maxLimit)
        offset = try query.int("offset", default: 0, range: 0...Self.maxOffset)
    }

    public func slice<T>(_ rows: [T]) -> ArraySlice<T> {
        guard offset < rows.count else { return [] }
        return rows[offset..<min(rows.count, offset + limit)]
    }
}
