/// One event loop's access-log lines, gathered until a batch is worth a
/// hand-over: when `flushBytes` have built up, or `flushDelay` after the
/// batch's first line, whichever comes first. Owned by the loop's thread
/// (no lock); the loop checks `flushDeadline` when it waits for events.
///
/// 32 KiB is about 130 lines, so a busy loop hands over a batch every few
/// milliseconds; 100 ms is short enough that `tail -f` still feels live.
struct AccessLogBuffer {
    static let flushBytes = 32 * 1024
    static let flushDelay: Duration = .milliseconds(100)

    let writer: AccessLogWriter
    let format: AccessLogFormat
    /// The logger label the lines carry (`http`).
    let label: String
    private var bytes: [UInt8] = []
    private var lines = 0
    private var timestamp = LogTimestamp()
    /// Monotonic nanoseconds by which the pending lines must be handed over; `.max` when none are pending.
    private(set) var flushDeadline: UInt64 = .max

    init(writer: AccessLogWriter, format: AccessLogFormat, label: String) {
        self.writer = writer
        self.format = format
        self.label = label
        bytes.reserveCapacity(Self.flushBytes + 1024)
    }

    mutating func append(_ line: AccessLogLine) {
        if lines == 0 { flushDeadline = MonotonicClock.now() &+ Self.flushDelay.nanoseconds }
        timestamp.update()
        line.write(format: format, label: label, timestamp: timestamp, into: &bytes)
        lines += 1
        if bytes.count >= Self.flushBytes { flush() }
    }

    mutating func flush() {
        guard lines > 0 else { return }
        writer.submit(bytes, lines: lines)
        bytes = []
        bytes.reserveCapacity(Self.flushBytes + 1024)
        lines = 0
        flushDeadline = .max
    }
}
