// Injected by `kneeguide serve` only (never part of the built site). A separate file, not an inline
// script, so it runs under the site's Content-Security-Policy (script-src 'self').
(function () {
  "use strict";
  var base = "/__kneeguide/";
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(status) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "kneeguide-preview-errors";
    overlay.setAttribute("role", "alert");
    var s = overlay.style;
    s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
    s.background = "rgba(20, 20, 20, 0.94)"; s.color = "#fff"; s.padding = "2rem";
    s.font = "15px/1.5 ui-monospace, Menlo, Consolas, monospace";
    var title = document.createElement("h2");
    title.textContent = "The last edit has " + status.errors.length + " problem(s). The page below is the last good build; fix the file and save: this page reloads by itself.";
    title.style.font = "bold 18px/1.4 system-ui, sans-serif";
    overlay.appendChild(title);
    var list = document.createElement("ol");
    status.errors.forEach(function (e) {
      var item = document.createElement("li");
      item.textContent = e.text; // textContent: messages quote editors' text, never parsed as HTML
      item.style.margin = "0.6rem 0";
      item.style.color = e.severity === "error" ? "#ff8a80" : "#ffe082";
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function refresh() {
    fetch(base + "status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (status) { if (status.ok) { hide(); } else { show(status); } })
      .catch(function () { /* server stopped: keep the page as it is */ });
  }

  var events = new EventSource(base + "events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("errors", refresh);
  refresh();
})();
