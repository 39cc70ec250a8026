// Embed mode for the guides, the same contract as the app's: with ?embed=1 in its
// address a page shows no site header, navigation or footer, keeps embed=1 on its links
// and posts {type: "smarthost:height", height} to the parent page whenever its content
// changes height. Without embed=1 it only makes the "Embed this page" snippet absolute.
// A file, not an inline script, so a Content-Security-Policy of script-src 'self' allows
// it; it runs in <head> so an embedded page never flashes the header first.
(function () {
  "use strict";
  var embed = new URLSearchParams(location.search).get("embed");
  var embedded = embed === "1" || embed === "true";
  if (embedded) document.documentElement.classList.add("embedded");

  function keepEmbedOnLinks() {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.getAttribute("href").charAt(0) === "#") continue;
      var url = new URL(a.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("embed", "1");
      a.href = url.href;
    }
  }

  function postHeight() {
    var content = document.querySelector(".layout") || document.body;
    var last = -1;
    function post() {
      var height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
      if (height === last) return;
      last = height;
      parent.postMessage({ type: "smarthost:height", height: height }, "*");
    }
    if (window.ResizeObserver) new ResizeObserver(post).observe(content);
    post();
  }

  // The snippet's address as the reader sees it, so it can be pasted as it is.
  function absoluteSnippet() {
    var code = document.querySelector("[data-embed-snippet]");
    if (!code) return;
    var url = new URL(location.href);
    url.hash = "";
    url.searchParams.set("embed", "1");
    var src = url.href.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    code.textContent = code.textContent.replace(/src="[^"]*"/, 'src="' + src + '"');
    var relative = document.querySelector("[data-embed-help-relative]");
    var absolute = document.querySelector("[data-embed-help-absolute]");
    if (relative && absolute) {
      relative.hidden = true;
      absolute.hidden = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (embedded) {
      keepEmbedOnLinks();
      if (window.parent !== window) postHeight();
    } else {
      absoluteSnippet();
    }
  });
})();
