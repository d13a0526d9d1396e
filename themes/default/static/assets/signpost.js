// signpost default theme. Everything is readable without this script; it only adds
// what needs the reader's clock: a page whose review date has passed since the site was
// built says so, even if the site is not rebuilt for months; and, once the reader starts
// to use a search box (focus or typing), the search page's script, which fetches ahead
// what the query will need (search.js, "another page's search box"). Nothing of search is
// fetched for a reader who does not search, nor when the browser asks to save data.
(function () {
  "use strict";
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var boxes = document.querySelectorAll("[data-review-due]");
  for (var i = 0; i < boxes.length; i++) {
    var due = boxes[i].getAttribute("data-review-due");
    if (due && today > due) {
      boxes[i].classList.add("is-overdue");
      var notices = boxes[i].querySelectorAll("[data-overdue-notice]");
      for (var j = 0; j < notices.length; j++) notices[j].hidden = false;
    }
  }
  var forms = document.querySelectorAll("form[data-search-script]");
  var saving = navigator.connection && navigator.connection.saveData;
  var loaded = false;
  var load = function (e) {
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = e.currentTarget.getAttribute("data-search-script");
    script.async = true;
    document.head.appendChild(script);
  };
  for (var k = 0; k < forms.length && !saving; k++) {
    forms[k].addEventListener("focusin", load);
    forms[k].addEventListener("input", load);
  }
})();
