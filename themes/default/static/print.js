// The "Print" buttons of the workbook and handbook pages. They stay hidden without JavaScript,
// where the browser's own Print command does the same.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

// The contents' page numbers. `mentorbook pdf` prints a page, reads from the PDF where each part
// fell, then prints it again with `?pages=<id>~<page>.<id>~<page>` in its address; this writes each
// number beside its entry. Without numbers (the first print, or the browser's own Print command)
// the places stay empty but as wide, so the numbers never move a line. print.css shows them on
// paper only.
(function () {
  var match = /[?&]pages=([^&]*)/.exec(location.search);
  var pages = {};
  if (match) {
    decodeURIComponent(match[1]).split(".").forEach(function (entry) {
      var at = entry.lastIndexOf("~");
      if (at > 0) pages[entry.slice(0, at)] = entry.slice(at + 1);
    });
  }
  document.querySelectorAll(".wb-toc a[href^='#']").forEach(function (link) {
    var number = document.createElement("span");
    number.className = "wb-toc-page";
    number.textContent = pages[link.getAttribute("href").slice(1)] || "";
    link.appendChild(number);
  });
})();
