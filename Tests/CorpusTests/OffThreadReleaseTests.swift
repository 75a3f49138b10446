import Foundation
import Synchronization
import Testing

@testable import Corpus

/// The loader frees extraction results with `OffThreadRelease` and waits for
/// it before the heap trim: the trim can only return pages already freed, so
/// `wait()` must not return before the value is gone.
@Suite struct OffThreadReleaseTests {
    final class Sentinel: Sendable {
        let onDeinit: @Sendable () -> Void
        init(_ onDeinit: @escaping @Sendable () -> Void) { self.onDeinit = onDeinit }
        deinit { onDeinit() }
    }

    @Test func valueIsFreedOnAnotherThreadBeforeWaitReturns() {
        let state = Mutex<(freed: Bool, onCaller: Bool)>((false, false))
        let caller = Thread.current.description
        let values = (0..<1_000).map { _ in
            Sentinel { state.withLock { $0 = (true, Thread.current.description == caller) } }
        }
        let release = OffThreadRelease(consume values)
        release.wait()
        let (freed, onCaller) = state.withLock { $0 }
        #expect(freed)
        #expect(!onCaller)
    }
}
