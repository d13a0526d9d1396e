// The browser's query words against the build's (tests/browser.rs writes what the Rust
// side gives): folding and the hand-written Swedish and English Snowball stemmers of
// assets/search.js (SignpostWords) must give the very terms the index was built with, on a
// large list of words (the guide's, the docs', the benchmark's vocabulary with the stemmers'
// endings added, and random strings).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { siteDir } from "./lib.mjs";

function cases() {
  const file = process.env.SEARCH_CASES;
  if (!file) throw new Error("SEARCH_CASES is not set: run these tests through `cargo test --test browser`");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** The site's own search script, run as a browser runs it (without a page, so only its
 * word and index parts). */
function words() {
  const context = vm.createContext({ TextEncoder });
  vm.runInContext(fs.readFileSync(path.join(siteDir(), "assets/search.js"), "utf8"), context);
  return context.SignpostWords;
}

function differences(pairs, f) {
  const wrong = [];
  for (const [input, want] of pairs) {
    const got = f(input);
    if (got !== want) wrong.push(`${JSON.stringify(input)}: browser ${JSON.stringify(got)}, build ${JSON.stringify(want)}`);
  }
  return wrong;
}

for (const lang of ["sv", "en"]) {
  test(`the ${lang} stemmer gives the build's stem for every word`, () => {
    const pairs = cases().stems[lang];
    assert.ok(pairs.length > 50000, `only ${pairs.length} words`);
    const wrong = differences(pairs, words().stem[lang]);
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${pairs.length} words differ`);
  });

  test(`a query word has the build's term in ${lang}`, () => {
    const pairs = cases().terms[lang];
    const w = words();
    const wrong = differences(pairs, (word) => w.term(word, lang));
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${pairs.length} words differ`);
  });
}

test("Swedish inflections share a term, as the index has them", () => {
  const w = words();
  assert.equal(w.term("nycklarna", "sv"), w.term("nycklar", "sv"));
  assert.equal(w.term("Tjänsterna", "sv"), "tjanst");
  assert.equal(w.term("keys", "en"), "key");
});
