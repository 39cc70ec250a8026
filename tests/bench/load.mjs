// Benchmark: from navigation to the planner being interactive (the first question's
// first choice exists and can take focus) in headless Chromium with 4x CPU throttling,
// median of 7 runs; and the same for a plain static HTML copy of the rendered page (no
// scripts) as the floor. Run by `cargo xtask bench load`; prints one JSON object.

import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { startStaticServer } from "../support/static-server.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const THROTTLE = 4;
const READY = "fieldset input";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeToReady(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (selector) => {
      const input = document.querySelector(selector);
      if (!input) return false;
      input.focus();
      return document.activeElement === input ? performance.now() : false;
    },
    READY,
    { polling: "raf", timeout: 60_000 },
  );
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

const dist = resolve(ROOT, "dist");
const site = await startStaticServer({ root: dist });
const floorDir = mkdtempSync(join(tmpdir(), "smarthost-bench-static-"));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu", "--no-first-run"] });
try {
  // The floor: the planner's rendered page saved as static HTML with its stylesheets.
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForSelector(READY);
  const { html, styles } = await page.evaluate(() => {
    document.querySelectorAll("script, link[rel=modulepreload], link[rel=preload]").forEach((e) => e.remove());
    const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href"));
    return { html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`, styles };
  });
  await page.close();
  writeFileSync(join(floorDir, "index.html"), html);
  for (const href of styles) copyFileSync(join(dist, href), join(floorDir, href.replace(/^\.\//, "")));
  const floor = await startStaticServer({ root: floorDir });

  await timeToReady(browser, site.url); // warm-up: compile caches
  const app = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await timeToReady(browser, site.url));
    plain.push(await timeToReady(browser, floor.url));
  }
  await new Promise((r) => floor.server.close(r));
  process.stdout.write(
    `${JSON.stringify({ runs: RUNS, throttle: THROTTLE, appMs: Math.round(median(app)), staticMs: Math.round(median(plain)), appRuns: app.map(Math.round), staticRuns: plain.map(Math.round) })}\n`,
  );
} finally {
  await browser.close();
  await new Promise((r) => site.server.close(r));
  rmSync(floorDir, { recursive: true, force: true });
}
