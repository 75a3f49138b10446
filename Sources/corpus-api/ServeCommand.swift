import ArgumentParser
import Corpus
import CorpusAPI
import Dispatch
import Foundation
import HTTPServer
import Logging

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

        let directory = config.corpus.map { URL(fileURLWithPath: $0) } ?? CorpusLoader.defaultCorpusDirectory
        let started = ContinuousClock.now
        let store: ModelStore
        do {
            store = try ModelStore(directory: directory)
        } catch {
            Self.fail("corpus: \(error.description)", code: 1)
        }
        let model = store.current
        logger.info(
            "model loaded",
            metadata: [
                "corpus": .string(config.corpus ?? "embedded"), "version": .string(model.version),
                "documents": .stringConvertible(model.documents.count), "events": .stringConvertible(model.events.count),
                "observations": .stringConvertible(model.observations.count),
                "references": .stringConvertible(model.references.count),
                "load_ms": .stringConvertible((ContinuousClock.now - started).milliseconds),
            ])

        let box = ServerBox()
        let services = APIServices(
            store: store, configuration: config.api, metrics: APIMetrics(),
            openConnections: { box.server?.openConnections ?? 0 })
        let app = CorpusAPIApplication(services: services)
        var serverConfiguration = config.server
        let descriptors = DescriptorBudget.currentDescriptorLimit()
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
        box.server = server
        do {
            try server.start()
        } catch {
            Self.fail("server: \(error)", code: 1)
        }
        logger.info(
            "listening",
            metadata: ["host": .string(config.server.host), "port": .stringConvertible(server.boundPort)])

        let signals = SignalHandlers()
        signals.on([SIGTERM, SIGINT]) { signal in
            logger.info("shutting down", metadata: ["signal": .stringConvertible(signal)])
            server.beginShutdown()
        }
        signals.on([SIGHUP]) { _ in
            let outcome = store.reload()
            services.metrics.reloadAttempted(outcome.result)
            if outcome.result == .ok { services.metrics.modelLoaded(store.current, generation: outcome.generation) }
            logger.log(
                level: outcome.result == .ok ? .info : .error, "reload",
                metadata: ["result": .string(outcome.result.rawValue), "message": .string(outcome.message),
                           "version": .string(outcome.version)])
        }
        server.waitUntilStopped()
        logger.info("stopped")
    }

    static func fail(_ line: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("corpus-api: \(line)\n".utf8))
        Foundation.exit(code)
    }
}

/// Lets the metrics closure reach the server created after it.
/// Written once on the main thread before `start()`, read afterwards only.
final class ServerBox: @unchecked Sendable {
    var server: HTTPServer?
}

extension Duration {
    var milliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
