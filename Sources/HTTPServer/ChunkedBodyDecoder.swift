/// The chunked transfer coding (RFC 9112 §7.1), decoded as bytes arrive.
///
///     chunked-body = *chunk last-chunk trailer-section CRLF
///     chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
///     last-chunk   = 1*("0") [ chunk-ext ] CRLF
///
/// A value with no I/O: `decode` takes whatever bytes follow the head,
/// consumes what it can (only whole lines, and data up to the chunk's end),
/// and says how many it used. Every malformed or oversized framing is an
/// error that closes the connection, since the next request's first byte can
/// no longer be found. Extensions are checked and ignored, trailers checked
/// and dropped: we act on neither.
struct ChunkedBodyDecoder: Sendable {
    /// A chunk-size line (size and extensions) longer than this is refused:
    /// no client needs more, and it bounds how much we scan for a line end.
    static let maxLineBytes = 4 * 1024

    /// The decoded body so far.
    private(set) var body: [UInt8] = []
    private let maxBodyBytes: Int
    private let maxTrailerBytes: Int
    private var state = State.size
    /// Bytes of the current line already searched for its LF, so a line
    /// that arrives a byte at a time is not scanned again from its start.
    private var lineScanned = 0
    private var trailerBytes = 0

    private enum State: Sendable {
        case size
        case data(remaining: Int)
        /// Chunk data ended: CRLF must follow.
        case dataEnd
        case trailer
        case done
    }

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    var isFinished: Bool {
        if case .done = state { true } else { false }
    }

    /// Hands the decoded body over, leaving the decoder empty.
    mutating func takeBody() -> [UInt8] {
        defer { body = [] }
        return body
    }

    /// Consumes from the front of `bytes`; returns how many bytes were used.
    /// Once `isFinished`, the bytes after the body belong to the next request.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        var used = 0
        while used < bytes.count {
            switch state {
            case .size:
                guard let line = try nextLine(bytes, from: used, limit: Self.maxLineBytes, tooLong: .chunkLineTooLong)
                else { return used }
                let size = try parseSizeLine(UnsafeBufferPointer(rebasing: bytes[used..<line.end]))
                used = line.next
                state = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                let take = min(remaining, bytes.count - used)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[used..<(used + take)]))
                used += take
                state = remaining == take ? .dataEnd : .data(remaining: remaining - take)
            case .dataEnd:
                guard bytes[used] == ASCII.cr else { throw .missingChunkDataTerminator }
                guard used + 1 < bytes.count else { return used }
                guard bytes[used + 1] == ASCII.lf else { throw .missingChunkDataTerminator }
                used += 2
                state = .size
            case .trailer:
                guard
                    let line = try nextLine(
                        bytes, from: used, limit: maxTrailerBytes - trailerBytes, tooLong: .headerSectionTooLarge)
                else { return used }
                trailerBytes += line.next - used
                if line.end == used {
                    state = .done
                    return line.next
                }
                try Self.checkTrailerField(bytes[used..<line.end])
                used = line.next
            case .done:
                return used
            }
        }
        return used
    }

    // MARK: - Lines

    /// The CRLF-ended line starting at `start`: `end` is the index of its CR,
    /// `next` the index after its LF. Nil when the LF has not arrived.
    private mutating func nextLine(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int, tooLong: HTTPParseError
    ) throws(HTTPParseError) -> (end: Int, next: Int)? {
        var i = start + lineScanned
        while i < bytes.count && bytes[i] != ASCII.lf { i += 1 }
        guard i < bytes.count else {
            lineScanned = i - start
            if lineScanned > limit { throw tooLong }
            return nil
        }
        lineScanned = 0
        if i - start > limit { throw tooLong }
        guard i > start, bytes[i - 1] == ASCII.cr else { throw .bareLineFeed }
        return (i - 1, i + 1)
    }

    /// `chunk-size [ chunk-ext ]`: hex digits, then the extensions. A size
    /// that would take the body past its limit is refused while its digits
    /// are read, so no size, however long, can overflow.
    private func parseSizeLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Int {
        var size = 0
        var digits = 0
        let budget = maxBodyBytes - body.count
        while digits < line.count, let value = ASCII.hexValue(line[digits]) {
            let (shifted, o1) = size.multipliedReportingOverflow(by: 16)
            let (sum, o2) = shifted.addingReportingOverflow(Int(value))
            if o1 || o2 || sum > budget { throw .contentTooLarge }
            size = sum
            digits += 1
        }
        guard digits > 0 else { throw .invalidChunkSize }
        try Self.checkExtensions(line[digits...])
        return size
    }

    /// `*( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )`.
    /// Whitespace is allowed only around `;` and `=`, never alone at the end
    /// of the line, and anything else after the size (`5 x`, `-1`, `0x5`)
    /// makes the size invalid rather than being skipped over.
    static func checkExtensions(_ rest: UnsafeBufferPointer<UInt8>.SubSequence) throws(HTTPParseError) {
        var i = rest.startIndex
        let end = rest.endIndex
        func skipWhitespace() { while i < end && (rest[i] == ASCII.space || rest[i] == ASCII.tab) { i += 1 } }
        func token() -> Bool {
            let first = i
            while i < end && ASCII.isTokenChar(rest[i]) { i += 1 }
            return i > first
        }
        if i < end && rest[i] != ASCII.semicolon && !ASCII.isWhitespace(rest[i]) { throw .invalidChunkSize }
        while i < end {
            skipWhitespace()
            guard i < end, rest[i] == ASCII.semicolon else { throw .invalidChunkExtension }
            i += 1
            skipWhitespace()
            guard token() else { throw .invalidChunkExtension }
            let afterName = i
            skipWhitespace()
            guard i < end, rest[i] == ASCII.equals else {
                i = afterName
                continue
            }
            i += 1
            skipWhitespace()
            if i < end && rest[i] == ASCII.quote {
                guard quotedString(rest, &i) else { throw .invalidChunkExtension }
            } else if !token() {
                throw .invalidChunkExtension
            }
        }
    }

    /// RFC 9110 §5.6.4 `quoted-string`, starting at the opening quote; moves
    /// `i` past the closing one.
    private static func quotedString(_ rest: UnsafeBufferPointer<UInt8>.SubSequence, _ i: inout Int) -> Bool {
        i += 1
        while i < rest.endIndex {
            let byte = rest[i]
            if byte == ASCII.quote {
                i += 1
                return true
            }
            if byte == ASCII.backslash {
                i += 1
                guard i < rest.endIndex, ASCII.isFieldValueChar(rest[i]) else { return false }
            } else if !ASCII.isFieldValueChar(byte) {
                return false
            }
            i += 1
        }
        return false
    }

    /// A trailer line has the shape of a header field line.
    private static func checkTrailerField(_ line: UnsafeBufferPointer<UInt8>.SubSequence) throws(HTTPParseError) {
        if ASCII.isWhitespace(line[line.startIndex]) { throw .obsoleteLineFolding }
        guard let colon = line.firstIndex(of: ASCII.colon), colon > line.startIndex else {
            throw .invalidFieldName
        }
        for byte in line[line.startIndex..<colon] where !ASCII.isTokenChar(byte) {
            throw byte == ASCII.cr ? .bareCarriageReturn : .invalidFieldName
        }
        for byte in ASCII.trimmed(line[(colon + 1)...]) where !ASCII.isFieldValueChar(byte) {
            throw byte == ASCII.cr ? .bareCarriageReturn : .invalidFieldValue
        }
    }
}
