// Benchmark: the DNS check of a 3-level SPF tree with 8 includes (tests/zones/web.test,
// deep.web.test) against a DoH server that adds a fixed delay to every answer.
//
// The browser asks each level's questions together, so its wall time should follow the
// tree's depth; the CLI asks one question at a time (blocking HTTP) and shows what a
// strictly sequential evaluation costs on the same server. Run by `cargo xtask bench
// dns`; prints one JSON object on stdout.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { startDnsStack } from "../support/dns-stack.mjs";
import { startStaticServer } from "../support/static-server.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DOMAIN = "deep.web.test";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Requests that started after every earlier one had been answered open a new wave. */
function sequentialRoundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  let waves = 0;
  let waveEnd = -Infinity;
  for (const r of sorted) {
    if (r.start >= waveEnd) {
      waves += 1;
      waveEnd = r.end;
    } else {
      waveEnd = Math.min(waveEnd, r.end);
    }
  }
  return waves;
}

async function browserRun(browser, url) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const requests = new Map();
  page.on("request", (r) => {
    if (r.url().includes("/delay/")) requests.set(r, { start: performance.now(), end: Infinity });
  });
  page.on("requestfinished", (r) => {
    const entry = requests.get(r);
    if (entry) entry.end = performance.now();
  });
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelectorAll(".check-card[data-section]").length === 3 &&
      document.querySelectorAll('.check-card[data-status="pending"]').length === 0,
    null,
    { polling: "raf", timeout: 60_000 },
  );
  const done = performance.now();
  const list = [...requests.values()];
  const first = Math.min(...list.map((r) => r.start));
  await context.close();
  if (process.env.BENCH_TRACE) for (const r of [...requests.entries()].sort((a, b) => a[1].start - b[1].start)) console.error(Math.round(r[1].start - first), Math.round(r[1].end - first), new URL(r[0].url()).searchParams.get("dns")?.slice(0, 40));
  return { wallMs: done - first, lookups: list.length, roundTrips: sequentialRoundTrips(list) };
}

// Asynchronous: the delaying DoH proxy runs in this process and must keep answering.
async function cliRun(doh) {
  const binary = resolve(ROOT, "target", "release", "smarthost");
  const start = performance.now();
  const { stdout } = await promisify(execFile)(binary, ["check", DOMAIN, "--doh", doh, "--json"]);
  const elapsed = performance.now() - start;
  const report = JSON.parse(stdout);
  if (report.findings.some((f) => f.code === "dns-error")) throw new Error(`the CLI could not check: ${stdout}`);
  return elapsed;
}

const dist = resolve(ROOT, "dist");
const site = await startStaticServer({ root: dist });
const dns = await startDnsStack();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu", "--no-first-run"] });
try {
  const doh = dns.delayedUrl(DELAY_MS);
  const url = new URL(`check/?domain=${DOMAIN}&doh=${encodeURIComponent(doh)}`, site.url).href;
  await browserRun(browser, url); // warm-up: compile and cache the wasm
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await browserRun(browser, url));
  await cliRun(doh);
  const cli = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) cli.push(await cliRun(doh));
  // Cold start: the same check with no added delay, process start to exit.
  const cold = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) cold.push(await cliRun(dns.dohUrl));
  const result = {
    domain: DOMAIN,
    delayMs: DELAY_MS,
    runs: RUNS,
    browser: {
      medianWallMs: Math.round(median(runs.map((r) => r.wallMs))),
      lookups: median(runs.map((r) => r.lookups)),
      sequentialRoundTrips: median(runs.map((r) => r.roundTrips)),
    },
    cliSequential: { medianWallMs: Math.round(median(cli)) },
    cliColdStartMs: Math.round(median(cold)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
  await dns.stop();
  await new Promise((r) => site.server.close(r));
}
