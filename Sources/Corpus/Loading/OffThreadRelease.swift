import Dispatch
import Synchronization

/// Drops the last reference to a large value on a worker thread, so that
/// freeing it (every element's deinit and `free`) overlaps whatever the
/// caller does next; `wait()` returns once it is freed.
///
/// The caller must hold no other reference once this is made (pass it with
/// `consume`): the value is freed where its last reference goes, and a copy
/// the caller dropped after the worker had run would free it on the caller.
struct OffThreadRelease: Sendable {
    private let done = DispatchGroup()

    init<Value: Sendable>(_ value: consuming Value) {
        // The box holds the only reference once `value`, consumed here,
        // ends with this init; the worker's block empties the box, so the
        // value is freed on the worker, before the group is left.
        let box = ReleaseBox(value)
        DispatchQueue.global(qos: .userInitiated).async(group: done) { box.drop() }
    }

    func wait() { done.wait() }
}

/// Holds the value until `drop()`, so it is freed inside the worker's block
/// rather than whenever libdispatch gets round to releasing the block.
private final class ReleaseBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value) { self.value = Mutex(value) }

    func drop() {
        // Taken out under the lock, destroyed after it, on this thread.
        let taken = value.withLock { stored -> Value? in
            let v = stored
            stored = nil
            return v
        }
        _ = consume taken
    }
}
