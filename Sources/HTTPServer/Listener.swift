import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The listening socket and its accept loop.
///
/// `@unchecked Sendable` is safe because the mutable properties are touched
/// only on `queue`: the source's handlers run there, and `HTTPServer` calls
/// `start`/`stop` through `queue.sync`.
final class Listener: @unchecked Sendable {
    let fd: Int32
    let queue = DispatchQueue(label: "HTTPServer.accept")
    private let source: DispatchSourceRead
    private var paused = false
    private var stopped = false
    private var nextLoop = 0

    /// Called for each accepted descriptor, on `queue`.
    private let onAccept: (_ fd: Int32, _ remoteAddress: String, _ loopIndex: Int) -> Void
    private let loopCount: Int

    init(
        fd: Int32, loopCount: Int,
        onAccept: @escaping (_ fd: Int32, _ remoteAddress: String, _ loopIndex: Int) -> Void,
        onClosed: @escaping @Sendable () -> Void
    ) {
        self.fd = fd
        self.loopCount = loopCount
        self.onAccept = onAccept
        self.source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [unowned self] in self.acceptPending() }
        // The descriptor is closed only here, after the source is gone, so
        // its number cannot be reused while libdispatch still watches it.
        source.setCancelHandler { [fd] in
            close(fd)
            onClosed()
        }
    }

    func start() {
        source.activate()
    }

    /// Stops listening at once (later connects are refused, not queued) and
    /// releases the descriptor through the cancel handler.
    func stop() {
        guard !stopped else { return }
        stopped = true
        // On Linux, shutdown() takes a socket out of LISTEN immediately.
        shutdown(fd, Int32(SHUT_RDWR))
        if paused {
            paused = false
            source.resume()  // a suspended source never runs its cancel handler
        }
        source.cancel()
    }

    /// Accepts everything pending (bounded per wake-up so one busy listener
    /// cannot starve the queue).
    private func acceptPending() {
        for _ in 0..<128 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(fd, $0, &length)
                }
            }
            if client < 0 {
                let error = errno
                switch error {
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors or memory: the level-triggered source
                    // would fire again at once (an accept storm), so pause it
                    // briefly and let closing connections free resources.
                    pauseAccepting()
                    return
                default:
                    return  // EAGAIN: nothing more pending
                }
            }
            // (accept4 is not visible from Swift's Glibc module; two fcntl calls per connection are fine.)
            Socket.setNonBlockingCloseOnExec(client)
            Socket.setNoDelay(client)
            let remote = Socket.describe(storage).text
            let loop = nextLoop
            nextLoop = (nextLoop + 1) % loopCount
            onAccept(client, remote, loop)
        }
    }

    private func pauseAccepting() {
        guard !paused, !stopped else { return }
        paused = true
        source.suspend()
        queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
            guard paused else { return }  // stop() already resumed it
            paused = false
            source.resume()
        }
    }
}
