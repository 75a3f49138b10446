import ArgumentParser
import Corpus
import CorpusAPI
import Dispatch
import Foundation
import HTTPServer
import Logging
import Synchronization

/// Loads the corpus, starts the server, and runs until SIGTERM or SIGINT.
/// SIGHUP reloads the corpus.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the API (the default command).")

    @OptionGroup var options: SettingOptions

    func run() throws {
        let config: ServiceConfiguration
        do {
            config = try ServiceConfiguration.resolve(
                configFile: options.config, environment: ProcessInfo.processInfo.environment, flags: options.values)
        } catch {
            Self.fail("configuration: \(error.description)", code: 2)
        }
        let format = config.logFormat
        let level = Logger.Level(rawValue: config.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            if format == "json" {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "corpus-api")

        // Signals first: a SIGTERM that arrives while the model loads (or just
        // after "listening") must still stop us, not be lost between turning
        // off the default action and arming the Dispatch source.
        let box = ServerBox()
        let signals = SignalHandlers()
        signals.on([SIGTERM, SIGINT]) { signal in
            logger.info("shutting down", metadata: ["signal": .stringConvertible(signal)])
            if !box.stop() {
                // Still loading: nothing is served, so nothing to drain.
                logger.info("stopped before serving")
                Foundation.exit(0)
            }
        }
        signals.on([SIGHUP]) { _ in
            guard let store = box.store, let metrics = box.metrics else { return }
            let outcome = store.reload()
            metrics.reloadAttempted(outcome.status)
            if outcome.status == .ok { metrics.modelLoaded(store.current, generation: outcome.generation) }
            logger.log(
                level: outcome.status == .ok ? .info : .error, "reload",
                metadata: ["result": .string(outcome.status.rawValue), "message": .string(outcome.message),
                           "version": .string(outcome.version),
                           "phases_ms": .string(store.current.loadTimings.summary)]
                    .merging(CacheSetting.metadata(store.current.loadTimings.extraction)) { a, _ in a })
        }

        // A taken port fails the start now, before the model is built.
        if let reason = PortProbe.failure(host: config.server.host, port: config.server.port) {
            Self.fail("server: cannot bind \(config.server.host):\(config.server.port): \(reason)", code: 1)
        }

        let directory = config.corpus.map { URL(fileURLWithPath: $0) } ?? CorpusLoader.defaultCorpusDirectory
        let started = ContinuousClock.now
        let store: ModelStore
        do {
            store = try ModelStore(
                directory: directory,
                options: .init(
                    applyAnnotations: config.annotations, cache: CacheSetting.cache(config.cacheDir, logger: logger)))
        } catch {
            Self.fail("corpus: \(error.description)", code: 1)
        }
        let model = store.current
        logger.info(
            "model loaded",
            metadata: [
                "corpus": .string(config.corpus ?? "embedded"), "version": .string(model.version),
                "annotations": .stringConvertible(config.annotations),
                "documents": .stringConvertible(model.documents.count), "events": .stringConvertible(model.events.count),
                "observations": .stringConvertible(model.observations.count),
                "references": .stringConvertible(model.references.count),
                "load_ms": .stringConvertible((ContinuousClock.now - started).milliseconds),
                "phases_ms": .string(model.loadTimings.summary),
            ].merging(CacheSetting.metadata(model.loadTimings.extraction)) { a, _ in a })

        let services = APIServices(
            store: store, configuration: config.api, metrics: APIMetrics(),
            openConnections: { box.server?.openConnections ?? 0 })
        let app = CorpusAPIApplication(services: services)
        var serverConfiguration = config.server
        let descriptors = DescriptorBudget.currentDescriptorLimit()
        ResponseBodyFile.shared.limit = DescriptorBudget.bodyFiles(descriptorLimit: descriptors)
        serverConfiguration.maxConnections = DescriptorBudget.maxConnections(
            configured: config.server.maxConnections, descriptorLimit: descriptors)
        if serverConfiguration.maxConnections < config.server.maxConnections {
            logger.warning(
                "max_connections lowered to fit the descriptor limit",
                metadata: ["configured": .stringConvertible(config.server.maxConnections),
                           "using": .stringConvertible(serverConfiguration.maxConnections),
                           "ulimit_n": .stringConvertible(descriptors ?? 0)])
        }
        let server = HTTPServer(configuration: serverConfiguration, responder: app, logger: Logger(label: "http"))
        box.attach(server: server, store: store, metrics: services.metrics)
        if box.stopRequested {
            logger.info("stopped before serving")
            return
        }
        do {
            try server.start()
        } catch {
            // A stop that raced the start already shut the server: not a failure.
            if box.stopRequested { return }
            Self.fail("server: \(error)", code: 1)
        }
        logger.info(
            "listening",
            metadata: ["host": .string(config.server.host), "port": .stringConvertible(server.boundPort)])

        server.waitUntilStopped()
        logger.info("stopped")
    }

    static func fail(_ line: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("corpus-api: \(line)\n".utf8))
        Foundation.exit(code)
    }
}

/// What the signal handlers and the metrics closure need, created after
/// they are installed. One lock guards it; a stop asked for before the server
/// exists is remembered and honoured once it does.
final class ServerBox: Sendable {
    private struct State {
        var server: HTTPServer?
        var store: ModelStore?
        var metrics: APIMetrics?
        var stopRequested = false
    }

    private let state = Mutex(State())

    var server: HTTPServer? { state.withLock { $0.server } }
    var store: ModelStore? { state.withLock { $0.store } }
    var metrics: APIMetrics? { state.withLock { $0.metrics } }
    var stopRequested: Bool { state.withLock { $0.stopRequested } }

    func attach(server: HTTPServer, store: ModelStore, metrics: APIMetrics) {
        state.withLock {
            $0.server = server
            $0.store = store
            $0.metrics = metrics
        }
    }

    /// Begins a graceful shutdown; false when no server exists yet (the
    /// model is still loading), so the caller can simply exit.
    @discardableResult
    func stop() -> Bool {
        let server = state.withLock { state -> HTTPServer? in
            state.stopRequested = true
            return state.server
        }
        server?.beginShutdown()
        return server != nil
    }
}

extension Duration {
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
