// Bytes a search downloads, and how long until its first results show: opens the built
// site's search page in Debian's headless Chromium for each query, with a cold cache, and
// adds up the bytes transferred (text gzipped, as static hosts serve it; the index's .bin
// files are sent as they are).
//   node bench/query_bytes.mjs SITE_DIR [PREFIX] [query …]
// Run from the repository root after `npm ci` in tests/browser (it reuses its packages).
//
// Columns: "search bytes" is everything the search needs beyond the search page and its
// CSS (the script, the index's manifest, shards, postings, filters, the files of the
// results shown and their excerpts' text) when search/?q=… is opened: the number the 300 KB budget is about; "of it
// index" is the part under search/data/. "typed" is what the search needed after the
// search page had loaded, the query typed into it (the page fetches ahead while typing).
// Then the time to the first result on a throttled mobile profile (see PROFILE): on the
// open search page after Enter, the query typed or pasted; and "from link", opening
// search/?q=… from nothing (the header's search box on another page, or a shared link),
// HTML, CSS and scripts included; and "from another page", the query typed into the search
// box of the home page (which fetches ahead while the reader types), from Enter to the
// first result on the search page it opens (the reader pauses 500 ms before Enter). The
// server sends `Cache-Control: max-age=600` and an ETag, as GitHub Pages does (CACHE=…
// sends another value, CACHE= none), so that the browser may keep what it fetched ahead and
// is told "not modified" for the manifest it asks again. TIMES=0 measures bytes only.
import { serve, browser } from "../tests/browser/lib.mjs";

const [dir, prefix = "/", ...args] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node bench/query_bytes.mjs SITE_DIR [PREFIX] [query …]");
  process.exit(2);
}
const QUERIES = args.length ? args : [
  "nyckel", "digital", "nycklar hemtjänst", "bygglov handläggning",
  "bygglov tar lång tid", "digitala lås för hemtjänsten",
];
// Lighthouse's mobile profile ("Slow 4G" network, a mid-range phone's CPU): 150 ms round
// trip, 1.6 Mbit/s down, 750 kbit/s up, the CPU four times slower. CDP applies the latency
// to every request. LATENCY=ms and CPU=rate change them (to see where the time goes).
const PROFILE = {
  latency: Number(process.env.LATENCY ?? 150), down: 1.6e6 / 8, up: 750e3 / 8,
  cpu: Number(process.env.CPU ?? 4),
};

const CACHE = process.env.CACHE ?? "max-age=600";
const server = await serve(dir, prefix, { headers: CACHE ? { "cache-control": CACHE } : {}, etag: true });
const chrome = await browser();

async function throttled(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: PROFILE.latency,
    downloadThroughput: PROFILE.down, uploadThroughput: PROFILE.up,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
}

/** Waits until the search has answered and every result shown has its excerpt (which
 * may come after the result itself). */
async function done(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector("#search-status")?.textContent ?? "";
    const items = [...document.querySelectorAll("#search-results li")];
    return s && !/…/.test(s) && items.every((li) => li.querySelector("p:not(.card-meta)"));
  }, null, { timeout: 60000 });
}

/** Adds the bytes of every finished request to `into.bytes` (a request still finishing
 * when its page closes is left out). */
function countBytes(page, into, record) {
  page.on("requestfinished", async (req) => {
    try {
      const s = await req.sizes();
      const bytes = s.responseBodySize + s.responseHeadersSize;
      into.bytes += bytes;
      if (record) record({ url: new URL(req.url()).pathname, type: req.resourceType(), bytes });
    } catch {}
  });
}

/** Bytes and requests of one query on a fresh page, without throttling. */
async function bytes(q) {
  const context = await chrome.newContext();
  const page = await context.newPage();
  const sizes = [];
  countBytes(page, { bytes: 0 }, (r) => sizes.push(r));
  await page.goto(server.base + "search/?q=" + encodeURIComponent(q));
  await done(page);
  await page.waitForLoadState("networkidle");
  await new Promise((r) => setTimeout(r, 200));
  const count = await page.locator("#search-results li").count();
  const status = await page.textContent("#search-status");
  const search = sizes.filter((s) => s.type !== "document" && s.type !== "stylesheet");
  const index = sizes.filter((s) => /\/(search\/data|pagefind)\//.test(s.url));
  const sum = (xs) => xs.reduce((a, s) => a + s.bytes, 0);
  await context.close();
  return { count, total: (status.match(/\d[\d\s]*/) || ["0"])[0].replace(/\s/g, ""),
    search: sum(search), index: sum(index), all: sum(sizes), requests: sizes.length };
}

/** On the open search page, the query typed (a key every 150 ms, so the page fetches ahead
 * as it does for a reader) or pasted, then Enter: milliseconds to the first result, and the
 * bytes the search needed after the page had loaded. */
async function afterEnter(q, typed, throttle = true) {
  const context = await chrome.newContext();
  const page = await context.newPage();
  if (throttle) await throttled(page);
  await page.goto(server.base + "search/");
  await page.waitForLoadState("networkidle");
  const counted = { bytes: 0 };
  countBytes(page, counted);
  if (typed) await page.type("#search-input", q, { delay: 150 });
  else await page.fill("#search-input", q);
  // Timed in the page, from the Enter key to the first result in the document (or, for a
  // query without results, to their announcement).
  await page.evaluate(() => {
    window.__timing = {};
    document.getElementById("search-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter") window.__timing.enter = performance.now();
    }, { capture: true });
    new MutationObserver((_, observer) => {
      const status = document.getElementById("search-status").textContent;
      const none = window.__timing.enter && status && !/…/.test(status);
      if (document.querySelector("#search-results li a") || none) {
        window.__timing.first = performance.now();
        observer.disconnect();
      }
    }).observe(document.getElementById("search-app"), { childList: true, subtree: true, characterData: true });
  });
  await page.press("#search-input", "Enter");
  await page.waitForFunction(() => window.__timing.first, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__timing);
  await done(page);
  await page.waitForLoadState("networkidle");
  await context.close();
  return { ms: Math.round(t.first - t.enter), bytes: counted.bytes };
}

/** Resolves when the page says (on its console) that its first result shows. Waiting so
 * puts nothing of Playwright's into the page while it is timed: `waitForFunction` runs
 * Playwright's injected script in a new page, ~60 ms of the slowed CPU. */
function firstShown(page) {
  return page.waitForEvent("console", { predicate: (m) => m.text() === "signpost-first", timeout: 60000 });
}

/** An init script: when the first result is in the document (or, for a query without
 * results, their announcement), `window.__first` is set to the time, in milliseconds since
 * the epoch (so that two pages' times compare), and the console says "signpost-first". */
function markFirst() {
  new MutationObserver((_, observer) => {
    const status = document.getElementById("search-status")?.textContent;
    if (document.querySelector("#search-results li a") || (status && !/…/.test(status))) {
      window.__first = performance.timeOrigin + performance.now();
      observer.disconnect();
      console.debug("signpost-first");
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Milliseconds from opening search/?q=… to the first result. */
async function fromLink(q) {
  const context = await chrome.newContext();
  const page = await context.newPage();
  await throttled(page);
  // Timed in the page, from the navigation's start to the first result.
  await page.addInitScript(markFirst);
  const shown = firstShown(page);
  await page.goto(server.base + "search/?q=" + encodeURIComponent(q), { waitUntil: "commit" });
  await shown;
  const ms = await page.evaluate(() => window.__first - performance.timeOrigin
    - performance.getEntriesByType("navigation")[0].startTime);
  await context.close();
  return Math.round(ms);
}

/** The query typed into the home page's search box (a key every 150 ms), then Enter:
 * milliseconds from Enter to the first result on the search page it opens. */
async function fromAnotherPage(q) {
  const context = await chrome.newContext();
  const page = await context.newPage();
  await throttled(page);
  // In every page of the context: the time of Enter in the box, and of the first result
  // (both since the epoch, so that the two pages' times compare).
  await context.addInitScript(() => {
    document.addEventListener("keydown", (e) => {
      if (e.key === "Enter") sessionStorage.setItem("enter", String(performance.timeOrigin + performance.now()));
    }, { capture: true });
  });
  await context.addInitScript(markFirst);
  await page.goto(server.base);
  await page.waitForLoadState("networkidle");
  await page.click("#home-search");
  await page.keyboard.type(q, { delay: 150 });
  // The reader looks at what she typed, then presses Enter (PAUSE=ms changes it).
  await page.waitForTimeout(Number(process.env.PAUSE ?? 500));
  const shown = firstShown(page);
  await page.keyboard.press("Enter");
  await shown;
  const ms = await page.evaluate(() => window.__first - Number(sessionStorage.getItem("enter")));
  await context.close();
  return Math.round(ms);
}

console.log("| query | words | results | search bytes (link) | of it index | search bytes (typed) | requests (link) | first results, typed + Enter | pasted + Enter | from link | from another page |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const q of QUERIES) {
  const b = await bytes(q);
  const typedBytes = (await afterEnter(q, true, false)).bytes;
  const timed = process.env.TIMES !== "0";
  const typed = timed ? await afterEnter(q, true) : { ms: "–" };
  const pasted = timed ? await afterEnter(q, false) : { ms: "–" };
  const link = timed ? await fromLink(q) : "–";
  const another = timed ? await fromAnotherPage(q) : "–";
  const words = q.split(/\s+/).filter(Boolean).length;
  console.log(`| ${q} | ${words} | ${b.total} | ${b.search} | ${b.index} | ${typedBytes} | ${b.requests} | ${typed.ms} ms | ${pasted.ms} ms | ${link} ms | ${another} ms |`);
}
await chrome.close();
await server.close();
