#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes waiting to be sent on one connection, in order.
///
/// Heads and small bodies are copied into an owned buffer; a large body is
/// queued as its own segment that shares storage with the response (usually
/// the response cache's bytes), and head + body go out in one `sendmsg` with
/// two iovecs. Copying a 35 KB cached body into the output buffer was ~8% of
/// the server's CPU on `/v1/events`. A body that also comes as a
/// `ResponseBodyFile` goes out with `sendfile` after its head (sent with
/// `MSG_MORE`, so both still leave in one TCP segment), which spares the
/// kernel the copy from our memory.
struct OutputQueue {
    /// Bodies at least this large are shared, not copied.
    static let shareThreshold = 4096

    private struct Segment {
        var bytes: [UInt8]
        var shared: Bool
        /// `bytes` in a file, sent with sendfile; dropped if the kernel refuses.
        var file: ResponseBodyFile?
    }

    private var segments: [Segment] = []
    /// Bytes of `segments[0]` already sent.
    private var offset = 0
    /// A drained owned buffer kept for its capacity.
    private var spare: [UInt8] = []
    /// Bytes queued and not yet sent.
    private(set) var count = 0

    /// Encodes `response` (head, then body) at the end of the queue; returns
    /// the number of body bytes queued.
    mutating func append(_ response: ServerResponse, context: HTTPResponseEncoder.Context) -> Int {
        let bodyCount = response.body.count
        let share = bodyCount >= Self.shareThreshold
        let queued = appendOwned { out in
            HTTPResponseEncoder.encode(response, context: context, into: &out, appendingBody: !share)
        }
        if share && queued > 0 {
            let file = response.bodyFile.flatMap { $0.count == bodyCount ? $0 : nil }
            segments.append(Segment(bytes: response.body, shared: true, file: file))
            count += bodyCount
        }
        return queued
    }

    /// Appends raw bytes (already encoded answers).
    mutating func append(_ bytes: [UInt8]) {
        appendOwned { $0.append(contentsOf: bytes) }
    }

    /// Runs `body` on the owned buffer at the end of the queue, starting one
    /// if the last segment is shared (appending to it would copy it).
    private mutating func appendOwned<R>(_ body: (inout [UInt8]) -> R) -> R {
        if segments.isEmpty || segments[segments.count - 1].shared {
            var fresh = [UInt8]()
            swap(&fresh, &spare)
            segments.append(Segment(bytes: fresh, shared: false, file: nil))
        }
        let last = segments.count - 1
        let before = segments[last].bytes.count
        let result = body(&segments[last].bytes)
        count += segments[last].bytes.count - before
        return result
    }

    /// One `sendmsg` of up to the first two segments. Returns what `sendmsg`
    /// returned (bytes sent, or -1 with `errno` set); 0 when nothing is queued.
    mutating func send(to fd: Int32) -> Int {
        guard !segments.isEmpty else { return 0 }
        if let file = segments[0].file {
            let n = file.send(to: fd, from: offset, length: file.count - offset)
            if n < 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
                segments[0].file = nil  // not a socket sendfile serves: copy the bytes instead
                return send(to: fd)
            }
            if n > 0 { consume(n) }
            return n
        }
        if segments.count > 1, segments[1].file != nil {
            // The head alone; its body follows with sendfile on the next call.
            let n: Int = segments[0].bytes.withUnsafeBytes { first in
                var iov = iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress! + offset),
                    iov_len: first.count - offset)
                return Self.sendVectors(fd, &iov, 1, flags: MSG_NOSIGNAL | Self.moreFollows)
            }
            if n > 0 { consume(n) }
            return n
        }
        let n: Int = segments[0].bytes.withUnsafeBytes { first in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { iov in
                iov[0] = iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: first.baseAddress! + offset),
                    iov_len: first.count - offset)
                if segments.count > 1 {
                    return segments[1].bytes.withUnsafeBytes { second in
                        iov[1] = iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: second.baseAddress!), iov_len: second.count)
                        return Self.sendVectors(fd, iov.baseAddress!, 2)
                    }
                }
                return Self.sendVectors(fd, iov.baseAddress!, 1)
            }
        }
        if n > 0 { consume(n) }
        return n
    }

    /// `MSG_MORE`: hold a head back until its sendfile body joins it.
    #if os(Linux)
        private static let moreFollows = MSG_MORE
    #else
        private static let moreFollows = 0
    #endif

    private static func sendVectors(
        _ fd: Int32, _ iov: UnsafeMutablePointer<iovec>, _ count: Int, flags: Int = MSG_NOSIGNAL
    ) -> Int {
        var message = msghdr()
        message.msg_iov = iov
        message.msg_iovlen = numericCast(count)
        return sendmsg(fd, &message, Int32(flags))
    }

    private mutating func consume(_ sent: Int) {
        count -= sent
        var left = sent
        while left > 0 {
            let remaining = segments[0].bytes.count - offset
            if left < remaining {
                offset += left
                return
            }
            left -= remaining
            var done = segments.removeFirst()
            offset = 0
            if !done.shared && done.bytes.capacity <= 256 * 1024 {
                swap(&spare, &done.bytes)
                spare.removeAll(keepingCapacity: true)
            }
        }
    }
}
