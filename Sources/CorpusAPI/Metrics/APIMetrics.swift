import CoreMetrics
import Corpus
import Foundation
import HTTPServer
import Prometheus
import Synchronization

/// Prometheus metrics through swift-metrics: requests by route and status, a
/// latency histogram, open connections, and the model's state. Each app has
/// its own registry, so tests never share counters.
public final class APIMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let latency: Mutex<[String: CoreMetrics.Timer]> = Mutex([:])
    private let counters: Mutex<[CounterKey: CoreMetrics.Counter]> = Mutex([:])

    /// A hashed struct, not an interpolated "GET /v1/events 200" string: no
    /// allocation per request.
    private struct CounterKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }
    private let openConnections: CoreMetrics.Gauge
    private let modelDocuments: CoreMetrics.Gauge
    private let modelGeneration: CoreMetrics.Gauge
    private let modelRecords: [String: CoreMetrics.Gauge]
    private let reloads: Mutex<[String: CoreMetrics.Counter]> = Mutex([:])
    /// The last load's documents by extraction outcome (hit, miss, rejected, uncached).
    private let extractionDocuments: [String: CoreMetrics.Gauge]
    /// The last load's per-document phase (cache reads and extraction), seconds.
    private let extractionSeconds: CoreMetrics.Gauge

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .seconds(1),
        ]
        self.factory = factory
        openConnections = CoreMetrics.Gauge(label: "http_open_connections", factory: factory)
        modelDocuments = CoreMetrics.Gauge(label: "corpus_model_documents", factory: factory)
        modelGeneration = CoreMetrics.Gauge(label: "corpus_model_generation", factory: factory)
        var records: [String: CoreMetrics.Gauge] = [:]
        for kind in ["passages", "events", "observations", "measures", "references", "in_text_citations"] {
            records[kind] = CoreMetrics.Gauge(label: "corpus_model_records", dimensions: [("type", kind)], factory: factory)
        }
        modelRecords = records
        var outcomes: [String: CoreMetrics.Gauge] = [:]
        for outcome in ["hit", "miss", "rejected", "uncached", "reused"] {
            outcomes[outcome] = CoreMetrics.Gauge(
                label: "corpus_extraction_documents", dimensions: [("outcome", outcome)], factory: factory)
        }
        extractionDocuments = outcomes
        extractionSeconds = CoreMetrics.Gauge(label: "corpus_extraction_seconds", factory: factory)
        // Every reload outcome from the start, at 0: a rate() or an alert on
        // failures needs the series before the first reload, not after.
        for outcome in [ReloadOutcome.Status.ok, .failed] { _ = reloadCounter(outcome) }
    }

    /// Route is the pattern (`/v1/events/{id}`), not the path, so ids do not explode the label set.
    public func record(route: String, method: String, status: Int, duration: Duration) {
        let key = CounterKey(method: method, route: route, status: status)
        let counter = counters.withLock { cache in
            if let c = cache[key] { return c }
            let c = CoreMetrics.Counter(
                label: "http_requests_total",
                dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory)
            cache[key] = c
            return c
        }
        counter.increment()
        let timer = latency.withLock { cache in
            if let t = cache[route] { return t }
            let t = CoreMetrics.Timer(
                label: "http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            cache[route] = t
            return t
        }
        timer.recordNanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    public func setOpenConnections(_ n: Int) { openConnections.record(n) }

    public func modelLoaded(_ model: CorpusModel, generation: Int) {
        modelDocuments.record(model.documents.count)
        modelGeneration.record(generation)
        modelRecords["passages"]?.record(model.documents.reduce(0) { $0 + $1.passages.count })
        modelRecords["events"]?.record(model.events.count)
        modelRecords["observations"]?.record(model.observations.count)
        modelRecords["measures"]?.record(model.measures.count)
        modelRecords["references"]?.record(model.references.count)
        modelRecords["in_text_citations"]?.record(model.inTextCitations.count)
        let extraction = model.loadTimings.extraction
        extractionDocuments["hit"]?.record(extraction.hits)
        extractionDocuments["miss"]?.record(extraction.misses)
        extractionDocuments["rejected"]?.record(extraction.rejected)
        extractionDocuments["uncached"]?.record(extraction.uncached)
        extractionDocuments["reused"]?.record(extraction.reused)
        extractionSeconds.record(Double(extraction.milliseconds) / 1000)
    }

    public func reloadAttempted(_ outcome: ReloadOutcome.Status) {
        reloadCounter(outcome).increment()
    }

    private func reloadCounter(_ outcome: ReloadOutcome.Status) -> CoreMetrics.Counter {
        reloads.withLock { cache in
            if let c = cache[outcome.rawValue] { return c }
            let c = CoreMetrics.Counter(
                label: "corpus_reloads_total", dimensions: [("outcome", outcome.rawValue)], factory: factory)
            cache[outcome.rawValue] = c
            return c
        }
    }

    /// Prometheus text exposition format.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
