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

    /// `first` and `second` at once; `(first(), second())`.
    ///
    /// Not a `concurrentPerform`: nested inside `map`'s, libdispatch ran
    /// its two halves one after the other on the calling thread, so with two
    /// documents on two cores the larger one did its events and then its
    /// figures while the other core, done with the smaller, sat idle (most of
    /// the default corpus's load). `second` is offered to any free thread
    /// instead, and taken back by the caller if none has started it by the
    /// time `first` is done (see `OfferedWork`).
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @escaping @Sendable () -> B
    ) -> (A, B) {
        let offered = OfferedWork(second)
        DispatchQueue.global(qos: .userInitiated).async { offered.runUnlessTaken() }
        let a = first()
        return (a, offered.takeOrWait())
    }
}
