// A DNS-over-HTTPS front for the test stack that dnsdist cannot be by itself: it asks
// dnsdist (RFC 8484 wire format) and answers
//   /dns-query?name=..&type=..   in the JSON dialect of Cloudflare (TXT quoted)
//   /resolve?name=..&type=..     in the JSON dialect of Google (TXT unquoted)
//   /delay/<ms>/dns-query?dns=.. in wire format, after waiting <ms> milliseconds
//   /fault/<kind>/dns-query?dns=.. a broken resolver (see FAULTS), for hardening tests
//   /fault/json-types/resolve?..   a Google-dialect JSON answer with the wrong types
// All answers carry Access-Control-Allow-Origin: *, as public resolvers do.

import { createServer } from "node:http";

const TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };

export function encodeQuery(name, type) {
  const labels = name.split(".").filter(Boolean);
  const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0];
  for (const label of labels) bytes.push(label.length, ...Buffer.from(label, "ascii"));
  bytes.push(0, type >> 8, type & 0xff, 0, 1);
  return Buffer.from(bytes).toString("base64url");
}

function readName(buf, start) {
  const labels = [];
  let pos = start;
  let end = null;
  for (let jumps = 0; jumps < 64; jumps++) {
    const len = buf[pos];
    if (len === undefined) throw new Error("truncated name");
    if ((len & 0xc0) === 0xc0) {
      end ??= pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1];
      continue;
    }
    if (len === 0) return { name: labels.join("."), end: end ?? pos + 1 };
    labels.push(buf.subarray(pos + 1, pos + 1 + len).toString("latin1"));
    pos += 1 + len;
  }
  throw new Error("name pointer loop");
}

function quoteTxt(strings) {
  return strings
    .map((s) => {
      let out = '"';
      for (const byte of s) {
        if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
        else if (byte < 0x20 || byte > 0x7e) out += `\\${String(byte).padStart(3, "0")}`;
        else out += String.fromCharCode(byte);
      }
      return `${out}"`;
    })
    .join(" ");
}

/** Decodes a wire response into the JSON API shape. */
export function toJson(buf, dialect) {
  const flags = buf.readUInt16BE(2);
  const qd = buf.readUInt16BE(4);
  const an = buf.readUInt16BE(6);
  let pos = 12;
  const question = [];
  for (let i = 0; i < qd; i++) {
    const { name, end } = readName(buf, pos);
    question.push({ name: `${name}.`, type: buf.readUInt16BE(end) });
    pos = end + 4;
  }
  const answer = [];
  for (let i = 0; i < an; i++) {
    const { name, end } = readName(buf, pos);
    const type = buf.readUInt16BE(end);
    const ttl = buf.readUInt32BE(end + 4);
    const rdlen = buf.readUInt16BE(end + 8);
    const rd = end + 10;
    const rdata = buf.subarray(rd, rd + rdlen);
    let data;
    if (type === TYPES.A) data = [...rdata].join(".");
    else if (type === TYPES.AAAA) {
      const groups = [];
      for (let g = 0; g < 16; g += 2) groups.push(rdata.readUInt16BE(g).toString(16));
      data = groups.join(":");
    } else if (type === TYPES.MX) data = `${rdata.readUInt16BE(0)} ${readName(buf, rd + 2).name}.`;
    else if ([TYPES.CNAME, TYPES.PTR, TYPES.NS].includes(type)) data = `${readName(buf, rd).name}.`;
    else if (type === TYPES.TXT) {
      const strings = [];
      for (let p = 0; p < rdata.length; ) {
        strings.push(rdata.subarray(p + 1, p + 1 + rdata[p]));
        p += 1 + rdata[p];
      }
      data = dialect === "google" ? strings.map((s) => s.toString("latin1")).join("") : quoteTxt(strings);
    } else data = rdata.toString("hex");
    answer.push({ name: `${name}.`, type, TTL: ttl, data });
    pos = rd + rdlen;
  }
  return {
    Status: flags & 0x0f,
    TC: Boolean(flags & 0x0200),
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: question,
    ...(answer.length ? { Answer: answer } : {}),
  };
}

/** The question section of a wire query: everything after the 12-byte header. */
function questionOf(query) {
  return query.subarray(12);
}

/** A NOERROR response to `query` whose answers are the given [owner, type, rdata] records. */
function wireAnswer(query, records) {
  const header = Buffer.from([0, 0, 0x81, 0x80, 0, 1, 0, records.length, 0, 0, 0, 0]);
  const name = (text) => Buffer.concat([...text.split(".").filter(Boolean).map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, "ascii")])), Buffer.from([0])]);
  const parts = records.map(([owner, type, rdata]) => {
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(type, 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(60, 4);
    fixed.writeUInt16BE(rdata.length, 8);
    return Buffer.concat([name(owner), fixed, rdata]);
  });
  return { body: Buffer.concat([header, questionOf(query), ...parts]), name };
}

/** The question name of a wire query. */
function queryName(query) {
  return readName(query, 12).name;
}

// Broken resolvers: each must end as "could not check" and never as a finding.
const FAULTS = {
  http500: async () => ({ status: 500, type: "text/plain", body: Buffer.from("internal error") }),
  garbage: async () => ({ status: 200, type: "application/dns-message", body: Buffer.from("<html>not DNS</html>") }),
  truncated: async (query, upstream) => {
    const answer = Buffer.from(await (await fetch(`${upstream}?dns=${query.toString("base64url")}`, { headers: { accept: "application/dns-message" } })).arrayBuffer());
    return { status: 200, type: "application/dns-message", body: answer.subarray(0, Math.max(13, answer.length - 7)) };
  },
  "cname-loop": async (query) => {
    const owner = queryName(query);
    const { body } = wireAnswer(query, [
      [owner, TYPES.CNAME, Buffer.concat([Buffer.from([4]), Buffer.from("loop"), Buffer.from([4]), Buffer.from("test"), Buffer.from([0])])],
      ["loop.test", TYPES.CNAME, Buffer.concat([...owner.split(".").map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, "ascii")])), Buffer.from([0])])],
    ]);
    return { status: 200, type: "application/dns-message", body };
  },
  "wrong-name": async (query) => {
    const spf = Buffer.from("v=spf1 +all");
    const { body } = wireAnswer(query, [["evil.example.net", TYPES.TXT, Buffer.concat([Buffer.from([spf.length]), spf])]]);
    return { status: 200, type: "application/dns-message", body };
  },
};

export function startDohProxy({ upstream, port = 0, host = "127.0.0.1" }) {
  const server = createServer(async (req, res) => {
    const headers = { "access-control-allow-origin": "*", "cache-control": "no-store" };
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const delay = url.pathname.match(/^\/delay\/(\d+)\/dns-query$/);
      if (delay) {
        await new Promise((r) => setTimeout(r, Math.min(Number(delay[1]), 60_000)));
        const answer = await fetch(`${upstream}${url.search}`, { headers: { accept: "application/dns-message" } });
        res.writeHead(answer.status, { ...headers, "content-type": "application/dns-message" });
        return res.end(Buffer.from(await answer.arrayBuffer()));
      }
      const fault = url.pathname.match(/^\/fault\/([a-z0-9-]+)\/(dns-query|resolve)$/);
      if (fault) {
        if (fault[1] === "json-types") {
          res.writeHead(200, { ...headers, "content-type": "application/dns-json" });
          return res.end(JSON.stringify({ Status: "0", Answer: [{ name: 7, type: "16", TTL: -1, data: ["v=spf1"] }] }));
        }
        const make = FAULTS[fault[1]];
        const query = Buffer.from(url.searchParams.get("dns") ?? "", "base64url");
        if (!make || query.length < 13) {
          res.writeHead(400, headers);
          return res.end("unknown fault or missing dns parameter");
        }
        const { status, type, body } = await make(query, upstream);
        res.writeHead(status, { ...headers, "content-type": type });
        return res.end(body);
      }
      const dialect = url.pathname === "/resolve" ? "google" : url.pathname === "/dns-query" ? "cloudflare" : null;
      const name = url.searchParams.get("name");
      const typeParam = (url.searchParams.get("type") ?? "A").toUpperCase();
      const type = TYPES[typeParam] ?? Number(typeParam);
      if (!dialect || !name || !Number.isInteger(type) || type <= 0 || type > 65535) {
        res.writeHead(400, { ...headers, "content-type": "application/json" });
        return res.end(JSON.stringify({ error: "name and type are required" }));
      }
      const answer = await fetch(`${upstream}?dns=${encodeQuery(name, type)}`, {
        headers: { accept: "application/dns-message" },
      });
      const body = Buffer.from(await answer.arrayBuffer());
      res.writeHead(200, { ...headers, "content-type": "application/dns-json" });
      res.end(JSON.stringify(toJson(body, dialect)));
    } catch (error) {
      res.writeHead(502, { ...headers, "content-type": "text/plain" });
      res.end(`proxy error: ${error.message}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const base = `http://${host}:${server.address().port}`;
      resolve({
        server,
        jsonUrl: `${base}/dns-query`,
        googleUrl: `${base}/resolve`,
        delayedUrl: (ms) => `${base}/delay/${ms}/dns-query`,
        faultUrl: (kind) => `${base}/fault/${kind}/${kind === "json-types" ? "resolve" : "dns-query"}`,
      });
    });
  });
}
