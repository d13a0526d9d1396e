// The search page's answers against the Rust reader's (src/search/query.rs, run on the
// same built index by tests/browser.rs): the same results in the same order, the same
// count, for one to four words, prefixes, filters alone and together, and no results.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { siteDir, sitePrefix, useSite } from "./lib.mjs";

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

// A larger index (tests/browser.rs writes it: 3,000 pages), whose words take every form of
// the format: inline postings, postings files whose set is gaps, a bitmap or the pages
// missing, the manifest's common terms and completions kept in files. The page's script is
// run in Node over its files, and must answer as the Rust reader does, with the manifest's
// list of common terms and without it.
const large = JSON.parse(fs.readFileSync(process.env.SEARCH_CASES, "utf8")).large;

function engine(dir, fetched = []) {
  const context = vm.createContext({
    TextEncoder, URL, Uint8Array, Uint32Array, Int32Array, Float64Array,
    location: { href: "http://index.test/" },
    performance: { getEntriesByName: () => [] },
    fetch: async (url) => {
      const rel = new URL(url).pathname.slice(1);
      fetched.push(rel);
      return new Response(fs.readFileSync(path.join(dir, rel)));
    },
  });
  vm.runInContext(fs.readFileSync(path.join(siteDir(), "assets/search.js"), "utf8"), context);
  return new context.SignpostSearch.Index("http://index.test/");
}

test("the larger index has every form of the format the browser reads", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(large.dir, "manifest.json"), "utf8"));
  assert.ok(manifest.common.length > 10, `${manifest.common.length} common terms`);
  const modes = new Set(fs.readdirSync(path.join(large.dir, "p"))
    .map((f) => fs.readFileSync(path.join(large.dir, "p", f))[0]));
  assert.deepEqual([...modes].sort(), [0, 1, 2], "sets as gaps, bitmaps and pages missing");
});

for (const c of large.queries) {
  for (const listed of [true, false]) {
    test(`the browser answers "${c.query}" on a larger index as the Rust reader does` +
      (listed ? "" : ", without the list of common terms"), async () => {
      const index = engine(large.dir);
      await index.open();
      if (!listed) index.common = new Map();
      const answer = await index.search(c.query, {});
      assert.equal(answer.pages.length, c.total, c.query);
      assert.deepEqual(Array.from(answer.pages.slice(0, 30)), c.pages, c.query);
    });
  }
}

test("a common word's postings are asked for with the query, not after its shard", async () => {
  const fetched = [];
  const index = engine(large.dir, fetched);
  await index.open();
  const q = "ord0x ord1x nyckel";
  const words = index.words(q);
  for (const w of words) assert.ok(index.common.has(w), `${w} is a common term`);
  const answering = index.search(q, {});
  // Asked for at once (before any file has come): the listed words' postings, and the last
  // word's shard (its completions), but not the other words' shards.
  const asked = fetched.slice();
  await answering;
  for (const w of words) {
    assert.ok(asked.includes(`p/${index.common.get(w).file}.bin`), `${w}: ${asked}`);
  }
  const last = new TextEncoder().encode(words[words.length - 1]);
  const shards = asked.filter((f) => f.startsWith("t/"));
  assert.ok(shards.length >= 1 && shards.every((f) => {
    const n = Number(f.slice(2, -4)), at = index.shardOf(last);
    return n === at || n === at + 1;
  }), `only the last word's shards: ${shards}`);
});
