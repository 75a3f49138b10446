import CorpusAPI
import Foundation
import HTTPServer
import Logging

/// One JSON object per line on stdout: what log shippers (Loki, CloudWatch,
/// `jq`) read without a parser of ours. Metadata values become strings.
struct JSONLogHandler: LogHandler {
    var label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var pairs: [(String, JSONValue)] = [
            ("ts", .string(Self.timestamp())),
            ("level", .string(event.level.rawValue)),
            ("logger", .string(label)),
            ("msg", .string(event.message.description)),
        ]
        let merged =
            metadata.isEmpty ? (event.metadata ?? [:]) : metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() {
            pairs.append((key, Self.json(merged[key]!)))
        }
        var line = JSONValue.object(pairs).serialized()
        line.append(0x0A)
        // One write(2) per line, so lines from different loops never interleave.
        line.withUnsafeBufferPointer { buffer in
            _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count)
        }
    }

    /// Now as ISO 8601 in UTC to the second (`2026-12-01T19:30:05Z`), the
    /// same text `Date().formatted(.iso8601)` gives, built with `gmtime_r`:
    /// Foundation's formatter was the largest single cost of an access-log line.
    static func timestamp(_ seconds: time_t = time(nil)) -> String {
        String(decoding: LogTimestamp.utcSeconds(seconds) + [UInt8(ascii: "Z")], as: UTF8.self)
    }

    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let s): .string(s)
        case .stringConvertible(let c):
            switch c {
            case let i as Int: .int(i)
            case let d as Double: .double(d)
            default: .string(c.description)
            }
        case .array(let a): .array(a.map(json))
        case .dictionary(let d): .object(d.keys.sorted().map { ($0, json(d[$0]!)) })
        }
    }
}
