import HTTPTypes

/// `method SP request-target SP HTTP-version` (RFC 9112 §3), checked strictly:
/// one space between parts, token method, visible-ASCII target, `HTTP/d.d`.
struct RequestLine {
    var method: HTTPRequest.Method
    var version: HTTPVersion
    var scheme: String?
    var authority: String?
    /// The target as `HTTPRequest.path` wants it: origin-form path and query, undecoded.
    var rawPath: String?
    /// Percent-decoded path.
    var path: String
    var query: [QueryItem]

    typealias Bytes = UnsafeBufferPointer<UInt8>.SubSequence

    static func parse(_ line: Bytes) -> Result<RequestLine, HTTPParseError> {
        if line.contains(ASCII.cr) { return .failure(.bareCarriageReturn) }
        guard let firstSpace = line.firstIndex(of: ASCII.space) else { return .failure(.malformedRequestLine) }
        let methodBytes = line[line.startIndex..<firstSpace]
        guard !methodBytes.isEmpty else { return .failure(.malformedRequestLine) }
        for byte in methodBytes where !ASCII.isTokenChar(byte) { return .failure(.invalidMethod) }

        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: ASCII.space) else { return .failure(.malformedRequestLine) }
        let target = rest[rest.startIndex..<secondSpace]
        guard !target.isEmpty else { return .failure(.malformedRequestLine) }
        for byte in target where !ASCII.isVisible(byte) || byte == UInt8(ascii: "#") {
            return .failure(.invalidTarget)
        }

        let versionBytes = line[(secondSpace + 1)...]
        let version: HTTPVersion
        switch parseVersion(versionBytes) {
        case .success(let v): version = v
        case .failure(let e): return .failure(e)
        }

        guard let method = knownMethod(methodBytes) else { return .failure(.unsupportedMethod) }
        return parseTarget(target, method: method, version: version)
    }

    /// Only 1.0 and 1.1 are served; a well-formed other version is a 505.
    private static func parseVersion(_ bytes: Bytes) -> Result<HTTPVersion, HTTPParseError> {
        let prefix: StaticString = "HTTP/"
        guard bytes.count == 8 else { return .failure(.malformedVersion) }
        let lit = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        guard bytes.prefix(5).elementsEqual(lit) else { return .failure(.malformedVersion) }
        let major = bytes[bytes.startIndex + 5]
        let dot = bytes[bytes.startIndex + 6]
        let minor = bytes[bytes.startIndex + 7]
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard isDigit(major), dot == UInt8(ascii: "."), isDigit(minor) else { return .failure(.malformedVersion) }
        guard major == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        switch minor {
        case UInt8(ascii: "1"): return .success(.http11)
        case UInt8(ascii: "0"): return .success(.http10)
        default: return .failure(.unsupportedVersion)
        }
    }

    /// The methods this server knows; anything else is a 501.
    /// Short method names fit in a small `String`, so this does not allocate.
    private static func knownMethod(_ bytes: Bytes) -> HTTPRequest.Method? {
        switch String(decoding: bytes, as: UTF8.self) {
        case "GET": .get
        case "HEAD": .head
        case "POST": .post
        case "PUT": .put
        case "DELETE": .delete
        case "PATCH": .patch
        case "OPTIONS": .options
        case "TRACE": .trace
        case "CONNECT": .connect
        // The safe, body-carrying QUERY method (IETF httpbis draft) is known,
        // so a route that lacks it answers 405 with Allow, not 501.
        case "QUERY": HTTPRequest.Method("QUERY")
        default: nil
        }
    }

    /// Origin-form (`/p?q`), absolute-form (`http://h/p?q`), asterisk-form
    /// (`*`, OPTIONS only) and authority-form (`h:p`, CONNECT only).
    private static func parseTarget(_ target: Bytes, method: HTTPRequest.Method, version: HTTPVersion)
        -> Result<RequestLine, HTTPParseError>
    {
        var line = RequestLine(method: method, version: version, path: "", query: [])
        let first = target[target.startIndex]
        var pathAndQuery = target

        if method == .connect {
            line.authority = String(decoding: target, as: UTF8.self)
            return .success(line)
        }
        if first == UInt8(ascii: "*") {
            guard target.count == 1, method == .options else { return .failure(.invalidTarget) }
            line.rawPath = "*"
            line.path = "*"
            return .success(line)
        }
        if first != ASCII.slash {
            // absolute-form: scheme "://" authority [path-abempty] ["?" query]
            let lower = target.lazy.map(ASCII.lowercased)
            let schemeLength: Int
            if lower.starts(with: "http://".utf8) {
                schemeLength = 4
            } else if lower.starts(with: "https://".utf8) {
                schemeLength = 5
            } else {
                return .failure(.invalidTarget)
            }
            line.scheme = String(decoding: target.prefix(schemeLength), as: UTF8.self).lowercased()
            let authorityStart = target.startIndex + schemeLength + 3
            let afterScheme = target[authorityStart...]
            let authorityEnd =
                afterScheme.firstIndex(where: { $0 == ASCII.slash || $0 == ASCII.question }) ?? target.endIndex
            guard authorityEnd > authorityStart else { return .failure(.invalidTarget) }
            line.authority = String(decoding: target[authorityStart..<authorityEnd], as: UTF8.self)
            pathAndQuery = target[authorityEnd...]
        }

        let questionMark = pathAndQuery.firstIndex(of: ASCII.question) ?? pathAndQuery.endIndex
        let pathBytes = pathAndQuery[pathAndQuery.startIndex..<questionMark]
        if pathBytes.isEmpty {
            line.path = "/"
            line.rawPath = "/" + String(decoding: pathAndQuery, as: UTF8.self)
        } else {
            guard let path = PercentDecoding.decode(pathBytes, plusAsSpace: false) else {
                return .failure(.invalidPercentEncoding)
            }
            line.path = path
            // The common `/plain/path` needs no second string: share the decoded one.
            let isPlain = questionMark == pathAndQuery.endIndex && !pathBytes.contains(ASCII.percent)
            line.rawPath = isPlain ? path : String(decoding: pathAndQuery, as: UTF8.self)
        }
        if questionMark < pathAndQuery.endIndex {
            guard let query = PercentDecoding.decodeQuery(pathAndQuery[(questionMark + 1)...]) else {
                return .failure(.invalidPercentEncoding)
            }
            line.query = query
        }
        return .success(line)
    }
}
