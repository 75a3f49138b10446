import Foundation
import Synchronization

/// A loop's filled buffer: `bytes[..<used]` are `lines` whole lines. The
/// writer hands the array back (`submit`'s answer) once it is written, so
/// the loops' buffers go round instead of being allocated per batch.
struct AccessLogBatch: Sendable {
    var bytes: [UInt8]
    var used: Int
    var lines: Int
}

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
    /// Writes to a pipe, a socket or a terminal are cut at line ends to at
    /// most PIPE_BUF bytes, which POSIX makes atomic on a pipe: the service's
    /// other log lines (one `write(2)` each) can land between two of our
    /// writes but never inside a line.
    static let maxWriteBytes = 4096

    /// Written buffers kept for the loops to fill again: 512 KiB at most.
    static let maxSpares = 8

    private struct Queue {
        var batches: [AccessLogBatch] = []
        var spares: [[UInt8]] = []
        var bytes = 0
        var droppedLines = 0
        /// Batches handed over (or dropped) and batches written, to let `finish` wait.
        var submitted = 0
        var written = 0
        var stopping = false
        var exited = false
    }

    private let descriptor: Int32
    private let format: AccessLogFormat
    let maxBacklogBytes: Int
    /// A regular file takes a whole backlog in one `writev`: Linux holds the
    /// file position's lock for the call, so another thread's line cannot
    /// land inside ours, and one call instead of one per 4 KiB is most of
    /// the writer's cost when stdout is a file.
    private let isRegularFile: Bool
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let progress = DispatchSemaphore(value: 0)

    /// - Parameter maxBacklogBytes: `HTTPServerConfiguration.accessLogBacklogBytes`.
    init(descriptor: Int32, format: AccessLogFormat, maxBacklogBytes: Int) {
        self.descriptor = descriptor
        self.format = format
        self.maxBacklogBytes = maxBacklogBytes
        var status = stat()
        isRegularFile = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Starts the writing thread; called once, when the server starts, so a
    /// server that is built but never started leaves no thread behind.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "HTTPServer.accessLog"
        thread.start()
    }

    /// Hands a batch of whole lines over; never blocks on the output. Returns
    /// a written buffer of `AccessLogBuffer.batchBytes` to fill next, if one is spare.
    func submit(_ batch: AccessLogBatch) -> [UInt8]? {
        let (accepted, spare) = queue.withLock { q -> (Bool, [UInt8]?) in
            q.submitted += 1
            let spare = q.spares.popLast()
            // An idle writer takes any batch; a busy one, only what fits the backlog.
            guard q.bytes == 0 || q.bytes + batch.used <= maxBacklogBytes else {
                q.droppedLines += batch.lines
                q.written += 1
                let reusable = batch.bytes.count == AccessLogBuffer.batchBytes ? batch.bytes : nil
                return (false, spare ?? reusable)
            }
            q.batches.append(batch)
            q.bytes += batch.used
            return (true, spare)
        }
        if accepted { wake.signal() }
        return spare
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
        // Wait for the thread to end too: it may still owe a dropped-lines notice.
        while !queue.withLock({ $0.exited }) {
            wake.signal()
            if progress.wait(timeout: deadline) == .timedOut { break }
        }
    }

    private func run() {
        var batches: [AccessLogBatch] = []
        while true {
            wake.wait()
            let (dropped, stopping) = queue.withLock { q -> (Int, Bool) in
                swap(&batches, &q.batches)
                defer { q.droppedLines = 0 }
                return (q.droppedLines, q.stopping)
            }
            output(batches.map { $0.bytes[..<$0.used] })
            if dropped > 0 { output([droppedNotice(dropped)[...]]) }
            let done = stopping && batches.isEmpty && dropped == 0
            queue.withLock { q in
                q.bytes -= batches.reduce(0) { $0 + $1.used }
                q.written += batches.count
                q.exited = done
                while q.spares.count < Self.maxSpares, let batch = batches.popLast() {
                    if batch.bytes.count == AccessLogBuffer.batchBytes { q.spares.append(batch.bytes) }
                }
                batches.removeAll(keepingCapacity: true)
            }
            progress.signal()
            if done { return }
            if stopping { wake.signal() }  // look again: something may have come in meanwhile
        }
    }

    private func output(_ batches: [ArraySlice<UInt8>]) {
        if isRegularFile {
            writeAll(batches)
        } else {
            for batch in batches { writeLines(batch) }
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

    /// Batches per `writev`: 64 full ones are 4 MiB, the whole backlog.
    static let batchesPerWrite = 64

    /// Every batch, `batchesPerWrite` to a `writev` call.
    private func writeAll(_ batches: [ArraySlice<UInt8>]) {
        var start = 0
        while start < batches.count {
            let end = min(batches.count, start + Self.batchesPerWrite)
            var vectors: [iovec] = []
            vectors.reserveCapacity(end - start)
            Self.withVectors(batches[start..<end], &vectors) { writeVectored(&$0) }
            start = end
        }
    }

    /// Calls `body` with an `iovec` for each batch, valid for the call: each
    /// batch's pointer is taken inside its own `withUnsafeBufferPointer`.
    private static func withVectors(
        _ batches: ArraySlice<ArraySlice<UInt8>>, _ vectors: inout [iovec], _ body: (inout [iovec]) -> Void
    ) {
        guard let batch = batches.first else { return body(&vectors) }
        batch.withUnsafeBufferPointer { bytes in
            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count))
            withVectors(batches.dropFirst(), &vectors, body)
        }
    }

    /// `writev` until every vector is written, continuing where a short write left off.
    private func writeVectored(_ vectors: inout [iovec]) {
        var first = 0
        while first < vectors.count {
            let n = vectors[first...].withUnsafeBufferPointer { writev(descriptor, $0.baseAddress, Int32($0.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {  // a non-blocking stdout: wait for room
                    usleep(1000)
                    continue
                }
                return  // closed or broken output: the lines cannot be delivered
            }
            var left = n
            while first < vectors.count && left >= vectors[first].iov_len {
                left -= vectors[first].iov_len
                first += 1
            }
            if left > 0 {
                vectors[first].iov_base += left
                vectors[first].iov_len -= left
            }
        }
    }

    /// Writes `bytes` (whole lines) in pieces of at most `maxWriteBytes`, cut after a newline.
    private func writeLines(_ bytes: ArraySlice<UInt8>) {
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
