// The timeline: events from /v1/events, filtered on the server by category,
// actor, document, status, words and date range; drawn as an SVG strip (one
// lane per category) above a keyboard-friendly list; a click shows the event
// with its quotes and source passages.
import { getAll, getJSON, adaptEvent, adaptFacet, adaptPassage, apiURL } from "./api.js";
import { h, s, clear, debounce, setStatus, errorBanner, nextId, onWidthChange } from "./dom.js";
import { yearValue, yearValueEnd, niceTicks, timeScale, categoryColour, CATEGORY_COLOURS } from "./scales.js";

const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const state = {
  documents: new Map(),
  events: [],
  selected: null,
  controller: null,
};

let ui = null;

export async function initTimeline({ documents }) {
  state.documents = documents;
  ui = {
    form: document.getElementById("tl-filters"),
    categories: document.getElementById("tl-categories"),
    actor: document.getElementById("tl-actor"),
    document: document.getElementById("tl-document"),
    status: document.getElementById("tl-status"),
    from: document.getElementById("tl-from"),
    to: document.getElementById("tl-to"),
    q: document.getElementById("tl-q"),
    statusLine: document.getElementById("tl-status-line"),
    banner: document.getElementById("tl-banner"),
    chart: document.getElementById("tl-chart"),
    list: document.getElementById("tl-list"),
    detail: document.getElementById("tl-detail"),
  };
  for (const doc of documents.values()) ui.document.append(h("option", { value: doc.id }, doc.title));

  const reload = debounce(() => load(), 250);
  ui.form.addEventListener("change", reload);
  ui.form.addEventListener("input", (e) => {
    if (e.target === ui.q || e.target === ui.from || e.target === ui.to) reload();
  });
  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
  ui.form.addEventListener("reset", () => setTimeout(() => load(), 0));
  onWidthChange(ui.chart, () => drawChart());

  // The unfiltered list gives the filter options (categories with counts, actors).
  setStatus(ui.statusLine, "loading", "Loading events…");
  try {
    const { rows, meta } = await getAll("/v1/events", { sort: "date" });
    const events = rows.map(adaptEvent);
    buildFilterOptions(events, adaptFacet(meta?.facets?.category));
    show(events, meta);
  } catch (error) {
    fail(error);
  }
}

function buildFilterOptions(events, facet) {
  const counts = new Map(facet);
  if (counts.size === 0) for (const e of events) counts.set(e.category, (counts.get(e.category) || 0) + 1);
  const order = Object.keys(CATEGORY_COLOURS);
  const categories = [...counts.keys()].filter((c) => counts.get(c) > 0).sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const box = ui.categories.querySelector(".checks");
  clear(box);
  for (const category of categories) {
    const id = nextId("tl-cat");
    box.append(h("span", { class: "check" },
      h("input", { type: "checkbox", id, name: "category", value: category }),
      h("label", { for: id },
        h("span", { class: "swatch", style: `background:${categoryColour(category)}`, "aria-hidden": "true" }),
        `${category} `, h("span", { class: "count" }, `(${counts.get(category)})`))));
  }
  if (categories.length === 0) box.append(h("span", { class: "muted" }, "none yet"));

  const actors = new Map();
  for (const e of events) for (const a of e.actors) actors.set(a, (actors.get(a) || 0) + 1);
  const sorted = [...actors.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [actor, n] of sorted) ui.actor.append(h("option", { value: actor }, `${actor} (${n})`));
}

function rank(order, value) {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

function currentFilters() {
  const categories = [...ui.categories.querySelectorAll("input:checked")].map((i) => i.value);
  return {
    category: categories,
    actor: ui.actor.value,
    document: ui.document.value,
    status: ui.status.value,
    from: ui.from.value.trim(),
    to: ui.to.value.trim(),
    q: ui.q.value.trim(),
    sort: "date",
  };
}

async function load() {
  const filters = currentFilters();
  for (const input of [ui.from, ui.to]) {
    const bad = input.value.trim() !== "" && !DATE_PATTERN.test(input.value.trim());
    input.setAttribute("aria-invalid", bad ? "true" : "false");
    if (bad) {
      setStatus(ui.statusLine, "invalid", "Dates are a year (2001), a month (2015-05) or a day (2001-07-16).");
      return;
    }
  }
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  setStatus(ui.statusLine, "loading", "Loading events…");
  try {
    const { rows, meta } = await getAll("/v1/events", filters, { signal: controller.signal });
    if (controller.signal.aborted) return;
    show(rows.map(adaptEvent), meta);
  } catch (error) {
    if (error.name !== "AbortError") fail(error);
  }
}

function fail(error) {
  clear(ui.banner).append(errorBanner(error, "the timeline"));
  state.events = [];
  drawChart();
  clear(ui.list);
  setStatus(ui.statusLine, "error", error.isMissingEndpoint ? "No events yet: this server has no /v1/events." : "Events could not be loaded.");
  document.getElementById("timeline").dataset.state = "error";
}

function show(events, meta) {
  clear(ui.banner);
  state.events = events;
  const total = meta?.total ?? events.length;
  const more = total > events.length ? ` (showing the first ${events.length})` : "";
  setStatus(ui.statusLine, events.length ? "ready" : "empty",
    events.length ? `${total} event${total === 1 ? "" : "s"}${more}.` : "No events match these filters.");
  document.getElementById("timeline").dataset.state = events.length ? "ready" : "empty";
  drawChart();
  drawList();
}

// ------------------------------------------------------------------- chart

function drawChart() {
  const box = ui.chart;
  clear(box);
  const events = state.events;
  if (events.length === 0) return;
  const width = Math.max(280, box.clientWidth || 800);
  const narrow = width < 560;
  const order = Object.keys(CATEGORY_COLOURS);
  const lanes = [...new Set(events.map((e) => e.category))].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const laneHeight = narrow ? 34 : 26;
  const left = narrow ? 8 : 112;
  const right = 12;
  const top = 6;
  const axisY = top + lanes.length * laneHeight + 4;
  const height = axisY + 26;

  const spans = events.map((e) => {
    const a = yearValue(e.start);
    const b = yearValueEnd(e.end || e.start);
    return { e, a, b };
  });
  const scale = timeScale(spans.flatMap(({ a, b }) => [a, b]), [left + 6, width - right - 6]);

  const svg = s("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, class: "timeline-svg", role: "img",
    "aria-label": `Timeline of ${events.length} events from ${Math.floor(scale.domain[0])} to ${Math.floor(scale.domain[1])}, one lane per category. The list below has the same events.`,
  });

  lanes.forEach((lane, i) => {
    const y = top + i * laneHeight;
    svg.append(s("rect", { x: 0, y, width, height: laneHeight, class: i % 2 ? "lane odd" : "lane" }));
    svg.append(s("text", narrow
      ? { x: left, y: y + 11, class: "lane-label small", fill: categoryColour(lane) }
      : { x: left - 8, y: y + laneHeight / 2 + 4, class: "lane-label", "text-anchor": "end", fill: categoryColour(lane) }, lane));
  });

  // Axis: round years on the readable part; the compressed past gets its first year and a break mark.
  svg.append(s("line", { x1: left, x2: width - right, y1: axisY, y2: axisY, class: "axis" }));
  const from = scale.breakAt ?? scale.domain[0];
  const firstX = scale.breakAt !== null ? scale.split + 24 : left;
  for (const t of niceTicks(from, scale.domain[1], Math.max(2, Math.floor((width - left) / 90)))) {
    const x = scale(t);
    if (!Number.isInteger(t) || x < firstX || x > width - 14) continue;
    svg.append(s("line", { x1: x, x2: x, y1: axisY, y2: axisY + 5, class: "axis" }));
    svg.append(s("text", { x, y: axisY + 18, class: "tick", "text-anchor": "middle" }, String(t)));
  }
  if (scale.breakAt !== null) {
    const x = scale.split;
    svg.append(s("rect", { x: x - 8, y: axisY - 3, width: 16, height: 6, fill: "#fff" }));
    svg.append(s("path", { d: `M${x - 8},${axisY + 5} l4,-10 l4,10 l4,-10 l4,10`, class: "axis break" }));
    const early = Math.floor(scale.domain[0]);
    const earlyEnd = Math.ceil(scale.earlyEnd) - 1;
    svg.append(s("text", { x: Math.max(left + 14, scale(scale.domain[0])), y: axisY + 18, class: "tick", "text-anchor": "middle" }, String(early)));
    if (earlyEnd - early >= 1 && scale(scale.earlyEnd) - scale(scale.domain[0]) > 40) {
      svg.append(s("text", { x: scale(scale.earlyEnd), y: axisY + 18, class: "tick", "text-anchor": "middle" }, String(earlyEnd)));
    }
  }

  const lastX = new Map();
  const marks = s("g", { class: "marks" });
  for (const { e, a, b } of spans) {
    const lane = lanes.indexOf(e.category);
    const colour = categoryColour(e.category);
    const centre = top + lane * laneHeight + (narrow ? 23 : laneHeight / 2);
    const x0 = scale(a);
    const x1 = scale(b);
    const x = (x0 + x1) / 2;
    // Nudge marks that would sit on top of each other.
    const prev = lastX.get(lane);
    const nudge = prev !== undefined && Math.abs(prev.x - x) < 7 ? (prev.n + 1) % 3 : 0;
    lastX.set(lane, { x, n: nudge });
    const y = centre + [0, -5, 5][nudge];
    const hollow = e.status !== "occurred";
    const selected = state.selected === e.id;
    const common = {
      class: `event-mark${hollow ? " hollow" : ""}${selected ? " selected" : ""}`,
      "data-id": e.id,
      stroke: colour,
      fill: hollow ? "#fff" : colour,
      onclick: () => select(e.id, { scroll: true }),
    };
    const title = s("title", {}, `${e.display} — ${e.title} (${e.category}${hollow ? `, ${e.status}` : ""})`);
    // A bar only for dates that are really spans (a decade, a century, "from–to"), not a year drawn wide.
    if (b - a > 1.5 && x1 - x0 > 10) {
      marks.append(s("rect", { ...common, x: x0, y: y - 5, width: x1 - x0, height: 10, rx: 5, "fill-opacity": hollow ? 1 : 0.45 }, title));
    } else {
      marks.append(s("circle", { ...common, cx: x, cy: y, r: selected ? 7 : 5.5 }, title));
    }
  }
  svg.append(marks);
  box.append(svg);
  box.append(h("p", { class: "legend-note" },
    h("span", { class: "dot filled", "aria-hidden": "true" }), " occurred  ",
    h("span", { class: "dot hollow", "aria-hidden": "true" }), " planned or expected  ",
    h("span", { class: "bar", "aria-hidden": "true" }), " a period (decade, century, from–to)",
    scale.breakAt !== null ? `  · the axis skips from ${Math.ceil(scale.earlyEnd) - 1} to ${scale.breakAt}` : ""));
}

// -------------------------------------------------------------------- list

function drawList() {
  clear(ui.list);
  for (const e of state.events) {
    const selected = state.selected === e.id;
    ui.list.append(h("li", { class: "event-item" },
      h("button", {
        type: "button", class: "event-button", "data-id": e.id, "aria-pressed": selected ? "true" : "false",
        "aria-controls": "tl-detail", onclick: () => select(e.id, { scroll: window.innerWidth < 900 }),
      },
      h("span", { class: "event-date" }, e.display),
      h("span", { class: "event-title" }, e.title || e.summary),
      h("span", { class: "chip", style: `--c:${categoryColour(e.category)}` }, e.category),
      e.status !== "occurred" ? h("span", { class: "chip status" }, e.status) : null)));
  }
}

/** Shows one event in the detail panel; also used by search results. */
export async function select(id, { scroll = false } = {}) {
  state.selected = id;
  for (const b of ui.list.querySelectorAll(".event-button")) b.setAttribute("aria-pressed", b.dataset.id === id ? "true" : "false");
  for (const m of ui.chart.querySelectorAll(".event-mark")) m.classList.toggle("selected", m.dataset.id === id);
  let event = state.events.find((e) => e.id === id);
  clear(ui.detail);
  if (!event) {
    ui.detail.append(h("p", { class: "muted" }, "Loading the event…"));
    try {
      event = adaptEvent(await getJSON(`/v1/events/${encodeURIComponent(id)}`));
    } catch (error) {
      clear(ui.detail).append(errorBanner(error, "the event"));
      return;
    }
  }
  renderDetail(event);
  if (scroll) {
    ui.detail.scrollIntoView({ block: "start", behavior: "smooth" });
  }
  ui.detail.querySelector("h3")?.focus({ preventScroll: !scroll });
}

function renderDetail(e) {
  clear(ui.detail);
  const doc = (id) => state.documents.get(id)?.title || id;
  ui.detail.append(
    h("h3", { tabindex: "-1" }, e.title || e.summary),
    h("dl", { class: "facts" },
      h("dt", {}, "Date"), h("dd", {}, e.display, e.dateQualifier ? ` (${e.dateQualifier})` : "", h("span", { class: "muted" }, ` · ${e.precision} precision`)),
      h("dt", {}, "Status"), h("dd", {}, e.status),
      h("dt", {}, "Category"), h("dd", {}, h("span", { class: "chip", style: `--c:${categoryColour(e.category)}` }, e.category)),
      e.actors.length ? [h("dt", {}, "Actors"), h("dd", {}, e.actors.join(", "))] : null),
    // The summary is often the first source's sentence, which is quoted just below.
    e.summary && e.summary !== e.title && !e.sources.some((src) => src.text === e.summary || src.quote === e.summary)
      ? h("p", { class: "summary" }, e.summary) : null,
    h("p", { class: "links" }, h("a", { href: `/v1/events/${encodeURIComponent(e.id)}` }, "This event as JSON")),
    h("h4", {}, e.sources.length === 1 ? "Source" : `Sources (${e.sources.length})`));
  for (const src of e.sources) {
    const passageBox = h("div", { class: "passage", "aria-live": "polite" }, h("p", { class: "muted" }, "Loading the passage…"));
    ui.detail.append(h("div", { class: "source" },
      h("blockquote", {}, src.quote),
      h("p", { class: "cite" },
        "From ", h("a", { href: `/v1/documents/${encodeURIComponent(src.document)}` }, doc(src.document)),
        src.passage ? [", passage ", h("a", { href: `/v1/passages/${encodeURIComponent(src.passage)}` }, src.passage)] : null,
        src.start !== null ? h("span", { class: "muted" }, ` · characters ${src.start}–${src.end}`) : null,
        src.citations.length ? h("span", { class: "muted" }, ` · cites ${src.citations.join(", ")}`) : null),
      h("details", { class: "passage-details", open: true }, h("summary", {}, "The passage around it"), passageBox)));
    if (src.passage) loadPassage(src, passageBox);
    else clear(passageBox).append(h("p", { class: "muted" }, "No passage recorded."));
  }
}

/** The whole passage, with the sentences the quote overlaps highlighted. */
async function loadPassage(src, box) {
  try {
    const p = adaptPassage(await getJSON(`/v1/passages/${encodeURIComponent(src.passage)}`));
    const para = h("p", {});
    if (p.sentences.length && src.start !== null) {
      p.sentences.forEach((sentence, i) => {
        const hit = sentence.start < src.end && sentence.end > src.start;
        para.append(hit ? h("mark", {}, sentence.text) : sentence.text, i < p.sentences.length - 1 ? " " : "");
      });
    } else {
      para.append(p.text);
    }
    clear(box).append(p.sectionTitle ? h("p", { class: "muted" }, `Section: ${p.sectionTitle}`) : null, para);
  } catch (error) {
    clear(box).append(errorBanner(error, "the passage"));
  }
}

export function timelineLinks() {
  return { timelinejs: apiURL("/v1/timeline", { format: "timelinejs" }) };
}
