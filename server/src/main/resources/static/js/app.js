// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it themselves).
document.addEventListener("htmx:configRequest", function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});
// htmx does not swap error responses by default; show the server's message in the form's error slot instead.
document.addEventListener("htmx:responseError", function (e) {
  var target = e.detail.elt.closest("form") || e.detail.elt;
  var slot = target.querySelector("[data-error]") || document.getElementById("flash");
  if (slot) {
    var msg = e.detail.xhr.getResponseHeader("X-Error-Message");
    slot.textContent = msg ? decodeURIComponent(msg) : "That did not work (" + e.detail.xhr.status + "). Reload and try again.";
    slot.hidden = false;
  }
});
// After an action replaces a ticket's page part, put keyboard focus on its outcome message instead of losing it.
document.addEventListener("htmx:afterSettle", function (e) {
  var flash = e.detail.elt && e.detail.elt.id === "ticket" ? document.getElementById("flash") : null;
  if (flash && !flash.hidden) { flash.setAttribute("tabindex", "-1"); flash.focus(); }
});
// The Content-Security-Policy forbids inline handlers; these attributes ask for the two behaviours pages need.
// <select data-submit-on-change>: submit its form when the choice changes (dashboard filters).
document.addEventListener("change", function (e) {
  if (e.target.matches && e.target.matches("[data-submit-on-change]") && e.target.form) e.target.form.requestSubmit();
});
// <form data-reset-on-success>: empty the form after htmx sent it successfully (portal reply box).
document.addEventListener("htmx:afterRequest", function (e) {
  var form = e.detail.elt;
  if (form && form.matches && form.matches("form[data-reset-on-success]") && e.detail.successful) form.reset();
});
