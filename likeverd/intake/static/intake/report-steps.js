// The report form, one section at a time. Without JavaScript the five sections are one page and
// the form works the same; this only shows them as steps with Next and Back, hides the contact
// fields while "stay anonymous" is chosen, and disables the send button while the report is sent
// (the server's once-token is the guarantee against a second report).
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) {
    return;
  }
  var steps = Array.prototype.slice.call(form.querySelectorAll(".report-step"));
  var current = 0;

  var show = function (index, moveFocus) {
    current = index;
    steps.forEach(function (step, i) {
      step.hidden = i !== index;
    });
    if (moveFocus) {
      var heading = steps[index].querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      window.scrollTo(0, 0);
    }
  };

  var button = function (label, className, onClick) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button " + className;
    element.textContent = label;
    element.addEventListener("click", onClick);
    return element;
  };

  steps.forEach(function (step, index) {
    var actions = step.querySelector(".form-actions");
    if (!actions) {
      actions = document.createElement("div");
      actions.className = "form-actions";
      step.appendChild(actions);
    }
    if (index < steps.length - 1) {
      actions.insertBefore(
        button(form.dataset.nextLabel, "button-primary", function () {
          show(index + 1, true);
        }),
        actions.firstChild
      );
    }
    if (index > 0) {
      actions.appendChild(
        button(form.dataset.backLabel, "button-secondary", function () {
          show(index - 1, true);
        })
      );
    }
  });

  // Start where the server found something to fix; a message for the whole form shows the last step.
  var start = 0;
  var firstError = form.querySelector(".has-error");
  if (firstError) {
    start = steps.indexOf(firstError.closest(".report-step"));
  } else if (document.getElementById("form-errors")) {
    start = steps.length - 1;
  }
  form.classList.add("is-stepped");
  show(Math.max(start, 0), false);

  // The contact fields matter only to someone who wants to be contacted.
  var details = document.getElementById("contact-details");
  var contactChoices = form.querySelectorAll('input[name="contact"]');
  var syncContact = function () {
    var checked = form.querySelector('input[name="contact"]:checked');
    details.hidden = !checked || checked.value !== "reach_me";
  };
  Array.prototype.forEach.call(contactChoices, function (input) {
    input.addEventListener("change", syncContact);
  });
  if (details) {
    syncContact();
  }

  form.addEventListener("submit", function () {
    form.setAttribute("aria-busy", "true");
    Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'), function (element) {
      // Disabled after this turn of the event loop, so the button's own submission still happens.
      window.setTimeout(function () {
        element.disabled = true;
      }, 0);
    });
  });
})();
