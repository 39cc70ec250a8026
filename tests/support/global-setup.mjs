// Starts every service the browser tests use and hands their URLs to the test workers
// through environment variables. The returned function is Playwright's teardown; it runs
// whether the tests pass or fail.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startDnsStack } from "./dns-stack.mjs";
import { startStaticServer } from "./static-server.mjs";

export const SUB_PATH = "/tools/smarthost/";

export default async function globalSetup() {
  const dist = resolve(import.meta.dirname, "..", "..", "dist");
  const started = [];
  try {
    const root = await startStaticServer({ root: dist });
    started.push(() => new Promise((r) => root.server.close(r)));
    const sub = await startStaticServer({ root: dist, prefix: SUB_PATH });
    started.push(() => new Promise((r) => sub.server.close(r)));
    const dns = await startDnsStack();
    started.push(() => dns.stop());

    // The matrix as the CLI prints it, built once here rather than inside a test's time
    // limit (the first `cargo run` may have to compile).
    const matrixJson = execFileSync("cargo", ["run", "--quiet", "-p", "smarthost", "--", "methods", "--json"], {
      encoding: "utf8",
      cwd: resolve(import.meta.dirname, "..", ".."),
    });
    const matrixDir = mkdtempSync(join(tmpdir(), "smarthost-matrix-"));
    started.push(async () => rmSync(matrixDir, { recursive: true, force: true }));
    const matrixFile = join(matrixDir, "matrix.json");
    writeFileSync(matrixFile, matrixJson);
    process.env.SMARTHOST_MATRIX_JSON = matrixFile;

    process.env.SMARTHOST_URL = root.url;
    process.env.SMARTHOST_SUBPATH_URL = sub.url;
    process.env.SMARTHOST_DOH_URL = dns.dohUrl;
    process.env.SMARTHOST_DOH_JSON_URL = dns.jsonUrl;
    process.env.SMARTHOST_DOH_GOOGLE_URL = dns.googleUrl;
    process.env.SMARTHOST_DOH_SLOW_URL_TEMPLATE = dns.delayedUrl("MS");
    process.env.SMARTHOST_DOH_FAULT_URLS = JSON.stringify(
      Object.fromEntries(["http500", "garbage", "truncated", "cname-loop", "wrong-name", "json-types"].map((k) => [k, dns.faultUrl(k)])),
    );
  } catch (error) {
    await stopAll(started);
    throw error;
  }
  return () => stopAll(started);
}

async function stopAll(stoppers) {
  for (const stop of stoppers.reverse()) {
    await stop().catch(() => {});
  }
}
