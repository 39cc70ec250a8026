//! Post-processing of Trunk's output so the site runs under a strict
//! Content-Security-Policy and keeps working offline:
//!
//! - Trunk's inline loader becomes a file (`boot-<hash>.js`), so `script-src` needs no
//!   `'unsafe-inline'` and no per-build hash.
//! - A `<meta http-equiv="Content-Security-Policy">` goes into every page: scripts and
//!   styles only from the site, WebAssembly compilation allowed, and `connect-src` limited
//!   to the site, the public DNS-over-HTTPS resolvers the app offers, loopback (a resolver
//!   on the admin's own machine) and any origins the team adds in
//!   `SMARTHOST_CONNECT_SRC` (space-separated, for an internal resolver).
//! - `sw.js`, a service worker that keeps the app's files for offline use; its version is
//!   a hash of those files, so a new deployment replaces the old cache.

use anyhow::{bail, Context, Result};
use std::path::Path;

/// Resolvers the app offers as presets (crates/core/src/dns/doh.rs).
const PUBLIC_RESOLVERS: [&str; 2] = ["https://cloudflare-dns.com", "https://dns.google"];
const LOOPBACK: [&str; 4] = [
    "http://127.0.0.1:*",
    "https://127.0.0.1:*",
    "http://localhost:*",
    "https://localhost:*",
];

/// Rewrites `dir`/index.html in place (loader out, policy in) and writes its boot file.
pub fn harden_page(dir: &Path) -> Result<()> {
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
    let (index, boot) = externalise_loader(&index)?;
    let boot_name = format!("boot-{:016x}.js", fnv1a(boot.as_bytes()));
    write(&dir.join(&boot_name), &boot)?;
    let index = index.replace(
        LOADER_MARK,
        &format!("<script type=\"module\" src=\"./{boot_name}\"></script>"),
    );
    let index = insert_csp(&index, &content_security_policy())?;
    write(&index_path, &index)
}

/// Writes dist/sw.js for everything the app ships (call once every file is in place).
pub fn write_service_worker(dist: &Path) -> Result<()> {
    write(&dist.join("sw.js"), &service_worker(dist)?)
}

const LOADER_MARK: &str = "<!--smarthost-loader-->";

/// Moves the one inline module script out of the page.
fn externalise_loader(index: &str) -> Result<(String, String)> {
    let open = "<script type=\"module\">";
    let Some(start) = index.find(open) else {
        bail!("dist/index.html has no inline module script; did Trunk's loader change?");
    };
    let body_start = start + open.len();
    let Some(len) = index[body_start..].find("</script>") else {
        bail!("dist/index.html: the loader script is not closed");
    };
    let body = index[body_start..body_start + len].trim().to_owned();
    if index[body_start + len..].contains(open) {
        bail!("dist/index.html has more than one inline module script");
    }
    let rest = &index[body_start + len + "</script>".len()..];
    Ok((
        format!("{}{LOADER_MARK}{rest}", &index[..start]),
        format!("{body}\n"),
    ))
}

fn content_security_policy() -> String {
    let extra = std::env::var("SMARTHOST_CONNECT_SRC").unwrap_or_default();
    let connect: Vec<&str> = std::iter::once("'self'")
        .chain(PUBLIC_RESOLVERS)
        .chain(LOOPBACK)
        .chain(extra.split_whitespace())
        .collect();
    [
        "default-src 'self'".to_owned(),
        "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        format!("connect-src {}", connect.join(" ")),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
    ]
    .join("; ")
}

fn insert_csp(index: &str, policy: &str) -> Result<String> {
    let charset = "<meta charset=\"utf-8\" />";
    if !index.contains(charset) {
        bail!("dist/index.html has no {charset}");
    }
    // Right after the charset, before anything the policy must govern.
    Ok(index.replacen(
        charset,
        &format!(
            "{charset}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
        ),
        1,
    ))
}

/// The files a visit needs, relative to dist/, sorted: every file at the top level and
/// in i18n/, plus each route's page. The guide is left to the network.
fn app_files(dist: &Path) -> Result<Vec<String>> {
    let mut files = vec!["./".to_owned()];
    for dir in ["", "i18n"] {
        let path = dist.join(dir);
        if !path.is_dir() {
            continue;
        }
        for entry in
            std::fs::read_dir(&path).with_context(|| format!("listing {}", path.display()))?
        {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type()?.is_file() && name != "sw.js" {
                files.push(if dir.is_empty() {
                    format!("./{name}")
                } else {
                    format!("./{dir}/{name}")
                });
            }
        }
    }
    for route in crate::site::ROUTES {
        files.push(format!("./{route}/"));
    }
    files.sort();
    Ok(files)
}

fn service_worker(dist: &Path) -> Result<String> {
    let files = app_files(dist)?;
    let mut hash_input = Vec::new();
    for file in &files {
        hash_input.extend_from_slice(file.as_bytes());
        let path = dist.join(file.trim_start_matches("./"));
        if path.is_file() {
            hash_input.extend(
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?,
            );
        }
    }
    let list = files
        .iter()
        .map(|f| format!("  \"{f}\","))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(SERVICE_WORKER
        .replace("__VERSION__", &format!("{:016x}", fnv1a(&hash_input)))
        .replace("__FILES__", &list))
}

/// Cache-busting only, not security: FNV-1a is enough to tell two builds apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

const SERVICE_WORKER: &str = include_str!("sw.js");
