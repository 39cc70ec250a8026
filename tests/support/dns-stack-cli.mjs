// Runs the Knot DNS + dnsdist DoH stack for a test process that is not Node (the Rust
// integration tests of the CLI): prints {"dohUrl", "jsonUrl", "googleUrl", "slowUrl",
// "faults": {kind: url}} on
// one line once the stack answers, and stops it when standard input closes, which happens
// when the test process exits for any reason.

import { startDnsStack } from "./dns-stack.mjs";

const stack = await startDnsStack().catch((error) => {
  console.error(`dns-stack-cli: ${error.message}`);
  process.exit(1);
});
process.stdout.write(
  `${JSON.stringify({
    dohUrl: stack.dohUrl,
    jsonUrl: stack.jsonUrl,
    googleUrl: stack.googleUrl,
    slowUrl: stack.delayedUrl(3000),
    faults: Object.fromEntries(
      ["http500", "garbage", "truncated", "cname-loop", "wrong-name", "json-types"].map((k) => [k, stack.faultUrl(k)]),
    ),
  })}\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stack.stop().catch(() => {});
  process.exit(0);
}
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
