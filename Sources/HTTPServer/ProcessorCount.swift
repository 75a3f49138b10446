import CEventPoll
import Foundation

/// How many CPUs the server may actually run on, for its default number of
/// event loops.
enum ProcessorCount {
    /// The CPUs in this process's affinity mask (`taskset`, a container's
    /// cpuset), never more than the machine has. `ProcessInfo`'s
    /// `activeProcessorCount` ignores the mask on Linux, so a server pinned
    /// to one core started two loops that took turns on it.
    static var available: Int {
        let online = ProcessInfo.processInfo.activeProcessorCount
        #if os(Linux)
            let allowed = Int(cep_affinity_cpu_count())
            if allowed > 0 { return min(allowed, online) }
        #endif
        return online
    }
}
