// signpost search, in one file (one request, nothing to build): the search page's script.
// Three parts, each in its own function:
//
// - SignpostWords: a query word as the index has it (the rules of src/search/words.rs);
// - SignpostSearch: reads a language's index (the files src/search/format.rs describes)
//   and answers queries by the rules of src/search/query.rs;
// - the search page itself, when there is a page (the tests also run the first two parts
//   in Node);
// - another page's search box: signpost.js loads this script there once the reader starts
//   to use the box, and it fetches ahead what the query will need.
//
// It is one file because each request costs a phone on a slow network a round trip: the
// three parts were three files until issue #15 measured the time to the first results.

// ---- SignpostWords ----
// signpost search: a query word as the index has it. The same rules as the build
// (src/search/words.rs): letters, digits and "_" kept, lowercased, diacritics stripped,
// then stemmed by the Snowball algorithm of the index's language. The Swedish and English
// (Porter2) stemmers are written here from the Snowball algorithms' descriptions
// (snowballstem.org), the versions the build's Rust stemmers implement;
// tests/browser/search-words.test.mjs holds them to the Rust stemmers' output on a large
// list of words. Positions are in characters (code points).
(function (root) {
  "use strict";

  var KEPT = /[\p{Alphabetic}\p{N}_]/u;
  var MARK = /\p{M}/gu;

  function fold(raw) {
    var out = "";
    for (var c of raw) {
      if (KEPT.test(c)) out += c.toLowerCase().normalize("NFD").replace(MARK, "");
    }
    return out;
  }

  function endsWith(w, end, s) {
    // Whether w[0..end) ends with s.
    if (s.length > end) return false;
    for (var i = 0; i < s.length; i++) {
      if (w[end - s.length + i] !== s[i]) return false;
    }
    return true;
  }

  // The longest of `list` that w[0..end) ends with, its start at or after `limit`.
  function longest(w, end, list, limit) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (end - s.length >= limit && endsWith(w, end, s) && (!best || s.length > best.length)) best = s;
    }
    return best;
  }

  // ---- Swedish ----

  var SV_V = "aeiouyäåö";
  var SV_S_ENDING = "bcdfghjklmnoprtvy";
  var SV_OST_ENDING = "iklnprtuv";
  var SV_MAIN = ["a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are",
    "aste", "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "s", "as", "arnas",
    "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens", "erns", "at", "et",
    "andet", "het", "ast"];
  var SV_NOT_ET = ["fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit"];
  var SV_PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  var SV_OTHER = ["ig", "lig", "els", "fullt", "öst"];

  function svVowel(c) { return c !== undefined && SV_V.indexOf(c) !== -1; }

  // "et" may go when the word before it ends in a consonant after a vowel, with more before
  // them, and not in one of SV_NOT_ET.
  function svEtCondition(w, at) {
    if (at < 3) return false;
    if (svVowel(w[at - 1]) || !svVowel(w[at - 2])) return false;
    for (var i = 0; i < SV_NOT_ET.length; i++) {
      if (endsWith(w, at, SV_NOT_ET[i])) return false;
    }
    return true;
  }

  function stemSv(word) {
    var w = Array.from(word);
    if (w.length < 3) return word;
    // R1: after the first consonant that follows a vowel, at least 3 characters in.
    var p1 = w.length;
    var i = 0;
    while (i < w.length && !svVowel(w[i])) i++;
    i++;
    while (i < w.length && svVowel(w[i])) i++;
    if (i < w.length) p1 = Math.max(i + 1, 3);
    var end = w.length;

    var s = longest(w, end, SV_MAIN, p1);
    if (s) {
      var at = end - s.length;
      if (s === "s") {
        if (endsWith(w, at, "et") && svEtCondition(w, at - 2)) end = at - 2;
        else if (at > 0 && SV_S_ENDING.indexOf(w[at - 1]) !== -1) end = at;
      } else if (s === "et") {
        if (svEtCondition(w, at)) end = at;
      } else {
        end = at;
      }
      w.length = end;
    }
    if (longest(w, end, SV_PAIRS, p1)) {
      end -= 1;
      w.length = end;
    }
    s = longest(w, end, SV_OTHER, p1);
    if (s) {
      at = end - s.length;
      if (s === "öst") {
        if (at > 0 && SV_OST_ENDING.indexOf(w[at - 1]) !== -1) w.splice(at, 3, "ö", "s");
      } else if (s === "fullt") {
        w.length = end - 1;
      } else {
        w.length = at;
      }
    }
    return w.join("");
  }

  // ---- English (Porter2) ----

  var EN_EXCEPTIONS = { skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli",
    early: "earli", only: "onli", singly: "singl", andes: "andes", atlas: "atlas", bias: "bias",
    cosmos: "cosmos", howe: "howe", news: "news", sky: "sky" };
  var EN_PREFIXES = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past",
    "univers"];
  var EN_STEP2 = { anci: "ance", enci: "ence", ogi: "og", li: "", bli: "ble", abli: "able",
    alli: "al", fulli: "ful", lessli: "less", ousli: "ous", entli: "ent", aliti: "al",
    biliti: "ble", iviti: "ive", tional: "tion", ational: "ate", alism: "al", ation: "ate",
    ization: "ize", izer: "ize", ator: "ate", iveness: "ive", fulness: "ful", ousness: "ous",
    ogist: "og" };
  var EN_STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic",
    tional: "tion", ational: "ate", ful: "", ness: "" };
  var EN_STEP4 = ["ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism",
    "ion", "er", "ous", "ant", "ent", "ment", "ement"];
  var EN_VALID_LI = "cdeghkmnrt";
  var EN_DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

  function enVowel(c) { return c !== undefined && "aeiouy".indexOf(c) !== -1; }

  // A short syllable ends at `end`: consonant (not w, x, Y), vowel, consonant; or a vowel
  // and a consonant that start the word; or "past".
  function enShortV(w, end) {
    var c = w[end - 1], v = w[end - 2], b = w[end - 3];
    if (end >= 3 && !enVowel(c) && "wxY".indexOf(c) === -1 && enVowel(v) && !enVowel(b)) return true;
    if (end === 2 && !enVowel(c) && enVowel(v)) return true;
    return endsWith(w, end, "past");
  }

  // The position after the first consonant that follows a vowel at or after `from`.
  function enRegion(w, from) {
    var i = from;
    while (i < w.length && !enVowel(w[i])) i++;
    i++;
    while (i < w.length && enVowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }

  function hasVowel(w, end) {
    for (var i = 0; i < end; i++) if (enVowel(w[i])) return true;
    return false;
  }

  function stemEn(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, word)) return EN_EXCEPTIONS[word];
    var w = Array.from(word);
    if (w.length < 3) return word;
    if (w[0] === "'") w.shift();
    var yFound = false;
    for (var i = 0; i < w.length; i++) {
      if (w[i] === "y" && (i === 0 || enVowel(w[i - 1]))) { w[i] = "Y"; yFound = true; }
    }
    var p1 = w.length, p2 = w.length;
    var prefix = null;
    for (i = 0; i < EN_PREFIXES.length; i++) {
      var pre = EN_PREFIXES[i];
      if (w.length >= pre.length && w.slice(0, pre.length).join("") === pre) prefix = pre;
    }
    if (prefix) p1 = prefix.length;
    else p1 = enRegion(w, 0);
    p2 = p1 < w.length ? enRegion(w, p1) : w.length;
    var end = w.length;
    var s, at;

    // Step 1a
    s = longest(w, end, ["'", "'s'", "'s"], 0);
    if (s) { end -= s.length; w.length = end; }
    s = longest(w, end, ["sses", "ied", "ies", "s", "ss", "us"], 0);
    if (s) {
      at = end - s.length;
      if (s === "sses") { w.length = at; w.push("s", "s"); }
      else if (s === "ied" || s === "ies") {
        w.length = at;
        if (at >= 2) w.push("i"); else w.push("i", "e");
      } else if (s === "s") {
        if (at >= 1 && hasVowel(w, at - 1)) w.length = at;
      }
      end = w.length;
    }

    // Step 1b
    s = longest(w, end, ["ed", "eed", "ing", "edly", "eedly", "ingly"], 0);
    if (s) {
      at = end - s.length;
      var remove = false;
      if (s === "eed" || s === "eedly") {
        if (at >= p1) {
          var stemPart = w.slice(0, at).join("");
          if (stemPart !== "succ" && stemPart !== "proc" && stemPart !== "exc") {
            w.length = at; w.push("e", "e");
          }
        }
      } else if (s === "ing") {
        var before = w.slice(0, at).join("");
        if (at === 2 && w[1] === "y" && !enVowel(w[0])) {
          w.length = 1; w.push("i", "e");
        } else if (!["even", "cann", "inn", "earr", "herr", "out"].includes(before)) {
          remove = true;
        }
      } else {
        remove = true;
      }
      if (remove && hasVowel(w, at)) {
        w.length = at;
        end = at;
        if (longest(w, end, ["at", "bl", "iz"], 0)) {
          w.push("e");
        } else if (end >= 2 && longest(w, end, EN_DOUBLES, 0)) {
          if (!(end === 3 && "aeo".indexOf(w[0]) !== -1)) w.length = end - 1;
        } else if (end === p1 && enShortV(w, end)) {
          w.push("e");
        }
      }
      end = w.length;
    }

    // Step 1c
    if (end >= 3 && (w[end - 1] === "y" || w[end - 1] === "Y") && !enVowel(w[end - 2])) {
      w[end - 1] = "i";
    }

    // Step 2
    s = longest(w, end, Object.keys(EN_STEP2), 0);
    if (s && end - s.length >= p1) {
      at = end - s.length;
      if (s === "ogi") {
        if (at > 0 && w[at - 1] === "l") { w.length = at; w.push("o", "g"); }
      } else if (s === "li") {
        if (at > 0 && EN_VALID_LI.indexOf(w[at - 1]) !== -1) w.length = at;
      } else {
        w.length = at;
        w.push.apply(w, Array.from(EN_STEP2[s]));
      }
      end = w.length;
    }

    // Step 3
    s = longest(w, end, Object.keys(EN_STEP3), 0);
    if (s && end - s.length >= p1) {
      at = end - s.length;
      if (s !== "ative" || at >= p2) {
        w.length = at;
        w.push.apply(w, Array.from(EN_STEP3[s]));
      }
      end = w.length;
    }

    // Step 4
    s = longest(w, end, EN_STEP4, 0);
    if (s && end - s.length >= p2) {
      at = end - s.length;
      if (s !== "ion" || (at > 0 && (w[at - 1] === "s" || w[at - 1] === "t"))) w.length = at;
      end = w.length;
    }

    // Step 5
    if (end >= 1 && w[end - 1] === "e") {
      at = end - 1;
      if (at >= p2 || (at >= p1 && !enShortV(w, at))) w.length = at;
    } else if (end >= 2 && w[end - 1] === "l" && end - 1 >= p2 && w[end - 2] === "l") {
      w.length = end - 1;
    }

    var out = w.join("");
    return yFound ? out.replace(/Y/g, "y") : out;
  }

  var STEMMERS = { sv: stemSv, en: stemEn };

  // The term a query word is looked up as, or "" when nothing of it is kept.
  function term(word, stemmer) {
    var folded = fold(word);
    if (!folded) return "";
    var stem = STEMMERS[stemmer];
    return stem ? stem(folded) : folded;
  }

  root.SignpostWords = { fold: fold, term: term, stem: STEMMERS };
})(typeof self !== "undefined" ? self : globalThis);

// ---- SignpostSearch ----
// signpost search: reads a language's index (the files src/search/format.rs describes)
// and answers queries by the rules of src/search/query.rs, which answers them in Rust for
// the tests. Everything is fetched from the index's own folder on the site, only when a
// query needs it: the manifest, one vocabulary shard per word, a common word's postings,
// a chosen filter's pages, and the files of the results shown.
(function (root) {
  "use strict";

  var MAX_WORDS = 8;
  var PREFIX_CHARS = 3;
  var PREFIX_FILES = 2;
  var FORMAT = 3;
  var utf8 = new TextEncoder();
  var EDGES = /^([^\p{L}\p{N}_]*)(.*?)([^\p{L}\p{N}_]*)$/su;

  function Reader(bytes) { this.b = bytes; this.at = 0; }
  Reader.prototype.byte = function () {
    if (this.at >= this.b.length) throw new Error("the file ends too soon");
    return this.b[this.at++];
  };
  Reader.prototype.varint = function () {
    var n = 0, mul = 1, b;
    do {
      b = this.byte();
      n += (b & 0x7f) * mul;
      mul *= 128;
    } while (b >= 0x80);
    return n;
  };
  Reader.prototype.take = function (n) {
    if (this.at + n > this.b.length) throw new Error("the file ends too soon");
    var s = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return s;
  };
  // `count` page numbers written as gaps, into `out` from `from`.
  Reader.prototype.gaps = function (count) {
    var out = new Uint32Array(count), next = 0;
    for (var i = 0; i < count; i++) {
      var p = next + this.varint();
      out[i] = p;
      next = p + 1;
    }
    return out;
  };
  Reader.prototype.set = function (pages) {
    var mode = this.byte();
    if (mode === 0) return this.gaps(this.varint());
    if (mode === 2) return missing(this.gaps(this.varint()), pages);
    if (mode !== 1) throw new Error("unknown set mode " + mode);
    var bits = this.take(Math.ceil(pages / 8)), out = [];
    for (var i = 0; i < bits.length; i++) {
      var b = bits[i];
      if (!b) continue;
      for (var bit = 0; bit < 8; bit++) if (b & (1 << bit)) out.push(i * 8 + bit);
    }
    return Uint32Array.from(out);
  };

  // The pages of 0..pages not in `absent` (ascending).
  function missing(absent, pages) {
    if (absent.length > pages) throw new Error("more pages missing than there are");
    var out = new Uint32Array(pages - absent.length), j = 0, k = 0;
    for (var p = 0; p < pages; p++) {
      if (j < absent.length && absent[j] === p) j++;
      else out[k++] = p;
    }
    return out;
  }

  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  function startsWith(a, prefix) {
    if (a.length < prefix.length) return false;
    for (var i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
    return true;
  }

  function Index(folder) {
    this.folder = folder;
    this.manifest = null;
    this.files = new Map();
  }

  // A manifest checked with the server is kept for the tab (sessionStorage, never sent
  // anywhere), and trusted for TRUST_MS after: the search page that another page's search
  // box opens, or the next page's box, starts its query with it at once rather than a
  // round trip later (the files it names carry its build in their address, and most are in
  // the browser's cache already), and checks it with the server beside the query. Should
  // a new build have been published in those moments, the index takes the new manifest,
  // forgets the files it read, and calls `renewed`: the search page asks its query again,
  // so an answer of the earlier build shows for a round trip at most.
  var CHECKED = "signpost-search-manifest";
  var TRUST_MS = 60000;

  Index.prototype.open = function () {
    var self = this;
    if (!this.opening) {
      var trusted = this.trusted();
      var checking = this.check();
      if (trusted) {
        this.opening = Promise.resolve(this.use(trusted));
        checking.then(function (m) {
          if (m.build === self.manifest.build) return;
          self.files.clear();
          self.use(m);
          if (self.renewed) self.renewed();
        }).catch(function () { /* the trusted one stays */ });
      } else {
        this.opening = checking.then(function (m) { return self.use(m); });
        this.opening.catch(function () { self.opening = null; });
      }
    }
    return this.opening;
  };

  // The manifest this tab checked less than TRUST_MS ago, or null.
  Index.prototype.trusted = function () {
    try {
      var key = CHECKED + ":" + this.folder;
      var age = Date.now() - Number(root.sessionStorage.getItem(key + ":at"));
      if (!(age >= 0 && age < TRUST_MS)) return null;
      var m = JSON.parse(root.sessionStorage.getItem(key));
      return m.format === FORMAT ? m : null;
    } catch (e) {
      return null;
    }
  };

  // Takes manifest `m` as the index's.
  Index.prototype.use = function (m) {
    if (m.format !== FORMAT) throw new Error("search index format " + m.format);
    this.manifest = m;
    // Each shard's first term as bytes, encoded when a lookup first compares with it (a
    // dozen of a few thousand per word).
    this.starts = new Array(m.shards.length);
    var common = this.common = new Map();
    (m.common || []).forEach(function (c) { common.set(c[0], { df: c[1], file: c[2] }); });
    return m;
  };

  // The manifest, from the server (kept for the tab once it has come).
  Index.prototype.check = function () {
    var self = this;
    var url = new URL(this.folder + "manifest.json", root.location.href).href;
    var load = function () {
      return fetch(url, { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error("no search index at " + self.folder);
        return r.text();
      }).then(function (text) {
        var m = JSON.parse(text);
        var key = CHECKED + ":" + self.folder;
        try {
          root.sessionStorage.setItem(key, text);
          root.sessionStorage.setItem(key + ":at", String(Date.now()));
        } catch (e) { /* no storage, or full: the next page asks the server first */ }
        return m;
      });
    };
    // The search page preloads the manifest, and the fetch above takes that response. A
    // preload may come from the browser's cache without asking the server (nothing
    // transferred), and an earlier build's manifest does not fit this build's files: then
    // it is asked for again, from the server. When the preload has already come from the
    // cache (the reader came from another page's search box, which fetched it), it is
    // taken unread and the server asked at once; else it is read, and looked at after.
    var cached = function () {
      var seen = root.performance.getEntriesByName(url);
      return seen.length > 0 && seen[0].transferSize === 0 && seen[0].decodedBodySize > 0;
    };
    return cached()
      ? fetch(url, { cache: "no-cache" }).then(function (r) {
        if (r.body) r.body.cancel();
      }).catch(function () {}).then(load)
      : load().then(function (m) { return cached() ? load() : m; });
  };

  // A file of the index, fetched once: its bytes, or with `json` its value.
  Index.prototype.file = function (path, json) {
    var self = this;
    if (!this.files.has(path)) {
      var p = fetch(this.folder + path + "?v=" + this.manifest.build).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return json ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
      p.catch(function () { if (self.files.get(path) === p) self.files.delete(path); });
      this.files.set(path, p);
    }
    return this.files.get(path);
  };

  // The query's words as the index has them.
  Index.prototype.words = function (query) {
    var out = [];
    var tokens = query.split(/\s+/u);
    for (var i = 0; i < tokens.length && out.length < MAX_WORDS; i++) {
      var t = root.SignpostWords.term(tokens[i], this.manifest.stemmer);
      if (t && out.indexOf(t) === -1) out.push(t);
    }
    return out;
  };

  // The terms of shards that a word matches: [{term, df, inline: {pages, impacts} | file}].
  function scanShards(shards, word, prefix) {
    var exact = [], completions = [];
    shards.forEach(function (bytes) { scanShard(bytes, word, prefix, exact, completions); });
    // Of the completions kept in files of their own, only those on the most pages.
    var files = completions.filter(function (e) { return e.file !== undefined; });
    files.sort(function (a, b) { return b.df - a.df || compare(a.term, b.term); });
    files = files.slice(0, PREFIX_FILES);
    return exact.concat(completions.filter(function (e) {
      return e.file === undefined || files.indexOf(e) !== -1;
    }));
  }

  // Reads a shard's terms up to the last that can match (the terms are in byte order, so
  // the word's completions follow it), keeping those that match. The term being read is
  // decoded into one buffer, and a term is copied out only when it is kept: a shard has
  // about a thousand terms, and a slow phone feels an allocation each.
  function scanShard(bytes, word, prefix, exact, completions) {
    var r = new Reader(bytes), b = bytes;
    var count = r.varint();
    var term = new Uint8Array(64), wl = word.length, size = 0;
    for (var i = 0; i < count; i++) {
      var shared = r.varint();
      var len = r.varint();
      if (shared > size) throw new Error("a shared prefix too long");
      if (r.at + len > b.length) throw new Error("the file ends too soon");
      size = shared + len;
      if (size > term.length) {
        var bigger = new Uint8Array(size * 2);
        bigger.set(term);
        term = bigger;
      }
      for (var k = 0; k < len; k++) term[shared + k] = b[r.at + k];
      r.at += len;
      // The term against the word: <0 before it, 0 the same, >0 after.
      var order = 0, m = size < wl ? size : wl;
      for (k = 0; k < m && !order; k++) order = term[k] - word[k];
      if (!order) order = size - wl;
      var df = r.varint();
      var kind = r.varint();
      var same = order === 0;
      // After the word, a term that does not start with it ends the scan: no later one does.
      var wanted = same || (prefix && order > 0 && size > wl && startsWithBytes(term, word));
      if (!wanted && order > 0) return;
      if (!wanted) {
        // Its inline postings skipped: `df` varints, then `df` impact bytes.
        if (kind === 0) {
          for (var seen = 0; seen < df;) {
            if (r.at >= b.length) throw new Error("the file ends too soon");
            if (b[r.at++] < 0x80) seen++;
          }
          r.take(df);
        }
        continue;
      }
      var entry = { term: term.slice(0, size), df: df, exact: same };
      if (kind === 0) {
        entry.pages = r.gaps(df);
        entry.impacts = r.take(df);
      } else {
        entry.file = kind - 1;
      }
      (same ? exact : completions).push(entry);
    }
    if (r.at !== bytes.length) throw new Error("bytes after the last term");
  }

  function startsWithBytes(term, word) {
    for (var i = 0; i < word.length; i++) if (term[i] !== word[i]) return false;
    return true;
  }

  // The common terms that start with `term` (and are not it) in its shard, or the next one
  // when `next`: of them, the PREFIX_FILES on the most pages, the ones scanShards will keep
  // (unless a term outside the list has as many pages as the least common in it).
  Index.prototype.commonCompletions = function (term, shard, next) {
    var self = this, found = [];
    this.common.forEach(function (c, t) {
      if (t === term || !t.startsWith(term)) return;
      var bytes = utf8.encode(t), at = self.shardOf(bytes);
      if (at === shard || (next && at === shard + 1)) found.push({ term: bytes, df: c.df, file: c.file });
    });
    found.sort(function (a, b) { return b.df - a.df || compare(a.term, b.term); });
    return found.slice(0, PREFIX_FILES);
  };

  // The bytes of the first term of shard `i + 1` (the first shard starts with everything).
  Index.prototype.start = function (i) {
    return this.starts[i] || (this.starts[i] = utf8.encode(this.manifest.shards[i]));
  };

  Index.prototype.shardOf = function (word) {
    var lo = 0, hi = this.starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compare(this.start(mid), word) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  // The best score of a word on every page (-1: not there); null when it matches nothing in
  // the index (such a word is left out of the query).
  Index.prototype.wordScores = async function (term, prefix) {
    var self = this, m = this.manifest, n = m.pages, scores = m.scores;
    var word = utf8.encode(term);
    var shard = this.shardOf(word);
    // The next shard starts with the word exactly when its start in the manifest does: the
    // word's completions go on there (no further).
    var next = prefix && shard < this.starts.length && startsWith(this.start(shard), word);
    // The postings of a common word, and of the common completions its shards will name,
    // are asked for now, beside the shards rather than a round trip after them (the
    // manifest lists the common terms: src/search/format.rs).
    var known = this.common.get(term);
    if (known) this.file("p/" + known.file + ".bin");
    if (prefix) {
      this.commonCompletions(term, shard, next).forEach(function (c) {
        self.file("p/" + c.file + ".bin");
      });
    }
    var entries;
    if (known && !prefix) {
      // What its shard says of it: nothing else of the shard is needed.
      entries = [{ term: word, df: known.df, exact: true, file: known.file }];
    } else {
      var wanted = [this.file("t/" + shard + ".bin")];
      if (next) wanted.push(this.file("t/" + (shard + 1) + ".bin"));
      entries = scanShards(await Promise.all(wanted), word, prefix);
    }
    if (!entries.length) return null;
    var best = new Int32Array(n).fill(-1);
    var commons = await Promise.all(entries.map(function (e) {
      return e.file === undefined ? null : self.file("p/" + e.file + ".bin");
    }));
    var table = new Int32Array(256);
    entries.forEach(function (e, i) {
      // The score of each impact for this term, worked out once rather than once a page.
      var num = e.exact ? 1 : word.length, den = e.exact ? 1 : e.term.length;
      for (var k = 0; k < 256; k++) table[k] = Math.floor(scores[k] * num / den);
      var p, s;
      if (e.file === undefined) {
        for (k = 0; k < e.pages.length; k++) {
          p = e.pages[k];
          s = table[e.impacts[k]];
          if (s > best[p]) best[p] = s;
        }
        return;
      }
      // The set is read where it is (a bitmap is not made into a list), after its head.
      var bytes = commons[i], r = new Reader(bytes);
      var mode = r.byte(), list = null, bits = 0;
      if (mode === 0) list = r.gaps(r.varint());
      else if (mode === 2) list = missing(r.gaps(r.varint()), n);
      else if (mode === 1) { bits = r.at; r.take(Math.ceil(n / 8)); }
      else throw new Error("unknown set mode " + mode);
      var h = r.varint();
      var headPages = r.gaps(h);
      var headImpacts = r.take(h);
      var floor = table[r.byte()];
      var j = 0;
      if (list) {
        for (k = 0; k < list.length; k++) {
          p = list[k];
          s = j < h && headPages[j] === p ? table[headImpacts[j++]] : floor;
          if (s > best[p]) best[p] = s;
        }
        return;
      }
      var end = bits + Math.ceil(n / 8);
      for (var at = bits; at < end; at++) {
        var byte = bytes[at];
        if (!byte) continue;
        var page = (at - bits) * 8;
        for (var bit = 0; bit < 8; bit++) {
          if (!(byte & (1 << bit))) continue;
          p = page + bit;
          s = j < h && headPages[j] === p ? table[headImpacts[j++]] : floor;
          if (s > best[p]) best[p] = s;
        }
      }
    });
    return best;
  };

  // The pages of the chosen filters ({key: [values]}), or null when none is chosen.
  Index.prototype.allowed = async function (chosen) {
    var self = this, m = this.manifest, n = m.pages, allowed = null;
    for (var k = 0; k < m.filters.length; k++) {
      var key = m.filters[k][0], values = m.filters[k][1];
      var picked = (chosen[key] || []).map(function (v) { return values.indexOf(v); })
        .filter(function (i) { return i !== -1; });
      if (!(chosen[key] || []).length) continue;
      var any = new Uint8Array(n);
      var sets = await Promise.all(picked.map(function (i) {
        return self.file("f/" + k + "-" + i + ".bin");
      }));
      sets.forEach(function (bytes) {
        var pages = new Reader(bytes).set(n);
        for (var j = 0; j < pages.length; j++) any[pages[j]] = 1;
      });
      if (allowed) for (var p = 0; p < n; p++) allowed[p] &= any[p];
      else allowed = any;
    }
    return allowed;
  };

  // Answers a query: {words, prefix, pages: page numbers best first, scores}.
  // A query answered ahead by another page's search box in this tab (see the end of this
  // file) is kept for the search page that Enter opens: the same build of the index and
  // the same query, without filters, give the same answer, so it is not worked out again.
  // What its first results show (`cards`, their `d/` files, once they have come) is kept
  // with it, so that they show as soon as the page's script runs. In the tab's
  // sessionStorage only (gone when the tab is closed; never sent anywhere).
  var KEPT = "signpost-search-answer";
  Index.prototype.keep = function (query, answer, cards) {
    try {
      root.sessionStorage.setItem(KEPT, JSON.stringify({
        folder: this.folder, build: this.manifest.build, query: query,
        answer: { words: answer.words, prefix: answer.prefix, pages: answer.pages },
        cards: cards || [],
      }));
    } catch (e) { /* no storage, or full: the search page answers it itself */ }
  };
  Index.prototype.kept = function (query, chosen) {
    if (Object.keys(chosen || {}).length) return null;
    try {
      var k = JSON.parse(root.sessionStorage.getItem(KEPT));
      if (k && k.folder === this.folder && k.build === this.manifest.build && k.query === query) {
        var self = this;
        (Array.isArray(k.cards) ? k.cards : []).forEach(function (card, i) {
          var path = "d/" + k.answer.pages[i] + ".json";
          if (!self.files.has(path)) self.files.set(path, Promise.resolve(card));
        });
        return k.answer;
      }
    } catch (e) { /* as if nothing were kept */ }
    return null;
  };

  Index.prototype.search = async function (query, chosen) {
    if (!this.manifest) await this.open();
    var kept = this.kept(query, chosen);
    if (kept) return kept;
    var self = this, n = this.manifest.pages;
    var words = this.words(query);
    var last = words.length - 1;
    var results = await Promise.all([this.allowed(chosen || {})].concat(words.map(function (w, i) {
      return self.wordScores(w, i === last && Array.from(w).length >= PREFIX_CHARS);
    })));
    var allowed = results[0];
    var keys;
    if (!words.length) {
      keys = [];
      if (allowed) for (var p = 0; p < n; p++) if (allowed[p]) keys.push(n - 1 - p);
      keys = Float64Array.from(keys);
    } else {
      // The sum of the words' scores on every page, -1 where a word is missing.
      var total = null;
      for (var w = 1; w < results.length; w++) {
        var best = results[w];
        if (!best) continue;
        if (!total) {
          total = Float64Array.from(best);
          continue;
        }
        for (p = 0; p < n; p++) {
          var t = total[p], s = best[p];
          if (t >= 0) total[p] = s < 0 ? -1 : t + s;
        }
      }
      var count = 0;
      if (total) {
        for (p = 0; p < n; p++) if (total[p] >= 0 && (!allowed || allowed[p])) count++;
      }
      keys = new Float64Array(count);
      for (p = 0, count = 0; total && p < n; p++) {
        // Score first, then the earlier page: one number that sorts as both.
        if (total[p] >= 0 && (!allowed || allowed[p])) keys[count++] = total[p] * n + (n - 1 - p);
      }
    }
    var sorted = keys.sort();
    var pages = new Array(sorted.length), scores = new Array(sorted.length);
    for (var i = 0; i < sorted.length; i++) {
      var key = sorted[sorted.length - 1 - i];
      var rest = key % n;
      pages[i] = n - 1 - rest;
      scores[i] = (key - rest) / n;
    }
    return {
      words: words,
      prefix: words.length && Array.from(words[last]).length >= PREFIX_CHARS ? words[last] : null,
      pages: pages,
      scores: scores,
    };
  };

  // Fetches ahead, while the reader types, what a query being typed will need: the shard
  // and common postings of each finished word, and the shard of the word being typed
  // (not its completions' postings: it may still change).
  Index.prototype.prefetch = async function (text) {
    await this.open();
    var self = this, stemmer = this.manifest.stemmer;
    var tokens = text.split(/\s+/u);
    var typing = tokens.pop();
    tokens.filter(Boolean).slice(0, MAX_WORDS).forEach(function (token) {
      var t = root.SignpostWords.term(token, stemmer);
      if (!t) return;
      var known = self.common.get(t);
      if (known) {
        self.file("p/" + known.file + ".bin").catch(function () {});
        return;
      }
      var word = utf8.encode(t);
      self.file("t/" + self.shardOf(word) + ".bin").then(function (bytes) {
        scanShards([bytes], word, false).forEach(function (e) {
          if (e.file !== undefined) self.file("p/" + e.file + ".bin");
        });
      }).catch(function () {});
    });
    var last = typing && root.SignpostWords.term(typing, stemmer);
    if (last && Array.from(last).length >= PREFIX_CHARS) {
      this.file("t/" + this.shardOf(utf8.encode(last)) + ".bin").catch(function () {});
    }
  };

  // What a result shows of page `p`: {url, title, meta}, a small file, so that the first
  // results show before their excerpts' text has come.
  Index.prototype.page = function (p) {
    return this.file("d/" + p + ".json", true);
  };

  // The text of page `p` that its excerpt is taken from.
  Index.prototype.text = function (p) {
    return this.file("e/" + p + ".json", true);
  };

  // Whether a word of a text is one the query looked for.
  Index.prototype.matcher = function (answer) {
    var stemmer = this.manifest.stemmer, cache = new Map();
    // A stem keeps its word's first two letters (Snowball changes only endings, after
    // the first vowel and consonant), so a token whose letters start otherwise than every
    // word looked for is no hit, without folding and stemming it.
    var starts = answer.words.map(function (w) { return Array.from(w).slice(0, 2).join(""); });
    var LETTERS = /[\p{Alphabetic}\p{N}_]/u;
    // An ASCII letter or digit, lowercased (as folding does), or -1.
    function ascii(c) {
      return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : -1;
    }
    function maybe(token) {
      var a = ascii(token.charCodeAt(0)), b = ascii(token.charCodeAt(1));
      if (a !== -1 && b !== -1) {
        // Most words of a text start with two such letters: the same head, quicker.
        var quick = String.fromCharCode(a, b);
        return starts.some(function (s) { return s.startsWith(quick) || quick.startsWith(s); });
      }
      var head = "";
      for (var c of token) {
        if (!LETTERS.test(c)) continue;
        head += c.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
        if (Array.from(head).length >= 2) break;
      }
      head = Array.from(head).slice(0, 2).join("");
      return starts.some(function (s) { return s.startsWith(head) || head.startsWith(s); });
    }
    function hit(token) {
      if (cache.has(token)) return cache.get(token);
      if (!maybe(token) && !/[^\p{L}\p{N}_]./u.test(token)) {
        cache.set(token, false);
        return false;
      }
      var t = root.SignpostWords.term(token, stemmer), yes = false;
      if (t) {
        yes = answer.words.indexOf(t) !== -1 || (answer.prefix !== null && t.startsWith(answer.prefix));
        if (!yes) {
          // A part of a compound ("e-tjänst" for "tjänst").
          yes = token.split(/[^\p{L}\p{N}_]+/u).some(function (part) {
            var pt = part && root.SignpostWords.term(part, stemmer);
            return pt && pt !== t && answer.words.indexOf(pt) !== -1;
          });
        }
      }
      cache.set(token, yes);
      return yes;
    }
    return hit;
  };

  // The excerpt of a text: about `size` words around where most of the query's words are,
  // as [{text, mark}] pieces.
  Index.prototype.excerpt = function (text, answer, size) {
    size = size || 30;
    var hit = this.matcher(answer);
    var tokens = text.split(/\s+/u).filter(Boolean);
    var marks = tokens.map(hit);
    var bestStart = 0, bestCount = -1, count = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (marks[i]) count++;
      if (i >= size && marks[i - size]) count--;
      var start = Math.max(0, i - size + 1);
      if (count > bestCount) { bestCount = count; bestStart = start; }
    }
    // Begin a few words before the first word found in the window.
    var first = marks.indexOf(true, bestStart);
    if (first - 4 > bestStart) bestStart = first - 4;
    var end = Math.min(tokens.length, bestStart + size);
    var pieces = [];
    if (bestStart > 0) pieces.push({ text: "… ", mark: false });
    for (i = bestStart; i < end; i++) {
      // The mark covers the word, not the punctuation around it.
      var parts = marks[i] ? EDGES.exec(tokens[i]) : null;
      if (parts && parts[2]) {
        if (parts[1]) pieces.push({ text: parts[1], mark: false });
        pieces.push({ text: parts[2], mark: true });
        if (parts[3]) pieces.push({ text: parts[3], mark: false });
      } else {
        pieces.push({ text: tokens[i], mark: false });
      }
      if (i + 1 < end) pieces.push({ text: " ", mark: false });
    }
    if (end < tokens.length) pieces.push({ text: " …", mark: false });
    return pieces;
  };

  // How many results the search page shows at first (and then more at a time).
  var PAGE = 10;

  // Fetches ahead what the text of `input` will need, 100 ms after each key (the search
  // page's box and another page's).
  function fetchAhead(index, input) {
    var typing = null;
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { index.prefetch(input.value).catch(function () {}); }, 100);
    });
  }

  root.SignpostSearch = { Index: Index, MAX_WORDS: MAX_WORDS, PAGE: PAGE, fetchAhead: fetchAhead };
})(typeof self !== "undefined" ? self : globalThis);

// ---- The search page ----
// An accessible interface over the site's own index. The query comes from ?q= (so the
// search box on every page, a plain GET form, lands here with its query), filters from
// ?area=, ?type=, ?kind=. The result count is announced in a live region; results are
// ordinary links, so everything works with the keyboard alone; "show more" moves focus to
// the first new result. While the reader types, the index files the query will need are
// fetched ahead. The manifest is preloaded by the page (`<link rel="preload">` in
// search.html), so it comes with this script rather than after it.
//
// A result shows as soon as its own small file (title, address, what it is) has come,
// in order; its excerpt follows when its text has come.
(function (root) {
  "use strict";
  if (typeof document === "undefined") return;
  var app = document.getElementById("search-app");
  if (!app || !root.SignpostSearch) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var PAGE = root.SignpostSearch.PAGE;
  var index = new root.SignpostSearch.Index(app.getAttribute("data-index"));
  var base = app.getAttribute("data-base");
  var keys = [];
  var current = null;
  var shown = 0;
  var run = 0;

  function t(name) { return app.getAttribute("data-t-" + name) || ""; }

  // The chosen filters: {key: [values]}; from the address until the filters are shown.
  var fromUrl = null;
  function selected() {
    if (fromUrl) return fromUrl;
    var out = {};
    keys.forEach(function (key) {
      var values = [];
      filterBox.querySelectorAll('input[data-filter="' + key + '"]:checked').forEach(function (box) {
        values.push(box.value);
      });
      if (values.length) out[key] = values;
    });
    return out;
  }

  function updateUrl(q) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    var sel = selected();
    Object.keys(sel).forEach(function (key) {
      sel[key].forEach(function (v) { p.append(key, v); });
    });
    var url = window.location.pathname + (p.toString() ? "?" + p.toString() : "");
    window.history.replaceState(null, "", url);
  }

  function buildFilters(filters, initial) {
    filterBox.textContent = "";
    keys = [];
    // One collator for every comparison (`localeCompare` with a language makes one per
    // call, which a slow phone feels).
    var collator = new Intl.Collator(app.getAttribute("data-lang"));
    var boxes = document.createDocumentFragment();
    filters.forEach(function (f, k) {
      var key = f[0], values = f[1].slice();
      keys.push(key);
      if (!values.length) return;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = app.getAttribute("data-filter-" + key) || key;
      fieldset.appendChild(legend);
      values.sort(collator.compare).forEach(function (value, i) {
        var id = "filter-" + k + "-" + i;
        var row = document.createElement("div");
        row.className = "filter-option";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value;
        box.setAttribute("data-filter", key);
        box.checked = initial.getAll(key).indexOf(value) !== -1;
        box.addEventListener("change", function () { search(input.value); });
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = value;
        row.appendChild(box);
        row.appendChild(label);
        fieldset.appendChild(row);
      });
      boxes.appendChild(fieldset);
    });
    filterBox.appendChild(boxes);
  }

  function announce(count, q) {
    var text = count === 0 ? t("none") : count === 1 ? t("one") : t("many");
    text = text.replace("{n}", String(count)).replace("{q}", q);
    if (Object.keys(selected()).length) text += " " + t("filtered");
    status.textContent = text;
  }

  function renderResult(page) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h3");
    var a = document.createElement("a");
    a.href = base + page.url;
    a.textContent = page.title || page.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = (page.meta || []).filter(Boolean).join(" · ");
    if (meta) {
      var m = document.createElement("p");
      m.className = "card-meta";
      m.textContent = meta;
      li.appendChild(m);
    }
    return li;
  }

  function renderExcerpt(text, answer) {
    var p = document.createElement("p");
    p.className = "search-excerpt";
    index.excerpt(text || "", answer).forEach(function (piece) {
      if (piece.mark) {
        var mark = document.createElement("mark");
        mark.textContent = piece.text;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(piece.text));
      }
    });
    return p;
  }

  // Shows the next results: each as soon as its file and those of the results before it
  // have come, its excerpt when its text has. With `focus`, moves focus to the first of
  // them. Resolves once every result of the batch is shown (not waiting for excerpts).
  function showMore(focus) {
    if (!current) return Promise.resolve();
    var mine = run, answer = current;
    var batch = answer.pages.slice(shown, shown + PAGE);
    shown += batch.length;
    // The results' small files are asked for at once; their excerpts' texts once the first
    // of them has come. Asked for together, the texts' ten requests and 25 KB held back
    // the first result on a slow phone, where each request costs the page's thread
    // several milliseconds (bench/README.md, session 7).
    var cards = batch.map(function (p) { return index.page(p); });
    var texts = batch.length ? cards[0].catch(function () {}).then(function () {
      return batch.map(function (p) { return index.text(p); });
    }) : null;
    var done = Promise.resolve();
    batch.forEach(function (p, i) {
      done = done.then(function () { return cards[i]; }).then(function (data) {
        if (mine !== run) return;
        var li = renderResult(data);
        list.appendChild(li);
        if (focus && i === 0) li.querySelector("a").focus();
        texts.then(function (all) { return all[i]; }).then(function (text) {
          if (mine === run) li.appendChild(renderExcerpt(text, answer));
        }).catch(function () {});
      });
    });
    return done.then(function () {
      if (mine === run) more.hidden = shown >= answer.pages.length;
    });
  }

  function search(q) {
    q = (q || "").trim();
    run += 1;
    var mine = run;
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    current = null;
    var chosen = selected();
    if (!q && !Object.keys(chosen).length) {
      updateUrl(q);
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = t("loading");
    // The address is updated once the files are asked for (on a slow phone
    // `history.replaceState` takes tens of milliseconds).
    var answering = index.search(q, chosen);
    updateUrl(q);
    return answering.then(function (answer) {
      if (mine !== run) return;
      current = answer;
      return showMore(false).then(function () {
        if (mine === run) announce(answer.pages.length, q);
      });
    }).catch(function () {
      if (mine === run) status.textContent = t("failed");
    });
  }

  app.hidden = false;
  var initial = new URLSearchParams(window.location.search);
  input.value = initial.get("q") || "";
  index.open().then(function (manifest) {
    // The search of the address first, and the filters once its first results show: a
    // slow phone takes tens of milliseconds to make them (its collator above all), which
    // held back the results' files that had come meanwhile.
    fromUrl = {};
    manifest.filters.forEach(function (f) {
      var values = initial.getAll(f[0]).filter(function (v) { return f[1].indexOf(v) !== -1; });
      if (values.length) fromUrl[f[0]] = values;
    });
    var first = input.value || Object.keys(fromUrl).length ? search(input.value) : Promise.resolve();
    first.then(function () {
      buildFilters(index.manifest.filters, initial);
      fromUrl = null;
    });
    // A new build published since this tab checked the manifest it started with
    // (`Index.open`): the filters of the new one, and the query asked again.
    index.renewed = function () {
      if (fromUrl === null) buildFilters(index.manifest.filters, new URLSearchParams(window.location.search));
      if (run) search(input.value);
    };
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      search(input.value);
    });
    more.addEventListener("click", function () { showMore(true); });
    root.SignpostSearch.fetchAhead(index, input);
  }).catch(function () {
    status.textContent = t("failed");
  });
})(typeof self !== "undefined" ? self : globalThis);

// ---- Another page's search box ----
// Loaded by signpost.js when the reader starts to use a search box on a page other than
// the search page (the form names the index in `data-search-index`). While she types, the
// files the query will need are fetched ahead, as on the search page: the manifest, then
// each word's shard and a common word's postings. When she stops typing for a moment, the
// query is answered here, which fetches exactly the files the search page will read, and
// the first results' own small files too; the answer is kept for the tab, and then what
// its first results show with it (`Index.keep`). The browser keeps the files (as the
// host's caching headers allow), and the search page that Enter opens finds them there,
// and the answer: on a slow network its first results come two or three round trips
// sooner, as soon as its script runs, and without working the query out again
// (bench/README.md, "from another page"). Nothing else changes: the box is still the
// plain form it was.
(function (root) {
  "use strict";
  if (typeof document === "undefined" || !root.SignpostSearch) return;
  if (document.getElementById("search-app")) return;
  var forms = document.querySelectorAll("form[data-search-index]");
  var indexes = new Map();
  // A pause in typing this long, and the query is answered ahead (a reader types a key
  // every 100–300 ms; one who stops is reading what she typed, or about to press Enter).
  var PAUSE_MS = 300;
  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector("input[name=q]");
    var folder = form.getAttribute("data-search-index");
    if (!input || !folder) return;
    if (!indexes.has(folder)) indexes.set(folder, new root.SignpostSearch.Index(folder));
    var index = indexes.get(folder);
    var pause = null;
    // The query as the search page will ask it (no filters), and its first results.
    var answer = function () {
      var q = input.value.trim();
      if (!q) return;
      index.search(q, {}).then(function (found) {
        if (input.value.trim() !== q) return;
        index.keep(q, found);
        var first = found.pages.slice(0, root.SignpostSearch.PAGE);
        return Promise.all(first.map(function (p) { return index.page(p); })).then(function (cards) {
          if (input.value.trim() === q) index.keep(q, found, cards);
        });
      }).catch(function () {});
    };
    // The manifest at once (the reader has just come to the box), and what was typed
    // before this script came.
    index.prefetch(input.value).catch(function () {});
    answer();
    root.SignpostSearch.fetchAhead(index, input);
    input.addEventListener("input", function () {
      clearTimeout(pause);
      pause = setTimeout(function () { pause = null; answer(); }, PAUSE_MS);
    });
    // Enter before the pause was over: the answer is worked out while the browser waits for
    // the search page (this page stays until it comes), and kept if it is done by then.
    form.addEventListener("submit", function () {
      if (pause === null) return;
      clearTimeout(pause);
      pause = null;
      answer();
    });
  });
})(typeof self !== "undefined" ? self : globalThis);
