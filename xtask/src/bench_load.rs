//! `cargo xtask bench load`: every screen's first paint and time to interactive in
//! Chromium with 4x CPU throttling, against the static-HTML floor of the same screen in
//! the same run (tests/bench/load.mjs), plus a control that measures the planner against
//! itself; written to BENCHMARKS.md. The pairs are judged in `paired` (a trimmed
//! geometric mean of the pairs' ratios with a 95% bootstrap interval). Fails when a
//! screen's ratio (app over floor) is above 1.10 (issue #18).

use crate::bench_dns::node_script;
use crate::paired::{judge, median, percentile, Judged};
use anyhow::{bail, Context, Result};
use std::path::Path;

const TITLE: &str = "## Load";

/// First paint may be this much after the floor's (1.10: within 10%).
const PAINT_RATIO: f64 = 1.10;

/// One screen's runs as the script prints them: the first page's and the second page's
/// (the floor's, or for the control the planner's twin), pair by pair.
struct Runs {
    route: String,
    paint: (Vec<f64>, Vec<f64>),
    interactive: (Vec<f64>, Vec<f64>),
}

impl Runs {
    fn read(value: &serde_json::Value) -> Result<Runs> {
        let list = |key: &str| -> Result<Vec<f64>> {
            value[key]
                .as_array()
                .with_context(|| format!("no {key} in {value}"))?
                .iter()
                .map(|v| {
                    v.as_f64()
                        .with_context(|| format!("{key}: {v} is not a time"))
                })
                .collect()
        };
        Ok(Runs {
            route: value["route"]
                .as_str()
                .context("a screen without its path")?
                .to_string(),
            paint: (list("appPaint")?, list("floorPaint")?),
            interactive: (list("appInteractive")?, list("floorInteractive")?),
        })
    }

    fn judged(&self) -> Result<Judged> {
        judge(&self.paint.0, &self.paint.1)
            .with_context(|| format!("{}: the runs cannot be paired", self.route))
    }
}

/// "0.93–1.06": the 95% interval of a ratio.
fn interval(judged: &Judged) -> String {
    format!("{:.2}–{:.2}", judged.low, judged.high)
}

/// "280 ms (220–350)": the median and the 10th to 90th percentile of a page's runs.
fn spread(times: &[f64]) -> String {
    format!(
        "{:.0} ms ({:.0}–{:.0})",
        median(times),
        percentile(times, 0.1),
        percentile(times, 0.9)
    )
}

pub fn bench_load(root: &Path) -> Result<()> {
    crate::site::build(root)?;
    let json = node_script(root, "tests/bench/load.mjs")?;
    let report: serde_json::Value =
        serde_json::from_str(&json).with_context(|| format!("reading {json}"))?;
    let pairs = report["runs"].as_u64().context("no runs in the report")?;
    let mut rows = String::new();
    let mut over = Vec::new();
    let mut unsure = Vec::new();
    for screen in report["routes"].as_array().context("no routes")? {
        let runs = Runs::read(screen)?;
        let judged = runs.judged()?;
        if judged.ratio > PAINT_RATIO {
            over.push(format!("{}: {:.2} of the floor", runs.route, judged.ratio));
        } else if judged.high > PAINT_RATIO {
            unsure.push(runs.route.clone());
        }
        rows.push_str(&format!(
            "| `{}` | {} | {} | **{:.2}** | {} | {:.2} | {:.0} ms | {:.0} ms |\n",
            runs.route,
            spread(&runs.paint.0),
            spread(&runs.paint.1),
            judged.ratio,
            interval(&judged),
            judged.spread,
            median(&runs.interactive.0),
            median(&runs.interactive.1),
        ));
    }
    let control = Runs::read(&report["control"])?;
    let same = control.judged()?;
    let verdict = if !over.is_empty() {
        format!("Over the goal in this run: {}.", over.join(", "))
    } else if unsure.is_empty() {
        "Every screen within the goal in this run, each with its whole 95% interval under 1.10."
            .to_string()
    } else {
        format!(
            "Every screen within the goal in this run; the 95% interval of {} reaches past 1.10, \
             so for those the run does not rule out a miss.",
            unsure.join(", ")
        )
    };
    let section = format!(
        "{TITLE}\n\n`cargo xtask bench load` (tests/bench/load.mjs, judged by \
         xtask/src/paired.rs): headless Chromium with 4x CPU throttling, a browser of its \
         own for each screen, warmed up on both of its pages, and a fresh context per run \
         (nothing cached, service worker off), served from loopback; nothing is evaluated \
         in a page before its load event (a small init script records interactive). First \
         paint is the browser's first-contentful-paint; interactive is when the app's own \
         page has replaced the prerendered one and the first control in `<main>` takes \
         focus. The floor is the same screen as the app renders it, saved as static HTML \
         with its stylesheets and no scripts. {pairs} pairs of runs per screen, the app and \
         its floor back to back in alternating order, so that a slow moment of the machine \
         weighs on both pages of a pair. The ratio is the 20%-trimmed geometric mean of the \
         pairs' ratios (app over floor), with its 95% bootstrap interval; the spread is the \
         standard deviation of one pair's log ratio. Times are medians with the 10th to 90th \
         percentile of the runs. Goal: first paint within 10% of the floor, a ratio of 1.10 \
         at most (the bench fails otherwise).\n\n\
         | screen | first paint | floor | ratio | 95% interval | spread | interactive | floor interactive |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n{rows}\n\
         Control, the same way: the planner against itself (the same files from a second \
         server), {} pairs: **{:.2}** (95% interval {}, spread {:.2}); first paint \
         {} and {}. This is how finely the run tells two pages apart.\n\n{verdict}\n",
        same.pairs,
        same.ratio,
        interval(&same),
        same.spread,
        spread(&control.paint.0),
        spread(&control.paint.1),
    );
    crate::bench::write_section(root, TITLE, &section)?;
    println!("{section}");
    if !over.is_empty() {
        bail!(
            "first paint more than 10% after the floor: {}",
            over.join(", ")
        );
    }
    Ok(())
}
