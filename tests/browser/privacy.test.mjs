// The privacy budget, in the browser: everything a page loads (styles, scripts, icons, the
// search index, images) comes from the site's own origin, so reading the guide tells no
// third party anything. The size budget (gzip per file) is tested in tests/build.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePrefix, open, useSite } from "./lib.mjs";

const ctx = useSite({ kinds: true });

/** A fresh page that records every request and WebSocket it makes. */
async function recorded() {
  const context = await ctx.chrome.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("websocket", (ws) => requests.push(ws.url()));
  return { context, page, requests };
}

function foreign(requests) {
  // data: and blob: URLs are made in the page itself and go nowhere.
  return requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== ctx.server.origin);
}

test("every request a page makes goes to the site's own origin", async (t) => {
  for (const p of ctx.pages) {
    await t.test(`${p.kind} (${p.path || "home"})`, async () => {
      const { context, page, requests } = await recorded();
      await open(page, ctx.server.base, p);
      await page.waitForLoadState("networkidle");
      assert.ok(requests.length > 1, "the page and its resources were requested");
      assert.deepEqual(foreign(requests), [], `${p.kind} requests other origins: ${foreign(requests).join(", ")}`);
      await context.close();
    });
  }
});

test("searching, filtering and loading more results stay on the site's own origin", async () => {
  const { context, page, requests } = await recorded();
  await open(page, ctx.server.base, { kind: "search", path: "search/?q=digital", ready: "#search-results li a" });
  await page.locator("#search-filters input[type=checkbox]").first().check();
  await page.waitForLoadState("networkidle");
  await page.fill("#search-input", "e-tjänst");
  await page.press("#search-input", "Enter");
  await page.waitForSelector("#search-results li a", { timeout: 15000 });
  if (await page.isVisible("#search-more")) await page.click("#search-more");
  await page.waitForLoadState("networkidle");
  assert.ok(requests.some((u) => u.includes("/search/data/sv/")), "the search index was loaded");
  assert.deepEqual(foreign(requests), [], `search requests other origins: ${foreign(requests).join(", ")}`);
  await context.close();
});
