// signpost search page: Pagefind's JavaScript API with our own accessible interface.
// The query comes from ?q= (so the search box on every page, a plain GET form, lands here
// with its query), filters from ?area=, ?type=, ?kind=. The result count is announced in a
// live region; results are ordinary links, so everything works with the keyboard alone.
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var FILTERS = ["area", "type", "kind"];
  var PAGE = 10;
  var pagefind = null;
  var current = null;
  var shown = 0;
  var run = 0;

  function t(name) { return app.getAttribute("data-t-" + name) || ""; }
  function params() { return new URLSearchParams(window.location.search); }

  function selected() {
    var out = {};
    FILTERS.forEach(function (key) {
      var values = [];
      filterBox.querySelectorAll('input[data-filter="' + key + '"]:checked').forEach(function (box) {
        values.push(box.value);
      });
      if (values.length) out[key] = { any: values };
    });
    return out;
  }

  function updateUrl(q) {
    var p = new URLSearchParams();
    if (q) p.set("q", q);
    var sel = selected();
    Object.keys(sel).forEach(function (key) {
      sel[key].any.forEach(function (v) { p.append(key, v); });
    });
    var url = window.location.pathname + (p.toString() ? "?" + p.toString() : "");
    window.history.replaceState(null, "", url);
  }

  function buildFilters(available, initial) {
    filterBox.textContent = "";
    FILTERS.forEach(function (key) {
      var values = available[key];
      if (!values || !Object.keys(values).length) return;
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = app.getAttribute("data-filter-" + key) || key;
      fieldset.appendChild(legend);
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, app.getAttribute("data-lang")); }).forEach(function (value, i) {
        var id = "filter-" + key + "-" + i;
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

  function renderResult(data) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h3");
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = [data.meta && data.meta.type, data.meta && data.meta.area].filter(Boolean).join(" · ");
    if (meta) {
      var m = document.createElement("p");
      m.className = "card-meta";
      m.textContent = meta;
      li.appendChild(m);
    }
    var p = document.createElement("p");
    // Pagefind's excerpt is the indexed text (escaped when it was indexed) with <mark>.
    p.innerHTML = data.excerpt;
    li.appendChild(p);
    return li;
  }

  function showMore() {
    if (!current) return;
    var batch = current.results.slice(shown, shown + PAGE);
    var mine = run;
    Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== run) return;
      items.forEach(function (d) { list.appendChild(renderResult(d)); });
      shown += items.length;
      more.hidden = shown >= current.results.length;
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
    if (!q && !Object.keys(selected()).length) {
      status.textContent = "";
      current = null;
      return;
    }
    pagefind.search(q || null, { filters: selected() }).then(function (result) {
      if (mine !== run) return;
      current = result;
      announce(result.results.length, q);
      showMore();
    });
  }

  app.hidden = false;
  var initial = params();
  input.value = initial.get("q") || "";
  status.textContent = t("loading");
  import(app.getAttribute("data-bundle") + "pagefind.js").then(function (pf) {
    pagefind = pf;
    // Result URLs are stored below the site's base path.
    return pagefind.options({ baseUrl: app.getAttribute("data-base") });
  }).then(function () {
    return pagefind.filters();
  }).then(function (available) {
    buildFilters(available, initial);
    status.textContent = "";
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      search(input.value);
    });
    more.addEventListener("click", showMore);
    if (input.value || Object.keys(selected()).length) search(input.value);
  }).catch(function () {
    status.textContent = t("failed");
  });
})();
