// The search page's answers against the Rust reader's (src/search/query.rs, run on the
// same built index by tests/browser.rs): the same results in the same order, the same
// count, for one to four words, prefixes, filters alone and together, and no results.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { sitePrefix, useSite } from "./lib.mjs";

const ctx = useSite();
const queries = JSON.parse(fs.readFileSync(process.env.SEARCH_CASES, "utf8")).queries;

/** Waits until the search has answered; returns the count announced and the result links. */
async function answered(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector("#search-status")?.textContent ?? "";
    return /\d|Inga|No /.test(s) && !/…/.test(s);
  }, null, { timeout: 15000 });
  return {
    status: await page.textContent("#search-status"),
    urls: await page.$$eval("#search-results li h3 a", (as) => as.map((a) => a.getAttribute("href"))),
  };
}

for (const c of queries) {
  const label = `${c.lang}: "${c.query}"` + c.filters.map(([k, v]) => ` ${k}=${v}`).join("");
  test(`the browser answers ${label} as the Rust reader does`, async () => {
    const page = await ctx.chrome.newPage();
    const params = new URLSearchParams();
    if (c.query) params.set("q", c.query);
    for (const [k, v] of c.filters) params.append(k, v);
    const start = c.lang === "sv" ? "" : `${c.lang}/`;
    await page.goto(`${ctx.server.base}${start}search/?${params}`);
    const got = await answered(page);
    assert.deepEqual(got.urls, c.urls.map((u) => sitePrefix() + u), label);
    const count = c.total === 0 ? null : String(c.total);
    if (count) assert.ok(got.status.includes(count), `${got.status} (expected ${c.total})`);
    else assert.match(got.status, /Inga|No /);
    await page.close();
  });
}
