// The guides follow the reader's language, the same choice the app remembers: the
// app's Settings and the guides' language links store it in localStorage under
// "smarthost.lang" (this origin's, shared by the app and the guides it ships with).
// The root page, the language chooser, then opens the remembered language's home page,
// else the browser's language if it is built, else stays to let the reader choose.
// Without scripts (or storage) the chooser simply stays.
(function () {
  "use strict";
  var KEY = "smarthost.lang";

  function remembered() {
    try {
      return localStorage.getItem(KEY);
    } catch (e) {
      return null;
    }
  }

  function remember(code) {
    try {
      localStorage.setItem(KEY, code);
    } catch (e) {
      // Private modes and some embedded frames refuse storage; the link still works.
    }
  }

  // A language link chosen on a page is the reader's choice for the next visit too.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".lang-switch a[hreflang], .languages a[hreflang]");
    if (link) remember(link.getAttribute("hreflang"));
  });

  function chooseOnTheChooser() {
    if (!document.body.classList.contains("chooser")) return;
    var links = {};
    var found = document.querySelectorAll(".languages a[hreflang]");
    for (var i = 0; i < found.length; i++) links[found[i].getAttribute("hreflang")] = found[i];
    var wanted = [remembered()];
    var browser = navigator.languages || [navigator.language];
    for (var j = 0; j < browser.length; j++) wanted.push(String(browser[j] || "").toLowerCase().split("-")[0]);
    for (var k = 0; k < wanted.length; k++) {
      var link = wanted[k] && links[wanted[k]];
      if (link) {
        var target = new URL(link.href);
        target.search = location.search;
        location.replace(target.href);
        return;
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", chooseOnTheChooser);
  } else {
    chooseOnTheChooser();
  }
})();
