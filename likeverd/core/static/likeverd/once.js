// Every form posts once (see likeverd/core/once.py): while a form is being sent, its submit
// buttons are disabled, so a double click or a second tap sends it once. The server's one-time
// token is the guarantee; this only spares the second request. No inline script: loaded by
// base.html as a file, allowed by the CSP's 'self'.
"use strict";
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented || form.method !== "post") {
    return;
  }
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    return;
  }
  form.setAttribute("aria-busy", "true");
  // Disabled after this tick, so the clicked button's own name and value are still sent.
  window.setTimeout(function () {
    form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach(function (button) {
      button.disabled = true;
    });
  }, 0);
});
// A page brought back from the back-forward cache gets its buttons back.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[aria-busy=true]").forEach(function (form) {
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button, input[type=submit]").forEach(function (button) {
      button.disabled = false;
    });
  });
});
