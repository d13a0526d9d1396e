// signpost default theme. Everything is readable without this script; it only adds
// what needs the reader's clock: a page whose review date has passed since the site was
// built says so, even if the site is not rebuilt for months.
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
})();
