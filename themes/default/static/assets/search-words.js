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
