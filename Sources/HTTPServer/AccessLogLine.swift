#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One access-log entry, written straight into bytes: `method`, `path`,
/// `status`, `bytes`, `duration_ms`, `request_id`, `remote` (and `error` for
/// a request the parser rejected). Numbers stay numbers. Going through
/// swift-log's metadata dictionary and a JSON value per line was most of
/// the access log's cost, so the line is built here, once, in place.
struct AccessLogLine {
    var method: String
    var path: String
    var status: Int
    var bytes: Int
    var duration: Duration
    var requestID: String
    var remote: String
    var error: String?

    init(_ record: CompletedRequest) {
        method = record.head.method.rawValue
        path = record.path
        status = Int(record.status.code)
        bytes = record.bodyBytes
        duration = record.duration
        requestID = record.requestID
        remote = record.remoteAddress
    }

    /// A request rejected by the parser has no method or path; `error` says why.
    init(rejected error: HTTPParseError, bodyBytes: Int, requestID: String, remoteAddress: String) {
        method = "-"
        path = "-"
        status = Int(error.status.code)
        bytes = bodyBytes
        duration = .zero
        self.requestID = requestID
        remote = remoteAddress
        self.error = String(describing: error)
    }

    /// Appends the line and its newline. `timestamp` is `LogTimestamp`'s text for this second.
    func write(format: AccessLogFormat, label: String, timestamp: LogTimestamp, into out: inout [UInt8]) {
        switch format {
        case .json: writeJSON(label: label, timestamp: timestamp.iso8601, into: &out)
        case .text: writeText(label: label, timestamp: timestamp.withOffset, into: &out)
        }
        out.append(0x0A)
    }

    private func writeJSON(label: String, timestamp: [UInt8], into out: inout [UInt8]) {
        literal("{\"ts\":\"", &out)
        out.append(contentsOf: timestamp)
        literal("\",\"level\":\"info\",\"logger\":", &out)
        Self.jsonString(label, into: &out)
        literal(",\"msg\":\"request\",\"bytes\":", &out)
        decimal(bytes, &out)
        literal(",\"duration_ms\":", &out)
        Self.milliseconds(duration, into: &out)
        if let error {
            literal(",\"error\":", &out)
            Self.jsonString(error, into: &out)
        }
        literal(",\"method\":", &out)
        Self.jsonString(method, into: &out)
        literal(",\"path\":", &out)
        Self.jsonString(path, into: &out)
        literal(",\"remote\":", &out)
        Self.jsonString(remote, into: &out)
        literal(",\"request_id\":", &out)
        Self.jsonString(requestID, into: &out)
        literal(",\"status\":", &out)
        decimal(status, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Values are written as they are, like `StreamLogHandler` does, except
    /// that control characters (a percent-decoded `%0A` in a path) are
    /// escaped so one request stays one line.
    private func writeText(label: String, timestamp: [UInt8], into out: inout [UInt8]) {
        out.append(contentsOf: timestamp)
        literal(" info ", &out)
        Self.plain(label, into: &out)
        literal(" : bytes=", &out)
        decimal(bytes, &out)
        literal(" duration_ms=", &out)
        Self.milliseconds(duration, into: &out)
        if let error {
            literal(" error=", &out)
            Self.plain(error, into: &out)
        }
        literal(" method=", &out)
        Self.plain(method, into: &out)
        literal(" path=", &out)
        Self.plain(path, into: &out)
        literal(" remote=", &out)
        Self.plain(remote, into: &out)
        literal(" request_id=", &out)
        Self.plain(requestID, into: &out)
        literal(" status=", &out)
        decimal(status, &out)
        literal(" [HTTPServer] request", &out)
    }

    // MARK: - Pieces

    private func literal(_ text: StaticString, _ out: inout [UInt8]) {
        HTTPResponseEncoder.appendLiteral(text, to: &out)
    }

    /// Statuses and byte counts, never negative.
    private func decimal(_ value: Int, _ out: inout [UInt8]) {
        HTTPResponseEncoder.appendDecimal(max(0, value), to: &out)
    }

    /// Milliseconds to the microsecond: `12.045`, `0.005`, `3` (no trailing zeros).
    static func milliseconds(_ duration: Duration, into out: inout [UInt8]) {
        let micros = max(0, Int(duration.nanoseconds / 1000))
        HTTPResponseEncoder.appendDecimal(micros / 1000, to: &out)
        var fraction = micros % 1000
        guard fraction > 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// A JSON string: `"`, `\` and control characters escaped, everything else as UTF-8.
    static func jsonString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): HTTPResponseEncoder.appendLiteral("\\\"", to: &out)
            case UInt8(ascii: "\\"): HTTPResponseEncoder.appendLiteral("\\\\", to: &out)
            case 0x0A: HTTPResponseEncoder.appendLiteral("\\n", to: &out)
            case 0x0D: HTTPResponseEncoder.appendLiteral("\\r", to: &out)
            case 0x09: HTTPResponseEncoder.appendLiteral("\\t", to: &out)
            case ..<0x20: escaped(byte, into: &out)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Text as it is, with control characters as `\u00XX`.
    private static func plain(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { escaped(byte, into: &out) } else { out.append(byte) }
        }
    }

    private static func escaped(_ byte: UInt8, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        HTTPResponseEncoder.appendLiteral("\\u00", to: &out)
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
    }
}

/// Now, to the second, in the two spellings the log formats use; rebuilt
/// only when the second changes.
public struct LogTimestamp {
    private(set) var second: time_t = -1
    /// `2026-12-06T23:30:05Z`, as `JSONLogHandler` writes it.
    private(set) var iso8601: [UInt8] = []
    /// `2026-12-06T23:30:05+0000`, as `StreamLogHandler` writes it (in UTC).
    private(set) var withOffset: [UInt8] = []

    mutating func update(to now: time_t = time(nil)) {
        guard now != second else { return }
        second = now
        let bytes = Self.utcSeconds(now)
        iso8601 = bytes + [UInt8(ascii: "Z")]
        withOffset = bytes + Array("+0000".utf8)
    }

    /// `2026-12-06T23:30:05`: the UTC calendar time of `seconds`, with no
    /// zone; the access log and the JSON log handler both write it.
    public static func utcSeconds(_ seconds: time_t) -> [UInt8] {
        var t = seconds
        var parts = tm()
        gmtime_r(&t, &parts)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int32, _ count: Int) {
            var divisor: Int32 = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2)
        return bytes
    }
}
