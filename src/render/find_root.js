// The 404 page is served at any address that has no page, so its links cannot be relative. Built
// without a base URL they start at "/", right for a site at the root of its host and wrong for one
// under a path (https://user.github.io/repo/). This finds the deepest folder of the address that
// holds the site (its stylesheet answers there), then leads the page's links, stylesheets and
// scripts there. Without JavaScript the links stay at "/".
(function () {
  "use strict";
  var html = document.documentElement;
  var folders = location.pathname.split("/").slice(1, -1).slice(0, 8);
  var tries = [];
  for (var i = folders.length; i >= 1; i--) tries.push("/" + folders.slice(0, i).join("/") + "/");
  function holdsSite(root) {
    return fetch(root + "static/style.css", { method: "HEAD", cache: "no-store" }).then(function (r) {
      return r.ok && (r.headers.get("content-type") || "").indexOf("css") >= 0;
    }, function () { return false; });
  }
  function lead(root) {
    var moved = function (v) { return v && v.charAt(0) === "/" && v.charAt(1) !== "/" ? root + v.slice(1) : v; };
    document.querySelectorAll("a[href], link[href]").forEach(function (e) {
      e.setAttribute("href", moved(e.getAttribute("href")));
    });
    document.querySelectorAll("[data-root], [data-index]").forEach(function (e) {
      if (e.hasAttribute("data-root")) e.setAttribute("data-root", moved(e.getAttribute("data-root")));
      if (e.hasAttribute("data-index")) e.setAttribute("data-index", moved(e.getAttribute("data-index")));
    });
    // A script whose address failed does not run again when the address changes: a new one does.
    document.querySelectorAll("script[src]").forEach(function (old) {
      var src = old.getAttribute("src");
      if (moved(src) === src) return;
      var s = document.createElement("script");
      s.src = moved(src);
      old.parentNode.replaceChild(s, old);
    });
  }
  Promise.all(tries.map(holdsSite)).then(function (found) {
    var root = tries[found.indexOf(true)] || "/";
    function done() {
      if (root !== "/") lead(root);
      html.setAttribute("data-site-root", root);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", done);
    else done();
  });
})();
