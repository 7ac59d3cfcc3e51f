// Search over the handbook: the guide, the phases and the pairs, as this build's audience may see
// them. The index (made by mentorbook at build time) is a small manifest, `search-index.js` at the
// site's root, and pieces under `search/`: pieces of terms, each a range of the sorted terms with
// the sections holding them, and pieces of sections, a block of sections each. A query loads the
// manifest, then the pieces of terms its words can match, then the pieces of the sections it shows,
// each once, with <script> elements (each piece calls `mentorbookSearchPiece`), so search also
// works on a site opened from disk, where `fetch` is not allowed. Keys: `/` or `s` to search,
// arrows to choose, Enter to go, Esc to close.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var status = box.querySelector("[role=status]");
  var root = box.getAttribute("data-root") || "";
  var folder = box.getAttribute("data-pieces") || root + "search/";
  // The words the script writes, from the page (the `[search]` table of the strings file), so a
  // theme or a language words them: text, or a counted word's forms by CLDR plural category.
  var WORDS = JSON.parse(box.getAttribute("data-words") || "{}");
  var GROUPS = JSON.parse(box.getAttribute("data-groups") || "[]");
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
  // `pattern` with each `{name}` of `values` replaced.
  function fill(pattern, values) {
    return String(pattern || "").replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }
  // The form of a counted word that `n` takes in the page's language, `{count}` replaced.
  function count(word, n) {
    var form = typeof word === "string" ? word : word && (word[plurals ? plurals.select(n) : "other"] || word.other);
    return fill(form, { count: n });
  }
  var PER_GROUP = 5;
  // How long typing must pause before a search: a word typed quickly is one search.
  var PAUSE = 120;
  var index = null;
  var results = [];
  var active = -1;

  box.hidden = false;
  // A touch screen has no `/` key: drop the placeholder's hint in brackets, "(press /)".
  if (window.matchMedia && matchMedia("(hover: none) and (pointer: coarse)").matches) {
    input.placeholder = WORDS.placeholder_touch || input.placeholder;
  }

  // The pieces loaded, by name ("terms-3", "docs-12"), and the callbacks waiting for those loading.
  var pieces = {};
  var loading = {};
  window.mentorbookSearchPiece = function (kind, n, data) { pieces[kind + "-" + n] = data; };

  function script(src, done, failed) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = failed;
    document.head.appendChild(s);
  }

  function failed() { say(WORDS.failed); }

  // Runs `then` once the manifest is there, loading it the first time.
  var waiting = null;
  function load(then) {
    if (index) return then();
    if (window.mentorbookSearch) { prepare(); return then(); }
    var started = waiting !== null;
    waiting = then;
    if (started) return;
    script(box.getAttribute("data-index"), function () {
      prepare();
      var t = waiting; waiting = null; t();
    }, function () { waiting = null; failed(); });
  }

  // Runs `then` once every piece named in `names` is there, loading those that are not.
  function need(names, then) {
    var left = 0;
    function one() { if (--left === 0) then(); }
    names.forEach(function (name) {
      if (pieces[name]) return;
      left++;
      if (loading[name]) { loading[name].push(one); return; }
      loading[name] = [one];
      script(folder + name + ".js", function () {
        var waiting = loading[name];
        delete loading[name];
        if (!pieces[name]) return failed();
        waiting.forEach(function (f) { f(); });
      }, function () { delete loading[name]; failed(); });
    });
    if (!left) then();
  }

  function prepare() {
    index = window.mentorbookSearch;
    // Without a prototype, a word such as "constructor" is not taken for a stop word.
    index.stop = Object.create(null);
    index.rules.stop.forEach(function (w) { index.stop[w] = true; });
    index.fold = Object.create(null);
    index.rules.fold.forEach(function (p) { index.fold[p[0]] = p[1]; });
    index.elision = Object.create(null);
    (index.rules.elision || []).forEach(function (w) { index.elision[w] = true; });
  }

  // The same words and stems as the index (src/render/search/text.rs and language.rs): letters and
  // digits, an elided word left out, lower-cased, apostrophes dropped, accents folded, then in each
  // step the first suffix rule that fits. A rule `[suffix, with]` fits when the word it makes has
  // `min` letters, and stops its step either way; a rule `[suffix, with, n]` fits a word of `n`
  // letters, and a shorter word goes on to the next rule.
  var WORD = /[\p{L}\p{N}'\u2019]+/gu;
  function clean(w) {
    // An elided word and its apostrophe (French "l'objectif") are left out.
    var at = w.search(/['\u2019]/);
    if (at > 0 && index.elision[w.slice(0, at).toLowerCase()]) w = w.slice(at + 1);
    return Array.from(w.replace(/['\u2019]/g, "").toLowerCase()).map(function (c) {
      return index.fold[c] || c;
    }).join("");
  }
  function stem(w) {
    var rules = index.rules;
    rules.steps.forEach(function (step) {
      for (var i = 0; i < step.length; i++) {
        var suffix = step[i][0], n = step[i][2];
        if (w.length < suffix.length || w.slice(w.length - suffix.length) !== suffix) continue;
        var made = w.slice(0, w.length - suffix.length) + step[i][1];
        if (n === undefined ? Array.from(made).length >= rules.min : Array.from(w).length >= n) w = made;
        else if (n !== undefined) continue;
        break;
      }
    });
    return w;
  }

  // What the reader typed, as stems; the last word may be unfinished.
  function parse(query) {
    var words = (query.match(WORD) || []).map(clean).filter(function (w) { return w && !index.stop[w]; });
    return words.map(function (w, i) { return { stem: stem(w), last: i === words.length - 1 && !/\s$/.test(query) }; });
  }

  // Whether the term `t` (a stem) is what the query word `q` asks for: a term that starts with it,
  // or, for the word still being typed, a stem that the word starts with ("meetin" finds "meet").
  // Either way the term starts with the word's first three letters.
  function matches(q, t) {
    if (t.slice(0, q.stem.length) === q.stem) return true;
    return q.last && t.length >= 3 && q.stem.slice(0, t.length) === t && q.stem.length - t.length <= 3;
  }

  // The pieces of terms that may hold a term starting with `prefix`: each piece holds the terms
  // from its first to its last, in order (src/render/search/query.rs: `term_pieces`).
  function termPieces(words) {
    var out = [];
    index.terms.forEach(function (range, i) {
      if (words.some(function (q) {
        var p = q.stem.slice(0, 3);
        return range[1] >= p && (range[0] <= p || range[0].slice(0, p.length) === p);
      })) out.push(i);
    });
    return out;
  }

  function sums(gaps) {
    var out = [], n = 0;
    gaps.forEach(function (gap) { n += gap; out.push(n); });
    return out;
  }

  // Sections holding every query word, best first, from the pieces of terms `loaded`: for each
  // word 2 for a term that is its stem, 1 for another it matches; 5 more when the title holds a
  // term a word matches; ties in the order of the sections.
  function search(words, loaded) {
    if (!words.length) return [];
    var scores = null, titled = {};
    words.forEach(function (q) {
      var found = {}, p = q.stem.slice(0, 3);
      loaded.forEach(function (n) {
        var piece = pieces["terms-" + n];
        for (var i = 0; i < piece.terms.length; i++) {
          var t = piece.terms[i];
          if (t.slice(0, p.length) !== p || !matches(q, t)) continue;
          var bonus = t === q.stem ? 2 : 1;
          sums(piece.postings[i]).forEach(function (d) { found[d] = Math.max(found[d] || 0, bonus); });
          sums(piece.titles[i]).forEach(function (d) { titled[d] = true; });
        }
      });
      var next = {};
      Object.keys(found).forEach(function (d) {
        if (scores === null || d in scores) next[d] = (scores ? scores[d] : 0) + found[d];
      });
      scores = next;
    });
    var hits = Object.keys(scores).map(function (d) {
      return { doc: +d, score: scores[d] + (titled[d] ? 5 : 0) };
    });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return hits;
  }

  // Guide 0, phase 1, pair 2: the index numbers the guide's sections first, then the phases'.
  function kindOf(d) { return d < index.kinds[0] ? 0 : d < index.kinds[1] ? 1 : 2; }

  // The sections shown: the first few of each kind.
  function pick(hits) {
    var groups = GROUPS.map(function () { return []; });
    hits.forEach(function (h) {
      var g = groups[kindOf(h.doc)];
      if (g.length < PER_GROUP) g.push(h.doc);
    });
    return groups;
  }

  // Section `d` and its page, from its piece.
  function docOf(d) {
    var piece = pieces["docs-" + Math.floor(d / index.block)];
    var doc = piece.docs[d % index.block];
    return { doc: doc, page: piece.pages[doc[0] - piece.firstPage] };
  }

  // Searches for what is typed once its pieces are there; a search overtaken by a newer one (the
  // reader typed on while pieces loaded) stops where it is.
  // `go`: Enter was pressed before the results of what is typed were shown: open the first.
  var asked = 0, timer = null, shownFor = null, go = false;
  function run() {
    clearTimeout(timer);
    var ask = ++asked;
    var query = input.value;
    if (!query.trim()) return close();
    load(function () {
      var words = parse(query);
      var loaded = termPieces(words);
      need(loaded.map(function (n) { return "terms-" + n; }), function () {
        if (ask !== asked) return;
        var started = performance.now();
        var hits = search(words, loaded);
        var groups = pick(hits);
        var blocks = {};
        groups.forEach(function (g) { g.forEach(function (d) { blocks["docs-" + Math.floor(d / index.block)] = true; }); });
        var took = performance.now() - started;
        need(Object.keys(blocks), function () {
          if (ask !== asked) return;
          started = performance.now();
          if (!show(query, words, hits, groups)) return;
          shownFor = query;
          // How long the search took, pieces apart, for bench/search.py.
          if (performance.mark) performance.mark("mentorbook-search", { detail: took + performance.now() - started });
          if (go && results.length) window.location.href = results[0].href;
          go = false;
        });
      });
    });
  }
  function later() {
    clearTimeout(timer);
    if (!input.value.trim()) return close();
    timer = setTimeout(run, PAUSE);
  }

  // `text` cut into words and what is between, each word marked when a query word finds it.
  function marks(text, words) {
    var out = [], at = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (m.index > at) out.push({ text: text.slice(at, m.index), hit: false });
      var s = stem(clean(m[0]));
      out.push({ text: m[0], hit: words.some(function (q) { return matches(q, s); }) });
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push({ text: text.slice(at), hit: false });
    return out;
  }

  // `text` with its found words in <mark>, into `into`; `around` keeps only a window of the text
  // around the first word found.
  function highlight(into, text, words, around) {
    var parts = marks(text, words);
    if (around) {
      var first = parts.findIndex(function (p) { return p.hit; });
      var chars = 0, from = 0;
      for (var i = Math.max(first, 0) - 1; i >= 0; i--) {
        chars += parts[i].text.length;
        if (chars > 60) { from = i + 1; break; }
      }
      var kept = [], length = 0;
      for (var j = from; j < parts.length && length < 170; j++) { kept.push(parts[j]); length += parts[j].text.length; }
      if (from > 0) kept.unshift({ text: "… ", hit: false });
      if (j < parts.length) kept.push({ text: " …", hit: false });
      parts = kept;
    }
    parts.forEach(function (p) {
      if (p.hit) {
        var mark = document.createElement("mark");
        mark.textContent = p.text;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(p.text));
      }
    });
  }

  function say(text) { status.textContent = text; }

  function show(query, words, hits, groups) {
    // The pieces may arrive after the reader left the box.
    if (document.activeElement !== input) return false;
    list.textContent = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    results = [];
    groups.forEach(function (docs, k) {
      if (!docs.length) return;
      var group = document.createElement("div");
      group.setAttribute("role", "group");
      group.className = "search-group";
      var label = document.createElement("div");
      label.className = "search-group-label";
      label.id = "search-group-" + k;
      label.setAttribute("role", "presentation");
      label.textContent = GROUPS[k];
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      docs.forEach(function (d) {
        var found = docOf(d), doc = found.doc, page = found.page;
        var option = document.createElement("a");
        option.id = "search-result-" + results.length;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.tabIndex = -1;
        option.className = "search-result";
        option.href = root + page[1] + (doc[1] ? "#" + doc[1] : "");
        var title = document.createElement("span");
        title.className = "search-title";
        highlight(title, doc[2], words, false);
        option.appendChild(title);
        if (doc[2] !== page[2]) {
          var where = document.createElement("span");
          where.className = "search-where";
          where.textContent = page[2];
          option.appendChild(where);
        }
        if (doc[3]) {
          var snippet = document.createElement("span");
          snippet.className = "search-snippet";
          highlight(snippet, doc[3], words, true);
          option.appendChild(snippet);
        }
        option.addEventListener("mousedown", function (e) { e.preventDefault(); });
        results.push(option);
        group.appendChild(option);
      });
      list.appendChild(group);
    });
    if (!results.length) {
      var none = document.createElement("p");
      none.className = "search-none";
      none.textContent = fill(WORDS.nothing_found, { query: query.trim() });
      list.appendChild(none);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    var shown = results.length;
    var counted = count(WORDS.results, shown);
    if (hits.length > shown) counted = fill(WORDS.results_of, { results: counted, total: hits.length });
    say(shown ? fill(WORDS.found, { results: counted }) : WORDS.none);
    return true;
  }

  // Closes the results; a search under way shows nothing.
  function close() {
    clearTimeout(timer);
    asked++;
    go = false;
    list.hidden = true;
    list.textContent = "";
    results = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(i) {
    if (!results.length) return;
    if (active >= 0) results[active].setAttribute("aria-selected", "false");
    active = (i + results.length) % results.length;
    var option = results[active];
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", later);
  input.addEventListener("focus", function () { if (input.value.trim()) run(); else load(function () {}); });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) run(); else choose(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); choose(active - 1); }
    else if (e.key === "Enter") {
      if (shownFor !== input.value && input.value.trim()) {
        // The results on screen are not for what is typed (or there are none yet): search now.
        e.preventDefault();
        go = true;
        return run();
      }
      var option = results[active >= 0 ? active : 0];
      if (option) { e.preventDefault(); window.location.href = option.href; }
    } else if (e.key === "Escape") {
      // The first Escape closes the results and keeps the words (a search field would clear them);
      // the next one clears the field and leaves it.
      e.preventDefault();
      if (!list.hidden) close(); else { input.value = ""; input.blur(); }
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key !== "/" && e.key !== "s") return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
