// Loaded first, as a classic script, so it sees errors thrown while the
// modules load. Every uncaught error, rejected promise and console.error is
// kept in window.__errors and mirrored into <html data-errors="…">, so a
// headless browser (`chromium --dump-dom`) or a test can read them back.
(function () {
  "use strict";
  var errors = [];
  window.__errors = errors;
  function record(kind, message) {
    errors.push({ kind: kind, message: String(message).slice(0, 500) });
    document.documentElement.setAttribute("data-errors", JSON.stringify(errors));
  }
  document.documentElement.setAttribute("data-errors", "[]");
  window.addEventListener("error", function (e) {
    // Resource errors (a missing <img>) have no message; name the element instead.
    var target = e.target && e.target !== window ? (e.target.src || e.target.href || e.target.tagName) : "";
    record("error", e.message || ("failed to load " + target));
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    record("unhandledrejection", r && r.stack ? r.stack : r);
  });
  var original = console.error;
  console.error = function () {
    record("console.error", Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
})();
