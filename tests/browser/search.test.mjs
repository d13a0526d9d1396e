// Search on the built sample guide, as a visitor uses it: Swedish words in their own
// inflections, filters, the search box on every page, and the keyboard alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePrefix, useSite } from "./lib.mjs";

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
