import CEventPoll

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the kernel reported for one descriptor in one `wait`.
struct PollEvent {
    var fd: Int32
    var readable: Bool
    var writable: Bool
    /// An error is pending on the socket (e.g. a reset): reading or writing
    /// would only report it.
    var failed: Bool
    /// Both directions are closed; reported even without read interest.
    var hangUp: Bool
}

/// Readiness of an event loop's descriptors: epoll on Linux, kqueue elsewhere.
///
/// Level-triggered and registered once per connection, so a busy connection
/// costs one `epoll_wait` per batch of events and no re-arming call per
/// request (libdispatch's sources re-armed with `epoll_ctl` and hopped
/// through its manager thread on every read, about a third of the server's
/// CPU on small cached answers).
///
/// Owned by one loop thread; only `Waker` (a copy of the wake descriptor) is
/// used from other threads.
final class Poller {
    /// Events one `wait` can return; more stay pending for the next call.
    static let batchSize = 256

    private let pollFD: Int32
    /// Readable when another thread asked the loop to look at its task list.
    let waker: Waker

    #if os(Linux)
        private let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Poller.batchSize)
    #else
        private let events = UnsafeMutablePointer<kevent>.allocate(capacity: Poller.batchSize)
    #endif

    /// A thread-safe handle that interrupts the loop's `wait`.
    struct Waker: Sendable {
        let fd: Int32

        func wake() {
            #if os(Linux)
                var one: UInt64 = 1
                _ = write(fd, &one, 8)
            #else
                var change = kevent(
                    ident: 1, filter: Int16(EVFILT_USER), flags: 0, fflags: UInt32(NOTE_TRIGGER), data: 0, udata: nil)
                _ = kevent(fd, &change, 1, nil, 0, nil)
            #endif
        }
    }

    /// - Throws: the `errno` of the failing call when the kernel has no
    ///   descriptors left for the loop.
    init() throws(PollerError) {
        #if os(Linux)
            let pollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
            guard pollFD >= 0 else { throw PollerError(errno: errno) }
            let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
            guard wakeFD >= 0 else {
                let error = errno
                close(pollFD)
                throw PollerError(errno: error)
            }
            var event = epoll_event()
            event.events = EPOLLIN.rawValue
            event.data.fd = wakeFD
            _ = epoll_ctl(pollFD, EPOLL_CTL_ADD, wakeFD, &event)
            self.pollFD = pollFD
            self.waker = Waker(fd: wakeFD)
        #else
            let pollFD = kqueue()
            guard pollFD >= 0 else { throw PollerError(errno: errno) }
            var change = kevent(
                ident: 1, filter: Int16(EVFILT_USER), flags: UInt16(EV_ADD | EV_CLEAR), fflags: 0, data: 0, udata: nil)
            _ = kevent(pollFD, &change, 1, nil, 0, nil)
            self.pollFD = pollFD
            self.waker = Waker(fd: pollFD)
        #endif
    }

    deinit {
        events.deallocate()
        #if os(Linux)
            close(waker.fd)
        #endif
        close(pollFD)
    }

    /// Starts watching `fd` with the given interest. False when the kernel
    /// refused (out of memory, or past `max_user_watches`): the caller must
    /// close the descriptor, since no event for it will ever come.
    func register(_ fd: Int32, read: Bool, write: Bool) -> Bool {
        #if os(Linux)
            return control(EPOLL_CTL_ADD, fd, read: read, write: write)
        #else
            return change(fd, filter: EVFILT_READ, enabled: read, adding: true)
                && change(fd, filter: EVFILT_WRITE, enabled: write, adding: true)
        #endif
    }

    /// Changes the interest of a registered `fd`.
    func update(_ fd: Int32, read: Bool, write: Bool) {
        #if os(Linux)
            _ = control(EPOLL_CTL_MOD, fd, read: read, write: write)
        #else
            _ = change(fd, filter: EVFILT_READ, enabled: read, adding: false)
            _ = change(fd, filter: EVFILT_WRITE, enabled: write, adding: false)
        #endif
    }

    /// Stops watching `fd`; call before closing it.
    func deregister(_ fd: Int32) {
        #if os(Linux)
            var event = epoll_event()
            _ = epoll_ctl(pollFD, EPOLL_CTL_DEL, fd, &event)
        #endif
        // kqueue drops a descriptor's filters when it is closed.
    }

    /// Blocks until something is ready, `timeoutMilliseconds` pass (-1: no
    /// limit) or a signal interrupts; returns how many events `event(at:)` holds.
    func wait(timeoutMilliseconds: Int32) -> Int {
        #if os(Linux)
            let n = epoll_wait(pollFD, events, Int32(Self.batchSize), timeoutMilliseconds)
        #else
            var timeout = timespec(
                tv_sec: Int(timeoutMilliseconds / 1000), tv_nsec: Int(timeoutMilliseconds % 1000) * 1_000_000)
            let n =
                timeoutMilliseconds < 0
                ? kevent(pollFD, nil, 0, events, Int32(Self.batchSize), nil)
                : kevent(pollFD, nil, 0, events, Int32(Self.batchSize), &timeout)
        #endif
        return max(0, Int(n))  // EINTR: nothing ready, the loop just goes round
    }

    /// The `index`-th event of the last `wait`; `nil` for the loop's own wake-up.
    func event(at index: Int) -> PollEvent? {
        #if os(Linux)
            let raw = events[index]
            let fd = raw.data.fd
            if fd == waker.fd {
                var count: UInt64 = 0
                _ = read(fd, &count, 8)
                return nil
            }
            let bits = raw.events
            return PollEvent(
                fd: fd,
                readable: bits & EPOLLIN.rawValue != 0,
                writable: bits & EPOLLOUT.rawValue != 0,
                failed: bits & EPOLLERR.rawValue != 0,
                hangUp: bits & EPOLLHUP.rawValue != 0)
        #else
            let raw = events[index]
            if raw.filter == Int16(EVFILT_USER) { return nil }
            return PollEvent(
                fd: Int32(raw.ident),
                readable: raw.filter == Int16(EVFILT_READ),
                writable: raw.filter == Int16(EVFILT_WRITE),
                failed: raw.flags & UInt16(EV_ERROR) != 0,
                hangUp: false)
        #endif
    }

    #if os(Linux)
        private func control(_ operation: Int32, _ fd: Int32, read: Bool, write: Bool) -> Bool {
            var event = epoll_event()
            event.events = (read ? EPOLLIN.rawValue : 0) | (write ? EPOLLOUT.rawValue : 0)
            event.data.fd = fd
            return epoll_ctl(pollFD, operation, fd, &event) == 0
        }
    #else
        private func change(_ fd: Int32, filter: Int32, enabled: Bool, adding: Bool) -> Bool {
            let flags = (adding ? EV_ADD : 0) | (enabled ? EV_ENABLE : EV_DISABLE)
            var change = kevent(
                ident: UInt(fd), filter: Int16(filter), flags: UInt16(flags), fflags: 0, data: 0, udata: nil)
            return kevent(pollFD, &change, 1, nil, 0, nil) >= 0
        }
    #endif
}

/// The kernel refused an event loop its descriptors (`errno` kept).
struct PollerError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "cannot create an event loop: " + String(cString: strerror(errno)) }
}
