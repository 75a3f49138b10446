import HTTPTypes

/// Header names swift-http-types does not predefine.
extension HTTPField.Name {
    static let link = HTTPField.Name("Link")!
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let vary = HTTPField.Name("Vary")!
    static let accessControlAllowOrigin = HTTPField.Name("Access-Control-Allow-Origin")!
    static let accessControlAllowMethods = HTTPField.Name("Access-Control-Allow-Methods")!
    static let accessControlAllowHeaders = HTTPField.Name("Access-Control-Allow-Headers")!
    static let accessControlExposeHeaders = HTTPField.Name("Access-Control-Expose-Headers")!
    static let accessControlMaxAge = HTTPField.Name("Access-Control-Max-Age")!
    static let accessControlRequestHeaders = HTTPField.Name("Access-Control-Request-Headers")!
    static let accessControlRequestMethod = HTTPField.Name("Access-Control-Request-Method")!
    static let contentDisposition = HTTPField.Name("Content-Disposition")!
}
