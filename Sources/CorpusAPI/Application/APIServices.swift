import Corpus
import Foundation

/// The long-lived pieces a handler may need besides the model snapshot.
public struct APIServices: Sendable {
    public var store: ModelStore
    public var configuration: APIConfiguration
    public var metrics: APIMetrics
    public var startedAt: Date
    /// The server's open connection count, when a live server is attached.
    public var openConnections: @Sendable () -> Int

    public init(
        store: ModelStore, configuration: APIConfiguration, metrics: APIMetrics, startedAt: Date = Date(),
        openConnections: @escaping @Sendable () -> Int = { 0 }
    ) {
        self.store = store
        self.configuration = configuration
        self.metrics = metrics
        self.startedAt = startedAt
        self.openConnections = openConnections
    }
}
