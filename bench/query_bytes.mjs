// Bytes a search downloads: opens the built site's search page in Debian's headless
// Chromium for each query and adds up the bytes transferred (text gzipped, as static hosts
// serve it) from the search index (pagefind*/), and for everything the page loaded.
//   node bench/query_bytes.mjs SITE_DIR [PREFIX] [query …]
// Run from the repository root after `npm ci` in tests/browser (it reuses its packages).
import { serve, browser } from "../tests/browser/lib.mjs";

const [dir, prefix = "/", ...queries] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node bench/query_bytes.mjs SITE_DIR [PREFIX] [query …]");
  process.exit(2);
}
const server = await serve(dir, prefix);
const chrome = await browser();
console.log("| query | results | index bytes | all bytes | requests |");
console.log("|---|---:|---:|---:|---:|");
for (const q of queries.length ? queries : ["nyckel", "bygglov tar lång tid", "nycklar hemtjänst"]) {
  const page = await chrome.newPage();
  const sizes = [];
  page.on("requestfinished", async (req) => {
    const s = await req.sizes();
    sizes.push({ url: req.url(), bytes: s.responseBodySize });
  });
  await page.goto(server.base + "search/?q=" + encodeURIComponent(q));
  await page.waitForSelector("#search-status:not(:empty)", { timeout: 30000 });
  await page.waitForFunction(() => !/…/.test(document.querySelector("#search-status").textContent));
  await page.waitForLoadState("networkidle");
  const count = await page.locator("#search-results li").count();
  await new Promise((r) => setTimeout(r, 300));
  const index = sizes.filter((s) => /\/pagefind(-\d+)?\//.test(s.url)).reduce((a, s) => a + s.bytes, 0);
  const all = sizes.reduce((a, s) => a + s.bytes, 0);
  console.log(`| ${q} | ${count} | ${index} | ${all} | ${sizes.length} |`);
  await page.close();
}
await chrome.close();
await server.close();
