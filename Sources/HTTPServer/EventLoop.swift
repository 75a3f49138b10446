import Foundation
import Synchronization

/// One thread, one poller, and everything its connections share.
///
/// The thread waits in the poller, serves whatever became ready (read,
/// parse, respond, write, all in place), then runs the tasks other threads
/// handed it with `execute`, then the timeout sweep when one is due. A
/// request is therefore answered on the thread that read it, with no queue
/// hop and no lock.
///
/// `@unchecked Sendable` is safe because every mutable property except
/// `tasks` is read and written only on the loop's own thread: before
/// `start()` nothing runs on it, and afterwards other threads reach the
/// loop only through `execute`, whose list `tasks` is guarded by its mutex.
/// That single owner is what keeps the date cache, the request id counter,
/// the read buffer and the connection table lock-free.
final class EventLoop: @unchecked Sendable {
    let index: Int

    // MARK: State owned by the loop thread
    var dateCache = DateCache()
    var requestIDs: RequestIDGenerator
    /// This loop's access-log lines waiting to be handed to the writer; nil with the access log off.
    var accessLog: AccessLogBuffer?
    /// One read buffer for all of this loop's connections: a read copies into
    /// the connection's parser at once, so the buffer is free again after.
    let readBuffer: UnsafeMutableRawBufferPointer
    private(set) var connections: [Int32: Connection] = [:]
    /// Set once shutdown begins: responses from now on say `Connection: close`.
    private(set) var isDraining = false
    /// Nanoseconds between timeout sweeps; nil while not sweeping.
    private var sweepInterval: UInt64?
    private var nextSweep: UInt64 = .max
    private var stopRequested = false

    // MARK: Shared
    /// nil when the kernel refused the descriptors; `start()` reports it.
    let poller: Poller?
    private let pollerError: PollerError?
    private let tasks = Mutex<[@Sendable () -> Void]>([])
    /// Set once the thread is started: only a started loop runs `stop`'s completion.
    let isStarted = Atomic<Bool>(false)

    static let readBufferSize = 64 * 1024

    init(index: Int, requestIDPrefix: String, accessLog: AccessLogBuffer?) {
        self.index = index
        self.accessLog = accessLog
        self.requestIDs = RequestIDGenerator(processPrefix: requestIDPrefix, loopIndex: index)
        self.readBuffer = .allocate(byteCount: Self.readBufferSize, alignment: 16)
        do {
            poller = try Poller()
            pollerError = nil
        } catch {
            poller = nil
            pollerError = error
        }
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Starts the loop's thread. It runs until `stop()`.
    func start() throws(PollerError) {
        if let pollerError { throw pollerError }
        let thread = Thread { [self] in self.run() }
        thread.name = "HTTPServer.loop.\(index)"
        isStarted.store(true, ordering: .releasing)
        thread.start()
    }

    /// Runs `task` on the loop thread, after the events it is serving now.
    /// Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = tasks.withLock { list in
            list.append(task)
            return list.count == 1
        }
        // A non-empty list has already woken the loop, or the loop itself is
        // the caller and will look at the list before it waits again.
        if wasEmpty { poller?.waker.wake() }
    }

    /// Ends the loop thread once the tasks queued before this one have run,
    /// handing its last access-log lines to the writer first; then calls
    /// `completion` (at once if the loop never started).
    func stop(then completion: @escaping @Sendable () -> Void = {}) {
        guard isStarted.load(ordering: .acquiring) else { return completion() }
        execute { [self] in
            accessLog?.flush()
            stopRequested = true
            completion()
        }
    }

    private func run() {
        guard let poller else { return }
        while !stopRequested {
            let ready = poller.wait(timeoutMilliseconds: pollTimeout())
            for i in 0..<ready {
                // A connection closed earlier in this batch is gone from the table.
                guard let event = poller.event(at: i), let connection = connections[event.fd] else { continue }
                connection.handle(event)
            }
            runTasks()
            sweepIfDue()
            if let deadline = accessLog?.flushDeadline, deadline <= MonotonicClock.now() { accessLog!.flush() }
        }
    }

    private func runTasks() {
        let batch = tasks.withLock { list -> [@Sendable () -> Void] in
            defer { list.removeAll(keepingCapacity: true) }
            return list
        }
        for task in batch { task() }
    }

    // MARK: - Timeouts

    /// Timeouts are checked by one periodic sweep per loop rather than a timer
    /// per connection, so the hot path only stores a deadline (an integer).
    func startSweeping(every interval: Duration) {
        execute { [self] in
            sweepInterval = interval.nanoseconds
            nextSweep = MonotonicClock.now() + interval.nanoseconds
        }
    }

    /// Milliseconds until the next sweep or access-log hand-over, rounded
    /// up; -1 (wait for events only) when neither is due.
    private func pollTimeout() -> Int32 {
        let next = min(nextSweep, accessLog?.flushDeadline ?? .max)
        guard next != .max else { return -1 }
        let now = MonotonicClock.now()
        guard next > now else { return 0 }
        return Int32(clamping: (next - now + 999_999) / 1_000_000)
    }

    private func sweepIfDue() {
        guard let sweepInterval else { return }
        let now = MonotonicClock.now()
        guard now >= nextSweep else { return }
        nextSweep = now + sweepInterval
        for connection in connections.values where connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    // MARK: - Connections

    /// Takes ownership of an accepted descriptor. Must run on the loop thread.
    func adopt(fd: Int32, remoteAddress: String, server: HTTPServer, rejected: Bool) {
        guard let poller else { return }
        let connection = Connection(fd: fd, remoteAddress: remoteAddress, loop: self, poller: poller, server: server)
        connections[fd] = connection
        if rejected {
            connection.startRejecting()
        } else {
            connection.start()
        }
    }

    /// Called by a connection right after it closed its descriptor.
    func forget(_ connection: Connection) {
        if connections[connection.fd] === connection { connections[connection.fd] = nil }
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
}
