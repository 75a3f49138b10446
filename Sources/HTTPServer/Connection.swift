import HTTPTypes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TCP connection, as an explicit state machine owned by one event loop.
///
/// `@unchecked Sendable` is safe because a connection is created on its
/// loop's thread and every method runs there and nowhere else: the loop
/// calls `handle` for its poller's events and its sweep, and other threads
/// reach a connection only through `EventLoop.execute`.
///
/// The descriptor is closed in exactly one place, `abort()`, after it is
/// taken out of the poller and before the loop forgets the connection, so a
/// number the kernel reuses can never reach this object.
final class Connection: @unchecked Sendable {
    /// Each state carries its own deadline rule; `deadlinePassed()` acts on it.
    enum State: Equatable {
        /// Between requests, nothing buffered. Deadline: idle timeout
        /// (header timeout before the first request).
        case idle
        /// Part of a head has arrived. Deadline: header timeout from its first byte.
        case readingHead
        /// Head parsed, body arriving. Deadline: idle timeout since the last progress.
        case readingBody
        /// Responses are waiting for the peer to read. Deadline: write timeout since the last progress.
        case writing
        /// No more requests will be read; the last responses are being flushed.
        case closing
        /// Everything is sent and our side is shut down; draining the peer's
        /// bytes until it closes, so our last response is not lost to a reset.
        case lingering
        case closed
    }

    let fd: Int32
    let remoteAddress: String
    unowned let loop: EventLoop
    let server: HTTPServer

    var state: State = .idle
    /// Monotonic nanoseconds after which the current state has overstayed.
    var deadline: UInt64 = .max

    var parser: HTTPRequestParser
    var output = OutputQueue()
    var requestsServed = 0
    var wantsClose = false
    var peerClosedInput = false
    var isRejecting = false

    /// The loop's poller, which watches `fd` with the interest below.
    let poller: Poller
    /// Not reading: a slow reader has too much waiting, or the peer closed its side.
    var readPaused = false
    /// Write interest, on only while output waits for the socket.
    var writeWanted = false

    init(fd: Int32, remoteAddress: String, loop: EventLoop, poller: Poller, server: HTTPServer) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.loop = loop
        self.poller = poller
        self.server = server
        self.parser = HTTPRequestParser(limits: server.limits)
    }

    // MARK: - Life cycle

    func start() {
        guard poller.register(fd, read: true, write: false) else { return closeUnregistered() }
        enter(.idle)
    }

    /// The poller refused the descriptor: close at once rather than hold a
    /// connection no event will ever wake.
    private func closeUnregistered() {
        server.logger.warning("cannot watch a new connection; closing it", metadata: ["remote": "\(remoteAddress)"])
        abort()
    }

    /// Over the connection limit: answer 503 at once, then close gracefully.
    func startRejecting() {
        isRejecting = true
        guard poller.register(fd, read: true, write: false) else { return closeUnregistered() }
        var refusal = ProblemResponse.make(
            status: .serviceUnavailable, detail: "The server is at its connection limit; retry shortly.")
        refusal.head.headerFields[.retryAfter] = "1"
        queue(refusal, for: nil, keepAlive: false)
        wantsClose = true
        flush()
        advance()
    }

    /// Closes now, without flushing: errors, timeouts, the end of the grace period.
    func abort() {
        guard state != .closed else { return }
        state = .closed
        deadline = .max
        poller.deregister(fd)
        close(fd)
        loop.forget(self)
        server.connectionDidClose(rejected: isRejecting)
    }

    /// Shutdown began: an idle connection closes now; a busy one finishes its
    /// current exchange, whose response will say `Connection: close`.
    func drain() {
        switch state {
        case .idle: abort()
        case .readingHead, .readingBody, .writing:
            wantsClose = wantsClose || !parser.hasPartialRequest
            advance()
        case .closing, .lingering, .closed: break
        }
    }

    // MARK: - Events

    /// What the poller reported for this connection's descriptor.
    func handle(_ event: PollEvent) {
        if event.failed {
            abort()  // a reset or other socket error: nothing more can be sent
            return
        }
        if event.readable || (event.hangUp && !readPaused) {
            readable()
        } else if event.hangUp {
            // Both directions are gone and we were not reading (a hang-up is
            // reported regardless of interest, so waiting would spin).
            abort()
            return
        }
        if event.writable && state != .closed { writable() }
    }

    func readable() {
        guard state != .closed else { return }
        let buffer = loop.readBuffer
        var reads = 0
        while reads < 4 {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n > 0 {
                reads += 1
                // Once we decided to close, whatever the peer sends is discarded,
                // so it cannot grow our buffers while the last answer drains.
                if state != .lingering && !wantsClose {
                    parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                    if state == .readingBody { deadline = bodyDeadline() }
                }
                if n < buffer.count { break }
            } else if n == 0 {
                peerClosedInput = true
                break
            } else {
                let error = errno
                if error == EINTR { continue }
                if error == EAGAIN || error == EWOULDBLOCK { break }
                abort()
                return
            }
        }
        if state == .lingering {
            if peerClosedInput { abort() }
            return
        }
        if peerClosedInput {
            // Half-close: answer what arrived complete, then close.
            setInterest(read: false, write: writeWanted)
        }
        serveAndFlush()
        advance()
    }

    func writable() {
        guard state != .closed else { return }
        flush()
        serveAndFlush()
        advance()
    }

    /// Serves and writes until the parser needs more bytes or the peer stops
    /// reading. Looping matters: requests already buffered produce no new
    /// read event, so a pause at the output bound must be resumed here.
    func serveAndFlush() {
        while true {
            let pausedAtBound = serveBufferedRequests()
            flush()
            guard pausedAtBound, state != .closed,
                pendingOutput <= server.configuration.maxBufferedResponseBytes
            else { return }
        }
    }

    /// The sweep found this connection past its deadline.
    func deadlinePassed() {
        switch state {
        case .readingHead, .readingBody:
            // The client started a request and stalled: tell it why, then close.
            server.logger.debug("request timed out", metadata: ["remote": "\(remoteAddress)"])
            queue(
                ProblemResponse.make(status: .requestTimeout, detail: "The request was not received in time."),
                for: nil, keepAlive: false)
            wantsClose = true
            flush()
            advance()
        case .idle, .writing, .closing, .lingering:
            abort()
        case .closed:
            break
        }
    }

    // MARK: - Requests

    var pendingOutput: Int { output.count }

    /// Parses and answers buffered requests in order, stopping while the peer
    /// is not reading our answers (bounded buffering) or once one asked to close.
    /// Returns true if it stopped because the output reached its bound.
    func serveBufferedRequests() -> Bool {
        let limit = server.configuration.maxBufferedResponseBytes
        while !wantsClose && !isRejecting {
            if pendingOutput > limit { return true }
            switch parser.next() {
            case .needMoreData:
                if peerClosedInput { wantsClose = true }
                if parser.expectsContinue {
                    // Only once nothing earlier is pending, or the interim
                    // answer would overtake a final one.
                    if pendingOutput == 0 {
                        output.append(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                        parser.continueSent()
                    }
                }
                return false
            case .error(let error):
                let requestID = loop.requestIDs.next()
                let response = ProblemResponse.make(for: error)
                let bodyBytes = queue(response, for: nil, keepAlive: false, requestID: requestID)
                server.protocolErrorAnswered(
                    error, bodyBytes: bodyBytes, requestID: requestID, remoteAddress: remoteAddress, on: loop)
                wantsClose = true
            case .request(var request, let keepAliveRequested):
                requestsServed += 1
                let keepAlive =
                    keepAliveRequested && !loop.isDraining
                    && requestsServed < server.configuration.maxRequestsPerConnection
                let started = MonotonicClock.now()
                request.remoteAddress = remoteAddress
                if let clientID = request.head.headerFields[.requestID],
                    let sane = RequestIDGenerator.sanitizedClientID(clientID)
                {
                    request.requestID = sane
                } else {
                    request.requestID = loop.requestIDs.next()
                }
                let response = server.responder.respond(to: request)
                let bodyBytes = queue(response, for: request, keepAlive: keepAlive)
                if server.wantsCompletedRequests {
                    server.requestCompleted(
                        request, status: response.head.status, bodyBytes: bodyBytes,
                        nanoseconds: MonotonicClock.now() &- started, on: loop)
                }
                if !keepAlive { wantsClose = true }
                // A new exchange begins: let `enter` re-arm the deadline even if
                // the state name (idle, readingHead) did not change.
                deadline = .max
            }
        }
        return false
    }

    /// Encodes a response into the output buffer; returns the body bytes queued.
    @discardableResult
    func queue(
        _ response: ServerResponse, for request: ServerRequest?, keepAlive: Bool, requestID: String? = nil
    ) -> Int {
        let context = HTTPResponseEncoder.Context(
            isHead: request?.head.method == .head,
            keepAlive: keepAlive,
            requestVersion: request?.version ?? .http11,
            date: loop.dateCache.current(),
            requestID: request?.requestID ?? requestID ?? loop.requestIDs.next())
        return output.append(response, context: context)
    }
}
