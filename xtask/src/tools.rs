//! Installing what the build and the tests need, idempotently: a second run only checks
//! versions. Nothing is downloaded outside the package registries (crates.io, npm, apt):
//! Trunk runs `--offline`, Playwright never downloads browsers.

use crate::process::{output, run};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Trunk 0.22 needs rustc 1.96; the toolchain here is 1.95.
const TRUNK_VERSION_REQ: &str = "~0.21";
const TRUNK_VERSION_PREFIX: &str = "trunk 0.21.";

/// Debian packages the build needs, with a file that proves each is present: the build
/// prerenders every screen in headless Chromium (xtask/prerender.mjs).
const BUILD_PACKAGES: [(&str, &str); 1] = [("chromium", "/usr/bin/chromium")];

/// Debian packages the tests need besides, with a file that proves each is present
/// (`{arch}` is this machine's, as in Debian's multiarch folders). gcc builds the C parts
/// of the CLI's TLS stack (ring). `smarthost probe`'s tests run a real Postfix with a
/// certificate that openssl makes, and Cyrus SASL's PLAIN and LOGIN plug-ins for its AUTH.
const APT_PACKAGES: [(&str, &str); 7] = [
    ("gcc", "/usr/bin/cc"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    ("knot", "/usr/sbin/knotd"),
    ("dnsdist", "/usr/bin/dnsdist"),
    ("postfix", "/usr/sbin/postfix"),
    ("openssl", "/usr/bin/openssl"),
    (
        "libsasl2-modules",
        "/usr/lib/{arch}-linux-gnu/sasl2/libplain.so",
    ),
];

/// Postfix's installer asks what kind of mail server this is; "No configuration" leaves
/// it unconfigured and stopped (the tests run their own on high ports).
const POSTFIX_DEBCONF: &str = "postfix postfix/main_mailer_type select No configuration";

/// Puts the project's tool folders first on PATH for this process and its children:
/// cargo's bin folder (Trunk, wasm-bindgen) and node_modules/.bin (wasm-opt, Playwright).
pub fn extend_path(root: &Path) -> Result<()> {
    let mut dirs = vec![root.join("node_modules").join(".bin"), cargo_bin_dir()];
    if let Some(existing) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&existing));
    }
    let joined = std::env::join_paths(dirs).context("building PATH")?;
    // Single-threaded at this point; children inherit the new PATH.
    std::env::set_var("PATH", joined);
    Ok(())
}

fn cargo_bin_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cargo").join("bin")
}

/// What `cargo xtask serve` and `build` need.
pub fn ensure_build_tools(root: &Path) -> Result<()> {
    extend_path(root)?;
    ensure_wasm_target()?;
    ensure_node_modules(root)?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_wasm_split()?;
    ensure_apt_packages(&BUILD_PACKAGES)
}

/// The splitter that cuts a screen's later parts into modules of their own
/// (xtask/src/split.rs). It has no version flag, so the installed crate is read from
/// cargo's record of what it installed.
const WASM_SPLIT_CRATE: &str = "wasm_split_cli_support";
const WASM_SPLIT_VERSION: &str = "0.2.4";

fn ensure_wasm_split() -> Result<()> {
    let installed = output(Command::new("cargo").args(["install", "--list"])).unwrap_or_default();
    let wanted = format!("{WASM_SPLIT_CRATE} v{WASM_SPLIT_VERSION}:");
    if installed.lines().any(|line| line.trim() == wanted)
        && cargo_bin_dir().join("wasm-split-cli").is_file()
    {
        return Ok(());
    }
    println!("xtask: installing {WASM_SPLIT_CRATE} {WASM_SPLIT_VERSION} (wasm-split-cli)");
    cargo_install_with(
        WASM_SPLIT_CRATE,
        &format!("={WASM_SPLIT_VERSION}"),
        &["--features", "build-binary"],
    )
}

/// What the benchmarks need: the build, Chromium and the DoH stack (the bundle and
/// load benches build the site; dns, load and lighthouse drive Chromium).
pub fn ensure_bench_tools(root: &Path) -> Result<()> {
    ensure_build_tools(root)?;
    ensure_apt_packages(&APT_PACKAGES)
}

/// Everything, for `cargo xtask test`.
pub fn ensure_test_tools(root: &Path) -> Result<()> {
    ensure_build_tools(root)?;
    ensure_cargo_deny()?;
    ensure_apt_packages(&APT_PACKAGES)
}

/// cargo-deny checks licences, bans and sources against deny.toml.
const CARGO_DENY_VERSION: &str = "0.20.2";

fn ensure_cargo_deny() -> Result<()> {
    let found = output(Command::new("cargo").args(["deny", "--version"])).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(CARGO_DENY_VERSION) {
        return Ok(());
    }
    println!("xtask: installing cargo-deny {CARGO_DENY_VERSION} (a few minutes on 2 cores)");
    cargo_install("cargo-deny", &format!("={CARGO_DENY_VERSION}"))
}

/// `cargo install` at `version`, with the tool's own lock file when the registry serves
/// every crate it names, else resolving afresh.
pub fn cargo_install(package: &str, version: &str) -> Result<()> {
    cargo_install_with(package, version, &[])
}

/// [`cargo_install`] with more arguments for `cargo install` (features).
fn cargo_install_with(package: &str, version: &str, extra: &[&str]) -> Result<()> {
    let install = |locked: bool| {
        let mut cmd = Command::new("cargo");
        cmd.args(["install", package, "--version", version])
            .args(extra);
        if locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)
    };
    install(true).or_else(|error| {
        println!("xtask: `--locked` install failed ({error:#}); trying without it");
        install(false)
    })
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l.trim() == "wasm32-unknown-unknown")) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_trunk() -> Result<()> {
    let version = output(Command::new("trunk").arg("--version")).unwrap_or_default();
    if version.trim().starts_with(TRUNK_VERSION_PREFIX) {
        return Ok(());
    }
    println!("xtask: installing Trunk {TRUNK_VERSION_REQ} (several minutes on 2 cores)");
    run(Command::new("cargo").args([
        "install",
        "trunk",
        "--version",
        TRUNK_VERSION_REQ,
        "--locked",
    ]))
}

/// wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly, or the generated
/// glue does not fit the compiled module.
fn ensure_wasm_bindgen(root: &Path) -> Result<()> {
    let wanted = locked_version(root, "wasm-bindgen")?;
    let found = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {wanted} (about 2 minutes)");
    // No --locked: its lock file names a crate version the registry mirror does not serve.
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

/// The version of `package` recorded in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    bail!("Cargo.lock has no entry for {package}")
}

/// npm packages from package-lock.json: wasm-opt (binaryen), esbuild, Playwright, axe-core.
fn ensure_node_modules(root: &Path) -> Result<()> {
    let marker = root.join("node_modules").join(".package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (modified(&marker), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    let installed = [
        "node_modules/.bin/wasm-opt",
        "node_modules/esbuild/package.json",
    ]
    .iter()
    .all(|path| root.join(path).exists());
    if fresh && installed {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        bail!("npm is not installed: install Node.js 20 or later with npm (apt-get install nodejs npm)");
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Chromium, ChromeDriver, Knot DNS, dnsdist and Postfix come from Debian.
fn ensure_apt_packages(packages: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !Path::new(&file.replace("{arch}", std::env::consts::ARCH)).exists())
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        bail!(
            "missing Debian packages: {list}. Install them with\n    sudo apt-get install -y {list}\nthen run this command again.",
            list = missing.join(" ")
        );
    }
    println!("xtask: installing {} with apt-get", missing.join(", "));
    run(Command::new("apt-get").args(["update", "-q"]))?;
    if missing.contains(&"postfix") {
        run(Command::new("sh")
            .arg("-c")
            .arg("echo \"$0\" | debconf-set-selections")
            .arg(POSTFIX_DEBCONF))?;
    }
    run(Command::new("apt-get")
        .args(["install", "-y", "-q"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    // The packages may start system services on ports 53 and 25; the tests run their own
    // copies on high ports, so the system ones are stopped where a service manager
    // exists, and Postfix, a mail server nobody asked for, is kept from starting again.
    let systemctl = |args: [&str; 2]| {
        let _ = Command::new("systemctl")
            .args(args)
            .stderr(std::process::Stdio::null())
            .status();
    };
    for service in ["knot", "dnsdist", "postfix"] {
        systemctl(["stop", service]);
    }
    systemctl(["disable", "postfix"]);
    Ok(())
}
