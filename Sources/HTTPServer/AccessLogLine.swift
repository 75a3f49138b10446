#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One access-log entry, written straight into bytes: `method`, `path`,
/// `status`, `bytes`, `duration_ms`, `request_id`, `remote` (and `error` for
/// a request the parser rejected). Numbers stay numbers. Going through
/// swift-log's metadata dictionary and a JSON value per line was most of
/// the access log's cost, so the line is built here, once, in place: after
/// the start all lines of a second share (`AccessLogPrefix`), through a
/// `ByteWriter` into room reserved for the longest it could be (`maxBytes`).
struct AccessLogLine {
    var method: String
    var path: String
    var status: Int
    var bytes: Int
    /// From the request being parsed to its response being queued.
    var nanoseconds: UInt64
    var requestID: String
    var remote: String
    var error: String?

    init(
        method: String, path: String, status: Int, bodyBytes: Int, nanoseconds: UInt64, requestID: String,
        remoteAddress: String
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.bytes = bodyBytes
        self.nanoseconds = nanoseconds
        self.requestID = requestID
        self.remote = remoteAddress
    }

    init(_ record: CompletedRequest) {
        self.init(
            method: record.head.method.rawValue, path: record.path, status: Int(record.status.code),
            bodyBytes: record.bodyBytes, nanoseconds: record.duration.nanoseconds, requestID: record.requestID,
            remoteAddress: record.remoteAddress)
    }

    /// A request rejected by the parser has no method or path; `error` says why.
    init(rejected error: HTTPParseError, bodyBytes: Int, requestID: String, remoteAddress: String) {
        self.init(
            method: "-", path: "-", status: Int(error.status.code), bodyBytes: bodyBytes, nanoseconds: 0,
            requestID: requestID, remoteAddress: remoteAddress)
        self.error = String(describing: error)
    }

    /// The most bytes `write` can add after the prefix: the keys and
    /// punctuation of either format (under 128), three numbers (under 64),
    /// and every byte of every text escaped at its longest.
    var maxBytes: Int {
        let text = method.utf8.count + path.utf8.count + remote.utf8.count + requestID.utf8.count
            + (error?.utf8.count ?? 0)
        return 128 + 64 + ByteWriter.maxEscapedLength * text
    }

    /// Writes the rest of the line after its prefix (which ends with the
    /// `bytes` key), and the newline.
    func write(format: AccessLogFormat, into out: inout ByteWriter) {
        switch format {
        case .json: writeJSON(into: &out)
        case .text: writeText(into: &out)
        }
        out.byte(ASCII.lf)
    }

    /// The whole line, prefix included, as an array.
    func rendered(prefix: AccessLogPrefix) -> [UInt8] {
        ByteWriter.render(maxBytes: prefix.bytes.count + maxBytes) { out in
            out.bytes(prefix.bytes)
            write(format: prefix.format, into: &out)
        }
    }

    private func writeJSON(into out: inout ByteWriter) {
        out.decimal(UInt64(max(0, bytes)))
        out.literal(",\"duration_ms\":")
        Self.milliseconds(nanoseconds: nanoseconds, into: &out)
        if let error {
            out.literal(",\"error\":\"")
            out.escaped(error, .json)
            out.byte(ASCII.quote)
        }
        out.literal(",\"method\":\"")
        out.escaped(method, .json)
        out.literal("\",\"path\":\"")
        out.escaped(path, .json)
        out.literal("\",\"remote\":\"")
        out.escaped(remote, .json)
        out.literal("\",\"request_id\":\"")
        out.escaped(requestID, .json)
        out.literal("\",\"status\":")
        out.decimal(UInt64(max(0, status)))
        out.byte(UInt8(ascii: "}"))
    }

    /// Values are written as they are, like `StreamLogHandler` does, except
    /// that control characters (a percent-decoded `%0A` in a path) are
    /// escaped so one request stays one line.
    private func writeText(into out: inout ByteWriter) {
        out.decimal(UInt64(max(0, bytes)))
        out.literal(" duration_ms=")
        Self.milliseconds(nanoseconds: nanoseconds, into: &out)
        if let error {
            out.literal(" error=")
            out.escaped(error, .controls)
        }
        out.literal(" method=")
        out.escaped(method, .controls)
        out.literal(" path=")
        out.escaped(path, .controls)
        out.literal(" remote=")
        out.escaped(remote, .controls)
        out.literal(" request_id=")
        out.escaped(requestID, .controls)
        out.literal(" status=")
        out.decimal(UInt64(max(0, status)))
        out.literal(" [HTTPServer] request")
    }

    /// Milliseconds to the microsecond: `12.045`, `0.005`, `3` (no trailing
    /// zeros); at most 24 bytes.
    static func milliseconds(nanoseconds: UInt64, into out: inout ByteWriter) {
        let micros = nanoseconds / 1000
        out.decimal(micros / 1000)
        var fraction = micros % 1000
        guard fraction > 0 else { return }
        out.byte(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor: UInt64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.byte(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }
}

/// The start every access-log line of one second shares, up to the `bytes`
/// key: the timestamp, level, logger label and message. Rendered when the
/// second changes, so a line copies it instead of formatting it.
///
///     {"ts":"2026-12-06T23:30:05Z","level":"info","logger":"http","msg":"request","bytes":
///     2026-12-06T23:30:05+0000 info http : bytes=
struct AccessLogPrefix {
    let format: AccessLogFormat
    /// The logger label the lines carry (`http`).
    let label: String
    private(set) var bytes: [UInt8] = []
    private var timestamp = LogTimestamp()

    init(format: AccessLogFormat, label: String) {
        self.format = format
        self.label = label
    }

    /// Re-renders the prefix if the wall clock moved to another second.
    mutating func update(to now: time_t = time(nil)) {
        guard now != timestamp.second else { return }
        timestamp.update(to: now)
        let label = label
        let limit = 128 + ByteWriter.maxEscapedLength * label.utf8.count
        switch format {
        case .json:
            bytes = ByteWriter.render(maxBytes: limit) { [timestamp] out in
                out.literal("{\"ts\":\"")
                out.bytes(timestamp.iso8601)
                out.literal("\",\"level\":\"info\",\"logger\":\"")
                out.escaped(label, .json)
                out.literal("\",\"msg\":\"request\",\"bytes\":")
            }
        case .text:
            bytes = ByteWriter.render(maxBytes: limit) { [timestamp] out in
                out.bytes(timestamp.withOffset)
                out.literal(" info ")
                out.escaped(label, .controls)
                out.literal(" : bytes=")
            }
        }
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
