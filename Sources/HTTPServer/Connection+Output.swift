#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output half of a connection: writing without blocking, and the state
/// transitions that arm the dispatch sources and deadlines to match.
/// Runs on the connection's loop queue, like everything in `Connection`.
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

        // Write interest only while something waits to be written.
        if hasOutput && !writeActive {
            resumeWriteSource()
        } else if !hasOutput && writeActive {
            writeSource.suspend()
            writeActive = false
        }
        // Stop reading while a slow reader has too much waiting (bounded buffering).
        let readPaused = pendingOutput > server.configuration.maxBufferedResponseBytes || peerClosedInput
        if readPaused && !readSuspended {
            readSource.suspend()
            readSuspended = true
        } else if !readPaused && readSuspended && !wantsClose {
            readSource.resume()
            readSuspended = false
        }

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

    /// An inactive source must be activated, a suspended one resumed.
    func resumeWriteSource() {
        if writeEverActivated {
            writeSource.resume()
        } else {
            writeSource.activate()
            writeEverActivated = true
        }
        writeActive = true
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
        if readSuspended {
            readSource.resume()
            readSuspended = false
        }
    }
}
