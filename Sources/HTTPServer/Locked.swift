import Foundation

/// A value guarded by a lock, for state that is touched per connection or per
/// lifecycle change, never per request.
///
/// `@unchecked Sendable` is safe because `value` is only reached through
/// `withLock`, which holds `lock` for the whole access. (NSLock rather than
/// `Synchronization.Mutex` because the package still declares macOS 14.)
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
