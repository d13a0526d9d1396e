// Lists split into pages, on a generated guide whose lists have many pages (tests/browser.rs
// builds it): a keyboard user follows the pager from page to page, the current page is
// marked with aria-current and named in the title, and it all works without JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite } from "./lib.mjs";

const paged = useSite({ paged: true });

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
async function tabTo(page, selector, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Where the page is, as the reader is told: title, the status by the heading, and the
 * pager's current page. */
function whereAmI(page) {
  return page.evaluate(() => {
    const current = [...document.querySelectorAll("nav.pager [aria-current]")];
    return {
      path: location.pathname,
      title: document.title,
      status: document.querySelector("main .pager-status")?.textContent.trim(),
      current: current.map((a) => ({ text: a.textContent.trim(), label: a.getAttribute("aria-label"), value: a.getAttribute("aria-current") })),
      next: document.querySelector("nav.pager a[rel=next]")?.getAttribute("href") ?? null,
      cards: document.querySelectorAll("main .card").length,
    };
  });
}

test("a keyboard user follows the pager from the first page to the last", async () => {
  const page = await paged.chrome.newPage();
  const base = paged.server.base;
  const prefix = new URL(base).pathname;
  await page.goto(base + "challenges/");
  let here = await whereAmI(page);
  const count = Number(here.status.match(/av (\d+)$/)[1]);
  assert.ok(count > 10, `the list has many pages: ${here.status}`);
  assert.deepEqual(here.current, [{ text: "1", label: "Sida 1", value: "page" }]);
  assert.equal(here.title, `Alla utmaningar – sida 1 av ${count} – Genererad guide`);

  // Tab to "Nästa", press Enter: page 2.
  await tabTo(page, "nav.pager a[rel=next]");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Nästa");
  await Promise.all([page.waitForURL(`**${prefix}challenges/page/2/`), page.keyboard.press("Enter")]);
  here = await whereAmI(page);
  assert.equal(here.title, `Alla utmaningar – sida 2 av ${count} – Genererad guide`);
  assert.equal(here.status, `Sida 2 av ${count}`);
  assert.deepEqual(here.current, [{ text: "2", label: "Sida 2", value: "page" }]);
  assert.equal(here.cards, 5);

  // The pager names the last page: Tab to it, Enter.
  await tabTo(page, `nav.pager li.pager-item a[aria-label="Sida ${count}"]`);
  await Promise.all([page.waitForURL(`**${prefix}challenges/page/${count}/`), page.keyboard.press("Enter")]);
  here = await whereAmI(page);
  assert.equal(here.title, `Alla utmaningar – sida ${count} av ${count} – Genererad guide`);
  assert.deepEqual(here.current, [{ text: String(count), label: `Sida ${count}`, value: "page" }]);
  assert.equal(here.next, null, "the last page has no next page");

  // And back with "Föregående".
  await tabTo(page, "nav.pager a[rel=prev]");
  await Promise.all([page.waitForURL(`**${prefix}challenges/page/${count - 1}/`), page.keyboard.press("Enter")]);
  here = await whereAmI(page);
  assert.equal(here.status, `Sida ${count - 1} av ${count}`);
  await page.close();
});

test("the pager stays short, and its plain links work without JavaScript", async () => {
  const noJs = await paged.chrome.newContext({ javaScriptEnabled: false });
  try {
    const page = await noJs.newPage();
    await page.goto(paged.server.base + "challenges/page/6/");
    const items = await page.locator("nav.pager li").allTextContents();
    assert.deepEqual(items.map((s) => s.trim()).slice(0, 3), ["Föregående", "1", "…"]);
    assert.ok(items.length <= 11, `a short pager: ${items}`);
    // Plain links: following the next one works without JavaScript.
    await Promise.all([page.waitForURL("**/challenges/page/7/"), page.locator("nav.pager a[rel=next]").click()]);
    assert.match(await page.title(), /^Alla utmaningar – sida 7 av \d+ – /);
    await page.close();
  } finally {
    await noJs.close();
  }
});
