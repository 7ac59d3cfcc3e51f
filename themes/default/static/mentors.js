// The mentor directory, filtered in the browser. The directory's pages are made by mentorbook and
// work without this script; with it, the controls above the list keep the mentors of every page
// (not only this one's) who offer a tag, meet a way or at a time, or speak a language. The data,
// mentors/list.js, is loaded with a <script> tag on the first filter (or when the address asks
// for one), so it works from file:// too; it holds, for each mentor, only what their section
// shows. Each match links to the mentor's section on their page. What the reader chose is kept
// in the address (?tag=surgery&mode=video), so a filtered directory can be linked to.
(function () {
  "use strict";
  var NAMES = ["tag", "mode", "time", "language"];
  var PER_PAGE = 50;
  var form, found, paged, none, data = null, loading = null, page = 1;

  function load(then) {
    if (data) { then(); return; }
    if (loading) { loading.push(then); return; }
    loading = [then];
    var s = document.createElement("script");
    s.src = form.getAttribute("data-data");
    s.onload = function () {
      var d = window.mentorbookMentors;
      // [id, name, page, title, room, expertise, modes, times, languages], as mentors/list.js has them.
      data = d.rows.map(function (r) {
        return {
          id: r[0], name: r[1], url: (r[2] === 1 ? d.first : d.url.replace("{page}", r[2])) + "#" + r[0],
          title: r[3], room: r[4], tag: r[5], mode: r[6], time: r[7], language: r[8]
        };
      });
      var l = loading; loading = null; l.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }

  // The words the page's template gives the script (data-* of the form), so a theme words them.
  function word(name) { return form.getAttribute("data-" + name) || ""; }

  // A choice's label, as the filter offers it.
  function label(name, id) {
    var field = form.elements[name];
    var o = field && field.querySelector("option[value='" + id.replace(/[^a-z0-9_-]/g, "") + "']");
    return o ? o.textContent : id;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function wanted() {
    return NAMES.filter(function (n) { return form.elements[n] && form.elements[n].value; })
      .map(function (n) { return [n, form.elements[n].value]; });
  }

  function show(remember) {
    var w = wanted();
    if (remember) {
      var query = w.map(function (x) { return x[0] + "=" + encodeURIComponent(x[1]); });
      try {
        history.replaceState(null, "", query.length ? "?" + query.join("&") : location.pathname);
      } catch (e) { /* some browsers refuse it for file:// pages: the filters still work */ }
    }
    if (!w.length) {
      found.hidden = true; none.hidden = true; paged.hidden = false;
      form.elements.count.value = "";
      return;
    }
    load(function () {
      var shown = data.filter(function (m) {
        return w.every(function (x) { return m[x[0]].indexOf(x[1]) >= 0; });
      });
      var pages = Math.max(1, Math.ceil(shown.length / PER_PAGE));
      page = Math.min(page, pages);
      var root = word("root");
      found.textContent = "";
      shown.slice((page - 1) * PER_PAGE, page * PER_PAGE).forEach(function (m) {
        var card = el("article", undefined, "mentor");
        card.setAttribute("data-id", m.id);
        var h = el("h2"), a = el("a", m.name);
        a.href = root + m.url; h.appendChild(a); card.appendChild(h);
        if (m.title) card.appendChild(el("p", m.title, "meta"));
        card.appendChild(el("p", m.room, "room"));
        if (m.tag.length) {
          var ul = el("ul", undefined, "tags");
          m.tag.forEach(function (t) { ul.appendChild(el("li", label("tag", t))); });
          card.appendChild(ul);
        }
        var meets = m.mode.map(function (x) { return label("mode", x); })
          .concat(m.time.map(function (x) { return label("time", x); }));
        if (meets.length) card.appendChild(el("p", meets.join(", ")));
        found.appendChild(card);
      });
      if (pages > 1) {
        var nav = el("nav", undefined, "pager"); nav.setAttribute("aria-label", word("pages"));
        var button = function (text, n) {
          var b = el("button", text); b.type = "button";
          if (n === page) b.setAttribute("aria-current", "page");
          b.addEventListener("click", function () { page = n; show(false); found.scrollIntoView(); });
          nav.appendChild(b);
        };
        if (page > 1) button(word("prev"), page - 1);
        for (var n = 1; n <= pages; n++) {
          if (n === 1 || n === pages || Math.abs(n - page) <= 3 || n % 10 === 0) button(String(n), n);
        }
        if (page < pages) button(word("next"), page + 1);
        found.appendChild(nav);
      }
      form.elements.count.value = word("count").replace("{shown}", shown.length).replace("{total}", data.length);
      none.hidden = shown.length > 0;
      found.hidden = shown.length === 0; paged.hidden = true;
    });
  }

  function start() {
    form = document.getElementById("mentors-controls");
    found = document.getElementById("mentors-found");
    paged = document.getElementById("mentors-paged");
    none = document.getElementById("mentors-none");
    if (!form) return;
    // The filters the address asks for, when the page offers them.
    var any = false;
    location.search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var kv = pair.split("="), field = form.elements[kv[0]];
      if (kv.length !== 2 || NAMES.indexOf(kv[0]) < 0 || !field) return;
      var value = decodeURIComponent(kv[1]);
      if (field.querySelector("option[value='" + value.replace(/[^a-z0-9_-]/g, "") + "']")) {
        field.value = value; any = true;
      }
    });
    form.addEventListener("change", function () { page = 1; show(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    if (any) show(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
