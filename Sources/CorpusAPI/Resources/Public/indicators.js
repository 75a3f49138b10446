// Indicators: one SVG chart per measure (from /v1/measures/{id}/series),
// targets drawn hollow with a dashed line, qualifiers ("more than", "about")
// shown as a mark before the value and in the tooltip; then every
// observation in a table with a CSV download.
import { getAll, getJSON, adaptMeasure, adaptObservation, adaptSeriesPoint, apiURL } from "./api.js";
import { h, s, clear, setStatus, errorBanner, formatNumber, onWidthChange } from "./dom.js";
import { niceTicks, linear, yearValue, yearValueEnd, QUALIFIER_MARKS, QUALIFIER_WORDS } from "./scales.js";

const state = { documents: new Map(), measures: [], observations: [], series: new Map() };
let ui = null;

export async function initIndicators({ documents }) {
  state.documents = documents;
  ui = {
    section: document.getElementById("indicators"),
    statusLine: document.getElementById("ind-status-line"),
    banner: document.getElementById("ind-banner"),
    charts: document.getElementById("ind-charts"),
    figures: document.getElementById("ind-figures"),
    figuresBox: document.getElementById("ind-figures-box"),
    measure: document.getElementById("ind-measure"),
    table: document.getElementById("ind-table"),
    csv: document.getElementById("ind-csv"),
  };
  ui.csv.href = apiURL("/v1/indicators", { format: "csv", limit: 500 });
  ui.measure.addEventListener("change", () => drawTable());
  onWidthChange(ui.charts, () => redrawCharts());

  setStatus(ui.statusLine, "loading", "Loading indicators…");
  try {
    const [measures, observations] = await Promise.all([
      getAll("/v1/measures"),
      getAll("/v1/indicators"),
    ]);
    state.measures = measures.rows.map(adaptMeasure).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    state.observations = observations.rows.map(adaptObservation);
  } catch (error) {
    clear(ui.banner).append(errorBanner(error, "the indicators"));
    setStatus(ui.statusLine, "error", error.isMissingEndpoint ? "No indicators yet: this server has no /v1/indicators or /v1/measures." : "Indicators could not be loaded.");
    ui.section.dataset.state = "error";
    return;
  }
  for (const m of state.measures) ui.measure.append(h("option", { value: m.id }, `${m.label} (${m.count})`));
  drawTable();

  // A series request for each measure with two or more dated figures (a
  // single figure is a number, not a chart), four requests at a time.
  const queue = state.measures.filter((m) => m.count >= 2 && m.periodStart);
  const failures = [];
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (queue.length) {
      const m = queue.shift();
      try {
        const body = await getJSON(`/v1/measures/${encodeURIComponent(m.id)}/series`);
        state.series.set(m.id, (body?.points ?? body?.data ?? []).map(adaptSeriesPoint));
      } catch (error) {
        failures.push({ m, error });
      }
    }
  }));
  if (failures.length) clear(ui.banner).append(errorBanner(failures[0].error, `the series of ${failures[0].m.label}`));
  redrawCharts();
  const n = state.observations.length;
  setStatus(ui.statusLine, n ? "ready" : "empty",
    n ? `${n} observation${n === 1 ? "" : "s"} of ${state.measures.length} measure${state.measures.length === 1 ? "" : "s"}.` : "No indicators yet.");
  ui.section.dataset.state = n ? "ready" : "empty";
}

function redrawCharts() {
  if (!ui) return;
  clear(ui.charts);
  clear(ui.figures);
  const single = [];
  for (const m of state.measures) {
    const points = (state.series.get(m.id) ?? []).filter((p) => Number.isFinite(p.value) && Number.isFinite(p.time));
    if (points.length >= 2) ui.charts.append(chartCard(m, points));
    else single.push(m);
  }
  if (ui.charts.children.length === 0) ui.charts.append(h("p", { class: "muted" }, "No measure has two dated figures yet."));
  // The other measures: one card per figure, grouped by category.
  const byMeasure = new Set(single.map((m) => m.id));
  const figures = state.observations.filter((o) => byMeasure.has(o.measure))
    .sort((a, b) => a.category.localeCompare(b.category) || a.label.localeCompare(b.label) || String(a.periodStart).localeCompare(String(b.periodStart)));
  for (const o of figures) ui.figures.append(figureCard(o));
  ui.figuresBox.hidden = figures.length === 0;
}

/** One stated figure: its value with the qualifier mark, unit, period and quote. */
function figureCard(o) {
  const src = o.sources[0];
  const words = QUALIFIER_WORDS[o.qualifier];
  return h("li", { class: `figure${o.isTarget ? " is-target" : ""}`, "data-qualifier": o.qualifier, "data-measure": o.measure },
    h("span", { class: "figure-label" }, o.label),
    h("span", { class: "figure-value", title: [words, src?.quote && `“${src.quote}”`].filter(Boolean).join(" — ") || null },
      valueText(o.value, o.qualifier, ""), " ", h("span", { class: "unit" }, o.unit)),
    h("span", { class: "figure-meta" },
      [periodText(o.period), o.isTarget ? "target" : words && words !== "target" ? words : "", o.category].filter(Boolean).join(" · "),
      src ? [" · ", h("a", { href: `/v1/passages/${encodeURIComponent(src.passage)}` }, "source")] : null));
}

/** `1992/..` → "since 1992", `2018-01/2018-05` → "2018-01 – 2018-05". */
export function periodText(period) {
  if (!period) return "undated";
  const [a, b] = String(period).split("/");
  if (b === undefined) return a;
  if (b === "..") return `since ${a}`;
  if (a === "..") return `until ${b}`;
  return `${a} – ${b}`;
}

/** "≥ 84.07", with the unit when asked. */
function valueText(value, qualifier, unit) {
  const mark = QUALIFIER_MARKS[qualifier] ?? "";
  return `${mark ? `${mark} ` : ""}${formatNumber(value)}${unit ? ` ${unit}` : ""}`;
}

/** Where a period sits on a time axis: the middle of `2017`, `2018-01/2018-05`; the start of `1992/..`. */
function periodMiddle(period, time) {
  const [a, b] = String(period || "").split("/");
  const start = yearValue(a);
  if (!Number.isFinite(start)) return yearValue(new Date(time).toISOString());
  if (b === "..") return start;
  const end = yearValueEnd(b || a);
  return Number.isFinite(end) ? (start + end) / 2 : start;
}

/** The point's span as the API gives it (`year`, `part-year`, …), else guessed from its period. */
function spanOf(point) {
  return point.span || periodKind(point.period);
}

/** `year`, `month`, `day` or `span` (an interval): figures joined by a line share one. */
function periodKind(period) {
  const p = String(period || "");
  if (p.includes("/")) return "span";
  return ["year", "year", "month", "day"][p.split("-").length] ?? "span";
}

function chartCard(measure, allPoints) {
  // Only points in the measure's unit share an axis; others stay in the table.
  const unitOf = new Map(state.observations.map((o) => [o.id, o.unit]));
  const points = allPoints.filter((p) => !p.observation || !unitOf.has(p.observation) || unitOf.get(p.observation) === measure.unit);
  const left = allPoints.length - points.length;
  const card = h("figure", { class: "measure-chart", "data-measure": measure.id },
    h("figcaption", {}, h("strong", {}, measure.label), h("span", { class: "unit" }, ` — ${measure.unit}`)));
  const width = Math.max(260, Math.min(560, (ui.charts.clientWidth || 560) - 2));
  const height = 210;
  const pad = { top: 24, right: 18, bottom: 28, left: 48 };
  const at = new Map(points.map((p) => [p, periodMiddle(p.period, p.time)]));
  const years = [...at.values()];
  let [x0, x1] = [Math.min(...years), Math.max(...years)];
  if (x1 - x0 < 1) {
    x0 -= 1;
    x1 += 1;
  }
  const span = x1 - x0;
  const x = linear([x0 - span * 0.06, x1 + span * 0.06], [pad.left, width - pad.right]);
  const values = points.map((p) => p.value);
  const yMin = Math.min(0, ...values);
  const yTicks = niceTicks(yMin, Math.max(...values) * 1.12 || 1, 4);
  const yMax = Math.max(yTicks[yTicks.length - 1], ...values);
  const y = linear([yMin, yMax], [height - pad.bottom, pad.top]);

  const targets = points.filter((p) => p.isTarget).length;
  const svg = s("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `${measure.label} in ${measure.unit}: ${points.length} points` +
      (targets ? `, ${targets} of them target${targets === 1 ? "" : "s"}` : "") + ". Values are in the table below.",
  });
  for (const t of yTicks) {
    svg.append(s("line", { x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t), class: "grid" }));
    svg.append(s("text", { x: pad.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, formatNumber(t)));
  }
  // A few years: each year's label under its middle (where a year's figure sits); more: round years.
  const xTicks = span <= 8
    ? Array.from({ length: Math.floor(x1) - Math.floor(x0) + 1 }, (_, i) => [Math.floor(x0) + i, Math.floor(x0) + i + 0.5])
    : niceTicks(Math.ceil(x0), Math.floor(x1), Math.max(2, Math.floor(width / 90))).filter(Number.isInteger).map((t) => [t, t]);
  for (const [label, t] of xTicks) {
    if (x(t) < pad.left || x(t) > width - pad.right) continue;
    svg.append(s("text", { x: x(t), y: height - 8, class: "tick", "text-anchor": "middle" }, String(label)));
  }
  svg.append(s("line", { x1: pad.left, x2: width - pad.right, y1: y(yMin), y2: y(yMin), class: "axis" }));

  // The line joins achieved figures of the most common period length (years,
  // say); a part-year figure stands alone so it is not read as a drop.
  const actual = points.filter((p) => !p.isTarget);
  const counts = new Map();
  for (const p of actual) counts.set(spanOf(p), (counts.get(spanOf(p)) || 0) + 1);
  const mainKind = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const joined = actual.filter((p) => spanOf(p) === mainKind).sort((a, b) => at.get(a) - at.get(b));
  const xy = (p) => [x(at.get(p)), y(p.value)];
  if (joined.length > 1) svg.append(s("polyline", { points: joined.map((p) => xy(p).join(",")).join(" "), class: "series actual" }));
  for (const t of points.filter((p) => p.isTarget)) {
    const before = joined.filter((p) => at.get(p) <= at.get(t)).pop();
    if (before) svg.append(s("line", { x1: xy(before)[0], y1: xy(before)[1], x2: xy(t)[0], y2: xy(t)[1], class: "series target" }));
  }
  let lastLabel = null;
  let standalone = 0;
  for (const p of [...points].sort((a, b) => at.get(a) - at.get(b))) {
    const [px, py] = xy(p);
    const alone = !p.isTarget && spanOf(p) !== mainKind;
    if (alone) standalone += 1;
    const words = QUALIFIER_WORDS[p.qualifier] ?? p.qualifier;
    const tip = `${periodText(p.period)}: ${p.isTarget ? "target " : ""}${words && words !== "target" ? `${words} ` : ""}${formatNumber(p.value)} ${measure.unit}` +
      (p.change ? ` (${p.change.direction === "decrease" ? "−" : "+"}${formatNumber(Math.abs(p.change.value))} ${p.change.unit}${p.change.basis ? ` ${p.change.basis}` : ""})` : "") +
      (p.source.quote ? `\n“${p.source.quote}”` : "");
    const g = s("g", { class: `point${p.isTarget ? " is-target" : ""}${alone ? " standalone" : ""}`, "data-qualifier": p.qualifier }, s("title", {}, tip));
    g.append(p.isTarget
      ? s("rect", { x: px - 5, y: py - 5, width: 10, height: 10, class: "mark target", transform: `rotate(45 ${px} ${py})` })
      : s("circle", { cx: px, cy: py, r: 4.5, class: `mark actual${alone ? " alone" : ""}` }));
    // Two labels that would overlap: the second goes below its point.
    const lx = Math.min(Math.max(px, pad.left + 16), width - pad.right - 16);
    let ly = py - 9;
    if (lastLabel && Math.abs(lastLabel.x - lx) < 44 && Math.abs(lastLabel.y - ly) < 14) ly = py + 18;
    lastLabel = { x: lx, y: ly };
    g.append(s("text", { x: lx, y: ly, class: "value-label", "text-anchor": "middle" }, valueText(p.value, p.qualifier, "")));
    svg.append(g);
  }
  card.append(svg);
  const marks = [...new Set(points.map((p) => p.qualifier))].filter((q) => QUALIFIER_MARKS[q]);
  card.append(h("p", { class: "legend-note" },
    h("span", { class: "dot filled", "aria-hidden": "true" }), " achieved",
    standalone ? ["  ", h("span", { class: "dot ring", "aria-hidden": "true" }), " other period length, not joined"] : null,
    targets ? ["  ", h("span", { class: "diamond", "aria-hidden": "true" }), " target (dashed)"] : null,
    marks.map((q) => `  ${QUALIFIER_MARKS[q]} ${QUALIFIER_WORDS[q]}`).join(""),
    left ? `  · ${left} point${left === 1 ? "" : "s"} in other units only in the table` : ""));
  return card;
}

function drawTable() {
  const table = ui.table;
  clear(table);
  const measure = ui.measure.value;
  const rows = state.observations
    .filter((o) => !measure || o.measure === measure)
    .sort((a, b) => a.label.localeCompare(b.label) || String(a.periodStart).localeCompare(String(b.periodStart)));
  table.append(
    h("caption", {}, measure ? `Observations of ${rows[0]?.label ?? measure}` : "All observations", ` (${rows.length})`),
    h("thead", {}, h("tr", {},
      ["Measure", "Period", "Value", "Unit", "Change", "Kind", "Source"].map((c) => h("th", { scope: "col" }, c)))));
  const body = h("tbody", {});
  for (const o of rows) {
    const src = o.sources[0];
    const docTitle = src ? state.documents.get(src.document)?.title || src.document : "";
    body.append(h("tr", { "data-qualifier": o.qualifier },
      h("th", { scope: "row" }, o.label),
      h("td", {}, periodText(o.period)),
      h("td", { class: "num", title: QUALIFIER_WORDS[o.qualifier] || null }, valueText(o.value, o.qualifier, "")),
      h("td", {}, o.unit),
      h("td", {}, o.change ? `${o.change.direction === "decrease" ? "−" : "+"}${formatNumber(Math.abs(o.change.value))} ${o.change.unit}${o.change.basis ? ` (${o.change.basis})` : ""}` : ""),
      h("td", {}, o.isTarget ? "target" : QUALIFIER_WORDS[o.qualifier] || "stated"),
      h("td", { class: "source-cell" },
        src ? [h("q", {}, src.quote), " ",
          h("a", { href: `/v1/passages/${encodeURIComponent(src.passage)}`, title: docTitle }, src.passage)] : "")));
  }
  if (rows.length === 0) body.append(h("tr", {}, h("td", { colspan: 7, class: "muted" }, "No observations yet.")));
  table.append(body);
}
