// The list of pairs, sorted and filtered in the browser. The pages of the list are made by
// mentorbook and work without this script; with it, the controls above the list sort every pair
// (not only this page's) by name, phase, progress, start or last meeting, and keep those of a
// phase, a mentor or a status. The data, pairs/list.js, is loaded with a <script> tag the first
// time a control is used (or when the address asks for a filter, as a phase page's link does), so
// it works from file:// too. What the reader chose is kept in the address (?phase=enabling&sort=start).
(function () {
  "use strict";
  var PER_PAGE = 100;
  var PHASES = ["initiation", "negotiation", "enabling", "closure"];
  var form, found, paged, rows = null, loading = null, page = 1;

  function load(then) {
    if (rows) { then(); return; }
    if (loading) { loading.push(then); return; }
    loading = [then];
    var s = document.createElement("script");
    s.src = form.getAttribute("data-data");
    s.onload = function () {
      var data = window.mentorbookPairs, url = data.url;
      // [title, id, phase, per cent, start, last meeting, mentor, status], as pairs/list.js has them.
      rows = data.rows.map(function (r) {
        return { n: r[0], u: url.replace("{id}", r[1]), p: r[2], c: r[3], s: r[4], m: r[5], t: r[6], x: r[7] };
      });
      var l = loading; loading = null; l.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }

  // The words the page's template gives the script (data-* of the form), so a theme words them.
  function word(name) { return form.getAttribute("data-" + name) || ""; }

  // The form of a counted word (text, or forms by CLDR plural category) that `n` takes in the
  // page's language, with `{count}` replaced: the language's rules come from the browser's Intl.
  function counted(word, n) {
    var form = word;
    if (typeof word !== "string") {
      var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en").select(n) : "other";
      form = word[category] || word.other || "";
    }
    return form.replace(/\{count\}/g, String(n));
  }

  function chosen() {
    return {
      sort: form.elements.sort.value,
      phase: form.elements.phase.value,
      mentor: form.elements.mentor.value.trim().toLowerCase(),
      status: form.elements.status.value
    };
  }

  function compare(by) {
    var name = function (a, b) { return a.n < b.n ? -1 : a.n > b.n ? 1 : 0; };
    var then = function (f) { return function (a, b) { return f(a, b) || name(a, b); }; };
    if (by === "phase") return then(function (a, b) { return PHASES.indexOf(a.p) - PHASES.indexOf(b.p); });
    if (by === "progress") return then(function (a, b) { return b.c - a.c; });
    if (by === "start") return then(function (a, b) { return a.s < b.s ? -1 : a.s > b.s ? 1 : 0; });
    if (by === "meeting") return then(function (a, b) {
      var x = a.m || "", y = b.m || "";
      return x > y ? -1 : x < y ? 1 : 0;
    });
    return name;
  }

  function phaseTitle(id) {
    var o = form.elements.phase.querySelector("option[value='" + id + "']");
    return o ? o.textContent : id;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function show() {
    var c = chosen();
    var plain = c.sort === "name" && !c.phase && !c.mentor && !c.status;
    var params = new URLSearchParams();
    ["sort", "phase", "mentor", "status"].forEach(function (k) {
      var v = form.elements[k].value.trim();
      if (v && !(k === "sort" && v === "name")) params.set(k, v);
    });
    var query = params.toString();
    try { history.replaceState(null, "", query ? "?" + query : location.pathname); } catch (e) { /* file:// in some browsers */ }
    if (plain) {
      found.hidden = true; paged.hidden = false; form.elements.count.value = "";
      return;
    }
    load(function () {
      var shown = rows.filter(function (r) {
        return (!c.phase || r.p === c.phase) && (!c.status || r.x === c.status) &&
          (!c.mentor || r.t.toLowerCase().indexOf(c.mentor) >= 0);
      });
      shown.sort(compare(c.sort));
      var pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
      page = Math.min(page, pages);
      var root = form.getAttribute("data-root");
      found.textContent = "";
      var table = el("table", undefined, "pairs found");
      var head = table.createTHead().insertRow();
      var headings = JSON.parse(word("headings") || "[]");
      headings.slice(0, 4).concat(shown.some(function (r) { return r.m; }) ? headings.slice(4) : [])
        .forEach(function (h) { var th = el("th", h); th.scope = "col"; head.appendChild(th); });
      var body = table.createTBody();
      shown.slice((page - 1) * PER_PAGE, page * PER_PAGE).forEach(function (r) {
        var tr = body.insertRow();
        var th = el("th"); th.scope = "row";
        var a = el("a", r.n); a.href = root + r.u; th.appendChild(a); tr.appendChild(th);
        tr.appendChild(el("td", phaseTitle(r.p), "phase-" + r.p));
        tr.appendChild(el("td", r.c + "%"));
        tr.appendChild(el("td", r.s));
        if (head.cells.length > 4) tr.appendChild(el("td", r.m || "–"));
      });
      form.elements.count.value = counted(JSON.parse(word("count") || "\"\""), shown.length);
      found.appendChild(table);
      if (pages > 1) {
        var nav = el("nav", undefined, "pager"); nav.setAttribute("aria-label", word("pages"));
        var button = function (label, n) {
          var b = el("button", label); b.type = "button";
          if (n === page) b.setAttribute("aria-current", "page");
          b.addEventListener("click", function () { page = n; show(); found.scrollIntoView(); });
          nav.appendChild(b);
        };
        if (page > 1) button(word("prev"), page - 1);
        for (var n = 1; n <= pages; n++) {
          if (n === 1 || n === pages || Math.abs(n - page) <= 3 || n % 10 === 0) button(String(n), n);
        }
        if (page < pages) button(word("next"), page + 1);
        found.appendChild(nav);
      }
      found.hidden = false; paged.hidden = true;
    });
  }

  function start() {
    form = document.getElementById("pairs-controls");
    found = document.getElementById("pairs-found");
    paged = document.getElementById("pairs-paged");
    if (!form) return;
    form.hidden = false;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var params = new URLSearchParams(location.search);
    var any = false;
    ["sort", "phase", "mentor", "status"].forEach(function (k) {
      var v = params.get(k);
      if (v !== null && form.elements[k]) { form.elements[k].value = v; any = true; }
    });
    form.addEventListener("input", function () { page = 1; show(); });
    form.addEventListener("change", function () { page = 1; show(); });
    form.elements.mentor.addEventListener("focus", function () {
      load(function () {
        var list = document.getElementById("pairs-mentors");
        if (list.options.length) return;
        var seen = {};
        rows.forEach(function (r) { seen[r.t] = true; });
        Object.keys(seen).sort().forEach(function (m) { var o = el("option"); o.value = m; list.appendChild(o); });
      });
    });
    if (any) show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
