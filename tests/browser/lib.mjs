// Shared helpers for the browser tests: a static file server for the built site (with a
// 404 fallback, as a static host has) and a headless Chromium from Debian's packages.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
  ".png": "image/png", ".svg": "image/svg+xml", ".pdf": "application/pdf",
  ".wasm": "application/wasm", ".txt": "text/plain",
};

const COMPRESSIBLE = new Set([".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt"]);

/** Serves `dir` on a free loopback port under `prefix` (e.g. "/guide/"), gzipping text as
 * static hosts do, so that measured transfer sizes are what readers download. `headers` are
 * added to every answer (e.g. a host's `cache-control`); `requests`, an array, gets each
 * request's path and its `cache-control`; `hold(path)` may return a promise, and the
 * answer waits for it (a slow network for one file, to see what the page does meanwhile). */
export async function serve(dir, prefix = "/", { headers: extra = {}, requests = null, etag = false, hold = null } = {}) {
  const server = http.createServer(async (req, res) => {
    requests?.push({ path: req.url, cacheControl: req.headers["cache-control"] ?? "" });
    await hold?.(req.url);
    let url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!url.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
    let file = path.join(dir, url.slice(prefix.length));
    if (!file.startsWith(dir)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(fs.readFileSync(path.join(dir, "404.html")));
      return;
    }
    const ext = path.extname(file);
    const headers = { ...extra, "content-type": TYPES[ext] || "application/octet-stream" };
    if (etag) {
      // As static hosts do (nginx: size and time): a browser that has the file asks with
      // If-None-Match, and is told it has not changed.
      const st = fs.statSync(file);
      headers.etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      if (req.headers["if-none-match"] === headers.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
    }
    let body = fs.readFileSync(file);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
      body = zlib.gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, base: origin + prefix, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium, headless, with nothing that calls out to the network. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** The built site to test: SITE_DIR from the Rust harness (tests/browser.rs). */
export function siteDir() {
  const dir = process.env.SITE_DIR;
  if (!dir) throw new Error("SITE_DIR is not set: run these tests through `cargo test --test browser`");
  return path.resolve(dir);
}

/** The base path the site was built for (SITE_PREFIX, default "/"). */
export function sitePrefix() {
  return process.env.SITE_PREFIX || "/";
}

/** The generated guide whose lists are split into many pages (PAGED_SITE_DIR, from
 * tests/browser.rs), and the base path it was built for. */
export function pagedSite() {
  const dir = process.env.PAGED_SITE_DIR;
  if (!dir) throw new Error("PAGED_SITE_DIR is not set: run these tests through `cargo test --test browser`");
  return { dir: path.resolve(dir), prefix: process.env.PAGED_SITE_PREFIX || "/" };
}

/** Pages of lists split into pages, on the paged site: a later page of each kind. */
export const PAGED_KINDS = [
  { kind: "a later page of all challenges", path: "challenges/page/2/" },
  { kind: "the last page of the open challenges", path: "open-challenges/page/last/" },
  { kind: "a later page of an area", path: "omrade-0/page/3/" },
  { kind: "a later page of the tag index", path: "tags/page/2/" },
  { kind: "a later page of a tag", path: "tags/tagg-1/page/2/" },
  { kind: "a later page of a list in English", path: "en/solutions/page/2/" },
];

/** PAGED_KINDS with "last" replaced by the list's last page, read from its first page's
 * pager. */
export async function pagedKinds(chrome, base) {
  const page = await chrome.newPage();
  const out = [];
  for (const p of PAGED_KINDS) {
    if (!p.path.endsWith("/page/last/")) { out.push(p); continue; }
    const first = p.path.replace(/page\/last\/$/, "");
    await page.goto(base + first);
    const last = await page.locator("nav.pager li.pager-item a").last().getAttribute("href");
    out.push({ ...p, path: last.slice(new URL(base).pathname.length) });
  }
  await page.close();
  return out;
}

/** One page of every kind the sample guide has, as paths under the base. `ready` is what
 * to wait for before looking at the page (the search results render after loading); the
 * tag page is the first tag linked from tags/ (see `pageKinds`). */
export const PAGE_KINDS = [
  { kind: "home", path: "" },
  { kind: "area", path: "aldreomsorg/" },
  { kind: "challenge", path: "aldreomsorg/nyckelhantering-hemtjanst/" },
  { kind: "solution", path: "aldreomsorg/digitala-las-hemtjanst/" },
  { kind: "page", path: "tillganglighet/" },
  { kind: "list of challenges", path: "challenges/" },
  { kind: "list of solutions", path: "solutions/" },
  { kind: "list of open challenges", path: "open-challenges/" },
  { kind: "list of tags", path: "tags/" },
  { kind: "tag", path: null },
  { kind: "search", path: "search/?q=nyckel", ready: "#search-results li a" },
  { kind: "404", path: "finns-inte/", status: 404 },
  { kind: "archived entry", path: "bygglov/pdf-blankett-bygglov/" },
];

/** PAGE_KINDS with the tag page filled in: the first tag that tags/ links to. */
export async function pageKinds(chrome, base) {
  const page = await chrome.newPage();
  await page.goto(base + "tags/");
  const href = await page.locator("main a[href*='/tags/']").first().getAttribute("href");
  await page.close();
  const prefix = new URL(base).pathname;
  if (!href?.startsWith(prefix)) throw new Error(`tags/ links to no tag page under ${prefix}: ${href}`);
  return PAGE_KINDS.map((p) => (p.path === null ? { ...p, path: href.slice(prefix.length) } : p));
}

/** Opens `p` (from `pageKinds`) in `page`, checks the status and waits until it is ready. */
export async function open(page, base, p) {
  const response = await page.goto(base + p.path, { waitUntil: "load" });
  const want = p.status ?? 200;
  if (response?.status() !== want) {
    throw new Error(`${p.kind} (${p.path}): status ${response?.status()}, expected ${want}`);
  }
  if (p.ready) await page.waitForSelector(p.ready, { timeout: 15000 });
  return response;
}

/**
 * Serves the built site (with `paged`, the paged site) and starts Chromium before a test
 * file's tests, and stops both after them. The returned object gets `server`, `chrome` and
 * (with `kinds`) `pages`, the page kinds to visit.
 */
export function useSite({ kinds = false, paged = false } = {}) {
  const ctx = {};
  before(async () => {
    const site = paged ? pagedSite() : { dir: siteDir(), prefix: sitePrefix() };
    ctx.server = await serve(site.dir, site.prefix);
    ctx.chrome = await browser();
    if (kinds) ctx.pages = await (paged ? pagedKinds : pageKinds)(ctx.chrome, ctx.server.base);
  });
  after(async () => {
    await ctx.chrome?.close();
    await ctx.server?.close();
  });
  return ctx;
}
