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
//! - The loader starts the app after the first frame, and neither the JS glue nor the wasm
//!   is preloaded: the page paints its prerendered HTML first (xtask/prerender.mjs), at
//!   the static-HTML floor. On a slow link a preloaded wasm took the bandwidth the
//!   stylesheet needed (Lighthouse's largest paint 2.7 s on Cards and the check, against
//!   0.9 s for a guide page).
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
    let boot = start_after_first_frame(&boot)?;
    let index = without_preloads(&index);
    let boot_name = format!("boot-{:016x}.js", fnv1a(boot.as_bytes()));
    write(&dir.join(&boot_name), &boot)?;
    let index = boot_at_end_of_head(&index, &boot_name)?;
    let index = insert_csp(&index, &content_security_policy())?;
    write(&index_path, &index)
}

/// Writes dist/sw.js for everything the app ships (call once every file is in place).
pub fn write_service_worker(dist: &Path) -> Result<()> {
    write(&dist.join("sw.js"), &service_worker(dist)?)
}

/// Moves the one inline module script out of the page (its file goes back in at the end
/// of `<head>`, `boot_at_end_of_head`).
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
    Ok((format!("{}{rest}", &index[..start]), format!("{body}\n")))
}

/// Trunk's loader imports the JS glue statically, so the browser fetches, parses and runs
/// it (and the module starts the wasm) before the first paint; measured at 4x CPU
/// throttling that held the prerendered page's first paint back by about 25 ms. Here the
/// import waits for the first frame (or 100 ms, for a tab opened in the background, where
/// frames wait until it is shown).
fn start_after_first_frame(boot: &str) -> Result<String> {
    let Some(start) = boot.find("import init, * as bindings from '") else {
        bail!("the loader has no `import init, * as bindings`; did Trunk's loader change?");
    };
    let Some(len) = boot[start..].find(";\n") else {
        bail!("the loader's import is not one line");
    };
    let import = &boot[start..start + len];
    let module = import
        .trim_start_matches("import init, * as bindings from ")
        .trim_matches('\'');
    Ok(format!(
        "{}// After the first frame: the prerendered page paints first (xtask/src/harden.rs).\n\
         await new Promise((painted) => {{ requestAnimationFrame(() => setTimeout(painted)); \
         setTimeout(painted, 100); }});\n\
         const bindings = await import('{module}');\n\
         const init = bindings.default;{}",
        &boot[..start],
        &boot[start + len + 1..]
    ))
}

/// Puts the boot script at the end of `<head>`, not where Trunk's loader stood (first):
/// a module script runs only once the page is parsed wherever it stands, but the browser
/// requests files in the order it meets them, and the stylesheet, which the first paint
/// waits for, went out up to 18 ms after the boot script when the script came first
/// (traces at 4x CPU throttling).
fn boot_at_end_of_head(index: &str, boot_name: &str) -> Result<String> {
    if !index.contains("</head>") {
        bail!("dist/index.html has no </head>");
    }
    Ok(index.replacen(
        "</head>",
        &format!("<script type=\"module\" src=\"./{boot_name}\"></script>\n  </head>"),
        1,
    ))
}

/// Drops Trunk's `<link rel="modulepreload">` (the glue) and `<link rel="preload">` (the
/// wasm): both are fetched by the loader after the first frame.
fn without_preloads(index: &str) -> String {
    let mut out = String::with_capacity(index.len());
    let mut rest = index;
    while let Some(start) = ["<link rel=\"modulepreload\"", "<link rel=\"preload\""]
        .iter()
        .filter_map(|tag| rest.find(tag))
        .min()
    {
        out.push_str(&rest[..start]);
        match rest[start..].find('>') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_LOADER: &str = "import init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n";

    #[test]
    fn the_loader_imports_the_glue_after_the_first_frame() {
        let boot = start_after_first_frame(TRUNK_LOADER).unwrap();
        let wait = boot.find("requestAnimationFrame").unwrap();
        let import = boot.find("await import('./app-1.js')").unwrap();
        assert!(wait < import);
        assert!(!boot.contains("import init"));
        assert!(boot.contains("const init = bindings.default;"));
        assert!(boot.contains("await init({ module_or_path: './app-1_bg.wasm' });"));
        assert!(boot.ends_with("window.wasmBindings = bindings;\n"));
        assert!(start_after_first_frame("console.log(1);\n").is_err());
    }

    #[test]
    fn the_boot_script_goes_after_the_stylesheets() {
        let head = "<head><link rel=\"stylesheet\" href=\"./s.css\"></head><body></body>";
        let page = boot_at_end_of_head(head, "boot-1.js").unwrap();
        let style = page.find("s.css").unwrap();
        let boot = page
            .find("<script type=\"module\" src=\"./boot-1.js\"></script>")
            .unwrap();
        assert!(
            style < boot && boot < page.find("</head>").unwrap(),
            "{page}"
        );
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert!(boot_at_end_of_head("<body></body>", "boot-1.js").is_err());
    }

    #[test]
    fn the_glue_and_wasm_preloads_go_and_nothing_else() {
        let head = r#"<link rel="stylesheet" href="./s.css"><link rel="modulepreload" href="./app-1.js" crossorigin="anonymous"><link rel="preload" href="./app-1_bg.wasm" as="fetch"></head>"#;
        assert_eq!(
            without_preloads(head),
            r#"<link rel="stylesheet" href="./s.css"></head>"#
        );
    }
}
