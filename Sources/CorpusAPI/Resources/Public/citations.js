// Citations: a document's reference list from /v1/citations, with how often
// each entry is cited in the text, and export links in BibTeX, RIS and
// CSL-JSON straight from the API.
import { getAll, adaptReference, apiURL } from "./api.js";
import { h, clear, setStatus, errorBanner, safeHref } from "./dom.js";

const state = { documents: new Map(), references: [], controller: null };
let ui = null;

const EXPORTS = [
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
];

export async function initCitations({ documents }) {
  state.documents = documents;
  ui = {
    section: document.getElementById("citations"),
    document: document.getElementById("cit-document"),
    sort: document.getElementById("cit-sort"),
    cited: document.getElementById("cit-cited"),
    exports: document.getElementById("cit-exports"),
    summary: document.getElementById("cit-summary"),
    statusLine: document.getElementById("cit-status-line"),
    banner: document.getElementById("cit-banner"),
    list: document.getElementById("cit-list"),
  };
  for (const doc of documents.values()) ui.document.append(h("option", { value: doc.id }, doc.title));
  ui.document.addEventListener("change", () => load());
  ui.sort.addEventListener("change", () => draw());
  ui.cited.addEventListener("change", () => draw());
  if (documents.size === 0) {
    setStatus(ui.statusLine, "empty", "No documents.");
    ui.section.dataset.state = "empty";
    return;
  }
  await load();
}

async function load() {
  const id = ui.document.value;
  const doc = state.documents.get(id);
  clear(ui.exports);
  for (const [format, label] of EXPORTS) {
    ui.exports.append(h("a", {
      class: "button", href: apiURL("/v1/citations", { document: id, format, limit: 500 }),
      download: `${id}-references.${format === "bibtex" ? "bib" : format === "ris" ? "ris" : "json"}`,
    }, label));
  }
  ui.summary.textContent = doc
    ? `${doc.counts.references} references and ${doc.counts.inText} in-text citations in “${doc.title}”.`
    : "";
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  setStatus(ui.statusLine, "loading", "Loading references…");
  try {
    const { rows } = await getAll("/v1/citations", { document: id }, { signal: controller.signal });
    if (controller.signal.aborted) return;
    clear(ui.banner);
    state.references = rows.map(adaptReference);
    draw();
  } catch (error) {
    if (error.name === "AbortError") return;
    clear(ui.banner).append(errorBanner(error, "the references"));
    clear(ui.list);
    state.references = [];
    setStatus(ui.statusLine, "error", error.isMissingEndpoint ? "No references yet: this server has no /v1/citations." : "References could not be loaded.");
    ui.section.dataset.state = "error";
  }
}

function draw() {
  let refs = [...state.references];
  if (ui.cited.checked) refs = refs.filter((r) => r.citedCount > 0);
  if (ui.sort.value === "cited") refs.sort((a, b) => b.citedCount - a.citedCount || a.raw.localeCompare(b.raw));
  else if (ui.sort.value === "year") refs.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || a.raw.localeCompare(b.raw));
  clear(ui.list);
  for (const r of refs) ui.list.append(entry(r));
  const total = state.references.length;
  const cited = state.references.filter((r) => r.citedCount > 0).length;
  setStatus(ui.statusLine, refs.length ? "ready" : "empty",
    total ? `${total} references, ${cited} cited in the text${refs.length !== total ? `; showing ${refs.length}` : ""}.` : "No references for this document yet.");
  ui.section.dataset.state = refs.length ? "ready" : "empty";
}

/** One entry: authors (year). Title. Container volume(issue), pages. Publisher. Link. */
function entry(r) {
  const year = r.year ? `${r.year}${r.yearSuffix}` : "n.d.";
  const where = [r.container, r.volume && `${r.volume}${r.issue ? `(${r.issue})` : ""}`, r.page].filter(Boolean).join(", ");
  const link = safeHref(r.doi ? `https://doi.org/${r.doi}` : r.url);
  const parsed = r.title || r.authors.length;
  return h("li", { class: "reference", "data-id": r.id },
    h("span", { class: `cited-count${r.citedCount ? "" : " zero"}`, title: "in-text citations of this entry" },
      r.citedCount ? `cited ${r.citedCount}×` : "not cited"),
    parsed
      ? h("span", { class: "ref-text" },
        r.authors.length ? h("span", { class: "authors" }, r.authors.join("; ")) : null,
        ` (${year}). `,
        r.title ? h("cite", {}, r.title) : null, r.title ? ". " : "",
        where ? `${where}. ` : "",
        r.publisher ? `${r.publisher}. ` : "",
        link ? h("a", { href: link, rel: "noopener noreferrer" }, r.doi ? `doi:${r.doi}` : "link") : null)
      : h("span", { class: "ref-text" }, r.raw),
    h("details", {},
      h("summary", {}, "As printed"),
      h("p", { class: "raw" }, r.raw),
      r.source?.passage ? h("p", { class: "muted" }, h("a", { href: `/v1/passages/${encodeURIComponent(r.source.passage)}` }, `passage ${r.source.passage}`), ` · ${r.type}`) : null));
}
