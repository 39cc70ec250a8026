//! Building the static site into dist/ and serving it.
//!
//! The app is built once with relative asset URLs (`public_url = "./"` in Trunk.toml);
//! each route then gets a copy of index.html whose `<base href>` climbs back to the site
//! root. So dist/ works from any static host, at `/` or under any sub-path, and deep
//! links load without server rewrites.

use crate::process::run;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

/// The app's routes other than `/`, as declared in src/lib.rs.
pub const ROUTES: [&str; 5] = ["compare", "cards", "connector", "check", "settings"];

pub fn build(root: &Path) -> Result<()> {
    run(Command::new("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(root))?;
    crate::harden::harden(&root.join("dist"))?;
    write_route_copies(&root.join("dist"))
}

fn write_route_copies(dist: &Path) -> Result<()> {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .with_context(|| format!("reading {}", index_path.display()))?;
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
        std::fs::write(&page, index.replace(root_base, &base))
            .with_context(|| format!("writing {}", page.display()))?;
    }
    Ok(())
}

/// Serves dist/ with the same static server the browser tests use.
pub fn serve(root: &Path, port: u16) -> Result<()> {
    println!("xtask: serving dist/ at http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    run(Command::new("node")
        .arg(root.join("tests/support/static-server.mjs"))
        .args(["--root", "dist", "--port", &port.to_string()])
        .current_dir(root))
}
