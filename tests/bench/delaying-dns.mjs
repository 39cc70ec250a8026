// A plain-DNS (UDP) forwarder for the benchmark's yardstick, pyspf: each query waits
// the given delay, then goes to dnsdist's own DNS listener, and the answer comes back
// unchanged. It gives a plain-DNS client the same cost per answer as the DoH proxy's
// /delay/<ms>/ path gives the browser and the CLI (wait, then one exchange with
// dnsdist). Queries are answered independently, so concurrent questions overlap.

import { createSocket } from "node:dgram";

export function startDelayingDns({ upstreamPort, delayMs, host = "127.0.0.1" }) {
  const server = createSocket("udp4");
  let queries = 0;
  server.on("message", (query, client) => {
    queries += 1;
    setTimeout(() => {
      const upstream = createSocket("udp4");
      const giveUp = setTimeout(() => upstream.close(), 5000);
      upstream.on("message", (answer) => {
        clearTimeout(giveUp);
        server.send(answer, client.port, client.address);
        upstream.close();
      });
      upstream.send(query, upstreamPort, host);
    }, delayMs);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.bind(0, host, () =>
      resolve({
        host,
        port: server.address().port,
        queries: () => queries,
        close: () => new Promise((r) => server.close(r)),
      }),
    );
  });
}
