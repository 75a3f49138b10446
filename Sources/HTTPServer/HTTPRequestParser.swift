import HTTPTypes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns bytes into requests, and nothing else: no sockets, no clocks.
///
/// Feed it with `append(_:)` as bytes arrive (one at a time is fine) and call
/// `next()` until it says `.needMoreData`. Pipelined requests in one buffer
/// come out one per call, in order. After an error it keeps returning that
/// error: the connection must be closed, since the framing of anything after
/// a bad request cannot be trusted.
public struct HTTPRequestParser: Sendable {
    /// Size limits; each maps to a status (414, 431, 413).
    public struct Limits: Sendable {
        public var maxRequestLineBytes: Int = 8 * 1024
        public var maxHeaderBytes: Int = 32 * 1024
        public var maxHeaderCount: Int = 100
        public var maxBodyBytes: Int = 1024 * 1024
        public init() {}
        public init(_ configuration: HTTPServerConfiguration) {
            maxRequestLineBytes = configuration.maxRequestLineBytes
            maxHeaderBytes = configuration.maxHeaderBytes
            maxHeaderCount = configuration.maxHeaderCount
            maxBodyBytes = configuration.maxBodyBytes
        }
    }

    public enum Outcome: Sendable {
        /// A complete request. `keepAlive` folds in the version default and the
        /// `Connection` header (`close` / `keep-alive`).
        case request(ServerRequest, keepAlive: Bool)
        case needMoreData
        case error(HTTPParseError)
    }

    public let limits: Limits
    private var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed by a returned request.
    private var start = 0
    /// Where the search for the end of the head resumes.
    private var scanIndex = 0
    /// Start of the line being scanned.
    private var lineStart = 0
    /// Lines ended so far in the current head (0: still in the request line).
    private var lineCount = 0
    /// First byte after the request line.
    private var fieldsStart = 0
    /// A parsed head waiting for its body.
    private var pending: PendingHead?
    private var failure: HTTPParseError?

    private struct PendingHead: Sendable {
        var request: ServerRequest
        var keepAlive: Bool
        /// Where the body's next unread byte is.
        var bodyStart: Int
        /// From Content-Length (0 without one); unused when chunked.
        var bodyLength: Int
        /// Set for `Transfer-Encoding: chunked`.
        var chunked: ChunkedBodyDecoder?
        /// `Expect: 100-continue` on HTTP/1.1, and no interim answer sent yet.
        var expectsContinue: Bool
    }

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// True when some bytes of a request that has not completed are buffered
    /// or decoded: the connection is in the middle of a request, not idle.
    public var hasPartialRequest: Bool { pending != nil || start < buffer.count }

    /// Bytes the buffer holds, consumed ones not yet compacted away included.
    var bufferedByteCount: Int { buffer.count }

    /// True once the head of the current request is parsed and its body is awaited.
    public var isReadingBody: Bool { pending != nil }

    /// True when the request being read asked for `100 Continue` before
    /// sending its body (curl does for larger uploads, waiting 1 s otherwise).
    /// Call `continueSent()` once the interim response is queued.
    public var expectsContinue: Bool { pending?.expectsContinue ?? false }

    public mutating func continueSent() {
        pending?.expectsContinue = false
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Drops consumed bytes so the buffer does not grow with a long pipeline.
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if start >= 4096 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        scanIndex -= start
        lineStart -= start
        fieldsStart -= start
        if pending != nil { pending!.bodyStart -= start }
        start = 0
    }

    /// The next complete request, `.needMoreData`, or the error that ends the connection.
    public mutating func next() -> Outcome {
        if let failure { return .error(failure) }
        do throws(HTTPParseError) {
            if pending == nil {
                guard let headEnd = try findHeadEnd() else { return .needMoreData }
                let parsed = buffer.withUnsafeBufferPointer { all in
                    Result { () throws(HTTPParseError) in
                        try parseHead(UnsafeBufferPointer(rebasing: all[start..<headEnd]), bodyStart: headEnd)
                    }
                }
                pending = try parsed.get()
            }
            if pending!.chunked != nil { return try nextChunkedBody() }
            guard let head = pending, buffer.count - head.bodyStart >= head.bodyLength else {
                return .needMoreData
            }
            var request = head.request
            let bodyEnd = head.bodyStart + head.bodyLength
            if head.bodyLength > 0 {
                request.body = Array(buffer[head.bodyStart..<bodyEnd])
            }
            return finish(request, keepAlive: head.keepAlive, bodyEnd: bodyEnd)
        } catch {
            failure = error
            return .error(error)
        }
    }

    /// Feeds the buffered bytes to the chunk decoder. The wire bytes it used
    /// are released at once (the head is parsed, the data copied out), so a
    /// body of many small chunks costs its decoded size, not its framing.
    private mutating func nextChunkedBody() throws(HTTPParseError) -> Outcome {
        var decoder = pending!.chunked.take()!
        let from = pending!.bodyStart
        let used = try buffer.withUnsafeBufferPointer { (all) throws(HTTPParseError) -> Int in
            try decoder.decode(UnsafeBufferPointer(rebasing: all[from...]))
        }
        pending!.bodyStart += used
        start = pending!.bodyStart
        guard decoder.isFinished else {
            pending!.chunked = decoder
            return .needMoreData
        }
        var request = pending!.request
        request.body = decoder.takeBody()
        return finish(request, keepAlive: pending!.keepAlive, bodyEnd: pending!.bodyStart)
    }

    /// Hands out a complete request; the next one starts at `bodyEnd`.
    private mutating func finish(_ request: ServerRequest, keepAlive: Bool, bodyEnd: Int) -> Outcome {
        pending = nil
        start = bodyEnd
        scanIndex = bodyEnd
        lineStart = bodyEnd
        lineCount = 0
        return .request(request, keepAlive: keepAlive)
    }

    // MARK: - Framing

    /// Scans for the empty line that ends the head, enforcing the size limits
    /// as bytes arrive so an endless head is rejected without being buffered.
    /// Returns the index just past the head, or nil if it is not complete yet.
    private mutating func findHeadEnd() throws(HTTPParseError) -> Int? {
        let count = buffer.count
        let result: Int? = try buffer.withUnsafeBufferPointer { (buf) throws(HTTPParseError) -> Int? in
            guard let base = buf.baseAddress else { return nil }
            while scanIndex < count {
                guard let found = memchr(base + scanIndex, Int32(ASCII.lf), count - scanIndex) else {
                    scanIndex = count
                    break
                }
                let lf = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                // Size limits first, with the same thresholds as the check on
                // a partial line below: the outcome must not depend on how the
                // bytes were split (the fuzzer checks this).
                if lineCount == 0 {
                    if lf - lineStart > limits.maxRequestLineBytes + 1 { throw .requestLineTooLong }
                } else if lf - fieldsStart > limits.maxHeaderBytes {
                    throw .headerSectionTooLarge
                }
                guard lf > lineStart, buf[lf - 1] == ASCII.cr else { throw .bareLineFeed }
                let lineEnd = lf - 1
                if lineCount == 0 {
                    if lineEnd == lineStart {
                        // RFC 9112 §2.2: ignore empty lines before a request line
                        // (some clients send a stray CRLF after a body).
                        start = lf + 1
                    } else {
                        if lineEnd - lineStart > limits.maxRequestLineBytes { throw .requestLineTooLong }
                        lineCount = 1
                        fieldsStart = lf + 1
                    }
                } else {
                    if lf + 1 - fieldsStart > limits.maxHeaderBytes { throw .headerSectionTooLarge }
                    if lineEnd == lineStart {
                        scanIndex = lf + 1
                        lineStart = lf + 1
                        return lf + 1
                    }
                    lineCount += 1
                    if lineCount - 1 > limits.maxHeaderCount { throw .tooManyHeaderFields }
                }
                scanIndex = lf + 1
                lineStart = lf + 1
            }
            return nil
        }
        if result == nil {
            // The line in progress may already be over its limit.
            if lineCount == 0 {
                if count - lineStart > limits.maxRequestLineBytes + 1 { throw .requestLineTooLong }
            } else if count - fieldsStart > limits.maxHeaderBytes {
                throw .headerSectionTooLarge
            }
        }
        return result
    }

    // MARK: - Head

    private func parseHead(_ head: UnsafeBufferPointer<UInt8>, bodyStart: Int) throws(HTTPParseError) -> PendingHead {
        let all = head[...]
        // The request line ends at the first CRLF (findHeadEnd guaranteed it).
        var lineEnd = all.startIndex
        while all[lineEnd] != ASCII.lf { lineEnd += 1 }
        let line = RequestLine.parse(all[all.startIndex..<(lineEnd - 1)])
        var requestLine = try line.get()

        var fields = HTTPFields()
        fields.reserveCapacity(16)
        var contentLength: Int?
        var transferCodings = TransferCodingList()
        var hostCount = 0
        var hostValue: String?
        var connectionClose = false
        var connectionKeepAlive = false
        var expectsContinue = false

        var cursor = lineEnd + 1
        let end = all.endIndex - 2  // the final empty line
        while cursor < end {
            var lf = cursor
            while all[lf] != ASCII.lf { lf += 1 }
            let fieldLine = all[cursor..<(lf - 1)]
            cursor = lf + 1

            if ASCII.isWhitespace(fieldLine[fieldLine.startIndex]) { throw .obsoleteLineFolding }
            guard let colon = fieldLine.firstIndex(of: ASCII.colon) else {
                throw fieldLine.contains(ASCII.cr) ? .bareCarriageReturn : .invalidFieldName
            }
            let name = fieldLine[fieldLine.startIndex..<colon]
            guard !name.isEmpty else { throw .invalidFieldName }
            if ASCII.isWhitespace(name[name.endIndex - 1]) { throw .whitespaceBeforeColon }
            for byte in name where !ASCII.isTokenChar(byte) {
                throw byte == ASCII.cr ? .bareCarriageReturn : .invalidFieldName
            }
            let value = ASCII.trimmed(fieldLine[(colon + 1)...])
            for byte in value where !ASCII.isFieldValueChar(byte) {
                throw byte == ASCII.cr ? .bareCarriageReturn : .invalidFieldValue
            }
            guard let fieldName = KnownFieldNames.lookup(name) ?? HTTPField.Name(String(decoding: name, as: UTF8.self))
            else {
                throw .invalidFieldName
            }

            switch name.count {
            case 4 where ASCII.equalsLowercase(name, "host"):
                hostCount += 1
                if hostCount > 1 { throw .multipleHost }
                guard HostField.isValid(value) else { throw .invalidHost }
                hostValue = String(decoding: value, as: UTF8.self)
            case 6 where ASCII.equalsLowercase(name, "expect"):
                expectsContinue = ASCII.equalsLowercase(value, "100-continue")
            case 10 where ASCII.equalsLowercase(name, "connection"):
                Self.scanConnectionTokens(value, close: &connectionClose, keepAlive: &connectionKeepAlive)
            case 14 where ASCII.equalsLowercase(name, "content-length"):
                if contentLength != nil { throw .multipleContentLength }
                contentLength = try Self.parseContentLength(value)
            case 17 where ASCII.equalsLowercase(name, "transfer-encoding"):
                transferCodings.add(value)
            default:
                break
            }
            fields.append(HTTPField(name: fieldName, value: value))
        }

        if requestLine.version == .http11 && hostCount == 0 { throw .missingHost }
        var chunked: ChunkedBodyDecoder?
        if transferCodings.isPresent {
            // RFC 9112 §6.3: both is a smuggling attempt (which one would a proxy believe?).
            if contentLength != nil { throw .contentLengthWithTransferEncoding }
            try transferCodings.checkChunked(version: requestLine.version)
            chunked = ChunkedBodyDecoder(maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeaderBytes)
        }
        let bodyLength = contentLength ?? 0
        if bodyLength > limits.maxBodyBytes { throw .contentTooLarge }

        if requestLine.authority == nil { requestLine.authority = hostValue }
        let keepAlive =
            requestLine.version == .http11 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        let httpRequest = HTTPRequest(
            method: requestLine.method,
            scheme: requestLine.scheme,
            authority: requestLine.authority,
            path: requestLine.rawPath,
            headerFields: fields
        )
        let request = ServerRequest(
            head: httpRequest, path: requestLine.path, query: requestLine.query,
            body: [], version: requestLine.version
        )
        return PendingHead(
            request: request, keepAlive: keepAlive, bodyStart: bodyStart, bodyLength: bodyLength, chunked: chunked,
            expectsContinue: expectsContinue && requestLine.version == .http11 && (bodyLength > 0 || chunked != nil))
    }

    /// `Content-Length = 1*DIGIT`; lists (`5, 5`) and signs are rejected.
    private static func parseContentLength(_ value: UnsafeBufferPointer<UInt8>.SubSequence) throws(HTTPParseError)
        -> Int
    {
        guard !value.isEmpty else { throw .invalidContentLength }
        var result = 0
        for byte in value {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .invalidContentLength }
            let (times10, o1) = result.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if o1 || o2 { throw .contentTooLarge }
            result = sum
        }
        return result
    }

    private static func scanConnectionTokens(
        _ value: UnsafeBufferPointer<UInt8>.SubSequence, close: inout Bool, keepAlive: inout Bool
    ) {
        var tokenStart = value.startIndex
        var i = value.startIndex
        while i <= value.endIndex {
            if i == value.endIndex || value[i] == ASCII.comma {
                let token = ASCII.trimmed(value[tokenStart..<i])
                if ASCII.equalsLowercase(token, "close") { close = true }
                if ASCII.equalsLowercase(token, "keep-alive") { keepAlive = true }
                tokenStart = i + 1
            }
            i += 1
        }
    }
}
