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
  var FORMAT = 1;
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
    if (mode !== 1) throw new Error("unknown set mode " + mode);
    var bits = this.take(Math.ceil(pages / 8)), out = [];
    for (var i = 0; i < bits.length; i++) {
      var b = bits[i];
      if (!b) continue;
      for (var bit = 0; bit < 8; bit++) if (b & (1 << bit)) out.push(i * 8 + bit);
    }
    return Uint32Array.from(out);
  };

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

  Index.prototype.open = function () {
    var self = this;
    if (!this.opening) {
      this.opening = fetch(this.folder + "manifest.json", { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error("no search index at " + self.folder);
        return r.json();
      }).then(function (m) {
        if (m.format !== FORMAT) throw new Error("search index format " + m.format);
        self.manifest = m;
        self.shardStarts = m.shards.map(function (s) { return utf8.encode(s); });
        return m;
      });
      this.opening.catch(function () { self.opening = null; });
    }
    return this.opening;
  };

  // A file of the index, fetched once: its bytes, or with `json` its value.
  Index.prototype.file = function (path, json) {
    var self = this;
    if (!this.files.has(path)) {
      var p = fetch(this.folder + path + "?v=" + this.manifest.build).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return json ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      });
      p.catch(function () { self.files.delete(path); });
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

  // The terms of a shard that a word matches: [{term, df, inline: {pages, impacts} | file}].
  function scanShard(bytes, word, prefix) {
    var r = new Reader(bytes);
    var count = r.varint();
    var prev = new Uint8Array(0);
    var exact = [], completions = [];
    for (var i = 0; i < count; i++) {
      var shared = r.varint();
      var suffix = r.take(r.varint());
      var term = new Uint8Array(shared + suffix.length);
      term.set(prev.subarray(0, shared));
      term.set(suffix, shared);
      prev = term;
      var df = r.varint();
      var kind = r.varint();
      var same = compare(term, word) === 0;
      var wanted = same || (prefix && startsWith(term, word));
      var entry = wanted ? { term: term, df: df, exact: same } : null;
      if (kind === 0) {
        if (wanted) {
          entry.pages = r.gaps(df);
          entry.impacts = r.take(df);
        } else {
          for (var k = 0; k < df; k++) r.varint();
          r.take(df);
        }
      } else if (wanted) {
        entry.file = kind - 1;
      }
      if (entry) (same ? exact : completions).push(entry);
    }
    if (r.at !== bytes.length) throw new Error("bytes after the last term");
    // Of the completions kept in files of their own, only those on the most pages.
    var files = completions.filter(function (e) { return e.file !== undefined; });
    files.sort(function (a, b) { return b.df - a.df || compare(a.term, b.term); });
    files = files.slice(0, PREFIX_FILES);
    return exact.concat(completions.filter(function (e) {
      return e.file === undefined || files.indexOf(e) !== -1;
    }));
  }

  Index.prototype.shardOf = function (word) {
    var starts = this.shardStarts, lo = 0, hi = starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compare(starts[mid], word) <= 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  // The best score of a word on every page (-1: not there); null when it matches nothing in
  // the index (such a word is left out of the query).
  Index.prototype.wordScores = async function (term, prefix) {
    var self = this, m = this.manifest, n = m.pages, scores = m.scores;
    var word = utf8.encode(term);
    var entries = scanShard(await this.file("t/" + this.shardOf(word) + ".bin"), word, prefix);
    if (!entries.length) return null;
    var best = new Int32Array(n).fill(-1);
    var commons = await Promise.all(entries.map(function (e) {
      return e.file === undefined ? null : self.file("p/" + e.file + ".bin");
    }));
    entries.forEach(function (e, i) {
      var num = e.exact ? 1 : word.length, den = e.exact ? 1 : e.term.length;
      function put(p, impact) {
        var s = Math.floor(scores[impact] * num / den);
        if (s > best[p]) best[p] = s;
      }
      if (e.file === undefined) {
        for (var k = 0; k < e.pages.length; k++) put(e.pages[k], e.impacts[k]);
        return;
      }
      var r = new Reader(commons[i]);
      var pages = r.set(n);
      var h = r.varint();
      var headPages = r.gaps(h);
      var headImpacts = r.take(h);
      var floor = r.byte();
      var j = 0;
      for (k = 0; k < pages.length; k++) {
        var p = pages[k];
        if (j < h && headPages[j] === p) put(p, headImpacts[j++]);
        else put(p, floor);
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
  Index.prototype.search = async function (query, chosen) {
    await this.open();
    var self = this, n = this.manifest.pages;
    var words = this.words(query);
    var last = words.length - 1;
    var results = await Promise.all([this.allowed(chosen || {})].concat(words.map(function (w, i) {
      return self.wordScores(w, i === last && Array.from(w).length >= PREFIX_CHARS);
    })));
    var allowed = results[0];
    var keys = [];
    if (!words.length) {
      if (allowed) for (var p = 0; p < n; p++) if (allowed[p]) keys.push(n - 1 - p);
    } else {
      var total = new Float64Array(n), known = false;
      for (var w = 1; w < results.length; w++) {
        var best = results[w];
        if (!best) continue;
        known = true;
        for (p = 0; p < n; p++) {
          if (total[p] < 0 || best[p] < 0) total[p] = -1;
          else total[p] += best[p];
        }
      }
      for (p = 0; known && p < n; p++) {
        // Score first, then the earlier page: one number that sorts as both.
        if (total[p] >= 0 && (!allowed || allowed[p])) keys.push(total[p] * n + (n - 1 - p));
      }
    }
    var sorted = Float64Array.from(keys).sort();
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
      var word = utf8.encode(t);
      self.file("t/" + self.shardOf(word) + ".bin").then(function (bytes) {
        scanShard(bytes, word, false).forEach(function (e) {
          if (e.file !== undefined) self.file("p/" + e.file + ".bin");
        });
      }).catch(function () {});
    });
    var last = typing && root.SignpostWords.term(typing, stemmer);
    if (last && Array.from(last).length >= PREFIX_CHARS) {
      this.file("t/" + this.shardOf(utf8.encode(last)) + ".bin").catch(function () {});
    }
  };

  // A page's file: {url, title, meta, text}.
  Index.prototype.page = function (p) {
    return this.file("d/" + p + ".json", true);
  };

  // Whether a word of a text is one the query looked for.
  Index.prototype.matcher = function (answer) {
    var stemmer = this.manifest.stemmer, cache = new Map();
    // A stem keeps its word's first two letters (Snowball changes only endings, after
    // the first vowel and consonant), so a token whose letters start otherwise than every
    // word looked for is no hit, without folding and stemming it.
    var starts = answer.words.map(function (w) { return Array.from(w).slice(0, 2).join(""); });
    var LETTERS = /[\p{Alphabetic}\p{N}_]/u;
    function maybe(token) {
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

  root.SignpostSearch = { Index: Index, MAX_WORDS: MAX_WORDS };
})(typeof self !== "undefined" ? self : globalThis);
