// Accessibility of the built sample guide in headless Chromium: axe-core on one page of
// every kind (WCAG 2.0 and 2.1, levels A and AA), then what axe cannot see: the skip link
// is the first Tab stop and works, focus is visible on links and buttons, nothing scrolls
// sideways at 320 px, and every page reads without JavaScript. The accessibility statement
// (content/tillganglighet.md) says what these tests check; keep the two in step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { sitePrefix, open, useSite } from "./lib.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, "320 px": { width: 320, height: 640 } };

const ctx = useSite({ kinds: true });
// A generated guide whose lists are split into many pages: the pager on every kind of list.
const paged = useSite({ kinds: true, paged: true });

/** A readable list of axe's violations: rule, impact, help, and where. */
function describe(violations) {
  return violations.map((v) =>
    `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
    v.nodes.map((n) => `    element ${n.target.join(" ")}: ${n.failureSummary.replace(/\n\s*/g, " ")}`).join("\n"),
  ).join("\n");
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate((values) =>
    window.axe.run(document, { runOnly: { type: "tag", values } }), WCAG_TAGS);
}

test("axe-core finds no WCAG 2.1 A/AA violations on any kind of page", async (t) => {
  for (const p of ctx.pages) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await t.test(`${p.kind} (${p.path || "home"}), ${name}`, async () => {
        const page = await ctx.chrome.newPage({ viewport });
        await open(page, ctx.server.base, p);
        const result = await axe(page);
        assert.ok(result.passes.length > 0, "axe ran its checks");
        assert.equal(result.violations.length, 0,
          `axe-core violations on ${p.kind} (${p.path}) at ${name}:\n${describe(result.violations)}`);
        await page.close();
      });
    }
  }
});

test("axe-core finds no WCAG 2.1 A/AA violations on the pages of lists split into pages", async (t) => {
  for (const p of paged.pages) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await t.test(`${p.kind} (${p.path}), ${name}`, async () => {
        const page = await paged.chrome.newPage({ viewport });
        await open(page, paged.server.base, p);
        assert.equal(await page.locator("nav.pager a[aria-current=page]").count(), 1, "a pager");
        const result = await axe(page);
        assert.ok(result.passes.length > 0, "axe ran its checks");
        assert.equal(result.violations.length, 0,
          `axe-core violations on ${p.kind} (${p.path}) at ${name}:\n${describe(result.violations)}`);
        await page.close();
      });
    }
  }
});

test("the first Tab reaches the skip link, and it moves focus to the main content", async (t) => {
  for (const p of ctx.pages) {
    await t.test(p.kind, async () => {
      const page = await ctx.chrome.newPage();
      await open(page, ctx.server.base, p);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el.getBoundingClientRect();
        return {
          cls: el.className, href: el.getAttribute("href"), text: el.textContent.trim(),
          onScreen: box.top >= 0 && box.left >= 0 && box.width > 1 && box.height > 1 &&
            box.bottom <= innerHeight && box.right <= innerWidth,
        };
      });
      assert.equal(first.cls, "skip-link", `the first Tab stop is the skip link, not ${JSON.stringify(first)}`);
      assert.equal(first.href, "#main");
      assert.ok(first.text.length > 0, "the skip link has a text");
      assert.ok(first.onScreen, "the focused skip link is shown on screen");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "main", null, { timeout: 5000 });
      assert.ok(page.url().endsWith("#main"));
      // The next Tab goes on inside the main content, not back to the header.
      await page.keyboard.press("Tab");
      const inMain = await page.evaluate(() =>
        document.getElementById("main").contains(document.activeElement));
      assert.ok(inMain, "after the skip link, Tab continues in the main content");
      await page.close();
    });
  }
});

/** The focus indicator's properties of the element `handle` points at, and the contrast of
 * its text on its own background (null when the background is not opaque). */
function focusStyle(handle) {
  return handle.evaluate((el) => {
    const s = getComputedStyle(el);
    const rgba = (c) => (c.match(/[\d.]+/g) || []).map(Number);
    const luminance = ([r, g, b]) => [r, g, b]
      .map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [fg, bg] = [rgba(s.color), rgba(s.backgroundColor)];
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const size = parseFloat(s.fontSize);
    return {
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      boxShadow: s.boxShadow, background: s.backgroundColor, color: s.color,
      outlineVisible: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
      contrast: bg.length === 4 && bg[3] < 1 ? null : (l1 + 0.05) / (l2 + 0.05),
      large: size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700),
    };
  });
}

/** Presses Tab until the focused element matches `selector`; returns its handle. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) {
      return page.evaluateHandle(() => document.activeElement);
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("focus is visible on links and buttons", async (t) => {
  const targets = [
    { where: "", what: "the site title", selector: ".site-title" },
    { where: "", what: "a link in the main navigation", selector: ".main-nav a" },
    { where: "aldreomsorg/", what: "the current area in the main navigation", selector: ".main-nav a[aria-current]" },
    { where: "aldreomsorg/nyckelhantering-hemtjanst/", what: "a breadcrumb", selector: ".breadcrumbs a" },
    { where: "", what: "a link in the main content", selector: "main a" },
    { where: "", what: "a link in the footer", selector: ".site-footer a" },
    { where: "", what: "the search button in the header", selector: ".site-header button" },
    { where: "search/?q=nyckel", what: "the search page's button", selector: "main button", ready: "#search-results li a" },
    { where: "search/?q=nyckel", what: "a search result", selector: "#search-results a", ready: "#search-results li a" },
  ];
  const pager = [
    { where: "challenges/page/2/", what: "a page number in the pager", selector: "nav.pager li.pager-item a:not([aria-current])", site: paged },
    { where: "challenges/page/2/", what: "this page's number in the pager", selector: "nav.pager a[aria-current=page]", site: paged },
    { where: "challenges/page/2/", what: "the pager's next link", selector: "nav.pager a[rel=next]", site: paged },
  ];
  for (const target of [...targets, ...pager]) {
    await t.test(target.what, async () => {
      const site = target.site ?? ctx;
      const page = await site.chrome.newPage();
      await open(page, site.server.base, { kind: target.what, path: target.where, ready: target.ready });
      const element = await tabTo(page, target.selector);
      const focused = await focusStyle(element);
      await element.evaluate((el) => el.blur());
      const resting = await focusStyle(element);
      assert.ok(focused.outlineVisible || focused.boxShadow !== "none",
        `focused ${target.what} has an outline or a shadow: ${JSON.stringify(focused)}`);
      assert.notDeepEqual(
        { outline: focused.outline, boxShadow: focused.boxShadow },
        { outline: resting.outline, boxShadow: resting.boxShadow },
        `${target.what} looks different with focus`);
      // WCAG 1.4.3: the focus style must not make the text itself unreadable.
      if (focused.contrast !== null) {
        const needed = focused.large ? 3 : 4.5;
        assert.ok(focused.contrast >= needed,
          `focused ${target.what}: text contrast ${focused.contrast.toFixed(2)}:1 < ${needed}:1 ` +
          `(${focused.color} on ${focused.background})`);
      }
      await page.close();
    });
  }
});

test("no page scrolls sideways at 320 px", async (t) => {
  const all = [...ctx.pages.map((p) => [ctx, p]), ...paged.pages.map((p) => [paged, p])];
  for (const [site, p] of all) {
    await t.test(p.kind, async () => {
      const page = await site.chrome.newPage({ viewport: VIEWPORTS["320 px"] });
      await open(page, site.server.base, p);
      const widths = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth, body: document.body.scrollWidth,
        // The outermost elements that stick out, to say what to fix.
        wide: [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((el, _, all) => !all.includes(el.parentElement))
          .slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")),
      }));
      assert.ok(widths.document <= 320 && widths.body <= 320,
        `${p.kind} is ${widths.document} px wide at 320 px; too wide: ${widths.wide.join(", ")}`);
      await page.close();
    });
  }
});

/** What a reader gets from `main`: its visible text and its links. Notices that the page's
 * script may reveal (a review date passed since the build) are left out. */
function readable(page) {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return null;
    const copy = main.cloneNode(true);
    copy.querySelectorAll("[data-overdue-notice]").forEach((el) => el.remove());
    // innerText needs the copy rendered to leave out what CSS hides.
    copy.style.cssText = "position:absolute;left:-99999px;top:0;width:60rem";
    document.body.append(copy);
    const text = copy.innerText.replace(/\s+/g, " ").trim();
    copy.remove();
    return {
      h1: main.querySelector("h1")?.textContent.trim(),
      text,
      links: [...main.querySelectorAll("a[href]")].filter((a) => a.offsetParent !== null)
        .map((a) => a.getAttribute("href")),
    };
  });
}

test("every page reads without JavaScript", async (t) => {
  const noJs = await ctx.chrome.newContext({ javaScriptEnabled: false });
  try {
    for (const p of ctx.pages) {
      await t.test(p.kind, async () => {
        const page = await noJs.newPage();
        await open(page, ctx.server.base, { ...p, ready: undefined });
        const without = await readable(page);
        await page.close();
        assert.ok(without, `${p.kind} has a main element without JavaScript`);
        assert.ok(without.h1, `${p.kind} has a heading without JavaScript`);
        if (p.kind === "search") {
          // The results need JavaScript; the page says so and offers the lists instead.
          assert.match(without.text, /JavaScript/);
          assert.ok(without.links.some((h) => h.endsWith("/challenges/")), "links to the lists");
          return;
        }
        const withJs = await ctx.chrome.newPage();
        await open(withJs, ctx.server.base, p);
        const scripted = await readable(withJs);
        await withJs.close();
        assert.ok(without.text.length > 200, `${p.kind} has its text without JavaScript`);
        assert.equal(without.text, scripted.text, `${p.kind} shows the same text without JavaScript`);
        assert.deepEqual(without.links, scripted.links, `${p.kind} has the same links without JavaScript`);
      });
    }
  } finally {
    await noJs.close();
  }
});
