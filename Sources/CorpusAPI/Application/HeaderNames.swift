import HTTPTypes

/// Header names swift-http-types 1.8 does not predefine. (`X-Request-Id` is
/// `HTTPField.Name.requestID`, declared once by HTTPServer, which sets it.)
extension HTTPField.Name {
    /// RFC 8288 `next`/`prev` links on list pages.
    static let link = HTTPField.Name("Link")!
    /// The row count of a CSV list, which has no `meta` to carry it.
    static let totalCount = HTTPField.Name("X-Total-Count")!
}
