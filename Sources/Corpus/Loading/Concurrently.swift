import Dispatch
import Synchronization

/// Runs independent pieces of work at once and returns their results in order.
///
/// Extraction reads immutable documents and shares nothing between them:
/// event and indicator extraction run side by side, and each runs its
/// documents side by side, so a load uses every core instead of one.
enum Concurrently {
    /// `body` applied to each element, on as many threads as there are cores;
    /// the results in the order of `items`.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(body) }
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = body(items[index])
            results.withLock { $0[index] = value }
        }
        // concurrentPerform returns only after every iteration ran.
        return results.withLock { $0.map { $0! } }
    }

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
