// Loads the dashboard in headless Chromium over the DevTools protocol and
// checks that it rendered, that it works (a click, a search) and that the
// console stayed clean; saves screenshots. Driven by browser-check.sh.
//
//   node browser-check.mjs CHROMIUM BASE_URL OUTDIR WIDTHxHEIGHT [WIDTHxHEIGHT…]
//
// No npm packages: Node's own WebSocket (Node ≥ 22, or 20.10+ with
// --experimental-websocket) and fetch.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [chromium, baseURL, outDir, ...sizes] = process.argv.slice(2);
const results = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function record(ok, label, detail = "") {
  results.push(ok);
  console.log(`${ok ? "PASS" : "FAIL"} ${label}${detail ? ` — ${detail}` : ""}`);
}

/** Starts Chromium with a DevTools port and returns {child, port, profile}. */
async function launch(width, height) {
  const profile = mkdtempSync(join(tmpdir(), "browser-check-"));
  const child = spawn(chromium, [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
    `--user-data-dir=${profile}`, "--remote-debugging-port=0", `--window-size=${width},${height}`, "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const port = await new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error("Chromium did not start within 30 s")), 30000);
    child.stderr.on("data", (chunk) => {
      buffer += chunk;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}): ${buffer.slice(-500)}`)));
  });
  return { child, port, profile };
}

/** A minimal CDP client over one page's WebSocket. */
async function connect(port) {
  let target;
  for (let i = 0; i < 50 && !target; i++) {
    const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    target = list.find((t) => t.type === "page");
    if (!target) await sleep(100);
  }
  if (!target) throw new Error("no page target");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error("DevTools WebSocket failed"));
  });
  let nextID = 0;
  const pending = new Map();
  const listeners = [];
  ws.onmessage = (message) => {
    const msg = JSON.parse(message.data);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? reject(new Error(`${msg.error.message}`)) : resolve(msg.result);
    } else if (msg.method) {
      for (const fn of listeners) fn(msg.method, msg.params);
    }
  };
  return {
    send(method, params = {}) {
      const id = ++nextID;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        setTimeout(() => {
          if (pending.delete(id)) reject(new Error(`${method} timed out`));
        }, 30000);
      });
    },
    on(fn) { listeners.push(fn); },
    close() { ws.close(); },
  };
}

async function evaluate(cdp, expression) {
  const r = await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
  return r.result.value;
}

/** Polls `expression` until it is truthy or `ms` pass; returns its last value. */
async function waitFor(cdp, expression, ms) {
  const end = Date.now() + ms;
  let value;
  while (Date.now() < end) {
    value = await evaluate(cdp, expression);
    if (value) return value;
    await sleep(150);
  }
  return value;
}

async function screenshot(cdp, file, fullPage) {
  let params = { format: "png" };
  if (fullPage) {
    const { cssContentSize } = await cdp.send("Page.getLayoutMetrics");
    const height = Math.min(Math.ceil(cssContentSize.height), 12000);
    params = { ...params, captureBeyondViewport: true, clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height, scale: 1 } };
  }
  const { data } = await cdp.send("Page.captureScreenshot", params);
  writeFileSync(file, Buffer.from(data, "base64"));
  // BROWSER_CHECK_SLICE=1600 also saves the page in pieces that height, easier to look at than one tall image.
  const slice = Number(process.env.BROWSER_CHECK_SLICE || 0);
  if (fullPage && slice > 0) {
    for (let y = 0, n = 1; y < params.clip.height; y += slice, n++) {
      const clip = { ...params.clip, y, height: Math.min(slice, params.clip.height - y) };
      const part = await cdp.send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true, clip });
      writeFileSync(file.replace(/\.png$/, `-part${n}.png`), Buffer.from(part.data, "base64"));
    }
  }
  return file;
}

/**
 * In the page: every visible text's colour against the first opaque
 * background behind it (SVG text against white), WCAG 2 contrast ratio;
 * returns the failures. 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
 */
const CONTRAST_AUDIT = `(() => {
  const rgb = (c) => { const m = c.match(/[\\d.]+/g) || []; return m.map(Number); };
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (e instanceof SVGElement && e.tagName !== "svg") continue;
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !n.textContent.trim() || el.closest("title, script, style, option, [hidden]")) continue;
    seen.add(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
    const fg = rgb(el instanceof SVGElement ? (style.fill.startsWith("rgb") ? style.fill : "rgb(0,0,0)") : style.color).slice(0, 3);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const value = ratio(fg, background(el));
    if (value < (large ? 3 : 4.5)) bad.push(value.toFixed(2) + ":1 " + el.tagName.toLowerCase() + " “" + n.textContent.trim().slice(0, 30) + "”");
  }
  return bad;
})()`;

/** Installed before any page script: collects securitypolicyviolation events. */
const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + (e.sourceFile || "") + ":" + e.lineNumber);
});`;

async function checkSize(size) {
  const [width, height] = size.split("x").map(Number);
  const tag = `[${width}px]`;
  const { child, port, profile } = await launch(width, height);
  const problems = [];
  try {
    const cdp = await connect(port);
    cdp.on((method, p) => {
      if (method === "Runtime.exceptionThrown") problems.push(`exception: ${p.exceptionDetails.exception?.description || p.exceptionDetails.text}`);
      if (method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert")) {
        problems.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description ?? "").join(" ")}`);
      }
      if (method === "Log.entryAdded" && p.entry.level === "error") problems.push(`${p.entry.source}: ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ""}`);
    });
    await cdp.send("Runtime.enable");
    await cdp.send("Log.enable");
    await cdp.send("Page.enable");
    await cdp.send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: width < 600 });
    // Every Content-Security-Policy violation on our pages, as the page sees it.
    await cdp.send("Page.addScriptToEvaluateOnNewDocument", { source: CSP_RECORDER });

    const nav = await cdp.send("Page.navigate", { url: new URL("/", baseURL).href });
    record(!nav.errorText, `${tag} page loads`, nav.errorText || new URL("/", baseURL).href);
    const ready = await waitFor(cdp, `document.body && document.body.dataset.ready === "true"`, 45000);
    record(Boolean(ready), `${tag} page finished loading (body[data-ready])`);
    const title = await evaluate(cdp, "document.title");
    record(/corpus-api/.test(title), `${tag} it is the dashboard`, `title “${title}”`);

    const count = (selector) => evaluate(cdp, `document.querySelectorAll(${JSON.stringify(selector)}).length`);
    const docs = await count(".doc-card");
    record(docs > 0, `${tag} documents listed`, `${docs} document cards`);
    // The title, heading, lede and document filters follow /v1/documents
    // (issue 20: the page said "two articles" whatever the corpus held).
    const served = await evaluate(cdp, `fetch("/v1/documents?fields=id").then((r) => r.json()).then((d) => d.meta.total)`);
    const word = served < 11 ? ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][served] : String(served);
    const named = await evaluate(cdp, `[document.title, document.getElementById("site-title").textContent, document.querySelector(".lede").textContent].join(" | ")`);
    const counted = named.split(" | ").every((text) => new RegExp(`\\b${word}\\b`).test(text)) && !/\bboth\b/i.test(named);
    record(counted, `${tag} title, heading and lede name the ${served} documents served`, named);
    const options = await evaluate(cdp, `["#tl-document", "#cit-document"].map((s) => [...document.querySelectorAll(s + " option")].filter((o) => o.value).length)`);
    record(docs === served && options.every((n) => n === served), `${tag} document cards and filters list every document`, `${docs} cards; filter options ${options.join(", ")} of ${served}`);
    const marks = await count("#tl-chart svg .event-mark");
    const items = await count("#tl-list .event-button");
    record(marks > 0 && items > 0, `${tag} timeline rendered`, `${marks} marks in the SVG, ${items} events in the list`);
    const charts = await count(".measure-chart svg");
    const points = await count(".measure-chart svg .point");
    const rows = await count("#ind-table tbody tr[data-qualifier]");
    record(charts > 0 && points > 0, `${tag} indicator charts rendered`, `${charts} charts, ${points} points`);
    record(rows > 0, `${tag} observations table filled`, `${rows} rows`);
    const refs = await count("#cit-list li.reference");
    const exports = await evaluate(cdp, `[...document.querySelectorAll("#cit-exports a")].map(a => a.getAttribute("href")).join(" ")`);
    record(refs > 0, `${tag} citations listed`, `${refs} references`);
    record(/format=bibtex/.test(exports) && /format=ris/.test(exports) && /format=csl-json/.test(exports), `${tag} export links for BibTeX, RIS, CSL-JSON`);
    const banners = await evaluate(cdp, `[...document.querySelectorAll(".banner.error")].map(b => b.textContent.trim()).join(" | ")`);
    record(!banners, `${tag} no error banners`, banners);
    const overflow = await evaluate(cdp, `document.documentElement.scrollWidth - window.innerWidth`);
    record(overflow <= 1, `${tag} no sideways scrolling`, `page is ${overflow}px wider than the viewport`);
    const lowContrast = await evaluate(cdp, CONTRAST_AUDIT);
    record(lowContrast.length === 0, `${tag} text contrast meets WCAG AA`, lowContrast.slice(0, 5).join(" | "));
    const unlabelled = await evaluate(cdp, `[...document.querySelectorAll("input, select, textarea, button")]
      .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby") && !(e.tagName === "BUTTON" && e.textContent.trim()))
      .map((e) => e.outerHTML.slice(0, 80))`);
    record(unlabelled.length === 0, `${tag} every control has a label`, unlabelled.slice(0, 3).join(" | "));
    const live = await count('[aria-live="polite"], [role="status"]');
    record(live >= 3, `${tag} results are announced (aria-live regions)`, `${live} live regions`);
    const files = [await screenshot(cdp, join(outDir, `dashboard-${width}.png`), true)];

    // Interaction: ticking a category asks the server for that category only.
    const category = await evaluate(cdp, `(() => { const box = document.querySelector("#tl-categories input[type=checkbox]");
      if (!box) return null; box.click(); return box.value; })()`);
    if (category) {
      const filtered = await waitFor(cdp, `(() => { const chips = [...document.querySelectorAll("#tl-list .event-button .chip:not(.status)")];
        return document.querySelector("#tl-status-line").dataset.state === "ready" && chips.length > 0 && chips.length < ${items}
          && chips.every((c) => c.textContent === ${JSON.stringify(category)}) ? chips.length : 0; })()`, 10000);
      record(Boolean(filtered), `${tag} filtering the timeline by “${category}” lists only that category`, `${filtered || 0} of ${items} events`);
      await evaluate(cdp, `document.querySelector("#tl-filters").reset(), true`);
      await waitFor(cdp, `document.querySelectorAll("#tl-list .event-button").length === ${items}`, 10000);
    } else {
      record(false, `${tag} timeline category filters exist`);
    }

    // Interaction: open the first event; its quote and source passage appear.
    await evaluate(cdp, `document.querySelector("#tl-list .event-button")?.click(), true`);
    const detail = await waitFor(cdp, `(() => { const d = document.querySelector("#tl-detail");
      return d.querySelector("blockquote") && d.querySelector('a[href^="/v1/passages/"]') && d.querySelector(".passage mark, .passage p:not(.muted)") ? true : false; })()`, 10000);
    record(Boolean(detail), `${tag} clicking an event shows its quote and passage`);

    // Interaction: a search fills the live region with highlighted snippets.
    await evaluate(cdp, `(() => { const i = document.querySelector("#search-q"); i.value = "trade"; document.querySelector("#search-form").requestSubmit(); return true; })()`);
    const searched = await waitFor(cdp, `["ready", "empty", "error"].includes(document.querySelector("#search-status").dataset.state) && document.querySelector("#search-status").dataset.state`, 10000);
    const hits = await count("#search-list .search-hit");
    const marked = await count("#search-list .snippet mark");
    record(searched === "ready" && hits > 0 && marked > 0, `${tag} search “trade” shows highlighted results`, `${hits} results, ${marked} highlights (${searched})`);
    files.push(await screenshot(cdp, join(outDir, `dashboard-${width}-after-click-and-search.png`), true));

    // The page is served under default-src 'self', and nothing of ours was blocked.
    const policy = await evaluate(cdp, `fetch("/", { headers: { Accept: "text/html" } }).then((r) => r.headers.get("content-security-policy"))`);
    record(/default-src 'self'/.test(policy || "") && !/unsafe-inline/.test(policy || ""), `${tag} dashboard served with a default-src 'self' CSP`, policy || "no header");
    const violations = await evaluate(cdp, "window.__cspViolations || []");
    record(violations.length === 0, `${tag} no CSP violation on the dashboard`, violations.slice(0, 5).join(" | "));

    // The API reference page: same policy, its stylesheet applied, nothing blocked.
    await cdp.send("Page.navigate", { url: new URL("/docs", baseURL).href });
    const docsStyled = await waitFor(cdp, `document.readyState === "complete" && document.querySelector("h1") && getComputedStyle(document.body).maxWidth !== "none"`, 15000);
    const docsViolations = await evaluate(cdp, "window.__cspViolations || []");
    record(Boolean(docsStyled) && docsViolations.length === 0, `${tag} /docs styled by its own stylesheet, no CSP violation`,
      docsViolations.slice(0, 5).join(" | ") || (docsStyled ? "" : "the stylesheet did not apply"));

    await sleep(300);
    const pageErrors = JSON.parse((await evaluate(cdp, `document.documentElement.getAttribute("data-errors") || "[]"`)) || "[]");
    for (const e of pageErrors) problems.push(`page ${e.kind}: ${e.message}`);
    const unique = [...new Set(problems)];
    record(unique.length === 0, `${tag} no console errors`, unique.slice(0, 8).join(" | "));
    console.log(`     screenshots: ${files.join(", ")}`);
    cdp.close();
  } catch (error) {
    record(false, `${tag} browser session`, error.message);
  } finally {
    child.kill("SIGKILL");
    await sleep(200);
    rmSync(profile, { recursive: true, force: true });
  }
}

for (const size of sizes) await checkSize(size);
const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
