// Search over everything with /v1/search. The snippet is the one piece of
// API data inserted as markup: the server escapes it and adds <mark>, and
// `snippetFragment` keeps only text and <mark> anyway.
import { getJSON, adaptSearchHit } from "./api.js";
import { h, clear, setStatus, errorBanner, snippetFragment } from "./dom.js";
import { select as selectEvent } from "./timeline.js";

const PAGE = 20;
const state = { q: "", type: "", offset: 0, total: 0, controller: null };
let ui = null;

const RECORD_LINKS = {
  event: (id) => `/v1/events/${encodeURIComponent(id)}`,
  passage: (id) => `/v1/passages/${encodeURIComponent(id)}`,
  indicator: (id) => `/v1/indicators/${encodeURIComponent(id)}`,
  citation: (id) => `/v1/citations/${encodeURIComponent(id)}`,
};

export function initSearch({ documents }) {
  ui = {
    form: document.getElementById("search-form"),
    input: document.getElementById("search-q"),
    type: document.getElementById("search-type"),
    section: document.getElementById("search-results"),
    statusLine: document.getElementById("search-status"),
    banner: document.getElementById("search-banner"),
    list: document.getElementById("search-list"),
    more: document.getElementById("search-more"),
    documents,
  };
  ui.form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(ui.input.value.trim(), ui.type.value, 0);
  });
  ui.more.addEventListener("click", () => run(state.q, state.type, state.offset + PAGE));
}

async function run(q, type, offset) {
  ui.section.hidden = false;
  if (!q) {
    clear(ui.list);
    ui.more.hidden = true;
    setStatus(ui.statusLine, "empty", "Type a word or phrase to search.");
    return;
  }
  Object.assign(state, { q, type, offset });
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  setStatus(ui.statusLine, "loading", `Searching for “${q}”…`);
  try {
    const body = await getJSON("/v1/search", { q, type, limit: PAGE, offset: offset || null }, { signal: controller.signal });
    if (controller.signal.aborted) return;
    clear(ui.banner);
    const hits = (body?.data ?? []).map(adaptSearchHit);
    state.total = body?.meta?.total ?? hits.length;
    if (offset === 0) clear(ui.list);
    for (const hit of hits) ui.list.append(result(hit));
    const shown = ui.list.children.length;
    ui.more.hidden = shown >= state.total || hits.length === 0;
    setStatus(ui.statusLine, shown ? "ready" : "empty",
      shown ? `${state.total} result${state.total === 1 ? "" : "s"} for “${q}”${shown < state.total ? `, showing ${shown}` : ""}.` : `No results for “${q}”.`);
  } catch (error) {
    if (error.name === "AbortError") return;
    clear(ui.banner).append(errorBanner(error, "the search results"));
    setStatus(ui.statusLine, "error", "The search failed.");
  }
}

function result(hit) {
  const p = hit.provenance;
  const docTitle = p ? ui.documents.get(p.document)?.title || p.document : "";
  const link = RECORD_LINKS[hit.type]?.(hit.id);
  return h("li", { class: "search-hit", "data-type": hit.type },
    h("span", { class: `chip type-${hit.type}` }, hit.type),
    " ",
    link ? h("a", { href: link, class: "hit-id" }, hit.id) : h("span", { class: "hit-id" }, hit.id),
    h("p", { class: "snippet" }, snippetFragment(hit.snippet)),
    h("p", { class: "cite" },
      p ? ["From ", h("a", { href: `/v1/documents/${encodeURIComponent(p.document)}` }, docTitle)] : null,
      p?.passage ? [", passage ", h("a", { href: `/v1/passages/${encodeURIComponent(p.passage)}` }, p.passage)] : null,
      hit.type === "event"
        ? [" · ", h("button", { type: "button", class: "link-button", onclick: () => selectEvent(hit.id, { scroll: true }) }, "show on the timeline")]
        : null));
}
