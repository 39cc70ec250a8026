// Benchmark: every screen's first paint and time to interactive in headless Chromium with
// 4x CPU throttling, against the static-HTML floor in the same run: the screen as the app
// renders it, saved as plain HTML with its stylesheets and no scripts. 61 pairs of runs
// each, the app and its floor back to back in alternating order, a fresh context per run
// (nothing cached, service worker off). A control measures the planner against itself
// (the same files from a second server) the same way, so the run shows how finely it can
// tell two pages apart. Run by `cargo xtask bench load`, which judges the pairs
// (xtask/src/paired.rs); prints one JSON object with every run.
//
// First paint is the browser's first-contentful-paint entry. Interactive is the moment the
// app's own DOM has replaced the prerendered page (src/prerender.rs) and the first control
// in <main> takes focus; on the floor, the moment that control exists. Each screen runs in
// a browser of its own.

import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../support/static-server.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
// 61 pairs: single first paints on loopback spread from about 170 to 600 ms, the floor's as
// much as the app's, far more than the 10% judged; a pair's ratio has a spread (standard
// deviation of its logarithm) of 0.14 to 0.28 even when both pages are the same file.
const RUNS = Number(process.env.BENCH_RUNS ?? 61);
const THROTTLE = 4;
const ROUTES = ["", "compare/", "cards/", "connector/", "check/", "explain/", "settings/"];
const CONTROL = 'main :is(input, select, textarea, button, a[href], [tabindex="0"])';

// Records interactive inside the page, so that nothing is evaluated in it before its first
// paint: waiting from outside (page.waitForFunction from the commit) loads Playwright's own
// script into every page first, which added some 100 ms of throttled main-thread work to
// both the app's first paint and the floor's and so hid part of the difference.
function recordInteractive(selector) {
  const check = () => {
    const control = !document.querySelector("[data-prerendered]") && document.querySelector(selector);
    if (control) {
      control.focus();
      if (document.activeElement === control) {
        window.__benchInteractive = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function measure(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block", locale: "en-GB" });
  await context.addInitScript(recordInteractive, CONTROL);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.goto(url, { waitUntil: "load" });
  const handle = await page.waitForFunction(() => window.__benchInteractive, null, { timeout: 60_000 });
  const interactive = await handle.jsonValue();
  const paint = await page.evaluate(
    () =>
      new Promise((done) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === "first-contentful-paint");
          if (entry) done(entry.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
  await context.close();
  return { paint, interactive };
}

const dist = resolve(ROOT, "dist");
const site = await startStaticServer({ root: dist });
const floorDir = mkdtempSync(join(tmpdir(), "smarthost-bench-static-"));
const launch = () =>
  chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
let browser = await launch();
const results = [];
let controlRuns;
try {
  // The floors: each screen as the app renders it, saved as static HTML with its stylesheets.
  for (const route of ROUTES) {
    const page = await browser.newPage();
    await page.goto(site.url + route);
    await page.waitForFunction((selector) => !document.querySelector("[data-prerendered]") && document.querySelector(selector), CONTROL);
    const { html, styles } = await page.evaluate(() => {
      document.querySelectorAll("script, link[rel=modulepreload], link[rel=preload]").forEach((e) => e.remove());
      const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href"));
      return { html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`, styles };
    });
    await page.close();
    const dir = join(floorDir, route);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), html);
    // The stylesheets sit at the site root; the route's <base href> climbs to it.
    for (const href of styles) {
      const target = join(floorDir, href.replace(/^\.\//, ""));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(dist, href), target);
    }
  }
  const floor = await startStaticServer({ root: floorDir });
  // The control: the same files from a second server, so that both pages of a pair are
  // the planner and any difference is the measure's own.
  const twin = await startStaticServer({ root: dist });
  const screens = ROUTES.map((route) => ({ route, first: site.url, second: floor.url }));
  screens.push({ route: "", first: site.url, second: twin.url, isControl: true });
  for (const { route, first, second, isControl } of screens) {
    // A new browser for each screen: in one browser going through some 400 contexts the app's
    // pages painted later and later while the floors did not, so whichever screens came last
    // failed. Each browser is warmed up on both pages of the screen first (compile caches).
    await browser.close();
    browser = await launch();
    for (const url of [first, second]) await measure(browser, url + route);
    const a = [];
    const b = [];
    for (let i = 0; i < RUNS; i++) {
      // A pair back to back, the order swapped every run, so that whatever the machine is
      // doing at that moment weighs on both pages and neither always goes first.
      const turns = [
        [a, first],
        [b, second],
      ];
      if (i % 2 === 1) turns.reverse();
      for (const [runs, url] of turns) runs.push(await measure(browser, url + route));
    }
    const runs = (list, key) => list.map((r) => Math.round(r[key]));
    const result = {
      route: `/${route}`,
      appPaint: runs(a, "paint"),
      floorPaint: runs(b, "paint"),
      appInteractive: runs(a, "interactive"),
      floorInteractive: runs(b, "interactive"),
    };
    if (isControl) controlRuns = result;
    else results.push(result);
  }
  await new Promise((r) => floor.server.close(r));
  await new Promise((r) => twin.server.close(r));
  process.stdout.write(`${JSON.stringify({ runs: RUNS, throttle: THROTTLE, routes: results, control: controlRuns })}\n`);
} finally {
  await browser.close();
  await new Promise((r) => site.server.close(r));
  rmSync(floorDir, { recursive: true, force: true });
}
