import Dispatch
import Foundation
import HTTPTypes
import Logging

/// An HTTP/1.1 server on POSIX sockets: a Dispatch queue accepts, and
/// `eventLoops` threads, each waiting in its own epoll (kqueue) set, serve.
///
/// Connections are spread round-robin over the loops; each connection lives
/// on exactly one, and the responder runs there too, so a request is parsed,
/// answered and written without a lock or a thread hop.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 8080), responder: app, logger: logger)
/// try server.start()
/// // ... on SIGTERM:
/// await server.shutdown()
/// ```
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let logger: Logger
    let limits: HTTPRequestParser.Limits
    private let observer: RequestObserver?
    private let loops: [EventLoop]
    /// nil with the access log off (or the logger above `info`).
    private let accessLogWriter: AccessLogWriter?
    private let lifecycle = Locked(Lifecycle())
    /// Signalled once when the server has stopped; each blocking waiter passes
    /// the signal on. (A semaphore, unlike a group left unbalanced, may be
    /// released by a server that never started.)
    private let stoppedSignal = DispatchSemaphore(value: 0)

    private struct Lifecycle {
        /// `finishing`: every connection is closed; the loops are stopping and
        /// the access log is being written out. Only then `stopped`.
        enum Phase { case created, running, draining, finishing, stopped }
        var phase = Phase.created
        var boundPort = 0
        var listener: Listener?
        var listenerClosed = false
        var open = 0
        var rejecting = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// - Parameters:
    ///   - observer: called once per completed request, on the connection's
    ///     event loop (keep it quick), for metrics and logging in the application.
    public init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
        responder: any HTTPResponder,
        logger: Logger = Logger(label: "HTTPServer"),
        observer: RequestObserver? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.observer = observer
        let logsRequests = configuration.accessLog && logger.logLevel <= .info
        self.wantsCompletedRequests = observer != nil || logsRequests
        self.limits = HTTPRequestParser.Limits(configuration)
        let prefix = RequestIDGenerator.makeProcessPrefix()
        let writer =
            logsRequests
            ? AccessLogWriter(
                descriptor: configuration.accessLogDescriptor, format: configuration.accessLogFormat,
                maxBacklogBytes: configuration.accessLogBacklogBytes) : nil
        self.accessLogWriter = writer
        let label = logger.label
        self.loops = (0..<max(1, configuration.eventLoops)).map { index in
            EventLoop(
                index: index, requestIDPrefix: prefix,
                accessLog: writer.map { AccessLogBuffer(writer: $0, format: configuration.accessLogFormat, label: label) })
        }
    }

    /// The port actually bound (useful when the configuration asked for 0); 0 before `start()`.
    public var boundPort: Int { lifecycle.withLock { $0.boundPort } }

    /// Connections being served now (refused over-limit connections not included).
    public var openConnections: Int { lifecycle.withLock { $0.open } }

    /// Binds, listens and starts accepting. Returns at once; the server runs
    /// on its own queues until `shutdown`.
    /// - Throws: `HTTPServerError`, e.g. "cannot bind 127.0.0.1:8080: Address already in use".
    public func start() throws {
        try lifecycle.withLock { state in
            guard state.phase == .created else { throw HTTPServerError.alreadyStarted }
            for loop in loops {
                do throws(PollerError) {
                    try loop.start()
                } catch {
                    throw HTTPServerError.cannotStartEventLoop(reason: error.description)
                }
            }
            // A peer that vanishes mid-write must never kill the process; sends
            // also pass MSG_NOSIGNAL, this covers anything else.
            signal(SIGPIPE, SIG_IGN)
            accessLogWriter?.start()
            let (fd, port) = try Socket.listen(
                host: configuration.host, port: configuration.port, backlog: Int32(clamping: configuration.backlog))
            let listener = Listener(
                fd: fd, loopCount: loops.count,
                onAccept: { [unowned self] client, remote, loopIndex in
                    self.accepted(client, remoteAddress: remote, loop: self.loops[loopIndex])
                },
                onClosed: { [weak self] in self?.listenerDidClose() })
            state.listener = listener
            state.boundPort = port
            state.phase = .running
            listener.queue.sync { listener.start() }
        }
        let interval = sweepInterval()
        for loop in loops { loop.startSweeping(every: interval) }
        logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(boundPort)"])
    }

    /// Timeouts are checked at a quarter of the shortest one (10 ms...1 s):
    /// a 300 ms limit fires within 375 ms, a 10 s one within 11 s.
    private func sweepInterval() -> Duration {
        let shortest = [
            configuration.headerTimeout, configuration.idleTimeout, configuration.writeTimeout,
            configuration.lingerTimeout,
        ].min()!
        return min(max(shortest / 4, .milliseconds(10)), .seconds(1))
    }

    // MARK: - Connections

    private func accepted(_ fd: Int32, remoteAddress: String, loop: EventLoop) {
        let admitted: Bool? = lifecycle.withLock { state in
            if state.open < configuration.maxConnections {
                state.open += 1
                return true
            }
            // Refusals get a 503 through a short-lived connection, but even
            // those are bounded: past it, we just close.
            if state.rejecting < max(64, configuration.maxConnections) {
                state.rejecting += 1
                return false
            }
            return nil
        }
        guard let admitted else {
            close(fd)  // no dispatch source was ever made for it
            return
        }
        loop.execute { [self] in
            loop.adopt(fd: fd, remoteAddress: remoteAddress, server: self, rejected: !admitted)
        }
    }

    /// Called on a loop once a connection's descriptor is closed.
    func connectionDidClose(rejected: Bool) {
        let drained = lifecycle.withLock { state -> Bool in
            if rejected { state.rejecting -= 1 } else { state.open -= 1 }
            return Self.finishIfDrained(&state)
        }
        if drained { didStop() }
    }

    private func listenerDidClose() {
        let drained = lifecycle.withLock { state -> Bool in
            state.listenerClosed = true
            return Self.finishIfDrained(&state)
        }
        if drained { didStop() }
    }

    /// Moves to `.finishing` when draining and nothing is left; true if it did.
    private static func finishIfDrained(_ state: inout Lifecycle) -> Bool {
        guard state.phase == .draining, state.listenerClosed, state.open == 0, state.rejecting == 0 else {
            return false
        }
        state.phase = .finishing
        state.listener = nil
        return true
    }

    /// Runs off the loops: each loop hands over its last access-log lines as
    /// it stops, then the writer writes them all, and only then is the server
    /// reported stopped (`.stopped`, the waiters resumed), so a process that
    /// exits right after loses no line.
    private func didStop() {
        let loopsStopped = DispatchGroup()
        for loop in loops {
            loopsStopped.enter()
            loop.stop { loopsStopped.leave() }
        }
        let writer = accessLogWriter
        let logger = logger
        let stoppedSignal = stoppedSignal
        loopsStopped.notify(queue: .global()) { [lifecycle] in
            writer?.finish()
            let waiters = lifecycle.withLock { state in
                state.phase = .stopped
                defer { state.waiters = [] }
                return state.waiters
            }
            logger.info("stopped")
            for waiter in waiters { waiter.resume() }
            stoppedSignal.signal()
        }
    }

    /// False when nobody would read a `CompletedRequest` (no observer, no
    /// access log), so the connection skips building one. Fixed at init.
    let wantsCompletedRequests: Bool

    /// On `loop`'s thread: the observer, then the loop's access-log buffer.
    /// The line is made from the request itself, not from a `CompletedRequest`
    /// (a copy of the whole head), which only an observer needs.
    func requestCompleted(
        _ request: ServerRequest, status: HTTPResponse.Status, bodyBytes: Int, nanoseconds: UInt64, on loop: EventLoop
    ) {
        if let observer {
            observer(
                CompletedRequest(
                    head: request.head, path: request.path, status: status, bodyBytes: bodyBytes,
                    duration: .nanoseconds(Int64(clamping: nanoseconds)), requestID: request.requestID,
                    remoteAddress: request.remoteAddress))
        }
        loop.accessLog?.append(
            AccessLogLine(
                method: request.head.method.rawValue, path: request.path, status: Int(status.code),
                bodyBytes: bodyBytes, nanoseconds: nanoseconds, requestID: request.requestID,
                remoteAddress: request.remoteAddress))
    }

    /// Protocol errors get an access-log line too (they are what an operator
    /// hunts for), but no observer call: there is no request head to report.
    func protocolErrorAnswered(
        _ error: HTTPParseError, bodyBytes: Int, requestID: String, remoteAddress: String, on loop: EventLoop
    ) {
        loop.accessLog?.append(
            AccessLogLine(rejected: error, bodyBytes: bodyBytes, requestID: requestID, remoteAddress: remoteAddress))
    }

    // MARK: - Shutdown

    /// Starts a graceful shutdown and returns at once: stop accepting (new
    /// connects are refused), close idle connections, let in-flight requests
    /// finish with `Connection: close`, and after `gracePeriod` (default:
    /// the configuration's) close whatever is left.
    public func beginShutdown(gracePeriod: Duration? = nil) {
        let (listener, drained, wasRunning) = lifecycle.withLock { state -> (Listener?, Bool, Bool) in
            switch state.phase {
            case .created:
                state.phase = .draining
                state.listenerClosed = true
                return (nil, Self.finishIfDrained(&state), false)
            case .running:
                state.phase = .draining
                return (state.listener, false, true)
            case .draining, .finishing, .stopped:
                return (nil, false, false)
            }
        }
        if drained { didStop() }
        guard wasRunning else { return }
        logger.info("shutting down")
        if let listener { listener.queue.sync { listener.stop() } }
        for loop in loops { loop.execute { loop.drain() } }
        let grace = gracePeriod ?? configuration.shutdownGracePeriod
        let loops = self.loops
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(grace.nanoseconds))) {
            for loop in loops { loop.execute { loop.closeAll() } }
        }
    }

    /// Blocks until the server has stopped. Never call it from a responder:
    /// the loop it would block is needed to finish the shutdown.
    public func waitUntilStopped() {
        stoppedSignal.wait()
        stoppedSignal.signal()
    }

    /// Suspends until the server has stopped.
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = lifecycle.withLock { state in
                if state.phase == .stopped { return true }
                state.waiters.append(continuation)
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    /// Graceful shutdown (see `beginShutdown`), blocking until it is complete.
    public func shutdown(gracePeriod: Duration? = nil) {
        beginShutdown(gracePeriod: gracePeriod)
        waitUntilStopped()
    }

    /// Graceful shutdown (see `beginShutdown`), suspending until it is complete.
    public func shutdown(gracePeriod: Duration? = nil) async {
        beginShutdown(gracePeriod: gracePeriod)
        await waitUntilStopped()
    }
}

extension HTTPServerError: LocalizedError {
    /// So `error.localizedDescription` reads "cannot bind 127.0.0.1:8080: Address already in use"
    /// on Linux too, not Foundation's generic sentence.
    public var errorDescription: String? { description }
}
