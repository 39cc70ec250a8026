// The DNS stack's teardown (`node --test tests/support/`, run by `cargo xtask test`): stop()
// must return when Knot or dnsdist has already died, as after a crash or a stray kill,
// and must leave none of the stack's processes or files behind.

import { test } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { missingTools, missingToolsLine, startDnsStack } from "./dns-stack.mjs";

const missing = missingTools();
// Outside CI a machine without the tools skips these; under CI they are mandatory.
const skip = missing.length > 0 && process.env.CI !== "true" ? missingToolsLine(missing) : false;

/** Resolves to "stopped" when `stop` returns within `ms`, or "still waiting" after it. */
async function stopsWithin(stop, ms) {
  let timer;
  const late = new Promise((resolveLate) => {
    timer = setTimeout(() => resolveLate("still waiting"), ms);
  });
  const outcome = await Promise.race([stop().then(() => "stopped"), late]);
  clearTimeout(timer);
  return outcome;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

for (const [what, victims] of [
  ["dnsdist", ["dnsdist"]],
  ["Knot", ["knot"]],
  ["both", ["dnsdist", "knot"]],
]) {
  test(`stop() returns when ${what} was already killed by a signal`, { skip }, async (t) => {
    const stack = await startDnsStack();
    // On a failed assertion, too, nothing is left running.
    t.after(() => stack.stop());
    const pids = readFileSync(join(stack.dir, "pids"), "utf8").trim().split("\n").map(Number);
    const { knot, dnsdist } = stack.processes;
    assert.deepEqual(pids, [knot.pid, dnsdist.pid], "pids lists this stack's processes");
    for (const name of victims) {
      const child = stack.processes[name];
      const exited = once(child, "exit");
      // SIGKILL, because both exit with status 0 on SIGTERM.
      process.kill(-child.pid, "SIGKILL");
      const [code, signal] = await exited;
      // The case that hung: killed by a signal, so there is no exit code.
      assert.equal(code, null);
      assert.equal(signal, "SIGKILL");
    }
    assert.equal(await stopsWithin(() => stack.stop(), 15000), "stopped");
    for (const pid of pids) assert.equal(alive(pid), false, `process ${pid} is gone`);
    assert.equal(existsSync(stack.dir), false, "the stack's folder is removed");
  });
}

test("stop() stops a running stack", { skip }, async (t) => {
  const stack = await startDnsStack();
  t.after(() => stack.stop());
  const { knot, dnsdist } = stack.processes;
  assert.equal(await stopsWithin(() => stack.stop(), 15000), "stopped");
  assert.equal(alive(knot.pid), false);
  assert.equal(alive(dnsdist.pid), false);
  assert.equal(existsSync(stack.dir), false);
});
