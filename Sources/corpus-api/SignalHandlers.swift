import Dispatch
import Foundation

/// Signals delivered as Dispatch events rather than through a C handler, so
/// the reaction can log, lock and allocate safely. The default disposition
/// is turned off first, or the process would still die on SIGTERM.
final class SignalHandlers: Sendable {
    private let queue = DispatchQueue(label: "corpus-api.signals")
    /// Sources must stay alive for the process's life; only touched in `on`,
    /// from the main thread, before any signal can arrive.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    func on(_ signals: [Int32], _ handler: @escaping @Sendable (Int32) -> Void) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }
}
