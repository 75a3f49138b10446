// Citations: a document's reference list from /v1/citations, with how often
// each entry is cited in the text, and export links in BibTeX, RIS and
// CSL-JSON straight from the API.
import { getAll, getJSON, adaptReference, adaptInTextCitation, apiURL } from "./api.js";
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
    inText: document.getElementById("cit-intext"),
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
      class: "button", href: apiURL("/v1/citations", { document: id, format }),
      download: `${id}-references.${format === "bibtex" ? "bib" : format === "ris" ? "ris" : "json"}`,
    }, label));
  }
  ui.summary.textContent = doc ? `The reference list of “${doc.title}”${doc.year ? ` (${doc.year})` : ""}.` : "";
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  setStatus(ui.statusLine, "loading", "Loading references…");
  loadInText(id, controller.signal);
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
  // The host as printed (URL.hostname would turn a Cyrillic domain into punycode).
  const host = link ? link.replace(/^https?:\/\/(www\.)?/i, "").split(/[/?#]/)[0] : "";
  // `lang` lets the browser pick a font and voice for Chinese or Russian entries.
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(r.language) ? r.language : null;
  return h("li", { class: "reference", "data-id": r.id },
    h("span", { class: `cited-count${r.citedCount ? "" : " zero"}`, title: "in-text citations of this entry" },
      r.citedCount ? `cited ${r.citedCount}×` : "not cited"),
    parsed
      ? h("span", { class: "ref-text", lang },
        r.authors.length ? h("span", { class: "authors" }, r.authors.join("; ")) : null,
        ` (${year}). `,
        r.title ? h("cite", {}, r.title) : null, r.title ? ". " : "",
        where ? `${where}. ` : "",
        r.publisher ? `${r.publisher}. ` : "",
        link ? h("a", { href: link, rel: "noopener noreferrer" }, r.doi ? `doi:${r.doi}` : host) : null)
      : h("span", { class: "ref-text", lang }, r.raw),
    h("details", {},
      h("summary", {}, "As printed"),
      h("p", { class: "raw", lang }, r.raw),
      h("p", { class: "muted" },
        r.source?.passage ? [h("a", { href: `/v1/passages/${encodeURIComponent(r.source.passage)}` }, `passage ${r.source.passage}`), " · "] : null,
        h("a", { href: `/v1/citations/${encodeURIComponent(r.id)}` }, "where it is cited (JSON)"), ` · ${r.type}`)));
}

/**
 * In-text citations: how many, and the ones that match no entry of the
 * reference list, with the reason and where they stand in the text.
 */
async function loadInText(id, signal) {
  clear(ui.inText);
  try {
    const [all, unresolved] = await Promise.all([
      getJSON("/v1/in-text-citations", { document: id, limit: 1 }, { signal }),
      getAll("/v1/in-text-citations", { document: id, resolved: "false" }, { signal }),
    ]);
    if (signal.aborted) return;
    const total = all?.meta?.total ?? 0;
    const rows = unresolved.rows.map(adaptInTextCitation);
    ui.inText.append(h("p", {},
      `${total} in-text citation${total === 1 ? "" : "s"}, ${total - rows.length} matched to an entry below`,
      rows.length ? `, ${rows.length} not matched:` : "."));
    if (rows.length) {
      ui.inText.append(h("details", {},
        h("summary", {}, `The ${rows.length} unmatched in-text citation${rows.length === 1 ? "" : "s"}`),
        h("ul", { class: "unresolved" }, rows.map((c) => h("li", {},
          h("strong", {}, c.text), c.reason ? ` — ${c.reason}` : "",
          c.passage ? [" · ", h("a", { href: `/v1/passages/${encodeURIComponent(c.passage)}` }, c.passage)] : null)))));
    }
  } catch (error) {
    if (error.name !== "AbortError") ui.inText.append(errorBanner(error, "the in-text citations"));
  }
}
