// mentorbook serve: reloads the page after a rebuild and shows a failed build's errors over it.
// Added by the preview server only; built sites never load it.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = Number(new URL(script.src).searchParams.get("g"));
  var overlay = null;

  function show(text, words) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "mentorbook-problems";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed";
      s.inset = "0";
      s.zIndex = "2147483647";
      s.overflow = "auto";
      s.padding = "2rem";
      s.background = "rgba(20, 20, 24, 0.96)";
      s.color = "#f4f4f5";
      s.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
      var title = document.createElement("p");
      title.textContent = words.not_rebuilt;
      title.style.font = "bold 16px/1.4 system-ui, sans-serif";
      title.style.color = "#fca5a5";
      var pre = document.createElement("pre");
      pre.style.whiteSpace = "pre-wrap";
      pre.style.margin = "1rem 0 0";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function onStatus(event) {
    var status = JSON.parse(event.data);
    // For tests and the curious: the page is listening.
    window.mentorbookLive = status;
    if (status.problems) {
      show(status.problems, status.words);
    } else if (status.generation !== generation) {
      location.reload();
    } else {
      hide();
    }
  }

  var source = null;
  function listen() {
    source = new EventSource("/__mentorbook/events");
    ["ok", "reload", "problems"].forEach(function (name) {
      source.addEventListener(name, onStatus);
    });
  }
  listen();
  // A page left for another may be kept for the Back button with its connections open, and the
  // browser opens at most six to the server: after six pages, the next would wait for ever. So the
  // stream closes when the page is left and opens again when it comes back (and reloads it if a
  // rebuild happened meanwhile).
  window.addEventListener("pagehide", function () {
    source.close();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      listen();
    }
  });
  // A form sent (`serve --edit`) leaves the page for the server's answer: the save's rebuild must
  // not reload this page meanwhile, which would drop that answer (the redirect, or the refusal).
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) {
      source.close();
    }
  });
})();
