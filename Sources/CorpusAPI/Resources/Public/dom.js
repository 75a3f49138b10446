// Tiny DOM helpers. Everything that comes from the API goes in as text
// nodes or attribute values, never as HTML; the one exception is the search
// snippet, which goes through `snippetFragment` (text and <mark> only).

/** `h("a", {href, class, onclick}, "text", child…)`: an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Same as `h` for SVG elements. */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else if (key === "style") {
      // Through CSSOM: the page's Content-Security-Policy (style-src 'self')
      // blocks a style="" attribute but not style set by our own script.
      node.style.cssText = String(value);
    } else {
      node.setAttribute(key === "className" ? "class" : key, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends strings (as text), nodes and nested arrays; skips null/false. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** A link target from API data: only http(s) URLs and our own paths, never `javascript:`. */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  return null;
}

/**
 * The server's search snippet is HTML-escaped text with <mark> tags. It is
 * parsed in an inert <template> (nothing loads or runs there) and rebuilt
 * from its text and <mark> elements only, so even a faulty snippet cannot
 * inject markup.
 */
export function snippetFragment(html) {
  const template = document.createElement("template");
  template.innerHTML = String(html ?? "");
  const out = document.createDocumentFragment();
  const walk = (from, to) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") walk(node, to.appendChild(document.createElement("mark")));
      else walk(node, to);
    }
  };
  walk(template.content, out);
  return out;
}

/** Runs `fn` once the calls stop for `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Sets a status line (an aria-live region) and its state for styling and tests. */
export function setStatus(node, state, message) {
  node.dataset.state = state;
  node.textContent = message;
}

/** An error banner with the problem JSON's `detail` (or the network error). */
export function errorBanner(error, what) {
  const detail = error?.detail || error?.message || String(error);
  return h("div", { class: "banner error", role: "alert" },
    h("strong", {}, `Could not load ${what}. `), detail,
    error?.status ? h("span", { class: "muted" }, ` (HTTP ${error.status})`) : null);
}

/** "1,234.5" style numbers without trailing zeros. */
export function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value ?? "");
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

let uid = 0;
/** A fresh id for label/aria wiring. */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Calls `fn` (debounced) when `node` changes width. Redrawing a chart
 * changes its height, so reacting to every resize would loop.
 */
export function onWidthChange(node, fn, ms = 120) {
  let last = node.clientWidth;
  const later = debounce(fn, ms);
  new ResizeObserver(() => {
    if (node.clientWidth !== last) {
      last = node.clientWidth;
      later();
    }
  }).observe(node);
}
