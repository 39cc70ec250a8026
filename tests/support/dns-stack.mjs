// A real DNS-over-HTTPS stack on loopback for the browser tests: Knot DNS serves the
// zone files in tests/zones/ authoritatively, and dnsdist answers RFC 8484 over plain
// HTTP in front of it with `Access-Control-Allow-Origin: *`, like public resolvers do.
// Both run unprivileged on free high ports with their state in a temporary folder
// (smarthost-e2e-*), each in a process group of its own. That folder holds `pids`, the
// process ids of this stack and nobody else's: when SMARTHOST_RUN_DIR names a folder
// (`cargo xtask test` sets it), the stack's folder is made inside it, so the run that
// started a stack can stop what its teardown missed without touching another run's.

import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readdir, copyFile, writeFile, mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { startDohProxy } from "./doh-proxy.mjs";

const ZONES_DIR = resolve(import.meta.dirname, "..", "zones");

/** The stack's programs that are not on PATH. */
export function missingTools() {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  const found = (tool) =>
    dirs.some((dir) => {
      try {
        accessSync(join(dir, tool), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  return ["knotd", "dnsdist"].filter((tool) => !found(tool));
}

/** One line: what is missing and what installs it. */
export function missingToolsLine(missing) {
  return `${missing.join(" and ")} not on PATH: the DNS-stack tests need Knot DNS (knotd) and dnsdist; \`cargo xtask test\` installs them`;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function zoneNames() {
  const files = (await readdir(ZONES_DIR)).filter((f) => f.endsWith(".zone")).sort();
  return files.map((f) => f.slice(0, -".zone".length));
}

function knotConfig({ dir, port, zones }) {
  return `server:
    rundir: "${dir}/knot-run"
    listen: 127.0.0.1@${port}
log:
  - target: stderr
    any: warning
database:
    storage: "${dir}/knot-db"
template:
  - id: default
    storage: "${dir}/zones"
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
zone:
${zones.map((z) => `  - domain: ${z}`).join("\n")}
`;
}

function dnsdistConfig({ dnsPort, knotPort, dohPort, healthZone }) {
  // servfail.cli.test answers SERVFAIL, as a broken authoritative server would.
  return `setLocal("127.0.0.1:${dnsPort}")
newServer({address="127.0.0.1:${knotPort}", name="knot", checkName="${healthZone}.", checkType="SOA"})
addAction(QNameRule("servfail.cli.test."), RCodeAction(DNSRCode.SERVFAIL))
addDOHLocal("127.0.0.1:${dohPort}", nil, nil, "/dns-query", {customResponseHeaders={["access-control-allow-origin"]="*"}})
`;
}

function startProcess(command, args, name, log) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.on("data", (d) => log.push(`[${name}] ${d}`));
  child.stderr.on("data", (d) => log.push(`[${name}] ${d}`));
  // Settles once the process is gone, however that happened: an exit, a signal (then
  // exitCode stays null and signalCode is set), or a spawn that failed. Created now, so
  // a process that died before stop() is not waited for again: its 'exit' has fired.
  child.gone = new Promise((resolveGone) => {
    child.once("exit", resolveGone);
    child.once("error", (error) => {
      log.push(`[${name}] ${error.message}\n`);
      if (child.pid === undefined) resolveGone();
    });
  });
  return child;
}

/** Whether `child` was started and has neither exited nor been killed by a signal. */
export function isRunning(child) {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

/** SIGTERM to each running child's process group, SIGKILL to those still there after
 * `graceMs`; resolves once every one of them is gone. */
export async function stopProcesses(children, graceMs = 5000) {
  const signalAll = (signal) => {
    for (const child of children) {
      if (!isRunning(child)) continue;
      try {
        process.kill(-child.pid, signal);
      } catch {}
    }
  };
  signalAll("SIGTERM");
  let timer;
  const grace = new Promise((resolveGrace) => {
    timer = setTimeout(resolveGrace, graceMs);
  });
  const allGone = Promise.all(children.map((c) => c.gone));
  await Promise.race([allGone, grace]);
  clearTimeout(timer);
  signalAll("SIGKILL");
  await allGone;
}

/** Asks the DoH endpoint for the SOA of `zone` until it answers, within `timeoutMs`. */
async function waitForDoh(url, zone, child, log, timeoutMs = 20000) {
  const query = encodeQuery(zone, 6);
  const deadline = Date.now() + timeoutMs;
  let lastError = "no attempt";
  while (Date.now() < deadline) {
    if (!isRunning(child)) break;
    try {
      const response = await fetch(`${url}?dns=${query}`, {
        headers: { accept: "application/dns-message" },
        signal: AbortSignal.timeout(1000),
      });
      const body = new Uint8Array(await response.arrayBuffer());
      // NOERROR with at least one answer: knot has loaded the zone and dnsdist reaches it.
      if (response.status === 200 && (body[3] & 0x0f) === 0 && body[7] > 0) return;
      lastError = `HTTP ${response.status}, rcode ${body[3] & 0x0f}, ${body[7]} answers`;
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DoH stack did not come up at ${url} (${lastError})\n${log.join("")}`);
}

/** A wire-format query, base64url without padding (RFC 8484). */
export function encodeQuery(name, type) {
  const labels = name.split(".").filter(Boolean);
  const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const label of labels) bytes.push(label.length, ...Buffer.from(label, "ascii"));
  bytes.push(0, type >> 8, type & 0xff, 0, 1);
  return Buffer.from(bytes).toString("base64url");
}

export async function startDnsStack() {
  const missing = missingTools();
  if (missing.length > 0) throw new Error(missingToolsLine(missing));
  const dir = await mkdtemp(join(process.env.SMARTHOST_RUN_DIR || tmpdir(), "smarthost-e2e-"));
  const zones = await zoneNames();
  if (zones.length === 0) throw new Error(`no zone files in ${ZONES_DIR}`);
  await mkdir(join(dir, "zones"));
  await mkdir(join(dir, "knot-run"));
  await mkdir(join(dir, "knot-db"));
  for (const zone of zones) await copyFile(join(ZONES_DIR, `${zone}.zone`), join(dir, "zones", `${zone}.zone`));

  const [knotPort, dnsPort, dohPort] = [await freePort(), await freePort(), await freePort()];
  await writeFile(join(dir, "knot.conf"), knotConfig({ dir, port: knotPort, zones }));
  await writeFile(join(dir, "dnsdist.conf"), dnsdistConfig({ dnsPort, knotPort, dohPort, healthZone: zones[0] }));

  const log = [];
  const knot = startProcess("knotd", ["-c", join(dir, "knot.conf")], "knotd", log);
  const dnsdist = startProcess("dnsdist", ["--supervised", "--disable-syslog", "-C", join(dir, "dnsdist.conf")], "dnsdist", log);
  const stack = {
    dir,
    dohUrl: `http://127.0.0.1:${dohPort}/dns-query`,
    // dnsdist's plain DNS listener (UDP and TCP), for clients that do not speak DoH.
    dnsPort,
    zones,
    processes: { knot, dnsdist },
    async stop() {
      await stopProcesses([dnsdist, knot]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    // Each is the leader of its own process group (detached), so its pid names the group.
    const pids = [knot, dnsdist].filter((c) => c.pid !== undefined).map((c) => `${c.pid}\n`);
    await writeFile(join(dir, "pids"), pids.join(""));
    await waitForDoh(stack.dohUrl, zones[0], dnsdist, log);
    const proxy = await startDohProxy({ upstream: stack.dohUrl });
    Object.assign(stack, {
      jsonUrl: proxy.jsonUrl,
      googleUrl: proxy.googleUrl,
      delayedUrl: proxy.delayedUrl,
      faultUrl: proxy.faultUrl,
    });
    const stopServices = stack.stop;
    stack.stop = async () => {
      await new Promise((r) => proxy.server.close(r));
      await stopServices();
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
