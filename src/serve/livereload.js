// folio live reload: injected into every page by `folio serve`, never into a build.
(function () {
  "use strict";
  var version = __VERSION__;
  var url = new URL("__BASE__" + "__folio/events", window.location.href);
  var overlayId = "folio-error-overlay";

  function showOverlay(html) {
    var el = document.getElementById(overlayId);
    if (!el) {
      el = document.createElement("div");
      el.id = overlayId;
      el.setAttribute("role", "alert");
      document.body.appendChild(el);
    }
    el.innerHTML = html;
  }

  function hideOverlay() {
    var el = document.getElementById(overlayId);
    if (el) el.parentNode.removeChild(el);
  }

  function swapStylesheets(v) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var href = new URL(links[i].href, window.location.href);
      if (href.origin !== window.location.origin) continue;
      href.searchParams.set("folio", String(v));
      links[i].href = href.toString();
    }
  }

  // The server answers a new stream at once; if it does not (a connection can
  // wait behind others in tiny_http's pool), try again.
  // Loads the new version of this page and swaps its body in place: faster
  // than a reload (stylesheets and images stay), and the scroll position is
  // kept. Anything unexpected falls back to a full reload.
  function update(newVersion) {
    var sheets = function (doc) {
      return Array.prototype.map.call(doc.querySelectorAll('link[rel="stylesheet"]'), function (l) {
        return l.getAttribute("href");
      }).join(" ");
    };
    fetch(window.location.href, { cache: "no-store" })
      .then(function (r) {
        if (!r.ok && r.status !== 404) throw new Error("status " + r.status);
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (sheets(doc) !== sheets(document)) throw new Error("stylesheets changed");
        var x = window.scrollX, y = window.scrollY;
        document.title = doc.title;
        document.documentElement.lang = doc.documentElement.lang;
        document.body.replaceWith(doc.body);
        // Scripts parsed by DOMParser do not run: run the page's own again
        // (not this one, which is still running).
        Array.prototype.forEach.call(document.body.querySelectorAll("script"), function (old) {
          if (old.textContent.indexOf("__folio/events") !== -1) return;
          var s = document.createElement("script");
          s.textContent = old.textContent;
          old.replaceWith(s);
        });
        window.scrollTo(x, y);
        version = newVersion;
      })
      .catch(function () {
        window.location.reload();
      });
  }

  function connect() {
    var source = new EventSource(url);
    var answered = false;
    var watchdog = window.setTimeout(function () {
      if (!answered) {
        source.close();
        connect();
      }
    }, 1500 + Math.random() * 500);
    source.onmessage = function (event) {
      answered = true;
      window.clearTimeout(watchdog);
      var msg = JSON.parse(event.data);
      if (msg.error) showOverlay(msg.error); else hideOverlay();
      if (msg.version === version) return;
      if (msg.css_only_since === version) {
        version = msg.version;
        swapStylesheets(version);
      } else {
        update(msg.version);
      }
    };
  }
  connect();
})();
