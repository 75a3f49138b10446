import HTTPTypes
import Testing

@testable import HTTPServer

/// Feeds `raw` (all at once, or one byte at a time) and collects the outcomes until more data is needed.
private func parse(_ raw: String, limits: HTTPRequestParser.Limits = .init(), byteAtATime: Bool = false) -> [Outcome] {
    var parser = HTTPRequestParser(limits: limits)
    var outcomes: [Outcome] = []
    func drain() -> Bool {
        while true {
            switch parser.next() {
            case .needMoreData: return true
            case .request(let request, let keepAlive): outcomes.append(.request(request, keepAlive: keepAlive))
            case .error(let error):
                outcomes.append(.error(error))
                return false
            }
        }
    }
    let bytes = Array(raw.utf8)
    if byteAtATime {
        for byte in bytes {
            parser.append(CollectionOfOne(byte))
            if !drain() { break }
        }
    } else {
        parser.append(bytes)
        _ = drain()
    }
    return outcomes
}

/// A chunked POST whose body (after the head) is `body`, as sent on the wire.
private func chunked(_ body: String) -> String {
    "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
}

private enum Outcome {
    case request(ServerRequest, keepAlive: Bool)
    case error(HTTPParseError)

    var request: ServerRequest? {
        if case .request(let r, _) = self { return r }
        return nil
    }
    var keepAlive: Bool? {
        if case .request(_, let k) = self { return k }
        return nil
    }
    var error: HTTPParseError? {
        if case .error(let e) = self { return e }
        return nil
    }
}

struct HTTPRequestParserTests {
    // MARK: Rejections: each raw request, the error, and the status the client sees.

    struct Rejection: CustomTestStringConvertible, Sendable {
        var name: String
        var raw: String
        var error: HTTPParseError
        var status: Int
        var testDescription: String { name }
    }

    static let rejections: [Rejection] = [
        .init(
            name: "Content-Length with Transfer-Encoding",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
            error: .contentLengthWithTransferEncoding, status: 400),
        .init(
            name: "duplicate Content-Length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
            error: .multipleContentLength, status: 400),
        .init(
            name: "Content-Length list", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc",
            error: .invalidContentLength, status: 400),
        .init(
            name: "negative Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
            error: .invalidContentLength, status: 400),
        .init(
            name: "non-numeric Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n",
            error: .invalidContentLength, status: 400),
        .init(
            name: "whitespace before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", error: .whitespaceBeforeColon,
            status: 400),
        .init(
            name: "obs-fold", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n  continued\r\n\r\n",
            error: .obsoleteLineFolding, status: 400),
        .init(
            name: "control character in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u{01}2\r\n\r\n",
            error: .invalidFieldValue, status: 400),
        .init(
            name: "NUL in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\u{00}2\r\n\r\n",
            error: .invalidFieldValue, status: 400),
        .init(
            name: "invalid token in field name", raw: "GET / HTTP/1.1\r\nHost: a\r\nX(A): 1\r\n\r\n",
            error: .invalidFieldName, status: 400),
        .init(
            name: "field line without colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nnocolon\r\n\r\n",
            error: .invalidFieldName, status: 400),
        .init(
            name: "invalid token in method", raw: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidMethod,
            status: 400),
        .init(
            name: "control character in target", raw: "GET /a\u{7F}b HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .invalidTarget, status: 400),
        .init(
            name: "fragment in target", raw: "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget, status: 400),
        .init(name: "relative target", raw: "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", error: .invalidTarget, status: 400),
        .init(
            name: "bare CR in field value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r2\r\n\r\n",
            error: .bareCarriageReturn, status: 400),
        .init(
            name: "bare CR in request line", raw: "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", error: .bareCarriageReturn,
            status: 400),
        .init(name: "bare LF", raw: "GET / HTTP/1.1\nHost: a\r\n\r\n", error: .bareLineFeed, status: 400),
        .init(
            name: "missing Host on 1.1", raw: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", error: .missingHost, status: 400),
        .init(
            name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", error: .multipleHost,
            status: 400),
        .init(
            name: "two spaces in request line", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", error: .malformedRequestLine,
            status: 400),
        .init(name: "missing version", raw: "GET /\r\nHost: a\r\n\r\n", error: .malformedRequestLine, status: 400),
        .init(
            name: "malformed version", raw: "GET / HTTP/1.1x\r\nHost: a\r\n\r\n", error: .malformedVersion, status: 400),
        .init(
            name: "lowercase protocol name", raw: "GET / http/1.1\r\nHost: a\r\n\r\n", error: .malformedVersion,
            status: 400),
        .init(
            name: "invalid percent-encoding in path", raw: "GET /a%2 HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .invalidPercentEncoding, status: 400),
        .init(
            name: "non-hex percent-encoding in query", raw: "GET /a?x=%zz HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .invalidPercentEncoding, status: 400),
        .init(
            name: "percent-encoding that is not UTF-8", raw: "GET /%FF HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .invalidPercentEncoding, status: 400),
        .init(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", error: .unsupportedVersion, status: 505),
        .init(name: "HTTP/1.2", raw: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", error: .unsupportedVersion, status: 505),
        .init(name: "HTTP/0.9", raw: "GET / HTTP/0.9\r\nHost: a\r\n\r\n", error: .unsupportedVersion, status: 505),
        .init(
            name: "unknown method", raw: "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", error: .unsupportedMethod, status: 501
        ),
        .init(
            name: "lowercase method is unknown", raw: "get / HTTP/1.1\r\nHost: a\r\n\r\n", error: .unsupportedMethod,
            status: 501),
        // Host (RFC 9112 §3.2)
        .init(name: "space inside Host", raw: "GET / HTTP/1.1\r\nHost: my host\r\n\r\n", error: .invalidHost, status: 400),
        .init(
            name: "control character in Host", raw: "GET / HTTP/1.1\r\nHost: a\u{7F}b\r\n\r\n",
            error: .invalidFieldValue, status: 400),
        .init(name: "port with letters", raw: "GET / HTTP/1.1\r\nHost: a:80x\r\n\r\n", error: .invalidHost, status: 400),
        .init(name: "two ports", raw: "GET / HTTP/1.1\r\nHost: a:80:81\r\n\r\n", error: .invalidHost, status: 400),
        .init(name: "user info in Host", raw: "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", error: .invalidHost, status: 400),
        .init(name: "unclosed IPv6 literal", raw: "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", error: .invalidHost, status: 400),
        .init(name: "truncated percent escape", raw: "GET / HTTP/1.1\r\nHost: a%2\r\n\r\n", error: .invalidHost, status: 400),
        .init(
            name: "two Host fields, one empty", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost:\r\n\r\n", error: .multipleHost,
            status: 400),
        // Transfer-Encoding (RFC 9112 §6.1, §6.3)
        .init(
            name: "final coding not chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "chunked then another coding",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "chunked twice across two fields",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "empty Transfer-Encoding", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "chunked with a parameter",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "misspelt chunked", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunk\r\n\r\n0\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "Transfer-Encoding on HTTP/1.0",
            raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            error: .invalidTransferEncoding, status: 400),
        .init(
            name: "a coding we do not decode before chunked",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            error: .unsupportedTransferEncoding, status: 501),
        .init(
            name: "Content-Length after Transfer-Encoding",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            error: .contentLengthWithTransferEncoding, status: 400),
        // Chunked bodies (RFC 9112 §7.1)
        .init(name: "negative chunk size", raw: chunked("-1\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkSize, status: 400),
        .init(name: "hex prefix in chunk size", raw: chunked("0x3\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkSize, status: 400),
        .init(name: "empty chunk size", raw: chunked("\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkSize, status: 400),
        .init(name: "letters in chunk size", raw: chunked("3g\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkSize, status: 400),
        .init(name: "space inside chunk size", raw: chunked("1 2\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkExtension, status: 400),
        .init(name: "whitespace after chunk size", raw: chunked("3 \r\nabc\r\n0\r\n\r\n"), error: .invalidChunkExtension, status: 400),
        .init(name: "extension without a name", raw: chunked("3;\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkExtension, status: 400),
        .init(name: "extension value unquoted space", raw: chunked("3;a=b c\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkExtension, status: 400),
        .init(name: "unterminated quoted extension", raw: chunked("3;a=\"bc\r\nabc\r\n0\r\n\r\n"), error: .invalidChunkExtension, status: 400),
        .init(
            name: "chunk size that overflows Int", raw: chunked("FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n"),
            error: .contentTooLarge, status: 413),
        .init(name: "chunk data longer than its size", raw: chunked("3\r\nabcd\r\n0\r\n\r\n"), error: .missingChunkDataTerminator, status: 400),
        .init(name: "chunk data shorter than its size", raw: chunked("5\r\nabc\r\n0\r\n\r\n"), error: .missingChunkDataTerminator, status: 400),
        .init(name: "bare LF after chunk size", raw: chunked("3\nabc\r\n0\r\n\r\n"), error: .bareLineFeed, status: 400),
        .init(name: "LF only after chunk data", raw: chunked("3\r\nabc\n0\r\n\r\n"), error: .missingChunkDataTerminator, status: 400),
        .init(
            name: "chunk-size line over 4 KiB", raw: chunked("3;" + String(repeating: "x", count: 5000) + "\r\nabc\r\n0\r\n\r\n"),
            error: .chunkLineTooLong, status: 400),
        .init(name: "trailer without colon", raw: chunked("0\r\nnot a field\r\n\r\n"), error: .invalidFieldName, status: 400),
        .init(name: "folded trailer", raw: chunked("0\r\nX-A: 1\r\n 2\r\n\r\n"), error: .obsoleteLineFolding, status: 400),
        .init(
            name: "trailer section over 32 KiB",
            raw: chunked("0\r\n" + String(repeating: "X-Pad: " + String(repeating: "p", count: 1000) + "\r\n", count: 40) + "\r\n"),
            error: .headerSectionTooLarge, status: 431),
        .init(
            name: "chunks adding up to over 1 MiB",
            raw: chunked("80000\r\n" + String(repeating: "a", count: 0x80000) + "\r\n80001\r\n"),
            error: .contentTooLarge, status: 413),
        .init(
            name: "request line over 8 KiB",
            raw: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: a\r\n\r\n",
            error: .requestLineTooLong, status: 414),
        .init(
            name: "over-long request line ending in a bare LF",
            raw: "GET /" + String(repeating: "a", count: 9000) + "\nHost: a\r\n\r\n", error: .requestLineTooLong,
            status: 414),
        .init(
            name: "header section over 32 KiB",
            raw: "GET / HTTP/1.1\r\nHost: a\r\n"
                + String(repeating: "X-Pad: " + String(repeating: "p", count: 1000) + "\r\n", count: 40) + "\r\n",
            error: .headerSectionTooLarge, status: 431),
        .init(
            name: "over 100 header fields",
            raw: "GET / HTTP/1.1\r\nHost: a\r\n" + (0..<101).map { "X-F\($0): v\r\n" }.joined() + "\r\n",
            error: .tooManyHeaderFields, status: 431),
        .init(
            name: "body over 1 MiB", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n",
            error: .contentTooLarge, status: 413),
        .init(
            name: "absurd Content-Length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            error: .contentTooLarge, status: 413),
    ]

    @Test(arguments: rejections)
    func rejects(_ rejection: Rejection) {
        for byteAtATime in [false, true] {
            let outcomes = parse(rejection.raw, byteAtATime: byteAtATime)
            #expect(outcomes.count == 1, "byteAtATime: \(byteAtATime)")
            #expect(outcomes.last?.error == rejection.error, "byteAtATime: \(byteAtATime)")
            #expect(outcomes.last?.error?.status.code == rejection.status)
            #expect(outcomes.last?.error?.closesConnection == true)
        }
    }

    @Test func endlessRequestLineIsRejectedBeforeItEnds() {
        let outcomes = parse("GET /" + String(repeating: "a", count: 9000))
        #expect(outcomes.first?.error == .requestLineTooLong)
    }

    @Test func endlessHeaderSectionIsRejectedBeforeItEnds() {
        let outcomes = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + String(repeating: "p", count: 40_000))
        #expect(outcomes.first?.error == .headerSectionTooLarge)
    }

    @Test func staysFailedAfterAnError() {
        var parser = HTTPRequestParser()
        parser.append(Array("BREW / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(parser.next().isError)
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(parser.next().isError)
    }

    // MARK: Valid requests

    @Test func simpleGet() throws {
        let outcomes = parse("GET /v1/events?limit=5 HTTP/1.1\r\nHost: example.com\r\nAccept: application/json\r\n\r\n")
        let request = try #require(outcomes.first?.request)
        #expect(outcomes.count == 1)
        #expect(request.head.method == .get)
        #expect(request.path == "/v1/events")
        #expect(request.query == [QueryItem(name: "limit", value: "5")])
        #expect(request.head.path == "/v1/events?limit=5")
        #expect(request.head.authority == "example.com")
        #expect(request.head.headerFields[.accept] == "application/json")
        #expect(request.version == .http11)
        #expect(outcomes.first?.keepAlive == true)
    }

    /// Common names come from a prebuilt table, rare ones are built: both
    /// are found whatever case the client used, and values are kept as sent.
    @Test func fieldNamesInAnyCaseAreFound() throws {
        let raw =
            "GET / HTTP/1.1\r\nhOsT: a\r\nACCEPT-ENCODING: gzip\r\nuser-agent: curl/8\r\nIf-None-Match: \"x\"\r\n"
            + "X-Custom-Thing: 1\r\nSec-Fetch-Mode: cors\r\nAccept-Encodings: no\r\n\r\n"
        let request = try #require(parse(raw).first?.request)
        let fields = request.head.headerFields
        #expect(request.head.authority == "a")
        #expect(fields[.acceptEncoding] == "gzip")
        #expect(fields[.userAgent] == "curl/8")
        #expect(fields[.ifNoneMatch] == "\"x\"")
        #expect(fields[HTTPField.Name("x-custom-thing")!] == "1")
        #expect(fields[HTTPField.Name("sec-fetch-mode")!] == "cors")
        #expect(fields[HTTPField.Name("Accept-Encodings")!] == "no")
        #expect(fields.count == 7)
    }

    @Test func byteAtATimeGivesTheSameRequest() throws {
        let raw = "POST /echo?a=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
        let outcomes = parse(raw, byteAtATime: true)
        let request = try #require(outcomes.first?.request)
        #expect(outcomes.count == 1)
        #expect(request.body == Array("hello".utf8))
        #expect(request.query == [QueryItem(name: "a", value: "1")])
    }

    @Test(arguments: [false, true])
    func pipelinedRequestsComeOutInOrder(byteAtATime: Bool) {
        let raw =
            "GET /first HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /second HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "HEAD /third HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
        let outcomes = parse(raw, byteAtATime: byteAtATime)
        #expect(outcomes.map { $0.request?.path } == ["/first", "/second", "/third"])
        #expect(outcomes[1].request?.body == Array("abc".utf8))
        #expect(outcomes.map(\.keepAlive) == [true, true, false])
    }

    @Test func pipelinedRequestThenAnErrorAnswersTheFirst() {
        let outcomes = parse("GET /ok HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/3.0\r\nHost: a\r\n\r\n")
        #expect(outcomes.first?.request?.path == "/ok")
        #expect(outcomes.last?.error == .unsupportedVersion)
    }

    @Test func absoluteFormTarget() throws {
        let outcomes = parse("GET http://Example.com:8080/v1/x?y=1 HTTP/1.1\r\nHost: ignored\r\n\r\n")
        let request = try #require(outcomes.first?.request)
        #expect(request.path == "/v1/x")
        #expect(request.query == [QueryItem(name: "y", value: "1")])
        #expect(request.head.authority == "Example.com:8080")
        #expect(request.head.scheme == "http")
        #expect(request.head.path == "/v1/x?y=1")
    }

    @Test func absoluteFormWithoutPath() throws {
        let request = try #require(parse("GET https://example.com?q HTTP/1.1\r\nHost: a\r\n\r\n").first?.request)
        #expect(request.path == "/")
        #expect(request.query == [QueryItem(name: "q", value: "")])
    }

    @Test func percentDecoding() throws {
        let request = try #require(
            parse("GET /caf%C3%A9/a%20b+c?q=a+b%2Bc&name=%E4%B8%AD%E4%BF%84 HTTP/1.1\r\nHost: a\r\n\r\n").first?.request
        )
        #expect(request.path == "/café/a b+c")  // `+` is literal in a path
        #expect(request.query == [QueryItem(name: "q", value: "a b+c"), QueryItem(name: "name", value: "中俄")])
    }

    @Test func repeatedQueryKeysAreKeptInOrder() throws {
        let request = try #require(parse("GET /s?tag=a&tag=b&&x&tag=c HTTP/1.1\r\nHost: a\r\n\r\n").first?.request)
        #expect(
            request.query == [
                QueryItem(name: "tag", value: "a"), QueryItem(name: "tag", value: "b"),
                QueryItem(name: "x", value: ""), QueryItem(name: "tag", value: "c"),
            ])
    }

    @Test func http10DefaultsToClose() {
        #expect(parse("GET / HTTP/1.0\r\n\r\n").first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").first?.keepAlive == true)
        #expect(parse("GET / HTTP/1.0\r\n\r\n").first?.request?.version == .http10)
    }

    @Test func connectionCloseIsHonoured() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, close\r\n\r\n").first?.keepAlive == false)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\n\r\n").first?.keepAlive == true)
    }

    @Test func fieldValuesAreTrimmedAndObsTextKept() throws {
        let request = try #require(
            parse("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t v a l \t\r\nX-B: caf\u{E9}\r\n\r\n").first?.request)
        #expect(request.head.headerFields[HTTPField.Name("X-A")!] == "v a l")
        #expect(request.head.headerFields[HTTPField.Name("X-B")!] == "café")
    }

    @Test func emptyLinesBeforeARequestAreIgnored() {
        #expect(parse("\r\n\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n").first?.request?.path == "/x")
    }

    @Test func allKnownMethodsParse() {
        for method in ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"] {
            #expect(parse("\(method) /m HTTP/1.1\r\nHost: a\r\n\r\n").first?.request?.head.method.rawValue == method)
        }
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").first?.request?.path == "*")
        #expect(
            parse("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n").first?.request?.head.method
                == .connect)
    }

    @Test func incompleteRequestNeedsMoreData() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8))
        #expect(parser.next().isNeedMoreData)
        #expect(parser.hasPartialRequest)
        parser.append(Array("\r\n".utf8))
        #expect(!parser.next().isNeedMoreData)
        #expect(!parser.hasPartialRequest)
    }

    @Test func expectContinueIsReportedUntilAcknowledged() {
        var parser = HTTPRequestParser()
        parser.append(Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(parser.next().isNeedMoreData)
        #expect(parser.expectsContinue)
        parser.continueSent()
        #expect(!parser.expectsContinue)
        parser.append(Array("ok".utf8))
        #expect(!parser.next().isNeedMoreData)
        #expect(!parser.expectsContinue)
    }

    @Test func bodyAtTheLimitIsAccepted() throws {
        var limits = HTTPRequestParser.Limits()
        limits.maxBodyBytes = 10
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits).first?.request?
                .body.count == 10)
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits).first?.error
                == .contentTooLarge)
    }

    /// Consumed bytes are dropped while a partial request is kept: its
    /// indices must survive the move.
    @Test func compactionKeepsAPartialRequestIntact() {
        var parser = HTTPRequestParser()
        let one = "GET /p HTTP/1.1\r\nHost: a\r\n\r\n"
        parser.append(Array((String(repeating: one, count: 300) + "POST /tail HTTP/1.1\r\nHost: a\r\nContent-Le").utf8))
        var served = 0
        while case .request = parser.next() { served += 1 }
        #expect(served == 300)
        parser.append(Array("ngth: 4\r\n\r\nab".utf8))
        #expect(parser.next().isNeedMoreData)
        parser.append(Array("cd".utf8))
        guard case .request(let request, _) = parser.next() else {
            Issue.record("tail request lost")
            return
        }
        #expect(request.path == "/tail")
        #expect(request.body == Array("abcd".utf8))
    }

    // MARK: Chunked bodies

    @Test(arguments: [false, true])
    func chunkedBodyIsDecodedAndTheNextRequestServed(byteAtATime: Bool) throws {
        let raw =
            chunked("4;lang=en;note=\"a \\\"quoted\\\" value\"\r\nWiki\r\nA\r\npedia in c\r\n00D \t; last\r\nhunks of text\r\n000\r\n")
            + "Checksum: 1f\r\nX-Note: sent after the body\r\n\r\n"
            + "GET /after HTTP/1.1\r\nHost: a\r\n\r\n"
        let outcomes = parse(raw, byteAtATime: byteAtATime)
        #expect(outcomes.count == 2)
        let upload = try #require(outcomes.first?.request)
        #expect(upload.path == "/upload")
        #expect(String(decoding: upload.body, as: UTF8.self) == "Wikipedia in chunks of text")
        #expect(outcomes.first?.keepAlive == true)
        #expect(outcomes.last?.request?.path == "/after")
    }

    @Test func emptyChunkedBodyAndCaseInsensitiveCoding() throws {
        let raw = "POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ,  Chunked\r\n\r\n0\r\n\r\n"
        let request = try #require(parse(raw).first?.request)
        #expect(request.body.isEmpty)
    }

    @Test func chunkedBodyWaitsForTheFinalEmptyLine() {
        var parser = HTTPRequestParser()
        parser.append(Array(chunked("2\r\nok\r\n0\r\n").utf8))
        #expect(parser.next().isNeedMoreData)
        #expect(parser.isReadingBody)
        #expect(parser.hasPartialRequest)
        parser.append(Array("\r\n".utf8))
        guard case .request(let request, _) = parser.next() else {
            Issue.record("the body was complete")
            return
        }
        #expect(request.body == Array("ok".utf8))
        #expect(!parser.hasPartialRequest)
    }

    @Test func chunkedBodyAtTheLimitIsAccepted() {
        var limits = HTTPRequestParser.Limits()
        limits.maxBodyBytes = 10
        #expect(parse(chunked("6\r\n012345\r\n4\r\n6789\r\n0\r\n\r\n"), limits: limits).first?.request?.body.count == 10)
        #expect(parse(chunked("6\r\n012345\r\n5\r\n"), limits: limits).first?.error == .contentTooLarge)
    }

    @Test func chunkedExpectContinueIsReported() {
        var parser = HTTPRequestParser()
        parser.append(
            Array("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        #expect(parser.next().isNeedMoreData)
        #expect(parser.expectsContinue)
    }

    /// A body sent as a great many one-byte chunks: the framing already
    /// decoded is dropped as it goes, so only the data is kept.
    @Test func manySmallChunksDoNotKeepTheirFraming() {
        var parser = HTTPRequestParser()
        parser.append(Array(chunked("").utf8))
        let oneByteChunk = Array("1;padding=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\nz\r\n".utf8)
        for _ in 0..<5000 {
            parser.append(oneByteChunk)
            #expect(parser.next().isNeedMoreData)
        }
        #expect(parser.bufferedByteCount < 16 * 1024)
        parser.append(Array("0\r\n\r\n".utf8))
        guard case .request(let request, _) = parser.next() else {
            Issue.record("the body was complete")
            return
        }
        #expect(request.body.count == 5000)
    }

    // MARK: Host

    @Test(arguments: ["example.org", "example.org:8080", "127.0.0.1:80", "[::1]:8080", "[v1.fe]", "a%2Db", "host:", ""])
    func validHostIsAccepted(host: String) {
        #expect(parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n").first?.request != nil)
    }

    @Test func longPipelineDoesNotKeepConsumedBytes() {
        var parser = HTTPRequestParser()
        let one = Array("GET /p HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var served = 0
        for _ in 0..<2000 {
            parser.append(one)
            while case .request = parser.next() { served += 1 }
        }
        #expect(served == 2000)
        #expect(!parser.hasPartialRequest)
    }
}

extension HTTPRequestParser.Outcome {
    var isError: Bool { if case .error = self { true } else { false } }
    var isNeedMoreData: Bool { if case .needMoreData = self { true } else { false } }
}
