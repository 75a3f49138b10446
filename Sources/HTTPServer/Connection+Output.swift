#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output half of a connection: writing without blocking, and the state
/// transitions that set the poller's interest and the deadlines to match.
/// Runs on the connection's loop thread, like everything in `Connection`.
extension Connection {
    // MARK: - Writing

    /// Writes as much pending output as the socket takes, without blocking.
    func flush() {
        guard state != .closed else { return }
        while output.count > 0 {
            let n = output.send(to: fd)
            if n > 0 {
                if state == .writing || state == .closing {
                    deadline = MonotonicClock.now() + server.configuration.writeTimeout.nanoseconds
                }
            } else {
                let error = errno
                if n < 0 && error == EINTR { continue }
                if n < 0 && (error == EAGAIN || error == EWOULDBLOCK) { break }
                abort()  // EPIPE, ECONNRESET: the peer is gone
                return
            }
        }
    }

    // MARK: - Transitions

    /// Decides the state from the facts (pending output, parser progress,
    /// close requested) and arms the sources and the deadline to match.
    func advance() {
        guard state != .closed, state != .lingering else { return }
        let hasOutput = pendingOutput > 0

        // Write interest only while something waits to be written; stop
        // reading while a slow reader has too much waiting (bounded buffering).
        let pauseRead = pendingOutput > server.configuration.maxBufferedResponseBytes || peerClosedInput
        var read = !readPaused
        if pauseRead {
            read = false
        } else if !wantsClose {
            read = true
        }
        setInterest(read: read, write: hasOutput)

        if wantsClose {
            if hasOutput {
                enter(.closing)
            } else if peerClosedInput {
                abort()
            } else {
                beginLingering()
            }
        } else if hasOutput {
            enter(.writing)
        } else if parser.isReadingBody {
            enter(.readingBody)
        } else if parser.hasPartialRequest {
            enter(.readingHead)
        } else {
            enter(.idle)
        }
    }

    /// Tells the poller, only when something changed: in the steady state of
    /// a keep-alive connection (reading, nothing pending) this is no call at all.
    func setInterest(read: Bool, write: Bool) {
        guard read == readPaused || write != writeWanted else { return }
        readPaused = !read
        writeWanted = write
        poller.update(fd, read: read, write: write)
    }

    func enter(_ next: State) {
        guard next != state || deadline == .max else { return }
        state = next
        let now = MonotonicClock.now()
        let configuration = server.configuration
        switch next {
        case .idle:
            let timeout = requestsServed == 0 ? configuration.headerTimeout : configuration.idleTimeout
            deadline = now + timeout.nanoseconds
        case .readingHead:
            deadline = now + configuration.headerTimeout.nanoseconds
        case .readingBody:
            deadline = bodyDeadline()
        case .writing, .closing:
            deadline = now + configuration.writeTimeout.nanoseconds
        case .lingering:
            deadline = now + configuration.lingerTimeout.nanoseconds
        case .closed:
            deadline = .max
        }
    }

    func bodyDeadline() -> UInt64 {
        MonotonicClock.now() + server.configuration.idleTimeout.nanoseconds
    }

    /// Our side is done: send FIN, then read and discard until the peer
    /// closes or the linger timeout passes.
    func beginLingering() {
        shutdown(fd, Int32(SHUT_WR))
        enter(.lingering)
        setInterest(read: true, write: writeWanted)
    }
}
