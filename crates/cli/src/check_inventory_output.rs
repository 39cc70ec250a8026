//! What `check --inventory` prints: one JSON document per device (JSON Lines), or a
//! table with one row per device, in the reader's language.

use super::FleetDevice;
use crate::check::to_json;
use crate::output::{out, outln};
use anyhow::Result;
use serde_json::json;
use smarthost_core::echo::shown;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::report::Report;

/// One line per device: who it is, what was checked, and the report as `check --json`
/// gives it.
pub fn json_lines(checked: &[(&FleetDevice, Report)], lang: Lang) -> Result<()> {
    for (device, report) in checked {
        let line = json!({
            "device": device.name,
            "from": device.from,
            "ip": device.ip.map(|ip| ip.to_string()),
            "method": device.method.as_str(),
            "domain": device.request.domain.as_str(),
            "report": to_json(report, lang),
        });
        outln!("{}", serde_json::to_string(&line)?)?;
    }
    Ok(())
}

/// The row of one device: name, domain, IP, the SPF result for its IP, the verdict for
/// its mail and the most severe finding of its report (findings are sorted errors first).
fn row(device: &FleetDevice, report: &Report, lang: Lang) -> [String; COLUMNS] {
    let word = |key: &str| i18n::format(lang, key, &[]);
    let ip = device.ip.map(|ip| ip.to_string());
    let spf = ip
        .as_ref()
        .and_then(|ip| report.spf.result_for_ip.get(ip))
        .map_or_else(|| "-".to_owned(), |result| result.as_str().to_owned());
    // The device's own verdict (its IP, or its method alone for client submission).
    let verdict = report.verdicts.iter().find(|v| v.ip == ip).map_or_else(
        || "-".to_owned(),
        |v| word(&format!("ui.verdict.outcome.{}", v.outcome.as_str())),
    );
    let worst = report.findings.first().map_or_else(
        || word("cli.inventory.no-finding"),
        |finding| {
            let severity = word(&format!("cli.check.severity.{}", finding.severity.as_str()));
            format!("[{severity}] {}", finding.code)
        },
    );
    [
        shown(&device.name),
        device.request.domain.to_string(),
        ip.unwrap_or_else(|| word("cli.inventory.no-ip")),
        spf,
        verdict,
        worst,
    ]
}

const COLUMNS: usize = 6;

/// The table: a heading row, then one row per device in file order, columns padded to
/// their widest cell.
pub fn table(checked: &[(&FleetDevice, Report)], lang: Lang) -> Result<()> {
    let heading = [
        "cli.inventory.head.device",
        "cli.inventory.head.domain",
        "cli.inventory.head.ip",
        "cli.inventory.head.spf",
        "cli.inventory.head.verdict",
        "cli.inventory.head.finding",
    ]
    .map(|key| i18n::format(lang, key, &[]));
    let rows: Vec<[String; COLUMNS]> = std::iter::once(heading)
        .chain(checked.iter().map(|(d, r)| row(d, r, lang)))
        .collect();
    let mut widths = [0usize; COLUMNS];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    out!("{text}")
}
