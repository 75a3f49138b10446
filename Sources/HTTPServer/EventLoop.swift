import Dispatch

/// One serial queue and everything its connections share.
///
/// `@unchecked Sendable` is safe because every mutable property below is
/// read and written only on `queue` (callers hop with `queue.async`), which
/// is what makes the per-request path lock-free: the date cache, the request
/// id counter and the read buffer each have exactly one owner.
final class EventLoop: @unchecked Sendable {
    let index: Int
    let queue: DispatchQueue

    // MARK: State owned by `queue`
    var dateCache = DateCache()
    var requestIDs: RequestIDGenerator
    /// One read buffer for all of this loop's connections: a read copies into
    /// the connection's parser at once, so the buffer is free again after.
    let readBuffer: UnsafeMutableRawBufferPointer
    private(set) var connections: [ObjectIdentifier: Connection] = [:]
    /// Set once shutdown begins: responses from now on say `Connection: close`.
    private(set) var isDraining = false
    private var sweepTimer: DispatchSourceTimer?

    static let readBufferSize = 64 * 1024

    init(index: Int, requestIDPrefix: String) {
        self.index = index
        self.queue = DispatchQueue(label: "HTTPServer.loop.\(index)")
        self.requestIDs = RequestIDGenerator(processPrefix: requestIDPrefix, loopIndex: index)
        self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Timeouts are checked by one periodic sweep per loop rather than a timer
    /// per connection, so the hot path only stores a deadline (an integer).
    func startSweeping(every interval: Duration) {
        queue.async {
            let timer = DispatchSource.makeTimerSource(queue: self.queue)
            let nanos = Int(interval.nanoseconds)
            timer.schedule(
                deadline: .now() + .nanoseconds(nanos), repeating: .nanoseconds(nanos), leeway: .nanoseconds(nanos / 10)
            )
            timer.setEventHandler { [unowned self] in self.sweep() }
            timer.activate()
            self.sweepTimer = timer
        }
    }

    private func sweep() {
        let now = MonotonicClock.now()
        for connection in connections.values where connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    /// Takes ownership of an accepted descriptor. Must run on `queue`.
    func adopt(fd: Int32, remoteAddress: String, server: HTTPServer, rejected: Bool) {
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, server: server)
        connections[ObjectIdentifier(connection)] = connection
        if rejected {
            connection.startRejecting()
        } else {
            connection.start()
        }
    }

    /// Called from the connection's cancel handler once its descriptor is closed.
    func forget(_ connection: Connection) {
        connections[ObjectIdentifier(connection)] = nil
    }

    /// Shutdown, phase one: idle connections close now, busy ones after their
    /// current response.
    func drain() {
        isDraining = true
        for connection in connections.values { connection.drain() }
    }

    /// Shutdown, phase two (grace period over): everything closes now.
    func closeAll() {
        for connection in connections.values { connection.abort() }
    }

    func stopSweeping() {
        sweepTimer?.cancel()
        sweepTimer = nil
    }
}
