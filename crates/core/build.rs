//! The catalogs as compiled in. With the `bounce-texts` feature off (the planner's and
//! the DNS check's browser builds), the `bounce.*` texts of "Explain a bounce" are left
//! out: they are long, and only the explain screen's binary and the native tools show
//! them (BENCHMARKS.md, "Bundle"). Every other key is kept as written.

use std::path::Path;

fn main() {
    let keep_bounces = std::env::var_os("CARGO_FEATURE_BOUNCE_TEXTS").is_some();
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        println!("cargo::error=OUT_DIR is not set");
        return;
    };
    for name in ["en.txt", "vi.txt"] {
        let source = Path::new("messages").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = match std::fs::read_to_string(&source) {
            Ok(text) => text,
            Err(error) => {
                println!("cargo::error=reading {}: {error}", source.display());
                return;
            }
        };
        let kept: String = text
            .lines()
            .filter(|line| keep_bounces || !line.trim_start().starts_with("bounce."))
            .flat_map(|line| [line, "\n"])
            .collect();
        if let Err(error) = std::fs::write(out.join(name), kept) {
            println!("cargo::error=writing {name}: {error}");
        }
    }
}
