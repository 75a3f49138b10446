import Foundation
import Synchronization

/// The one owner of the current model. Readers take the snapshot (an
/// immutable value) under a lock held only for a pointer copy; a reload
/// builds the new model outside the lock and swaps it in whole, so a request
/// keeps the snapshot it started with and nobody ever sees a half-built one.
public final class ModelStore: Sendable {
    public struct ReloadOutcome: Sendable, Equatable {
        public enum Result: String, Sendable { case ok, failed }
        public var result: Result
        public var at: Date
        public var message: String
        /// The version serving after the attempt (the old one when it failed).
        public var version: String
        public var generation: Int
    }

    private struct State: Sendable {
        var model: CorpusModel
        var generation: Int
        var lastReload: ReloadOutcome?
    }

    public let directory: URL
    public let options: CorpusLoader.Options
    private let state: Mutex<State>
    /// Reloads run one at a time; concurrent requests for one wait their turn.
    private let reloadLock = Mutex<Void>(())

    public init(directory: URL, options: CorpusLoader.Options = .init()) throws(CorpusLoadError) {
        self.directory = directory
        self.options = options
        let model = try CorpusLoader.load(directory: directory, options: options)
        state = Mutex(State(model: model, generation: 1, lastReload: nil))
    }

    public var current: CorpusModel { state.withLock { $0.model } }
    public var generation: Int { state.withLock { $0.generation } }
    public var lastReload: ReloadOutcome? { state.withLock { $0.lastReload } }

    /// Loads the directory again; on failure the old model keeps serving and
    /// the outcome says why.
    @discardableResult
    public func reload() -> ReloadOutcome {
        reloadLock.withLock { _ in
            let outcome: ReloadOutcome
            do {
                let model = try CorpusLoader.load(directory: directory, options: options)
                outcome = state.withLock { state in
                    state.model = model
                    state.generation += 1
                    let o = ReloadOutcome(
                        result: .ok, at: Date(), message: "loaded \(model.documents.count) documents",
                        version: model.version, generation: state.generation)
                    state.lastReload = o
                    return o
                }
            } catch {
                outcome = state.withLock { state in
                    let o = ReloadOutcome(
                        result: .failed, at: Date(), message: String(describing: error), version: state.model.version,
                        generation: state.generation)
                    state.lastReload = o
                    return o
                }
            }
            return outcome
        }
    }
}
