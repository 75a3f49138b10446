import Dispatch
import Synchronization

/// A piece of work that whichever thread claims first runs, exactly once:
/// a free worker thread (`runUnlessTaken`) or the thread that wants the
/// result (`takeOrWait`).
///
/// The caller waits only while another thread is running the work, never
/// for a thread to become free, so it cannot deadlock however busy the pool
/// is; at worst the caller runs the work itself, as it would without the
/// offer.
final class OfferedWork<Value: Sendable>: Sendable {
    private enum State {
        case open
        case running
        case done(Value)
        case takenByCaller
    }

    private let body: @Sendable () -> Value
    private let state = Mutex<State>(.open)
    /// Signalled once a worker thread has stored the value.
    private let finished = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Value) {
        self.body = body
    }

    /// On a worker thread: runs the work if the caller has not taken it.
    func runUnlessTaken() {
        let claimed = state.withLock { state -> Bool in
            guard case .open = state else { return false }
            state = .running
            return true
        }
        guard claimed else { return }
        let value = body()
        state.withLock { $0 = .done(value) }
        finished.signal()
    }

    /// On the caller: the value, computed here if no worker has started it.
    func takeOrWait() -> Value {
        let taken = state.withLock { state -> Bool in
            guard case .open = state else { return false }
            state = .takenByCaller
            return true
        }
        if taken { return body() }
        finished.wait()
        return state.withLock { state -> Value in
            guard case .done(let value) = state else { preconditionFailure("signalled before the value was stored") }
            return value
        }
    }
}
