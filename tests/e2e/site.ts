// Shared helpers for the specs: where the services are, and a closed port for failures.

export function siteUrl(path = ""): string {
  const base = process.env.SMARTHOST_URL;
  if (!base) throw new Error("SMARTHOST_URL is not set: run through `cargo xtask test`");
  return new URL(path, base).toString();
}

export function subPathUrl(path = ""): string {
  const base = process.env.SMARTHOST_SUBPATH_URL;
  if (!base) throw new Error("SMARTHOST_SUBPATH_URL is not set");
  return new URL(path, base).toString();
}

export function dohUrl(): string {
  const url = process.env.SMARTHOST_DOH_URL;
  if (!url) throw new Error("SMARTHOST_DOH_URL is not set");
  return url;
}

/** A loopback URL nothing listens on (port 9 is "discard", never served here). */
export const CLOSED_DOH_URL = "http://127.0.0.1:9/dns-query";

/** `path` with the DoH server of the test stack in its query. */
export function withDoh(path: string, doh = dohUrl()): string {
  const separator = path.includes("?") ? "&" : "?";
  return `${path}${separator}doh=${encodeURIComponent(doh)}`;
}

/** The test stack's wire-format DoH endpoint, answering each query after `ms`. */
export function slowDohUrl(ms: number): string {
  const template = process.env.SMARTHOST_DOH_SLOW_URL_TEMPLATE;
  if (!template) throw new Error("SMARTHOST_DOH_SLOW_URL_TEMPLATE is not set");
  return template.replace("MS", String(ms));
}
