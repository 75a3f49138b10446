// Entry point: load the documents once, then the four parts of the page in
// parallel. Each part handles its own errors (a banner with the problem
// JSON's detail), so one missing endpoint never blanks the rest. When all
// have settled, <body data-ready="true"> tells tests the page is done.
import { getAll, adaptDocument } from "./api.js";
import { h, clear, errorBanner, formatNumber, safeHref } from "./dom.js";
import { initTimeline } from "./timeline.js";
import { initIndicators } from "./indicators.js";
import { initCitations } from "./citations.js";
import { initSearch } from "./search.js";

async function loadDocuments() {
  const box = document.getElementById("doc-list");
  try {
    const { rows } = await getAll("/v1/documents");
    const documents = new Map(rows.map(adaptDocument).map((d) => [d.id, d]));
    clear(box);
    for (const d of documents.values()) box.append(documentCard(d));
    if (documents.size === 0) box.append(h("p", { class: "muted" }, "No documents are loaded."));
    return documents;
  } catch (error) {
    clear(box).append(errorBanner(error, "the documents"));
    return new Map();
  }
}

function documentCard(d) {
  const link = safeHref(d.url || (d.doi ? `https://doi.org/${d.doi}` : ""));
  const c = d.counts;
  return h("article", { class: "doc-card" },
    h("h3", {}, h("a", { href: `/v1/documents/${encodeURIComponent(d.id)}` }, d.title)),
    h("p", { class: "muted" }, [d.authors.join(", "), d.year ?? "year not printed", d.venue].filter(Boolean).join(" · ")),
    link ? h("p", {}, h("a", { href: link, rel: "noopener noreferrer" }, d.doi ? `doi:${d.doi}` : link)) : null,
    h("ul", { class: "counts", "aria-label": "records from this document" },
      h("li", {}, h("strong", {}, formatNumber(c.events)), " events"),
      h("li", {}, h("strong", {}, formatNumber(c.indicators)), " indicators"),
      h("li", {}, h("strong", {}, formatNumber(c.references)), " references"),
      h("li", {}, h("strong", {}, formatNumber(c.inText)), " in-text citations"),
      h("li", {}, h("strong", {}, formatNumber(c.passages)), " passages")));
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** "one article", "two articles", "12 articles": how many the corpus holds. */
export function countArticles(n) {
  const word = n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : formatNumber(n);
  return `${word} ${n === 1 ? "article" : "articles"}`;
}

/** The title, heading and lede say what /v1/documents holds, not a fixed count. */
function describeCorpus(documents) {
  const n = documents.size;
  if (n === 0) return;
  const articles = countArticles(n);
  document.title = `corpus-api — China–Russia relations in ${articles}`;
  document.getElementById("site-title").textContent = `China–Russia relations, ${articles} as data`;
  document.getElementById("corpus-size").textContent = n === 1 ? "one scholarly article" : `${articles.replace("articles", "scholarly articles")}`;
}

async function main() {
  const documents = await loadDocuments();
  describeCorpus(documents);
  initSearch({ documents });
  await Promise.allSettled([
    initTimeline({ documents }),
    initIndicators({ documents }),
    initCitations({ documents }),
  ]);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  console.error(error);
  document.body.dataset.ready = "true";
});
