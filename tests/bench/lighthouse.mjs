// Benchmark: Lighthouse (the version in target/bench-tools/lighthouse, installed by
// `cargo xtask bench lighthouse`) against the built site on loopback, served gzip-
// compressed as production hosts do, with Debian's Chromium: the planner, a guide page
// and a device card page. Prints one JSON object with the four category scores per page.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { startStaticServer } from "../support/static-server.mjs";

const ROOT = resolve(import.meta.dirname, "..", "..");
const LIGHTHOUSE = resolve(ROOT, "target/bench-tools/lighthouse/node_modules/.bin/lighthouse");
const PAGES = [
  ["planner", ""],
  ["compare", "compare/"],
  ["cards", "cards/"],
  ["connector", "connector/"],
  ["DNS check", "check/"],
  ["explain", "explain/"],
  ["settings", "settings/"],
  ["guide page", "guide/en/direct-send.html"],
  ["device card page", "guide/en/devices/reception-mfp.html"],
];

const site = await startStaticServer({ root: resolve(ROOT, "dist"), gzip: true });
const out = mkdtempSync(join(tmpdir(), "smarthost-lighthouse-"));
try {
  const results = [];
  for (const [name, path] of PAGES) {
    const report = join(out, "report.json");
    await promisify(execFile)(
      LIGHTHOUSE,
      [
        new URL(path, site.url).href,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json",
        `--output-path=${report}`,
      ],
      { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
    );
    const json = JSON.parse(readFileSync(report, "utf8"));
    const score = (id) => Math.round((json.categories[id]?.score ?? 0) * 100);
    results.push({
      name,
      path: `/${path}`,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(json.audits["largest-contentful-paint"]?.numericValue ?? 0),
      version: json.lighthouseVersion,
    });
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
  await new Promise((r) => site.server.close(r));
}
