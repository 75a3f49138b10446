/// The route table: every endpoint of the API in one list. The router, the
/// endpoint index at `GET /`, and the unknown-parameter check all read it.
public enum Routes {
    public static let all: [Endpoint] = health + documents + records + meta

    static let health: [Endpoint] = [
        Endpoint(.get, "/livez", summary: "Liveness: the process answers", handler: HealthHandlers.live),
        Endpoint(.get, "/healthz", summary: "Liveness (alias of /livez)", handler: HealthHandlers.live),
        Endpoint(.get, "/readyz", summary: "Readiness: the model version, counts and last reload", handler: HealthHandlers.ready),
        Endpoint(.get, "/metrics", summary: "Prometheus metrics (text exposition format)", formats: [.prometheus], handler: HealthHandlers.metrics),
        Endpoint(.post, "/admin/reload", summary: "Reload the corpus (needs the admin bearer token)", handler: AdminHandlers.reload),
    ]

    static let documents: [Endpoint] = [
        Endpoint(.get, "/v1/documents", summary: "The documents with metadata and record counts", isList: true,
                 formats: [.json, .csv], handler: DocumentHandlers.list),
        Endpoint(.get, "/v1/documents/{id}", summary: "One document with its sections", handler: DocumentHandlers.detail),
        Endpoint(.get, "/v1/documents/{id}/passages", summary: "A document's passages", parameters: ["section"],
                 isList: true, formats: [.json, .csv], handler: DocumentHandlers.passages),
        Endpoint(.get, "/v1/passages/{id}", summary: "One passage with its sentences and offsets", handler: DocumentHandlers.passage),
    ]

    static let records: [Endpoint] = events + indicators + citations + search

    static let search: [Endpoint] = [
        Endpoint(.get, "/v1/search", summary: "Ranked full-text search over passages, events, indicators and citations",
                 parameters: ["q", "type"], isList: true, formats: [.json, .csv], handler: SearchHandlers.search),
    ]

    static let citations: [Endpoint] = [
        Endpoint(.get, "/v1/citations", summary: "References of every document, in CSL-JSON field names; exports by format or Accept",
                 parameters: CitationHandlers.filterParameters, isList: true, formats: CitationHandlers.exportFormats,
                 handler: CitationHandlers.list),
        Endpoint(.get, "/v1/citations/{id}", summary: "One reference, where it is cited, and the events and indicators citing it",
                 formats: [.json, .cslJSON, .bibtex, .ris, .apa], handler: CitationHandlers.detail),
        Endpoint(.get, "/v1/documents/{id}/references", summary: "One document's reference list",
                 parameters: CitationHandlers.filterParameters.subtracting(["document"]), isList: true,
                 formats: CitationHandlers.exportFormats, handler: CitationHandlers.forDocument),
        Endpoint(.get, "/v1/in-text-citations", summary: "Citations in the body text, resolved to references or with the reason they are not",
                 parameters: ["document", "resolved"], isList: true, formats: [.json, .csv], handler: CitationHandlers.inText),
    ]

    static let events: [Endpoint] = [
        Endpoint(.get, "/v1/events", summary: "Timeline events: every dated happening, with its sources",
                 parameters: EventHandlers.filterParameters, isList: true, formats: [.json, .csv],
                 handler: EventHandlers.list),
        Endpoint(.get, "/v1/events/{id}", summary: "One event with all its sources", handler: EventHandlers.detail),
        Endpoint(.get, "/v1/timeline", summary: "The events for timeline tools: JSON by year, TimelineJS3 or CSV",
                 parameters: EventHandlers.filterParameters, formats: [.json, .timelineJS, .csv],
                 handler: EventHandlers.timeline),
    ]

    static let indicators: [Endpoint] = [
        Endpoint(.get, "/v1/indicators", summary: "Observations: every figure in the corpus, typed",
                 parameters: IndicatorHandlers.filterParameters, isList: true, formats: [.json, .csv],
                 handler: IndicatorHandlers.list),
        Endpoint(.get, "/v1/indicators/{id}", summary: "One observation with its sources", handler: IndicatorHandlers.detail),
        Endpoint(.get, "/v1/measures", summary: "Measures: what the observations measure, with spans and counts",
                 parameters: ["category"], isList: true, formats: [.json, .csv], handler: IndicatorHandlers.measures),
        Endpoint(.get, "/v1/measures/{measure}/series", summary: "One measure's observations in period order, for charts",
                 formats: [.json, .csv], handler: IndicatorHandlers.series),
    ]

    static let meta: [Endpoint] = [
        Endpoint(.get, "/", summary: "This index (JSON) or the dashboard (browsers)", formats: [.json, .html],
                 handler: IndexHandler.index),
        Endpoint(.get, "/assets/{file}", summary: "Dashboard assets", formats: [.asset], handler: StaticAssets.handle),
        Endpoint(.get, "/v1/export", summary: "The whole model: one JSON document, or a ZIP of CSV tables with format=csv",
                 formats: [.json, .zip], handler: ExportHandler.export),
        Endpoint(.get, "/openapi.json", summary: "The OpenAPI 3.1 description (JSON)", formats: [.openAPIJSON], handler: DocsHandlers.openAPIJSON),
        Endpoint(.get, "/openapi.yaml", summary: "The OpenAPI 3.1 description (YAML)", formats: [.yaml], handler: DocsHandlers.openAPIYAML),
        Endpoint(.get, "/docs", summary: "The API reference as a page", formats: [.html], handler: DocsHandlers.docs),
        Endpoint(.get, "/.well-known/api-catalog", summary: "RFC 9727 API catalog", formats: [.linkset], handler: DocsHandlers.apiCatalog),
    ]
}
