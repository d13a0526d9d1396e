// The links that open the guide to people who never use git (issue #16), in the built
// sample guide (which has [repository] in config.toml): "Föreslå en ändring" on pages
// built from a file, "Har du en lösning?" on challenges, the invitation to propose a
// challenge on the home and open-challenges pages, and the feeds of open challenges. Each
// is reached with the keyboard alone, shows where focus is, and passes axe-core (the
// pages themselves are in a11y.test.mjs's axe run; here the sections are checked on every
// page that has them, in both languages). Nothing is followed: the git host is not loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { useSite } from "./lib.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const ctx = useSite();

const PAGES = [
  { path: "aldreomsorg/nyckelhantering-hemtjanst/", links: [".propose a", ".edit-link a"] },
  { path: "en/aldreomsorg/nyckelhantering-hemtjanst/", links: [".propose a", ".edit-link a"] },
  { path: "socialtjanst/tolkbokning/", links: [".propose a", ".edit-link a"] },
  { path: "", links: [".propose a", ".edit-link a"] },
  { path: "en/", links: [".propose a", ".edit-link a"] },
  { path: "open-challenges/", links: [".propose a", ".feed-link a"] },
  { path: "en/open-challenges/", links: [".propose a", ".feed-link a"] },
  { path: "aldreomsorg/", links: [".feed-link a[href$='open-challenges.xml']", ".edit-link a"] },
  { path: "tillganglighet/", links: [".edit-link a"] },
];

/** Presses Tab until focus has visited every element of `selectors` (or gives up), and
 * returns, per selector, whether focus reached it and how it looked when it had focus. */
async function tabTo(page, selectors) {
  const found = {};
  for (let i = 0; i < 400 && Object.keys(found).length < selectors.length; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate((sels) => {
      const el = document.activeElement;
      const sel = sels.find((s) => [...document.querySelectorAll(s)].includes(el));
      if (!sel) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        sel,
        href: el.getAttribute("href"),
        text: el.textContent.trim(),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== "none",
        background: style.backgroundColor,
        onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 1,
      };
    }, selectors);
    if (hit && !found[hit.sel]) found[hit.sel] = hit;
  }
  return found;
}

test("every proposal, edit and open-challenge feed link is reached by keyboard with visible focus", async (t) => {
  for (const p of PAGES) {
    await t.test(p.path || "home", async () => {
      const page = await ctx.chrome.newPage();
      const res = await page.goto(ctx.server.base + p.path);
      assert.equal(res.status(), 200);
      const found = await tabTo(page, p.links);
      for (const sel of p.links) {
        const hit = found[sel];
        assert.ok(hit, `${p.path}: Tab never reaches ${sel}`);
        assert.ok(hit.text.length > 3, `${sel} has a text: ${JSON.stringify(hit)}`);
        assert.ok(hit.onScreen, `${sel} is scrolled into view when focused`);
        assert.ok(hit.outline || hit.shadow, `${sel} shows focus: ${JSON.stringify(hit)}`);
        if (sel.startsWith(".propose") || sel.startsWith(".edit-link")) {
          assert.match(hit.href, /^https:\/\/github\.com\/kfvn\/digitaliseringsguiden\/(issues\/new\?template=|edit\/main\/content\/)/);
        }
      }
      // Enter on the proposal link would leave for the git host: the link is a plain link,
      // so the browser follows it like any other (no script in between).
      if (p.links.includes(".propose a")) {
        const onclick = await page.evaluate(() => document.querySelector(".propose a").onclick);
        assert.equal(onclick, null);
      }
      await page.close();
    });
  }
});

test("axe-core finds no WCAG 2.1 A/AA violations in the proposal and edit sections", async (t) => {
  for (const p of PAGES) {
    await t.test(p.path || "home", async () => {
      const page = await ctx.chrome.newPage();
      await page.goto(ctx.server.base + p.path);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run({ include: [[".propose"], [".edit-link"], [".feed-link"]] },
          { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      assert.ok(result.passes.length > 0, "axe checked the sections");
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target).join(" ")}`), []);
      await page.close();
    });
  }
});
