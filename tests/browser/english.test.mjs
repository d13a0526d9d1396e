// The English site's search finds English pages, with English stemming.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePrefix, useSite } from "./lib.mjs";

const ctx = useSite();

test("an English query on the English search page finds the English page", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "en/search/?q=" + encodeURIComponent("keys"));
  await page.waitForSelector("#search-results li a", { timeout: 15000 });
  const urls = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
  assert.equal(urls[0], sitePrefix() + "en/aldreomsorg/nyckelhantering-hemtjanst/", JSON.stringify(urls));
  assert.ok(urls.every((u) => u.startsWith(sitePrefix() + "en/")), "only English pages: " + JSON.stringify(urls));
  assert.match(await page.textContent("#search-status"), /results? for/);
  await page.close();
});

test("the Swedish search page does not return English pages", async () => {
  const page = await ctx.chrome.newPage();
  await page.goto(ctx.server.base + "search/?q=" + encodeURIComponent("nycklar"));
  await page.waitForSelector("#search-results li a", { timeout: 15000 });
  const urls = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
  assert.ok(urls.every((u) => !u.startsWith(sitePrefix() + "en/")), JSON.stringify(urls));
  await page.close();
});
