import Foundation
import Logging
import Testing

@testable import HTTPServer

/// Not a test: hosts the test responder on a fixed port so a person (curl) or
/// `bench/healthz.sh` can poke a real server before the app executable exists.
///
///     HTTPSERVER_DEMO_PORT=8089 HTTPSERVER_DEMO_SECONDS=30 swift test --filter DemoServer
///
/// Skipped unless HTTPSERVER_DEMO_PORT is set. HTTPSERVER_DEMO_ACCESS_LOG=1 turns the JSON access log on.
@Suite struct DemoServer {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["HTTPSERVER_DEMO_PORT"] != nil))
    func serveForAWhile() async throws {
        var configuration = HTTPServerConfiguration(
            host: "127.0.0.1", port: Int(Self.environment["HTTPSERVER_DEMO_PORT"]!)!)
        configuration.accessLog = Self.environment["HTTPSERVER_DEMO_ACCESS_LOG"] == "1"
        var logger = Logger(label: "demo")
        logger.logLevel = .info
        let server = HTTPServer(configuration: configuration, responder: TestResponder(), logger: logger)
        try server.start()
        let seconds = Int(Self.environment["HTTPSERVER_DEMO_SECONDS"] ?? "30") ?? 30
        try await Task.sleep(for: .seconds(seconds))
        await server.shutdown()
    }
}
