import Corpus
import Foundation

/// Liveness, readiness and metrics: what an orchestrator and Prometheus poll.
enum HealthHandlers {
    /// Liveness: the process answers. Never touches the model.
    static func live(_ context: RequestContext) throws(APIError) -> APIResult {
        .json(["status": "ok"], cacheable: false)
    }

    /// Readiness: a model is loaded (the store exists only once one is). Says
    /// which model, how big, and how the last reload went.
    static func ready(_ context: RequestContext) throws(APIError) -> APIResult {
        let store = context.services.store
        let model = context.model
        let reload: JSONValue =
            store.lastReload.map { outcome in
                .object([
                    ("result", .string(outcome.status.rawValue)),
                    ("at", .string(Timestamp.rfc3339(outcome.time))),
                    ("message", .string(outcome.message)),
                    ("version", .string(outcome.version)),
                ])
            } ?? .null
        let body: JSONValue = .object([
            ("status", "ready"),
            ("model", ModelSummary.json(model, generation: store.generation)),
            ("last_reload", reload),
            ("extraction", extraction(model.loadTimings.extraction)),
            ("uptime_seconds", .int(Int(Date().timeIntervalSince(context.services.startedAt)))),
        ])
        return .json(body, cacheable: false)
    }

    /// What the load that built the model did with the extraction cache.
    private static func extraction(_ s: ExtractionStatistics) -> JSONValue {
        .object([
            ("cache", .bool(s.cacheEnabled)),
            ("hits", .int(s.hits)), ("misses", .int(s.misses)), ("rejected", .int(s.rejected)),
            ("reused", .int(s.reused)), ("extracted", .int(s.extracted)), ("milliseconds", .int(s.milliseconds)),
        ])
    }

    static func metrics(_ context: RequestContext) throws(APIError) -> APIResult {
        context.services.metrics.setOpenConnections(context.services.openConnections())
        return APIResult(
            body: .bytes(context.services.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8"),
            cacheable: false)
    }
}

/// The model's identity and size, shown by `/readyz` and `/v1/export`.
enum ModelSummary {
    static func json(_ model: CorpusModel, generation: Int) -> JSONValue {
        .object([
            ("version", .string(model.version)),
            ("generation", .int(generation)),
            ("loaded_at", .string(Timestamp.rfc3339(model.loadedAt))),
            ("documents", .int(model.documents.count)),
            ("passages", .int(model.documents.reduce(0) { $0 + $1.passages.count })),
            ("events", .int(model.events.count)),
            ("observations", .int(model.observations.count)),
            ("measures", .int(model.measures.count)),
            ("references", .int(model.references.count)),
            ("in_text_citations", .int(model.inTextCitations.count)),
        ])
    }
}

enum Timestamp {
    static func rfc3339(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
            .replacingOccurrences(of: "+0000", with: "Z")
    }
}
