// Minifies the scripts and stylesheets Trunk wrote into one build folder, in place.
//
//   node xtask/minify.mjs <folder>
//
// Run by `cargo xtask build` on each binary's folder after harden.rs. Trunk's own
// minification (0.21) left the wasm-bindgen glue as it was and also rewrites the HTML that
// the later steps edit, so the files are minified here with esbuild: the glue 52 KB to
// 24 KB (9.0 to 6.8 KB gzip), the stylesheet 24 KB to 18 KB (6.4 to 4.5 KB gzip), on
// every page (BENCHMARKS.md, "Bundle"). A stylesheet's `integrity` in the page is
// recomputed, since the browser refuses a file whose hash no longer matches.

import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { transformSync } from "esbuild";

const [folderArg] = process.argv.slice(2);
if (!folderArg) {
  console.error("usage: node xtask/minify.mjs <folder>");
  process.exit(2);
}
const folder = resolve(folderArg);
const pagePath = join(folder, "index.html");
let page = readFileSync(pagePath, "utf8");

for (const name of readdirSync(folder).sort()) {
  const loader = name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : null;
  if (!loader) continue;
  const file = join(folder, name);
  const source = readFileSync(file, "utf8");
  // The glue and the loader are ES modules: their exports and import.meta stay.
  const { code } = transformSync(source, { loader, minify: true, format: loader === "js" ? "esm" : undefined, target: "es2022" });
  writeFileSync(file, code);
  const pattern = new RegExp(`(href="\\./${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?integrity=")[^"]*(")`);
  if (pattern.test(page)) {
    const integrity = `sha384-${createHash("sha384").update(code).digest("base64")}`;
    page = page.replace(pattern, `$1${integrity}$2`);
  }
  console.log(`minify: ${name} ${(source.length / 1024).toFixed(1)} KB -> ${(code.length / 1024).toFixed(1)} KB`);
}
// Every hash the page still states must be the file's, or the browser drops the file.
for (const [, name, integrity] of page.matchAll(/href="\.\/([^"]+)"[^>]*?integrity="(sha384-[^"]+)"/g)) {
  const actual = `sha384-${createHash("sha384").update(readFileSync(join(folder, name))).digest("base64")}`;
  if (actual !== integrity) {
    console.error(`minify: ${pagePath} states ${integrity} for ${name}, which hashes to ${actual}`);
    process.exit(1);
  }
}
writeFileSync(pagePath, page);
