import HTTPTypes

/// Turns a response into bytes, and nothing else.
///
/// The server's own headers are decided here in one place: `Date`,
/// `Content-Length`, `Content-Type`, `Connection`, `X-Request-Id` and the
/// two hardening fields below are added when the application left them out,
/// and a HEAD answer keeps the Content-Length of the GET it mirrors while
/// dropping the body.
///
/// Hardening, on every response (errors and 503 refusals included, since a
/// browser may render those too): `X-Content-Type-Options: nosniff` makes a
/// browser trust our Content-Type instead of guessing that a JSON body
/// holding `<script>` is HTML; `Referrer-Policy: no-referrer` keeps our URLs
/// (query strings included) out of the requests a page makes to other sites.
enum HTTPResponseEncoder {
    /// What the encoder needs to know about the exchange besides the response.
    struct Context {
        var isHead: Bool
        /// Whether the connection stays open after this response.
        var keepAlive: Bool
        /// HTTP/1.0 clients need `Connection: keep-alive` spelled out.
        var requestVersion: HTTPVersion
        var date: [UInt8]
        var requestID: String
    }

    /// Appends head and body to `out`; returns the number of body bytes
    /// written. With `appendingBody: false` only the head is appended and the
    /// return value is the number of body bytes the caller must send after it.
    @discardableResult
    static func encode(
        _ response: ServerResponse, context: Context, into out: inout [UInt8], appendingBody: Bool = true
    ) -> Int {
        let status = response.head.status
        let code = status.code
        let mayHaveBody = !(code < 200 || code == 204 || code == 304)
        let writesBody = mayHaveBody && !context.isHead

        out.reserveCapacity(out.count + 256 + (writesBody && appendingBody ? response.body.count : 0))
        appendLiteral("HTTP/1.1 ", to: &out)
        appendDecimal(code, to: &out)
        out.append(ASCII.space)
        out.append(contentsOf: status.reasonPhrase.utf8)
        appendLiteral("\r\n", to: &out)

        var hasDate = false
        var hasContentLength = false
        var hasContentType = false
        var hasRequestID = false
        var hasContentTypeOptions = false
        var hasReferrerPolicy = false
        for field in response.head.headerFields {
            switch field.name {
            case .connection:
                continue  // ours to decide
            case .date: hasDate = true
            case .contentLength: hasContentLength = true
            case .contentType: hasContentType = true
            case .requestID: hasRequestID = true
            case .xContentTypeOptions: hasContentTypeOptions = true
            case .referrerPolicy: hasReferrerPolicy = true
            default: break
            }
            out.append(contentsOf: field.name.rawName.utf8)
            appendLiteral(": ", to: &out)
            out.append(contentsOf: field.value.utf8)
            appendLiteral("\r\n", to: &out)
        }
        if !hasDate {
            appendLiteral("Date: ", to: &out)
            out.append(contentsOf: context.date)
            appendLiteral("\r\n", to: &out)
        }
        if mayHaveBody {
            if !hasContentType {
                appendLiteral("Content-Type: application/octet-stream\r\n", to: &out)
            }
            if !hasContentLength {
                appendLiteral("Content-Length: ", to: &out)
                appendDecimal(response.body.count, to: &out)
                appendLiteral("\r\n", to: &out)
            }
        }
        if !hasRequestID {
            appendLiteral("X-Request-Id: ", to: &out)
            out.append(contentsOf: context.requestID.utf8)
            appendLiteral("\r\n", to: &out)
        }
        if !hasContentTypeOptions { appendLiteral("X-Content-Type-Options: nosniff\r\n", to: &out) }
        if !hasReferrerPolicy { appendLiteral("Referrer-Policy: no-referrer\r\n", to: &out) }
        if !context.keepAlive {
            appendLiteral("Connection: close\r\n", to: &out)
        } else if context.requestVersion == .http10 {
            appendLiteral("Connection: keep-alive\r\n", to: &out)
        }
        appendLiteral("\r\n", to: &out)
        if writesBody {
            if appendingBody { out.append(contentsOf: response.body) }
            return response.body.count
        }
        return 0
    }

    @inline(__always)
    static func appendLiteral(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Decimal digits of a non-negative integer without going through `String`.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = value
        withUnsafeMutableBytes(of: &digits) { buf in
            while v > 0 {
                buf[19 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            }
            out.append(contentsOf: buf[(20 - count)...])
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: correlates a client's request with our access log line.
    public static let requestID = HTTPField.Name("X-Request-Id")!
    /// `Referrer-Policy` (W3C Referrer Policy), which swift-http-types 1.8 does not name.
    public static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
