import Foundation
import Synchronization

/// Writes the access log's batches to a descriptor (stdout) on a thread of
/// its own, so an event loop never waits on a slow terminal or a full pipe:
/// a loop only hands over a filled buffer, under a lock held for an append.
///
/// Backlog is bounded (`maxBacklogBytes`): while the output is stalled and
/// the backlog full, new batches are dropped and counted, and a line saying
/// how many follows once the output moves again. Serving never stops for
/// the log.
///
/// `finish()` writes everything handed over so far before it returns: the
/// server calls it after its loops have flushed their last lines, so a
/// SIGTERM loses none.
final class AccessLogWriter: Sendable {
    /// 4 MiB, about 16,000 lines: several seconds of a busy server's log,
    /// enough to ride out a log shipper's hiccup without holding unbounded memory.
    static let maxBacklogBytes = 4 * 1024 * 1024
    /// Writes are cut at line ends to at most PIPE_BUF bytes, which POSIX
    /// makes atomic on a pipe: the service's other log lines (one `write(2)`
    /// each) can land between two of our writes but never inside a line.
    static let maxWriteBytes = 4096

    private struct Queue {
        var batches: [[UInt8]] = []
        var bytes = 0
        var droppedLines = 0
        /// Batches handed over (or dropped) and batches written, to let `finish` wait.
        var submitted = 0
        var written = 0
        var stopping = false
    }

    private let descriptor: Int32
    private let format: AccessLogFormat
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let progress = DispatchSemaphore(value: 0)

    init(descriptor: Int32, format: AccessLogFormat) {
        self.descriptor = descriptor
        self.format = format
    }

    /// Starts the writing thread; called once, when the server starts, so a
    /// server that is built but never started leaves no thread behind.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "HTTPServer.accessLog"
        thread.start()
    }

    /// Hands a batch of whole lines over; never blocks on the output.
    func submit(_ batch: [UInt8], lines: Int) {
        let accepted = queue.withLock { q -> Bool in
            q.submitted += 1
            guard q.bytes + batch.count <= Self.maxBacklogBytes else {
                q.droppedLines += lines
                q.written += 1
                return false
            }
            q.batches.append(batch)
            q.bytes += batch.count
            return true
        }
        if accepted { wake.signal() }
    }

    /// Blocks until every batch submitted before the call is written, or
    /// `timeout` passes (an output that never drains must not hold the exit forever).
    /// The writer's thread ends once it has written what it holds.
    func finish(timeout: Duration = .seconds(5)) {
        let target = queue.withLock { $0.submitted }
        let deadline = DispatchTime.now() + .nanoseconds(Int(timeout.nanoseconds))
        while queue.withLock({ $0.written < target }) {
            wake.signal()
            if progress.wait(timeout: deadline) == .timedOut { break }
        }
        queue.withLock { $0.stopping = true }
        wake.signal()
    }

    private func run() {
        while true {
            wake.wait()
            let (batches, dropped, stopping) = queue.withLock { q -> ([[UInt8]], Int, Bool) in
                defer {
                    q.batches.removeAll(keepingCapacity: true)
                    q.droppedLines = 0
                }
                return (q.batches, q.droppedLines, q.stopping)
            }
            for batch in batches { writeLines(batch) }
            if dropped > 0 { writeLines(droppedNotice(dropped)) }
            queue.withLock { q in
                q.bytes -= batches.reduce(0) { $0 + $1.count }
                q.written += batches.count
            }
            progress.signal()
            if stopping {
                if batches.isEmpty { return }
                wake.signal()  // look again: something may have come in meanwhile
            }
        }
    }

    /// Says, in the log's own format, how many lines a stalled output cost.
    private func droppedNotice(_ lines: Int) -> [UInt8] {
        var timestamp = LogTimestamp()
        timestamp.update()
        let text =
            switch format {
            case .json:
                "{\"ts\":\"\(String(decoding: timestamp.iso8601, as: UTF8.self))\",\"level\":\"warning\",\"logger\":\"http\","
                    + "\"msg\":\"access log lines dropped: output too slow\",\"dropped\":\(lines)}\n"
            case .text:
                "\(String(decoding: timestamp.withOffset, as: UTF8.self)) warning http : dropped=\(lines) [HTTPServer] "
                    + "access log lines dropped: output too slow\n"
            }
        return Array(text.utf8)
    }

    /// Writes `bytes` (whole lines) in pieces of at most `maxWriteBytes`, cut after a newline.
    private func writeLines(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                var end = min(all.count, start + Self.maxWriteBytes)
                if end < all.count {
                    // Back up to the last newline in the piece; a single line
                    // longer than a piece goes out whole.
                    var cut = end
                    while cut > start && all[cut - 1] != 0x0A { cut -= 1 }
                    if cut > start {
                        end = cut
                    } else {
                        while end < all.count && all[end - 1] != 0x0A { end += 1 }
                    }
                }
                writeFully(UnsafeBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    private func writeFully(_ piece: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < piece.count {
            let n = write(descriptor, piece.baseAddress! + offset, piece.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                if errno == EAGAIN { usleep(1000) }  // a non-blocking stdout: wait for room
            } else {
                return  // closed or broken output: the lines cannot be delivered
            }
        }
    }
}
