// The public API, as any client would use it: plain fetch, JSON in, problem
// JSON (RFC 9457) on errors. Each record type has one adapter that maps the
// wire format to what the page draws, so a renamed field is a one-line fix.

/** An API or network failure, carrying the problem JSON's fields. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    const detail = problem?.detail || problem?.title || (status ? `HTTP ${status}` : "network error");
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.type = problem?.type || null;
    this.detail = detail;
    this.url = url;
  }

  /** The server does not have this endpoint yet (an older build). */
  get isMissingEndpoint() {
    return this.status === 404 && /route-not-found/.test(this.type || "");
  }
}

/**
 * `/v1/events?category=a&category=b&from=2001`: empty values are left out
 * (the API rejects unknown parameters and we never want `?q=`), arrays
 * repeat the parameter.
 */
export function apiURL(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === null || v === undefined || v === "") continue;
      query.append(name, String(v));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export async function getJSON(path, params = {}, { signal } = {}) {
  const url = apiURL(path, params);
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, { detail: `network error: ${error.message}` }, url);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new ApiError(response.status, { detail: "the response is not JSON" }, url);
  }
  if (!response.ok) throw new ApiError(response.status, body, url);
  return body;
}

/**
 * Every row of a list endpoint, page by page (`limit` is at most 500), up
 * to `max` rows. Returns `{rows, meta}` with the first page's meta.
 */
export async function getAll(path, params = {}, { max = 2000, signal } = {}) {
  const rows = [];
  let meta = null;
  for (let offset = 0; offset < max; offset += 500) {
    const page = await getJSON(path, { ...params, limit: 500, offset: offset || null }, { signal });
    meta ??= page?.meta ?? {};
    const data = Array.isArray(page?.data) ? page.data : [];
    rows.push(...data);
    const total = page?.meta?.total ?? rows.length;
    if (data.length === 0 || rows.length >= total) break;
  }
  return { rows, meta: meta ?? {} };
}

// ---------------------------------------------------------------- adapters

const str = (v) => (v === null || v === undefined ? "" : String(v));
const list = (v) => (Array.isArray(v) ? v : []);

export function adaptDocument(d) {
  const counts = d.counts || {};
  return {
    id: str(d.id),
    title: str(d.title || d.id),
    authors: list(d.authors).map((a) => [a.given, a.family].filter(Boolean).join(" ") || str(a.literal)),
    year: d.year ?? null,
    venue: d.venue?.journal || (typeof d.venue === "string" ? d.venue : ""),
    doi: str(d.doi),
    url: str(d.url),
    note: str(d.note),
    counts: {
      passages: counts.passages ?? 0,
      events: counts.events ?? 0,
      indicators: counts.indicators ?? 0,
      references: counts.references ?? 0,
      inText: counts.in_text_citations ?? 0,
    },
  };
}

/** One sentence a record came from. */
export function adaptSource(p) {
  return {
    document: str(p?.document),
    passage: str(p?.passage),
    start: p?.start ?? null,
    end: p?.end ?? null,
    quote: str(p?.quote),
    text: str(p?.text || p?.quote),
    citations: list(p?.citations),
  };
}

export function adaptEvent(e) {
  const date = e.date || {};
  return {
    id: str(e.id),
    start: str(date.start),
    end: date.end ? str(date.end) : null,
    precision: str(date.precision || "year"),
    dateQualifier: date.qualifier ? str(date.qualifier) : null,
    display: str(date.display || date.start),
    status: str(e.status || "occurred"),
    title: str(e.title),
    summary: str(e.summary),
    category: str(e.category || "other"),
    actors: list(e.actors).map(str),
    sources: list(e.sources ?? e.evidence).map(adaptSource),
  };
}

export function adaptObservation(o) {
  return {
    id: str(o.id),
    measure: str(o.measure),
    label: str(o.label || o.measure),
    value: typeof o.value === "number" ? o.value : Number(o.value),
    unit: str(o.unit),
    period: o.period ? str(o.period) : null,
    periodStart: o.period_start ? str(o.period_start) : null,
    qualifier: str(o.qualifier || "exact"),
    change: o.change ? adaptChange(o.change) : null,
    category: str(o.category),
    reporter: o.reporter ? str(o.reporter) : null,
    isTarget: Boolean(o.is_target),
    sources: list(o.sources).map(adaptSource),
  };
}

function adaptChange(c) {
  return { value: c.value, unit: str(c.unit), direction: str(c.direction), basis: str(c.basis) };
}

export function adaptMeasure(m) {
  return {
    id: str(m.id),
    label: str(m.label || m.id),
    unit: str(m.unit),
    category: str(m.category),
    count: m.observation_count ?? 0,
    periodStart: m.period_start ? str(m.period_start) : null,
    periodEnd: m.period_end ? str(m.period_end) : null,
  };
}

export function adaptSeriesPoint(p) {
  return {
    period: str(p.period),
    time: Date.parse(p.time),
    value: typeof p.value === "number" ? p.value : Number(p.value),
    qualifier: str(p.qualifier || "exact"),
    change: p.change ? adaptChange(p.change) : null,
    isTarget: Boolean(p.is_target),
    source: adaptSource(p.source),
    observation: p.observation ? str(p.observation) : null,
    // year, years, part-year, other or open: points of one span share a line.
    span: p.span ? str(p.span) : null,
  };
}

export function adaptReference(r) {
  const parts = r.issued?.["date-parts"]?.[0];
  return {
    id: str(r.id),
    document: str(r.document),
    type: str(r.type),
    authors: list(r.author).map((a) => a.literal || [a.family, a.given].filter(Boolean).join(", ")),
    year: r.year ?? (Array.isArray(parts) ? parts[0] : null),
    yearSuffix: str(r.year_suffix),
    title: str(r.title),
    container: str(r["container-title"]),
    volume: str(r.volume),
    issue: str(r.issue),
    page: str(r.page),
    publisher: str(r.publisher),
    url: str(r.URL),
    doi: str(r.DOI),
    raw: str(r.raw),
    language: str(r.language),
    citedCount: r.cited_count ?? 0,
    source: r.source ? adaptSource(r.source) : null,
  };
}

export function adaptSearchHit(hit) {
  return {
    type: str(hit.type),
    id: str(hit.id),
    score: hit.score ?? null,
    snippet: str(hit.snippet),
    title: str(hit.title),
    provenance: hit.provenance ? adaptSource(hit.provenance) : null,
  };
}

export function adaptPassage(p) {
  return {
    id: str(p.id),
    document: str(p.document),
    sectionTitle: str(p.section_title),
    start: p.start,
    end: p.end,
    text: str(p.text),
    sentences: list(p.sentences).map((s) => ({ start: s.start, end: s.end, text: str(s.text) })),
  };
}

/**
 * `meta.facets.category` may be `{energy: 3}` or `[{value, count}]`; both
 * become a Map of value → count.
 */
export function adaptFacet(facet) {
  const out = new Map();
  if (Array.isArray(facet)) {
    for (const f of facet) out.set(str(f.value ?? f.name), f.count ?? 0);
  } else if (facet && typeof facet === "object") {
    for (const [k, v] of Object.entries(facet)) out.set(k, typeof v === "number" ? v : v?.count ?? 0);
  }
  return out;
}

export function adaptInTextCitation(c) {
  return {
    id: str(c.id),
    document: str(c.document),
    passage: str(c.passage || c.source?.passage),
    text: str(c.text),
    resolved: Boolean(c.resolved),
    referenceId: c.reference_id ? str(c.reference_id) : null,
    reason: str(c.unresolved_reason),
    source: c.source ? adaptSource(c.source) : null,
  };
}
