// signpost search page: an accessible interface over the site's own index
// (search-index.js, search-words.js). The query comes from ?q= (so the search box on every
// page, a plain GET form, lands here with its query), filters from ?area=, ?type=, ?kind=.
// The result count is announced in a live region; results are ordinary links, so
// everything works with the keyboard alone; "show more" moves focus to the first new result.
// While the reader types, the index files the query will need are fetched ahead.
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app || !window.SignpostSearch) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var PAGE = 10;
  var index = new window.SignpostSearch.Index(app.getAttribute("data-index"));
  var base = app.getAttribute("data-base");
  var keys = [];
  var current = null;
  var shown = 0;
  var run = 0;

  function t(name) { return app.getAttribute("data-t-" + name) || ""; }

  function selected() {
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
    var lang = app.getAttribute("data-lang");
    filters.forEach(function (f, k) {
      var key = f[0], values = f[1].slice();
      keys.push(key);
      if (!values.length) return;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = app.getAttribute("data-filter-" + key) || key;
      fieldset.appendChild(legend);
      values.sort(function (a, b) { return a.localeCompare(b, lang); }).forEach(function (value, i) {
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
      filterBox.appendChild(fieldset);
    });
  }

  function announce(count, q) {
    var text = count === 0 ? t("none") : count === 1 ? t("one") : t("many");
    text = text.replace("{n}", String(count)).replace("{q}", q);
    if (Object.keys(selected()).length) text += " " + t("filtered");
    status.textContent = text;
  }

  function renderResult(page, answer) {
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
    var p = document.createElement("p");
    index.excerpt(page.text || "", answer).forEach(function (piece) {
      if (piece.mark) {
        var mark = document.createElement("mark");
        mark.textContent = piece.text;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(piece.text));
      }
    });
    li.appendChild(p);
    return li;
  }

  // Shows the next results, each as soon as it and those before it have come; with
  // `focus`, moves focus to the first of them.
  function showMore(focus) {
    if (!current) return Promise.resolve();
    var mine = run, answer = current;
    var batch = answer.pages.slice(shown, shown + PAGE);
    shown += batch.length;
    var done = Promise.resolve();
    batch.forEach(function (p, i) {
      var page = index.page(p);
      done = done.then(function () { return page; }).then(function (data) {
        if (mine !== run) return;
        var li = renderResult(data, answer);
        list.appendChild(li);
        if (focus && i === 0) li.querySelector("a").focus();
      });
    });
    return done.then(function () {
      if (mine === run) more.hidden = shown >= answer.pages.length;
    });
  }

  function search(q) {
    q = (q || "").trim();
    updateUrl(q);
    run += 1;
    var mine = run;
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    current = null;
    var chosen = selected();
    if (!q && !Object.keys(chosen).length) {
      status.textContent = "";
      return;
    }
    status.textContent = t("loading");
    index.search(q, chosen).then(function (answer) {
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
    buildFilters(manifest.filters, initial);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      search(input.value);
    });
    more.addEventListener("click", function () { showMore(true); });
    var typing = null;
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(function () { index.prefetch(input.value).catch(function () {}); }, 100);
    });
    if (input.value || Object.keys(selected()).length) search(input.value);
  }).catch(function () {
    status.textContent = t("failed");
  });
})();
