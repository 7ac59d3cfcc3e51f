// Light or dark pages. Loaded in <head>, before the page is drawn, so that a reader who chose a
// scheme never sees the other flash first. Without a choice the pages follow the system's
// `prefers-color-scheme`; the toggle button in the top bar records a choice in localStorage.
// Printing is always light: style.css sets the dark colours for screens only.
(function () {
  "use strict";
  var KEY = "mentorbook-theme";
  var html = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  var chosen = stored();
  if (chosen === "dark" || chosen === "light") html.setAttribute("data-theme", chosen);

  function isDark() {
    var t = html.getAttribute("data-theme");
    return t ? t === "dark" : !!(dark && dark.matches);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-theme-toggle]");
    if (!button) return;
    function update() { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); }
    button.hidden = false;
    update();
    if (dark && dark.addEventListener) dark.addEventListener("change", update);
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      html.setAttribute("data-theme", next);
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* private browsing: not remembered */ }
      update();
    });
  });
})();
