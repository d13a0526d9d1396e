// Search on the built sample guide, as a visitor uses it: Swedish words in their own
// inflections, filters, the search box on every page, and the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, siteDir, sitePrefix, useSite } from "./lib.mjs";

const ctx = useSite();

async function results(page) {
  await page.waitForSelector("#search-results li a", { timeout: 15000 });
  return page.$$eval("#search-results li", (items) =>
    items.map((li) => ({
      title: li.querySelector("h3").textContent,
      url: li.querySelector("a").getAttribute("href"),
      meta: li.querySelector(".card-meta")?.textContent ?? "",
    })));
}

test("an inflected Swedish word finds the page about its base form", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=nycklarna");
  const found = await results(page);
  assert.equal(found[0].url, sitePrefix() + "aldreomsorg/nyckelhantering-hemtjanst/",
    "the challenge about keys (nyckel) comes first for 'nycklarna'");
  assert.match(await page.textContent("#search-status"), /^\d+ träff/);
  await page.close();
});

test("å, ä and ö work in queries and results", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=" + encodeURIComponent("läkemedelsrobotar"));
  const found = await results(page);
  assert.ok(found.some((r) => r.url.endsWith("/aldreomsorg/lakemedelsrobot/")), JSON.stringify(found));
  assert.ok(found.some((r) => /Äldreomsorg/.test(r.meta)), "area names with Ä are shown");
  await page.close();
});

test("an area filter narrows the results to that area", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=digital");
  const all = await results(page);
  await page.getByLabel("Skola och utbildning").check();
  await page.waitForFunction((n) => {
    const items = document.querySelectorAll("#search-results li");
    return items.length > 0 && items.length < n;
  }, all.length, { timeout: 15000 });
  const narrowed = await results(page);
  assert.ok(narrowed.length < all.length);
  for (const r of narrowed) assert.match(r.meta, /Skola och utbildning/, JSON.stringify(r));
  assert.match(page.url(), /area=Skola/, "the filter is kept in the address");
  await page.close();
});

test("excerpts mark the words found, and only those", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=nycklarna");
  await results(page);
  // An excerpt follows its result when its text has come.
  await page.waitForSelector("#search-results li:first-child p.search-excerpt", { timeout: 15000 });
  const first = await page.$eval("#search-results li", (li) => ({
    marks: [...li.querySelectorAll("p mark")].map((m) => m.textContent),
    text: li.querySelector("p.search-excerpt").textContent,
  }));
  assert.ok(first.marks.length > 0, "the first result's excerpt marks a word");
  for (const m of first.marks) assert.match(m, /^nyck/i, `only the query's word is marked: ${m}`);
  assert.match(first.text, /nycklar/);
  // Marks are elements the page made, not markup from the index.
  const html = await page.$eval("#search-results", (ol) => ol.innerHTML);
  assert.doesNotMatch(html, /&lt;mark/);
  await page.close();
});

test("results show before their excerpts' text has come, and the excerpts follow", async () => {
  const page = await ctx.chrome.newPage();
  // Hold back the files of the excerpts' text until the results are on the page.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/search\/data\/sv\/e\/\d+\.json/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(ctx.server.base + "search/?q=nyckel");
  const found = await results(page);
  assert.ok(found.length > 0);
  assert.ok(found.every((r) => r.title.length > 0), "titles are shown");
  await page.waitForFunction(() => /träff/.test(document.querySelector("#search-status").textContent));
  assert.equal(await page.locator("#search-results p.search-excerpt").count(), 0,
    "no excerpt before its text has come");
  release();
  await page.waitForFunction((n) => document.querySelectorAll("#search-results p.search-excerpt").length === n,
    found.length, { timeout: 15000 });
  assert.ok(await page.locator("#search-results li:first-child p.search-excerpt mark").count() > 0,
    "the first excerpt marks the word");
  await page.close();
});

test("the page asks for the index's manifest with its script, once", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=nyckel");
  await results(page);
  const loads = await page.evaluate(() => performance.getEntriesByType("resource")
    .filter((e) => /\/search\/data\/sv\/manifest\.json/.test(e.name))
    .map((e) => e.initiatorType));
  assert.deepEqual(loads, ["link"], "preloaded by the page, and the script used that response");
  const scripts = await page.$$eval("script[src]", (s) => s.map((e) => e.getAttribute("src")));
  assert.equal(scripts.filter((s) => /search/.test(s)).length, 1, "one search script");
  await page.close();
});

/** Runs `body` with a server of its own (`serve`'s `options`; every request is recorded in
 * `requests`) and a browser context of its own (the tab's cache and sessionStorage). */
async function withOwnServer(options, body) {
  const requests = [];
  const server = await serve(siteDir(), sitePrefix(), { ...options, requests });
  const context = await ctx.chrome.newContext();
  const page = await context.newPage();
  try {
    await body({ server, requests, page });
  } finally {
    await context.close();
    await server.close();
  }
}

/** `withOwnServer`, its answers for the index's manifest held, once `held.hold()` is called,
 * until `held.release()`: what the search page shows before the server has answered. */
function withHeldManifests(body) {
  const held = { on: false, waiting: 0, release: null };
  let open = Promise.resolve();
  held.hold = () => {
    held.on = true;
    open = new Promise((r) => { held.release = () => { held.on = false; r(); }; });
  };
  const hold = (url) => {
    if (!held.on || !/\/search\/data\/sv\/manifest\.json/.test(url)) return null;
    held.waiting += 1;
    return open;
  };
  return withOwnServer({ headers: { "cache-control": "max-age=600" }, hold }, (own) => body({ ...own, held }));
}

/** The sessionStorage key under which the tab of `page` keeps the manifest it checked. */
async function checkedKey(page) {
  const folder = await page.$eval("#search-app", (a) => a.getAttribute("data-index"));
  return "signpost-search-manifest:" + folder;
}

test("a manifest the browser kept is asked for again, so a new build is never read with an old one", () => withOwnServer({ headers: { "cache-control": "max-age=3600" } }, async ({ server, requests, page }) => {
  // A host that lets browsers keep every file for an hour: the second visit's preload of
  // the manifest is answered from the browser's cache, without asking the server.
  const manifests = () => requests.filter((r) => /\/search\/data\/sv\/manifest\.json$/.test(r.path));
  await page.goto(server.base + "search/?q=nyckel");
  await results(page);
  assert.equal(manifests().length, 1, "the first visit preloads the manifest once");
  await page.goto(server.base + "search/?q=digital");
  const found = await results(page);
  assert.ok(found.length > 0);
  assert.equal(manifests().length, 2, "the second visit asks the server again");
  assert.match(manifests()[1].cacheControl, /max-age=0|no-cache/, "and asks it past any cache");
}));

test("the number of results is announced in a live region", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/");
  const region = await page.$eval("#search-status", (el) => ({
    role: el.getAttribute("role"), live: el.getAttribute("aria-live"), text: el.textContent,
  }));
  assert.equal(region.role, "status");
  assert.equal(region.live, "polite");
  assert.equal(region.text, "", "nothing is announced before a search");
  await page.fill("#search-input", "nyckel");
  await page.press("#search-input", "Enter");
  await results(page);
  await page.waitForFunction(() => /träff/.test(document.querySelector("#search-status").textContent));
  const count = await page.locator("#search-results li").count();
  const said = await page.textContent("#search-status");
  assert.match(said, /^\d+ träff(ar)? för ”nyckel”\.$/);
  assert.ok(Number(said.match(/\d+/)[0]) >= count);
  await page.fill("#search-input", "finnsinteialls");
  await page.press("#search-input", "Enter");
  await page.waitForFunction(() => /Inga träffar/.test(document.querySelector("#search-status").textContent));
  assert.equal(await page.locator("#search-results li").count(), 0);
  await page.close();
});

test("more results are shown on request, and focus moves to the first of them", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=digital");
  const first = await results(page);
  assert.equal(first.length, 10, "ten results at first");
  assert.ok(await page.isVisible("#search-more"));
  await page.focus("#search-more");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 10);
  const focused = await page.evaluate(() => document.activeElement?.closest("li")
    ? [...document.querySelectorAll("#search-results li")].indexOf(document.activeElement.closest("li")) : -1);
  assert.equal(focused, 10, "focus is on the eleventh result");
  const status = await page.textContent("#search-status");
  assert.ok((await page.locator("#search-results li").count()) <= Number(status.match(/\d+/)[0]));
  await page.close();
});

test("the search box on another page lands on the results", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "bygglov/");
  await page.fill("#site-search", "ritningar");
  await page.press("#site-search", "Enter");
  await page.waitForURL(/\/search\/\?q=ritningar/);
  const found = await results(page);
  assert.ok(found.some((r) => r.url.includes("/bygglov/")), JSON.stringify(found));
  assert.equal(await page.inputValue("#search-input"), "ritningar", "the query carries over");
  await page.close();
});

test("another page's search box fetches ahead while the reader types, and the search page finds it", () => withOwnServer({ headers: { "cache-control": "max-age=600" } }, async ({ server, requests, page }) => {
  // A host that lets browsers keep files for ten minutes (as GitHub Pages does).
  const search = () => requests.filter((r) => /\/search\/data\/|search\.js/.test(r.path)).map((r) => r.path);
  const index = (paths) => paths.filter((p) => /\/search\/data\/sv\/[tpd]\//.test(p));
  await page.goto(server.base + "bygglov/");
  await page.waitForLoadState("networkidle");
  assert.deepEqual(search(), [], "nothing of search is fetched for a reader who does not search");
  await page.click("#site-search");
  await page.keyboard.type("nycklar hemtjänst", { delay: 40 });
  // Until the fetching ahead has settled.
  let seen = -1;
  while (seen !== search().length) {
    seen = search().length;
    await page.waitForTimeout(400);
  }
  const ahead = search();
  assert.ok(ahead.some((p) => /search\.js$/.test(p)), JSON.stringify(ahead));
  assert.ok(ahead.some((p) => /manifest\.json$/.test(p)), JSON.stringify(ahead));
  assert.ok(index(ahead).filter((p) => /\/[tp]\//.test(p)).length >= 2,
    `each word's shard or postings: ${JSON.stringify(ahead)}`);
  assert.ok(ahead.some((p) => /\/d\/\d+\.json/.test(p)),
    `and, once typing paused, the first results' own files: ${JSON.stringify(ahead)}`);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=nycklar/);
  const found = await results(page);
  const again = search().slice(ahead.length);
  assert.deepEqual(
    await page.evaluate(() => performance.getEntriesByType("resource")
      .filter((e) => /\/search\/data\/sv\/[tp]\//.test(e.name)).map((e) => e.name)),
    [], "the search page did not work the query out again: the box's answer was kept");
  assert.deepEqual(
    await page.evaluate(() => performance.getEntriesByType("resource")
      .filter((e) => /\/search\/data\/sv\/d\//.test(e.name)).map((e) => e.name)),
    [], "nor asked for what its first results show: that was kept with the answer");
  assert.deepEqual(index(again).filter((p) => ahead.includes(p)), [],
    "what was fetched ahead is not asked for again");
  assert.ok(!again.some((p) => /search\.js/.test(p)), "nor the script");
  // The same results as the link opened from nothing.
  const cold = await ctx.chrome.newPage();
  await cold.goto(ctx.server.base + "search/?q=" + encodeURIComponent("nycklar hemtjänst"));
  assert.deepEqual(found, await results(cold));
  await cold.close();
}));

test("an answer kept in the tab is used only for its own query and build of the index", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "bygglov/");
  const folder = await page.$eval("form[data-search-index]", (f) => f.getAttribute("data-search-index"));
  const cold = await ctx.chrome.newPage();
  await cold.goto(ctx.server.base + "search/?q=nyckel");
  const truth = await results(cold);
  const build = await cold.evaluate(async (f) => (await (await fetch(f + "manifest.json")).json()).build, folder);
  await cold.close();
  // An answer of one page only, which the real one is not: whether it was used shows.
  const bogus = { words: ["nyckel"], prefix: "nyckel", pages: [0], scores: [1] };
  assert.ok(truth.length > 1);
  for (const [kept, used] of [
    [{ folder, build, query: "nyckel", answer: bogus }, true],
    [{ folder, build: "an-earlier-build", query: "nyckel", answer: bogus }, false],
    [{ folder, build, query: "ritningar", answer: bogus }, false],
  ]) {
    await page.evaluate((k) => sessionStorage.setItem("signpost-search-answer", JSON.stringify(k)), kept);
    await page.goto(ctx.server.base + "search/?q=nyckel");
    const found = await results(page);
    if (used) assert.equal(found.length, 1, "kept for this query and build: used as it is");
    else assert.deepEqual(found, truth, JSON.stringify(kept));
    await page.goto(ctx.server.base + "bygglov/");
  }
  await page.close();
});

test("a manifest this tab checked moments ago is trusted: the box's search shows before the server answers for it", () => withHeldManifests(async ({ server, requests, held, page }) => {
  await page.goto(server.base + "bygglov/");
  await page.click("#site-search");
  await page.keyboard.type("nycklar hemtjänst", { delay: 40 });
  await page.waitForFunction(() => sessionStorage.getItem("signpost-search-answer"));
  held.hold();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=nycklar/);
  const found = await results(page);
  assert.ok(found.length > 0);
  assert.ok(held.on, "the results show while the server has not answered for the manifest");
  await page.waitForFunction(() => !/…/.test(document.getElementById("search-status").textContent));
  const asked = requests.length;
  held.release();
  await page.waitForLoadState("networkidle");
  assert.ok(held.waiting >= 1, "the search page did ask the server for the manifest");
  assert.deepEqual(requests.slice(asked).filter((r) => /\/[tpd]\//.test(r.path)), [],
    "the same build: nothing is asked again");
  assert.deepEqual(await results(page), found);
}));

test("a new build published since the tab checked the manifest replaces the answer of the earlier one", () => withHeldManifests(async ({ server, requests, held, page }) => {
  await page.goto(server.base + "search/?q=nyckel");
  await results(page);
  const cold = await ctx.chrome.newPage();
  await cold.goto(ctx.server.base + "search/?q=digital");
  const truth = await results(cold);
  await cold.close();
  // What the tab checked, as if a build ago: the files it names are asked for with that
  // build in their address.
  const build = await page.evaluate((key) => {
    const m = JSON.parse(sessionStorage.getItem(key));
    const real = m.build;
    m.build = "an-earlier-build";
    sessionStorage.setItem(key, JSON.stringify(m));
    sessionStorage.setItem(key + ":at", String(Date.now()));
    return real;
  }, await checkedKey(page));
  held.hold();
  await page.goto(server.base + "search/?q=digital");
  await results(page);
  assert.ok(held.on);
  const early = requests.filter((r) => /\/d\/\d+\.json\?v=an-earlier-build$/.test(r.path));
  assert.ok(early.length > 0, "the first results come with the build the tab checked");
  held.release();
  await page.waitForFunction((b) => performance.getEntriesByType("resource")
    .some((e) => e.name.includes("/d/") && e.name.endsWith("?v=" + b)), build);
  await page.waitForFunction(() => !/…/.test(document.getElementById("search-status").textContent));
  await page.waitForLoadState("networkidle");
  assert.deepEqual(await results(page), truth, "then those of the new build, asked again");
  assert.match(await page.textContent("#search-status"), /\d/, "and their number announced");
}));

test("a manifest checked longer ago is not trusted: the search waits for the server's", () => withHeldManifests(async ({ server, requests, held, page }) => {
  await page.goto(server.base + "search/?q=nyckel");
  await results(page);
  await page.evaluate((key) => {
    sessionStorage.setItem(key + ":at", String(Date.now() - 10 * 60 * 1000));
  }, await checkedKey(page));
  held.hold();
  const asked = requests.length;
  await page.goto(server.base + "search/?q=digital", { waitUntil: "domcontentloaded" });
  while (!held.waiting) await page.waitForTimeout(50);
  await page.waitForTimeout(500);
  assert.deepEqual(requests.slice(asked).filter((r) => /\/[tpd]\//.test(r.path)), [],
    "no file of the index before the manifest has come");
  assert.equal(await page.$$eval("#search-results li", (l) => l.length), 0);
  held.release();
  assert.ok((await results(page)).length > 0);
}));

test("search works with the keyboard alone", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base);
  // Tab from the top of the page to the header's search field.
  let focused = "";
  for (let i = 0; i < 5 && focused !== "site-search"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.id ?? "");
  }
  assert.equal(focused, "site-search", "the search field is reached by Tab");
  await page.keyboard.type("tolkar");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\/\?q=tolkar/);
  const found = await results(page);
  assert.ok(found.length > 0);
  // Tab on until the first result link has focus, then follow it with Enter.
  let href = null;
  for (let i = 0; i < 40 && href !== found[0].url; i++) {
    await page.keyboard.press("Tab");
    href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
  }
  assert.equal(href, found[0].url, "the first result is reachable by Tab");
  await Promise.all([page.waitForURL("**" + found[0].url), page.keyboard.press("Enter")]);
  await page.close();
});

test("without JavaScript the search page says so and links to the lists", async () => {
  const context = await ctx.chrome.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ctx.server.base + "search/?q=nyckel");
  const text = await page.textContent("main");
  assert.match(text, /behöver JavaScript/);
  assert.ok(await page.isHidden("#search-app"));
  for (const href of ["challenges/", "solutions/"]) {
    assert.equal(await page.locator(`main a[href="${sitePrefix()}${href}"]`).count(), 1, href);
  }
  await context.close();
});
