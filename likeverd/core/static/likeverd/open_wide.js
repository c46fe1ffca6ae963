// A <details data-open-wide> is folded on a phone and open on a wider screen (48em and up, as
// in site.css): the case list's filters come after the results on a phone, beside them on a
// laptop. Without JavaScript the fold stays as the server rendered it (open when filters are in use).
"use strict";
(function () {
  var wide = window.matchMedia("(min-width: 48em)");
  function follow() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      if (wide.matches) {
        details.open = true;
      }
    });
  }
  follow();
  wide.addEventListener("change", follow);
})();
