// Standalone proof that ThreadSanitizer reports a "Swift access race" on
// accesses guarded by Synchronization.Mutex once the lock is contended (the
// futex slow path lives in the uninstrumented library). Nothing else is involved.
//   swiftc -sanitize=thread -g scripts/reliability/tsan-mutex-repro.swift -o /tmp/m && /tmp/m
// reports a race; with scripts/tsan.supp-style suppressions for the closure it prints 7.
import Synchronization
import Dispatch
final class Box: Sendable {
    let m = Mutex<[String: Int]>([:])
}
let box = Box()
DispatchQueue.concurrentPerform(iterations: 8) { i in
    for j in 0..<20000 {
        box.m.withLock { d in
            if d["k\(j % 7)"] == nil { d["k\(j % 7)"] = i }
            d["k\(j % 7)", default: 0] += 1
        }
    }
}
print(box.m.withLock { $0.count })
