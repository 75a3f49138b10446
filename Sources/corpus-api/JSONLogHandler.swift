import CorpusAPI
import Foundation
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
            ("ts", .string(Date().formatted(.iso8601))),
            ("level", .string(event.level.rawValue)),
            ("logger", .string(label)),
            ("msg", .string(event.message.description)),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
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
