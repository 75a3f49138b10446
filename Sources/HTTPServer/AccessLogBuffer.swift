/// One event loop's access-log lines, written straight into a batch of
/// `batchBytes` and handed to the writer whole (the array moves, no copy,
/// and a written one comes back to be filled again) when the next line might not fit, or `flushDelay` after the batch's first
/// line, whichever comes first. Owned by the loop's thread (no lock); the
/// loop checks `flushDeadline` when it waits for events.
///
/// 64 KiB is about 280 lines, so a loop serving 35,000 requests a second
/// wakes the writer about 125 times a second; 100 ms is short enough that
/// `tail -f` still feels live.
struct AccessLogBuffer {
    static let batchBytes = 64 * 1024
    static let flushDelay: Duration = .milliseconds(100)

    let writer: AccessLogWriter
    private var prefix: AccessLogPrefix
    /// The batch being filled: its `count` is its capacity; `used` bytes of it hold lines.
    private var batch: [UInt8]
    private var used = 0
    private var lines = 0
    /// Monotonic nanoseconds by which the pending lines must be handed over; `.max` when none are pending.
    private(set) var flushDeadline: UInt64 = .max

    init(writer: AccessLogWriter, format: AccessLogFormat, label: String) {
        self.writer = writer
        self.prefix = AccessLogPrefix(format: format, label: label)
        self.batch = Self.emptyBatch(Self.batchBytes)
    }

    mutating func append(_ line: AccessLogLine) {
        prefix.update()
        let room = prefix.bytes.count + line.maxBytes
        if used + room > batch.count {
            flush()
            // A line longer than a batch (a path of kilobytes, escaped) gets a batch of its own.
            if room > batch.count { batch = Self.emptyBatch(room) }
        }
        if lines == 0 { flushDeadline = MonotonicClock.now() &+ Self.flushDelay.nanoseconds }
        let (offset, prefixBytes, format) = (used, prefix.bytes, prefix.format)
        used = batch.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var out = ByteWriter(at: base + offset)
            out.bytes(prefixBytes)
            line.write(format: format, into: &out)
            return out.cursor - base
        }
        lines += 1
    }

    mutating func flush() {
        guard lines > 0 else { return }
        let spare = writer.submit(AccessLogBatch(bytes: batch, used: used, lines: lines))
        batch = spare ?? Self.emptyBatch(Self.batchBytes)
        used = 0
        lines = 0
        flushDeadline = .max
    }

    /// A new batch's memory, when no written one is spare.
    private static func emptyBatch(_ bytes: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: bytes)
    }
}
