// Prerendering: each screen's first paint comes from HTML, not from WebAssembly.
//
//   node xtask/prerender.mjs <dist> <route>=<storage keys>...
//
// Run by `cargo xtask build` after the app is built. For every route it opens the built
// page in headless Chromium (English, nothing stored, no query), waits until the app has
// rendered, and writes what the app's own components rendered into that route's HTML,
// each top-level node marked `data-prerendered`. So the markup is the components' output,
// not a second copy of it. When the WebAssembly starts it removes the marked nodes and
// mounts in the same task, so nothing is painted in between (src/prerender.rs).
//
// The page is only right for a visit that renders the same thing: English, no state in
// the address, and none of the stored values the screen reads (the keys after `=`). For
// any other visit the gate, a small inline script in <head> that runs before the body is
// parsed (and before the stylesheets, so that it waits for none), hides the marked nodes
// (class `prerender-off`, assets/style.css) and removes them
// once parsed; the page paints when the app has rendered, as before: never a flash of
// different content. The gate is inline because a script file of its own held the first
// paint back by about 40 ms at 4x CPU throttling (one more request before rendering); the
// page's Content-Security-Policy allows exactly it by its hash.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../tests/support/static-server.mjs";

const [distArg, ...routeArgs] = process.argv.slice(2);
if (!distArg || routeArgs.length === 0) {
  console.error("usage: node xtask/prerender.mjs <dist> <route>=<storage keys>...");
  process.exit(2);
}
const dist = resolve(distArg);
const routes = routeArgs.map((arg) => {
  const [route, keys = ""] = arg.split("=");
  return { route, keys: keys.split(",").filter(Boolean) };
});

// Mirrors the app's choice of language (src/i18n.rs) and its stored keys: when any of
// them would make the app render something else, the prerendered nodes stay hidden.
const GATE = `// Hides the prerendered page when the app will not render the same (xtask/prerender.mjs).
(function () {
  var script = document.currentScript;
  var keys = (script && script.getAttribute("data-keys") || "").split(" ").filter(Boolean);
  var off = false;
  try {
    var query = new URLSearchParams(location.search);
    query.forEach(function (value, key) {
      if (!(key === "lang" && value === "en")) off = true;
    });
    var lang = query.get("lang") || localStorage.getItem("smarthost.lang") || "";
    if (!lang) lang = (navigator.language || "").toLowerCase().indexOf("vi") === 0 ? "vi" : "en";
    if (lang !== "en") off = true;
    keys.forEach(function (key) {
      if (localStorage.getItem(key) !== null) off = true;
    });
    // A screen that words dated facts for today was prerendered for the build's day.
    var date = script && script.getAttribute("data-date");
    if (date) {
      var now = new Date();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      if (now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) !== date) off = true;
    }
  } catch (error) {
    off = true;
  }
  if (off) document.documentElement.classList.add("prerender-off");
  // Until the app replaces it, the prerendered <main> is to be read, not used: a choice
  // made in it would be lost. Without JavaScript this never runs and the page stays whole.
  // A page that is not shown is taken out once parsed, so that nothing reads or finds it.
  document.addEventListener("DOMContentLoaded", function () {
    var nodes = document.querySelectorAll("[data-prerendered]");
    for (var i = 0; i < nodes.length; i++) {
      if (off) nodes[i].remove();
      else if (nodes[i].tagName === "MAIN") nodes[i].inert = true;
    }
    if (off) return;
    // The skip link cannot move focus into an inert <main>, and its prerendered address
    // is the build's, without this visit's query. It keeps the reader where they are and
    // asks the app to move focus once it has mounted (src/prerender.rs).
    var skip = document.querySelector("a.skip-link[data-prerendered], [data-prerendered] a.skip-link");
    if (skip) {
      skip.setAttribute("href", location.pathname + location.search + "#main");
      skip.addEventListener("click", function (event) {
        event.preventDefault();
        document.documentElement.setAttribute("data-skip", "");
        var main = document.getElementById("main");
        if (main) main.scrollIntoView();
      });
    }
  });
})();
`;
const GATE_HASH = `'sha256-${createHash("sha256").update(GATE).digest("base64")}'`;
const SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval'";

const pagePath = (route) => join(dist, route === "/" ? "" : route, "index.html");

/** The page as the app first renders it (at `time`, or now), ready to be written out. */
async function render(url, time) {
  const context = await browser.newContext({ locale: "en-GB", serviceWorkers: "block" });
  const page = await context.newPage();
  if (time) await page.clock.setFixedTime(time);
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector("footer.site-footer", { timeout: 60_000 });
  // Two frames: effects that run after the first render (focus, measured layouts).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const result = await page.evaluate(() => {
    // Form state lives in properties; the HTML must carry it as attributes.
    for (const input of document.querySelectorAll("input")) {
      if (input.type === "radio" || input.type === "checkbox") input.toggleAttribute("checked", input.checked);
      else if (input.type !== "file" && input.type !== "password") input.setAttribute("value", input.value);
    }
    for (const option of document.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
    for (const area of document.querySelectorAll("textarea")) area.textContent = area.value;
    // The app wrote its links for the site's root ("/compare/"); every page's <base href>
    // points at that root, so the same links without the slash also work when the site
    // is hosted under a sub-path, where the app would have written "/tools/.../compare/".
    for (const attribute of ["href", "src", "action"]) {
      for (const element of document.body.querySelectorAll(`[${attribute}^="/"]`)) {
        const value = element.getAttribute(attribute);
        if (value.startsWith("//")) continue;
        element.setAttribute(attribute, value === "/" ? "./" : value.slice(1));
      }
    }
    const parts = [];
    for (const node of document.body.children) {
      if (node.tagName === "SCRIPT") continue;
      const copy = node.cloneNode(true);
      copy.setAttribute("data-prerendered", "");
      parts.push(copy.outerHTML);
    }
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    return { body: parts.join("\n"), date, title: document.title };
  });
  await context.close();
  return { ...result, errors };
}

const site = await startStaticServer({ root: dist });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  for (const { route, keys } of routes) {
    const url = new URL(route === "/" ? "./" : `./${route}/`, site.url).href;
    const today = await render(url, null);
    // A screen that words dated facts for today (the matrix's "in 28 days") renders
    // differently on another day: rendered again 400 days on, it tells on itself.
    const later = await render(url, new Date(Date.now() + 400 * 86_400_000));
    if (today.errors.length > 0) {
      console.error(`prerender: ${route}: the page reported errors:\n${today.errors.join("\n")}`);
      failed = true;
      continue;
    }
    const body = today.body;
    const dated = body !== later.body ? today.date : "";
    const file = pagePath(route);
    const html = readFileSync(file, "utf8");
    if (!html.includes("<body></body>")) {
      console.error(`prerender: ${file} has no empty <body></body> to fill (already prerendered?)`);
      failed = true;
      continue;
    }
    if (!html.includes(SCRIPT_SRC)) {
      console.error(`prerender: ${file} has no "${SCRIPT_SRC}" in its policy to allow the gate by`);
      failed = true;
      continue;
    }
    // Before the stylesheets: an inline script after a stylesheet waits until it has
    // loaded, and the body's parsing waits with it; before them, the body is parsed while
    // the stylesheet loads, as on a static page (the planner's first paint went from 1.11
    // to 1.02 of the static-HTML floor, `cargo xtask bench load`'s measure).
    const gate = `<script data-keys="${keys.join(" ")}" data-date="${dated}">${GATE}</script>\n    <link rel="stylesheet"`;
    if (!html.includes('<link rel="stylesheet"')) {
      console.error(`prerender: ${file} has no stylesheet to put the gate before`);
      failed = true;
      continue;
    }
    // The screen's own title, as the app sets it, for the tab before the app runs.
    const title = today.title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const page = html
      .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
      .replace(SCRIPT_SRC, `${SCRIPT_SRC} ${GATE_HASH}`)
      .replace('<link rel="stylesheet"', gate)
      .replace("<body></body>", `<body>\n${body}\n</body>`);
    writeFileSync(file, page);
    console.log(`prerender: ${route} (${Math.round(body.length / 1024)} KB of HTML${dated ? `, shown on ${dated} only` : ""})`);
  }
} finally {
  await browser.close();
  site.server.close();
}
process.exit(failed ? 1 : 0);
