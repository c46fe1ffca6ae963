// The quick exit on every public page: leave at once for a neutral site, and replace this page
// in the history so that Back does not return to it. Without JavaScript the button is a plain
// link to the same site. Escape pressed twice within a second leaves too.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var leave = function () {
    document.body.hidden = true;
    window.location.replace(link.href);
  };
  link.addEventListener("click", function (event) {
    event.preventDefault();
    leave();
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave();
    }
    lastEscape = now;
  });
})();
