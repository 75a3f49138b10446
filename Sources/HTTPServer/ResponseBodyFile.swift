import CEventPoll
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A response body's bytes, also held in an anonymous in-memory file
/// (`memfd`), so the server can send them with `sendfile(2)`: the kernel
/// then references the file's pages instead of copying the bytes from our
/// memory on every response. Copying a cached 35 KB `/v1/events` body was
/// the largest single cost of answering it (17% of the server's CPU); it is
/// what nginx avoids by serving static files with sendfile.
///
/// Made once per cached body and shared by every response that sends it.
/// Each holds one descriptor until the last response using it is sent, so
/// the number alive is bounded (`Budget`); past it, or off Linux, `make`
/// returns nil and bodies are copied as before.
///
/// Sendable: `fd` and `count` never change after `make`, and the file's
/// contents are written before the value is shared and never again.
public final class ResponseBodyFile: Sendable {
    /// Bodies smaller than this are copied: for a few KB one `sendmsg`
    /// beats `sendmsg` + `sendfile`.
    public static let minimumBytes = 16 * 1024

    let fd: Int32
    /// The body's length in bytes.
    public let count: Int
    private let budget: Budget

    /// Counts the files alive against a limit. One is shared by the whole
    /// process; tests make their own so that they can count exactly.
    public final class Budget: Sendable {
        fileprivate let live = Atomic<Int>(0)
        private let maximum: Atomic<Int>

        public init(limit: Int) { maximum = Atomic(max(0, limit)) }

        /// How many files may be alive at once (each is a descriptor); 0 turns them off.
        public var limit: Int {
            get { maximum.load(ordering: .relaxed) }
            set { maximum.store(max(0, newValue), ordering: .relaxed) }
        }

        /// Files alive now.
        public var alive: Int { live.load(ordering: .relaxed) }

        fileprivate func admit() -> Bool {
            if live.add(1, ordering: .relaxed).newValue <= maximum.load(ordering: .relaxed) { return true }
            live.subtract(1, ordering: .relaxed)
            return false
        }
    }

    /// The process's budget; `corpus-api` sets its limit at start from the
    /// descriptor limit (`DescriptorBudget.bodyFiles`).
    public static let shared = Budget(limit: 32)

    private init(fd: Int32, count: Int, budget: Budget) {
        self.fd = fd
        self.count = count
        self.budget = budget
    }

    deinit {
        close(fd)
        budget.live.subtract(1, ordering: .relaxed)
    }

    /// A file holding `bytes`, or nil: too small, over the budget, not Linux,
    /// or the kernel refused (then the bytes are simply copied when sent).
    public static func make(_ bytes: [UInt8], budget: Budget = shared) -> ResponseBodyFile? {
        #if os(Linux)
            guard bytes.count >= minimumBytes, budget.admit() else { return nil }
            let fd = cep_memfd_create("corpus-api-body")
            guard fd >= 0 else {
                budget.live.subtract(1, ordering: .relaxed)
                return nil
            }
            let file = ResponseBodyFile(fd: fd, count: bytes.count, budget: budget)  // deinit now balances `live`
            let written = bytes.withUnsafeBytes { raw -> Bool in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return false }
                    done += n
                }
                return true
            }
            return written ? file : nil
        #else
            return nil
        #endif
    }

    /// Sends up to `length` bytes from `offset` to the socket `socket`.
    /// Returns what `sendfile` returned (-1 with `errno` set).
    func send(to socket: Int32, from offset: Int, length: Int) -> Int {
        #if os(Linux)
            var position = off_t(offset)
            return sendfile(socket, fd, &position, length)
        #else
            errno = ENOSYS
            return -1
        #endif
    }
}
