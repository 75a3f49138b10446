import HTTPTypes

/// The header names browsers, curl and dashboards send on nearly every
/// request, matched on their bytes so the parser can use the library's
/// prebuilt `HTTPField.Name` instead of building and validating a new one
/// per field (a browser's dozen headers were a tenth of a cached answer).
///
/// The caller has already checked that every byte is a token character;
/// a match keeps the canonical spelling (`Accept-Encoding`), which HTTP
/// treats as the same name whatever case the client used.
enum KnownFieldNames {
    private static let table: [[(StaticString, HTTPField.Name)]] = {
        let names: [(StaticString, HTTPField.Name)] = [
            ("host", .init("Host")!), ("accept", .accept), ("accept-encoding", .acceptEncoding),
            ("accept-language", .acceptLanguage), ("user-agent", .userAgent), ("connection", .connection),
            ("cache-control", .cacheControl), ("referer", .referer), ("origin", .origin),
            ("if-none-match", .ifNoneMatch), ("if-modified-since", .ifModifiedSince), ("cookie", .cookie),
            ("content-length", .contentLength), ("content-type", .contentType), ("authorization", .authorization),
            ("pragma", .init("Pragma")!), ("upgrade-insecure-requests", .init("Upgrade-Insecure-Requests")!),
            ("sec-fetch-dest", .init("Sec-Fetch-Dest")!), ("sec-fetch-mode", .init("Sec-Fetch-Mode")!),
            ("sec-fetch-site", .init("Sec-Fetch-Site")!), ("sec-fetch-user", .init("Sec-Fetch-User")!),
            ("x-request-id", .init("X-Request-Id")!), ("x-forwarded-for", .init("X-Forwarded-For")!),
            ("dnt", .init("DNT")!), ("te", .te), ("expect", .expect), ("transfer-encoding", .transferEncoding),
        ]
        var byLength = [[(StaticString, HTTPField.Name)]](repeating: [], count: 32)
        for entry in names { byLength[entry.0.utf8CodeUnitCount].append(entry) }
        return byLength
    }()

    /// The prebuilt name for `bytes`, compared ASCII case-insensitively; nil for any other name.
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> HTTPField.Name? {
        guard bytes.count < table.count else { return nil }
        for (lowercase, name) in table[bytes.count] where ASCII.equalsLowercase(bytes, lowercase) {
            return name
        }
        return nil
    }
}
