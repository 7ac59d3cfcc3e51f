// The mentor directory, filtered in the browser. Every mentor with room is on the page, which works
// without this script; with it, the controls above the list keep the mentors who offer a tag, meet
// a way or at a time, or speak a language. Each mentor's section says what it has in its data-*
// attributes (tag, mode, time, language: ids separated by spaces), so nothing is loaded and the
// page filters from file:// as well as from a host. What the reader chose is kept in the address
// (?tag=surgery&mode=video), so a filtered directory can be linked to.
(function () {
  "use strict";
  var NAMES = ["tag", "mode", "time", "language"];

  function start() {
    var form = document.getElementById("mentors-controls");
    if (!form) return;
    var mentors = Array.prototype.slice.call(document.querySelectorAll("article.mentor"));
    var none = document.getElementById("mentors-none");
    var count = form.elements.count;

    function has(el, name, value) {
      return (" " + (el.getAttribute("data-" + name) || "") + " ").indexOf(" " + value + " ") >= 0;
    }

    function apply(remember) {
      var shown = 0, query = [];
      var wanted = NAMES.filter(function (n) { return form.elements[n] && form.elements[n].value; })
        .map(function (n) { return [n, form.elements[n].value]; });
      mentors.forEach(function (m) {
        var keep = wanted.every(function (w) { return has(m, w[0], w[1]); });
        m.hidden = !keep;
        if (keep) shown += 1;
      });
      wanted.forEach(function (w) { query.push(w[0] + "=" + encodeURIComponent(w[1])); });
      none.hidden = shown > 0;
      count.textContent = (form.getAttribute("data-count") || "")
        .replace("{shown}", shown).replace("{total}", mentors.length);
      if (remember && window.history && history.replaceState) {
        try {
          history.replaceState(null, "", (query.length ? "?" + query.join("&") : location.pathname) + location.hash);
        } catch (e) { /* some browsers refuse it for file:// pages: the filters still work */ }
      }
    }

    // The filters the address asks for, when the page offers them.
    location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var kv = pair.split("="), field = form.elements[kv[0]];
      if (kv.length !== 2 || NAMES.indexOf(kv[0]) < 0 || !field) return;
      var value = decodeURIComponent(kv[1]);
      if (field.querySelector("option[value='" + value.replace(/[^a-z0-9_-]/g, "") + "']")) field.value = value;
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
