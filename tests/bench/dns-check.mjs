// Benchmark: the DNS check of a 3-level SPF tree with 8 includes (tests/zones/web.test,
// deep.web.test) against a DoH server that adds a fixed delay to every answer.
//
// The browser and the CLI ask each level's questions together, so their wall time
// should follow the tree's depth. The yardstick is pyspf (with dnspython), which asks one
// question at a time: it evaluates check_host for the same IP over plain DNS through a
// forwarder (delaying-dns.mjs) that adds the same delay to every answer before asking
// the same dnsdist. Run by `cargo xtask bench dns`, which installs pyspf in a venv and
// names its Python in BENCH_PYTHON and the CLI in BENCH_SMARTHOST; prints one JSON object
// on stdout.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resolve } from "node:path";
import { startDnsStack } from "../support/dns-stack.mjs";
import { startStaticServer } from "../support/static-server.mjs";
import { startDelayingDns } from "./delaying-dns.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DOMAIN = "deep.web.test";
// In no range of the tree, so every include is read: 10 TXT records for check_host.
const IP = "203.0.113.9";
const SENDER = `postmaster@${DOMAIN}`;
const SMARTHOST = process.env.BENCH_SMARTHOST ?? resolve(ROOT, "target", "release", "smarthost");
const PYTHON = process.env.BENCH_PYTHON ?? "python3";

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
      document.querySelectorAll(".check-card[data-section]").length === 4 &&
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

/** Runs `command args`, process start to exit; asynchronous, since the delaying DoH proxy
 * and DNS forwarder run in this process and must keep answering. */
async function timed(command, args) {
  const start = performance.now();
  const { stdout } = await promisify(execFile)(command, args);
  return { elapsed: performance.now() - start, stdout };
}

async function cliRun(doh) {
  const { elapsed, stdout } = await timed(SMARTHOST, ["check", DOMAIN, "--ip", IP, "--doh", doh, "--json"]);
  const report = JSON.parse(stdout);
  if (report.findings.some((f) => f.code === "dns-error")) throw new Error(`the CLI could not check: ${stdout}`);
  if (report.spf.result_for_ip[IP] !== "fail") throw new Error(`the CLI's result for ${IP}: ${stdout}`);
  return elapsed;
}

async function cliEvalRun(doh) {
  const { elapsed, stdout } = await timed(SMARTHOST, ["spf", "eval", "--ip", IP, "--sender", SENDER, "--doh", doh, "--json"]);
  const result = JSON.parse(stdout).result;
  if (result !== "fail") throw new Error(`spf eval gave ${result}: ${stdout}`);
  return elapsed;
}

async function pyspfRun(forwarder) {
  const script = resolve(ROOT, "tests", "bench", "pyspf-check.py");
  const before = forwarder.queries();
  const { elapsed, stdout } = await timed(PYTHON, [script, IP, SENDER, forwarder.host, String(forwarder.port)]);
  const answer = JSON.parse(stdout);
  if (answer.result !== "fail") throw new Error(`pyspf gave ${answer.result}: ${stdout}`);
  return { elapsed, evalMs: answer.evalMs, queries: forwarder.queries() - before };
}

// BENCH_DIST: another built site (with BENCH_CLI_ONLY any folder will do).
const dist = process.env.BENCH_DIST ?? resolve(ROOT, "dist");
const site = await startStaticServer({ root: dist });
const dns = await startDnsStack();
// BENCH_CLI_ONLY=1: the CLI and pyspf alone (no Chromium, no dist/ needed), for a quick A/B.
const cliOnly = Boolean(process.env.BENCH_CLI_ONLY);
const browser = cliOnly
  ? null
  : await (await import("playwright-core")).chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu", "--no-first-run"] });
try {
  const doh = dns.delayedUrl(DELAY_MS);
  const url = new URL(`check/?domain=${DOMAIN}&doh=${encodeURIComponent(doh)}`, site.url).href;
  const runs = [];
  if (browser) {
    await browserRun(browser, url); // warm-up: compile and cache the wasm
    for (let i = 0; i < RUNS; i++) runs.push(await browserRun(browser, url));
  }
  const forwarder = await startDelayingDns({ upstreamPort: dns.dnsPort, delayMs: DELAY_MS });
  // Warm-ups, then the CLI and pyspf in turn, so both see the same machine load.
  await cliRun(doh);
  await pyspfRun(forwarder);
  const cli = [];
  const cliEval = [];
  const pyspf = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(await cliRun(doh));
    cliEval.push(await cliEvalRun(doh));
    pyspf.push(await pyspfRun(forwarder));
  }
  await forwarder.close();
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
    ip: IP,
    cliCheck: { medianWallMs: Math.round(median(cli)) },
    cliSpfEval: { medianWallMs: Math.round(median(cliEval)) },
    pyspf: {
      medianWallMs: Math.round(median(pyspf.map((r) => r.elapsed))),
      medianEvalMs: Math.round(median(pyspf.map((r) => r.evalMs))),
      queries: median(pyspf.map((r) => r.queries)),
    },
    cliColdStartMs: Math.round(median(cold)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser?.close();
  await dns.stop();
  await new Promise((r) => site.server.close(r));
}
