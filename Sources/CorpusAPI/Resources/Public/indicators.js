// Indicators: one SVG chart per measure (from /v1/measures/{id}/series),
// targets drawn hollow with a dashed line, qualifiers ("more than", "about")
// shown as a mark before the value and in the tooltip; then every
// observation in a table with a CSV download.
import { getAll, getJSON, adaptMeasure, adaptObservation, adaptSeriesPoint, apiURL } from "./api.js";
import { h, s, clear, setStatus, errorBanner, formatNumber, onWidthChange } from "./dom.js";
import { niceTicks, linear, yearValue, QUALIFIER_MARKS, QUALIFIER_WORDS } from "./scales.js";

const state = { documents: new Map(), measures: [], observations: [], series: new Map() };
let ui = null;

export async function initIndicators({ documents }) {
  state.documents = documents;
  ui = {
    section: document.getElementById("indicators"),
    statusLine: document.getElementById("ind-status-line"),
    banner: document.getElementById("ind-banner"),
    charts: document.getElementById("ind-charts"),
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

  // One series request per measure, four at a time.
  const queue = [...state.measures];
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
  for (const m of state.measures) {
    const points = state.series.get(m.id);
    if (!points) continue;
    ui.charts.append(chartCard(m, points));
  }
}

/** "≥ 84.07", with the unit when asked. */
function valueText(value, qualifier, unit) {
  const mark = QUALIFIER_MARKS[qualifier] ?? "";
  return `${mark ? `${mark} ` : ""}${formatNumber(value)}${unit ? ` ${unit}` : ""}`;
}

function chartCard(measure, allPoints) {
  // Only points in the measure's unit share an axis; others stay in the table.
  const unitOf = new Map(state.observations.map((o) => [o.id, o.unit]));
  const points = allPoints.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.time) &&
    (!p.observation || !unitOf.has(p.observation) || unitOf.get(p.observation) === measure.unit));
  const left = allPoints.length - points.length;
  const card = h("figure", { class: "measure-chart", "data-measure": measure.id },
    h("figcaption", {}, h("strong", {}, measure.label), h("span", { class: "unit" }, ` — ${measure.unit}`)));
  if (points.length === 0) {
    card.append(h("p", { class: "muted" }, "No dated points to chart; see the table."));
    return card;
  }
  const width = Math.max(260, Math.min(560, (ui.charts.clientWidth || 560) - 2));
  const height = 200;
  const pad = { top: 24, right: 16, bottom: 28, left: 48 };
  const years = points.map((p) => yearValue(new Date(p.time).toISOString()));
  let [x0, x1] = [Math.min(...years), Math.max(...years)];
  if (x1 - x0 < 1) {
    x0 -= 1;
    x1 += 1;
  }
  const span = x1 - x0;
  const x = linear([x0 - span * 0.06, x1 + span * 0.06], [pad.left, width - pad.right]);
  const values = points.map((p) => p.value);
  const yMin = Math.min(0, ...values);
  const yTicks = niceTicks(yMin, Math.max(...values) * 1.1 || 1, 4);
  const yMax = Math.max(yTicks[yTicks.length - 1], ...values);
  const y = linear([yMin, yMax], [height - pad.bottom, pad.top]);

  const targets = points.filter((p) => p.isTarget).length;
  const svg = s("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": `${measure.label} in ${measure.unit}: ${points.length} point${points.length === 1 ? "" : "s"}` +
      (targets ? `, ${targets} of them target${targets === 1 ? "" : "s"}` : "") + ". Values are in the table below.",
  });
  for (const t of yTicks) {
    svg.append(s("line", { x1: pad.left, x2: width - pad.right, y1: y(t), y2: y(t), class: "grid" }));
    svg.append(s("text", { x: pad.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, formatNumber(t)));
  }
  const xTicks = niceTicks(Math.ceil(x0), Math.floor(x1), Math.max(2, Math.floor(width / 80))).filter(Number.isInteger);
  for (const t of xTicks.length ? xTicks : [Math.round(x0 + span / 2)]) {
    svg.append(s("text", { x: x(t), y: height - 8, class: "tick", "text-anchor": "middle" }, String(t)));
  }
  svg.append(s("line", { x1: pad.left, x2: width - pad.right, y1: y(yMin), y2: y(yMin), class: "axis" }));

  // Achieved values: a solid line; each target: a dashed line from the last achieved value before it.
  const actual = points.filter((p) => !p.isTarget);
  const xy = (p) => [x(yearValue(new Date(p.time).toISOString())), y(p.value)];
  if (actual.length > 1) svg.append(s("polyline", { points: actual.map((p) => xy(p).join(",")).join(" "), class: "series actual" }));
  for (const t of points.filter((p) => p.isTarget)) {
    const before = actual.filter((p) => p.time <= t.time).pop();
    if (before) svg.append(s("line", { x1: xy(before)[0], y1: xy(before)[1], x2: xy(t)[0], y2: xy(t)[1], class: "series target" }));
  }
  for (const p of points) {
    const [px, py] = xy(p);
    const words = QUALIFIER_WORDS[p.qualifier] ?? p.qualifier;
    const tip = `${p.period}: ${p.isTarget ? "target " : ""}${words && words !== "target" ? `${words} ` : ""}${formatNumber(p.value)} ${measure.unit}` +
      (p.change ? ` (${p.change.direction === "decrease" ? "−" : "+"}${formatNumber(Math.abs(p.change.value))} ${p.change.unit}${p.change.basis ? ` ${p.change.basis}` : ""})` : "") +
      (p.source.quote ? `\n“${p.source.quote}”` : "");
    const g = s("g", { class: `point${p.isTarget ? " is-target" : ""}`, "data-qualifier": p.qualifier }, s("title", {}, tip));
    g.append(p.isTarget
      ? s("rect", { x: px - 5, y: py - 5, width: 10, height: 10, class: "mark target", transform: `rotate(45 ${px} ${py})` })
      : s("circle", { cx: px, cy: py, r: 4.5, class: "mark actual" }));
    const label = valueText(p.value, p.qualifier, "");
    g.append(s("text", { x: Math.min(Math.max(px, pad.left + 14), width - pad.right - 14), y: py - 9, class: "value-label", "text-anchor": "middle" }, label));
    svg.append(g);
  }
  card.append(svg);
  const marks = [...new Set(points.map((p) => p.qualifier))].filter((q) => QUALIFIER_MARKS[q]);
  card.append(h("p", { class: "legend-note" },
    h("span", { class: "dot filled", "aria-hidden": "true" }), " achieved",
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
      h("td", {}, o.period ?? "—"),
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
