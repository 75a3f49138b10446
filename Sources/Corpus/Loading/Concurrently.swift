import Dispatch
import Synchronization

/// Runs two independent pieces of work at once and returns both results.
///
/// Event and indicator extraction read the same immutable documents and
/// citations and share nothing else, so on a machine with two or more cores
/// the load takes the longer of the two instead of their sum.
enum Concurrently {
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        let a = Mutex<A?>(nil)
        let b = Mutex<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = first()
                a.withLock { $0 = value }
            } else {
                let value = second()
                b.withLock { $0 = value }
            }
        }
        // concurrentPerform returns only after both iterations ran.
        return (a.withLock { $0! }, b.withLock { $0! })
    }
}
