import Foundation
import Synchronization

/// How the last reload went: what the operator sees on a status page.
public struct ReloadOutcome: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case ok, failed
    }

    public var time: Date
    public var status: Status
    /// "loaded 2 documents, 93 passages" or the load error naming the file.
    public var message: String
    /// The version being served after this reload: the new model's on success, the old one's on failure.
    public var version: String
    /// The generation being served after this reload.
    public var generation: Int
    /// The load error on failure.
    public var error: CorpusLoadError?

    public init(
        time: Date, status: Status, message: String, version: String, generation: Int, error: CorpusLoadError? = nil
    ) {
        self.time = time
        self.status = status
        self.message = message
        self.version = version
        self.generation = generation
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case time, status, message, version, generation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        time = try c.decode(Date.self, forKey: .time)
        status = try c.decode(Status.self, forKey: .status)
        message = try c.decode(String.self, forKey: .message)
        version = try c.decode(String.self, forKey: .version)
        generation = try c.decode(Int.self, forKey: .generation)
        error = nil
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(time, forKey: .time)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(version, forKey: .version)
        try c.encode(generation, forKey: .generation)
    }
}

/// The one owner of the model being served, and the only way to replace it.
///
/// Why it is safe to share: the model is an immutable value (`CorpusModel`
/// is `Sendable`, every stored property a `let` of value types), so a
/// reader that has taken `current` holds a complete snapshot that nothing
/// can change under it. The only mutable state — which snapshot is current,
/// its generation and the last reload's outcome — sits in one `Mutex`, held
/// just long enough to copy or swap it, never while loading. A reload builds
/// the new model entirely outside that lock and swaps it in with one
/// assignment, so a reader sees either the old model or the new one, never a
/// half-built one. Reloads are serialised by a second mutex so two reloads
/// cannot finish out of order.
@available(macOS 15.0, *)
public final class ModelStore: Sendable {
    private struct State: Sendable {
        var model: CorpusModel
        var generation: Int
        var lastReload: ReloadOutcome?
    }

    /// The directory reloads read from.
    public let directory: URL
    public let options: CorpusLoader.Options
    private let state: Mutex<State>
    private let reloading = Mutex<Void>(())

    /// Loads `directory`; throws when the first load fails (there is no old model to keep).
    public convenience init(directory: URL, options: CorpusLoader.Options = .init()) throws(CorpusLoadError) {
        let model = try CorpusLoader.load(directory: directory, options: options)
        self.init(model: model, directory: directory, options: options)
    }

    /// Serves `model`, reloading from `directory` on `reload()`.
    public init(model: CorpusModel, directory: URL, options: CorpusLoader.Options = .init()) {
        self.directory = directory
        self.options = options
        self.state = Mutex(State(model: model, generation: 1, lastReload: nil))
    }

    /// The model to use for one request: take it once and keep it until the
    /// response is written, so the whole response comes from one snapshot.
    public var current: CorpusModel { state.withLock { $0.model } }

    /// The model and its generation, read together.
    public var snapshot: (model: CorpusModel, generation: Int) { state.withLock { ($0.model, $0.generation) } }

    /// 1 for the first model, one more for every successful reload.
    public var generation: Int { state.withLock { $0.generation } }

    /// The last reload's outcome; `nil` before the first reload.
    public var lastReload: ReloadOutcome? { state.withLock { $0.lastReload } }

    /// Loads the directory again. On success the new model replaces the old
    /// one for every request that starts afterwards; on failure the old model
    /// stays and the outcome says why. Blocks while another reload runs.
    @discardableResult
    public func reload() -> ReloadOutcome {
        reloading.withLock { _ in
            let model: CorpusModel
            do throws(CorpusLoadError) {
                // Unchanged documents keep their passages and results from the served model.
                model = try CorpusLoader.load(directory: directory, options: options, reusing: current)
            } catch {
                let failure = error
                return state.withLock { state in
                    let outcome = ReloadOutcome(
                        time: Date(), status: .failed, message: failure.description, version: state.model.version,
                        generation: state.generation, error: failure)
                    state.lastReload = outcome
                    return outcome
                }
            }
            let passages = model.documents.reduce(0) { $0 + $1.passages.count }
            var replaced: CorpusModel?
            let outcome = state.withLock { state in
                replaced = state.model
                state.model = model
                state.generation += 1
                let outcome = ReloadOutcome(
                    time: Date(), status: .ok, message: "loaded \(model.documents.count) documents, \(passages) passages",
                    version: model.version, generation: state.generation)
                state.lastReload = outcome
                return outcome
            }
            // The replaced model is freed here, outside the lock (readers
            // waited while it was freed inside it), unless a request still
            // holds it; then the pages it and the load's work freed go back
            // to the system. The load's own trim ran while the old model was
            // alive: without this one a process kept a third more resident
            // memory after its first reload (1,000 articles: 275 -> 370 MiB).
            _ = consume replaced
            HeapTrim.afterLoad()
            return outcome
        }
    }
}
