//! Building the static site into dist/ and serving it.
//!
//! The app is built once with relative asset URLs (`public_url = "./"` in Trunk.toml);
//! each route then gets a copy of index.html whose `<base href>` climbs back to the site
//! root. So dist/ works from any static host, at `/` or under any sub-path, and deep
//! links load without server rewrites. The guides follow in dist/guide/.

use crate::process::run;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

/// The app's routes other than `/`, as declared in src/lib.rs.
pub const ROUTES: [&str; 6] = [
    "compare",
    "cards",
    "connector",
    "explain",
    "check",
    "settings",
];

/// The screens other than the planner (index.html at the root), each a binary of its own
/// with its page and the folder Trunk builds it into before its files join dist/: every
/// first load carries only its own screen's code (BENCHMARKS.md, "Bundle").
const OWN_BINARIES: [(&str, &str, &str); 6] = [
    ("compare", "compare.html", "target/dist-compare"),
    ("cards", "cards.html", "target/dist-cards"),
    ("connector", "connector.html", "target/dist-connector"),
    ("check", "check.html", "target/dist-check"),
    ("explain", "explain.html", "target/dist-explain"),
    ("settings", "settings.html", "target/dist-settings"),
];

pub fn build(root: &Path) -> Result<()> {
    let dist = root.join("dist");
    run(Command::new("trunk")
        .args(["build", "--release", "--offline=true", "index.html"])
        .current_dir(root))?;
    crate::split::rebuild(root, &dist, "smarthost-web")?;
    for (route, page, out) in OWN_BINARIES {
        run(Command::new("trunk")
            .args(["build", "--release", "--offline=true", page, "--dist", out])
            .current_dir(root))?;
        crate::split::rebuild(root, &root.join(out), &format!("smarthost-{route}"))?;
    }
    crate::harden::harden_page(&dist)?;
    minify(root, &dist)?;
    for (_, _, out) in OWN_BINARIES {
        crate::harden::harden_page(&root.join(out))?;
        minify(root, &root.join(out))?;
        copy_assets(&root.join(out), &dist)?;
    }
    crate::catalog_guard::check(root, |screen| match screen {
        "plan" => Some((dist.clone(), "smarthost-web".to_owned())),
        _ => OWN_BINARIES
            .iter()
            .find(|(route, _, _)| *route == screen)
            .map(|(route, _, out)| (root.join(out), format!("smarthost-{route}"))),
    })?;
    write_route_copies(root, &dist)?;
    prerender(root, &dist)?;
    crate::harden::write_service_worker(&dist)?;
    build_guides(root)
}

/// Each screen's route and the stored keys that change what it first renders (src/i18n.rs,
/// src/settings.rs, src/pages/cards/): a visit with one of them set is not shown the
/// prerendered page, which has none (xtask/prerender.mjs).
const PRERENDERED: [(&str, &str); 7] = [
    ("/", ""),
    ("compare", ""),
    ("cards", "smarthost.inventory,smarthost.print-layout"),
    ("connector", ""),
    ("check", "smarthost.resolver"),
    ("explain", ""),
    ("settings", "smarthost.resolver"),
];

/// Minifies a build folder's scripts and stylesheets in place (xtask/minify.mjs).
fn minify(root: &Path, folder: &Path) -> Result<()> {
    run(Command::new("node")
        .arg("xtask/minify.mjs")
        .arg(folder)
        .current_dir(root))
}

/// Writes each screen's first render into its page, from the built app in headless
/// Chromium, so the first paint does not wait for the WebAssembly.
fn prerender(root: &Path, dist: &Path) -> Result<()> {
    run(Command::new("node")
        .arg("xtask/prerender.mjs")
        .arg(dist)
        .args(PRERENDERED.map(|(route, keys)| format!("{route}={keys}")))
        .current_dir(root))
}

/// Copies an own binary's build files (wasm, JS, CSS; the same CSS and icon keep their
/// content-hashed names) into dist/, all but its page.
fn copy_assets(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(from).with_context(|| format!("listing {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        if entry.file_type()?.is_file() && name != "index.html" && name != "sw.js" {
            std::fs::copy(entry.path(), to.join(&name))
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The setup guides into dist/guide/ by smarthost's own generator, after the app so they
/// ship beside it (their "Open the planner" links climb one level, to dist/). Trunk
/// empties dist/ on each build, so the guides are rebuilt every time.
fn build_guides(root: &Path) -> Result<()> {
    run(Command::new("cargo")
        .args(["run", "--release", "-p", "smarthost", "--"])
        .args(["build", "--guide", "guide", "--out", "dist/guide"])
        .current_dir(root))
}

fn write_route_copies(root: &Path, dist: &Path) -> Result<()> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    };
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    let mut own_pages = Vec::new();
    for (route, _, out) in OWN_BINARIES {
        own_pages.push((route, read(&root.join(out).join("index.html"))?));
    }
    let root_base = "<base href=\"./\"";
    if !index.contains(root_base) {
        bail!(
            "{} has no {root_base}; check public_url in Trunk.toml",
            index_path.display()
        );
    }
    for route in ROUTES {
        let depth = route.split('/').count();
        let base = format!("<base href=\"{}\"", "../".repeat(depth));
        let dir = dist.join(route);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let page = dir.join("index.html");
        let source = own_pages
            .iter()
            .find(|(own, _)| *own == route)
            .map_or(&index, |(_, page)| page);
        if !source.contains(root_base) {
            bail!("the page for {route} has no {root_base}");
        }
        std::fs::write(&page, source.replace(root_base, &base))
            .with_context(|| format!("writing {}", page.display()))?;
    }
    Ok(())
}

/// Serves dist/ with the same static server the browser tests use.
pub fn serve(root: &Path, port: u16) -> Result<()> {
    println!("xtask: serving dist/ at http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    run(Command::new("node")
        .arg(root.join("tests/support/static-server.mjs"))
        .args([
            "--root",
            "dist",
            "--port",
            &port.to_string(),
            "--gzip",
            "on",
        ])
        .current_dir(root))
}
