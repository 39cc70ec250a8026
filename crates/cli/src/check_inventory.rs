//! `smarthost check --inventory FILE`: every device of an inventory checked as
//! `smarthost check <domain of its From> --ip <its IP> --method <its method>` would check
//! it (`--cloud` when the file names the device's cloud; without one the MX decides).
//!
//! The file is read and every device validated as `smarthost build` does (core's
//! reader and `build_device_card`), so a device that could not have a card is refused
//! here too, at its line, before anything is looked up. Devices are then grouped by
//! domain: each domain's answers are asked once, through one cache that all its devices'
//! reports share (a report depends on the device's IP, method and cloud, the answers
//! only on the domain), and up to [`DOMAINS_AT_ONCE`] domains are checked together. The
//! reports are printed in file order once all are in.

use crate::check::{Failed, METHODS};
use crate::output::StdoutClosed;
use crate::resolver::ResolverArgs;
use crate::{common, Invalid};
use anyhow::Result;
use futures::executor::block_on;
use futures::stream::{self, StreamExt};
use smarthost_core::cloud::Cloud;
use smarthost_core::device_card::build_device_card;
use smarthost_core::dns::{Cached, DomainName, Resolver};
use smarthost_core::echo::shown;
use smarthost_core::i18n::{self, Lang};
use smarthost_core::inventory::{Format, Imported};
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, CheckRequest, Report};
use smarthost_core::validate::parse_from_address;
use std::io::IsTerminal;
use std::net::Ipv4Addr;
use std::path::Path;

#[path = "check_inventory_output.rs"]
mod output;

/// Domains checked at the same time. Each domain's waves are already concurrent (the
/// transport's own limit caps requests in flight); this keeps a large fleet from
/// opening a burst that public resolvers would throttle.
pub const DOMAINS_AT_ONCE: usize = 4;

/// One device of the inventory, validated, with the check it gets.
pub struct FleetDevice {
    pub name: String,
    pub from: String,
    pub ip: Option<Ipv4Addr>,
    pub method: MethodId,
    pub request: CheckRequest,
}

pub fn run(path: &Path, lang: Lang, resolver: ResolverArgs, json: bool) -> Result<Option<Failed>> {
    let devices = read_devices(path, lang)?;
    let resolver = resolver.build(lang)?;
    let reports = block_on(check_all(&resolver, &devices, lang));
    let checked: Vec<(&FleetDevice, Report)> = devices
        .iter()
        .zip(reports)
        .filter_map(|(device, report)| Some((device, report?)))
        .collect();
    let written = if json {
        output::json_lines(&checked, lang)
    } else {
        output::table(&checked, lang)
    };
    // As `check`: the exit status is the verdict even when the reader left early.
    if let Err(error) = written {
        if !error.is::<StdoutClosed>() {
            return Err(error);
        }
    }
    Ok(checked
        .iter()
        .any(|(_, r)| r.has_errors())
        .then_some(Failed))
}

/// Reads the inventory and validates every device; all problems at once, each at its
/// line (`devices.toml:8: device 2 "Ricoh": from: …`).
pub fn read_devices(path: &Path, lang: Lang) -> Result<Vec<FleetDevice>> {
    let shown_path = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Invalid(format!("--inventory: {shown_path}: {e}")))?;
    let (imported, lines) = match Format::detect(&text) {
        // The app's JSON export: its syntax errors carry their own line; a device's
        // refusal names the device.
        Format::Json => Imported::read_json(&text)
            .map(|imported| (imported, Vec::new()))
            .map_err(|e| Invalid(format!("{shown_path}: {}", e.message(lang))))?,
        Format::Toml => Imported::read_toml_with_lines(&text)
            .map(|read| (read.imported, read.device_lines))
            .map_err(|refusal| Invalid(refusal.located(&shown_path, lang)))?,
    };
    let assumed: Vec<usize> = imported
        .cloud_assumed
        .iter()
        .flat_map(|notice| notice.devices.iter().map(|d| d.number))
        .collect();
    let today = common::today().to_string();
    let mut errors = Vec::new();
    let mut devices = Vec::new();
    for (index, device) in imported.inventory.devices.iter().enumerate() {
        let number = index + 1;
        let at = match lines.get(index) {
            Some(line) => format!("{shown_path}:{line}"),
            None => shown_path.clone(),
        };
        let label = i18n::format(
            lang,
            "inventory.device",
            &[
                ("number", &number.to_string()),
                ("name", &shown(device.name.trim())),
            ],
        );
        let mut refuse = |field: &str, message: String| {
            errors.push(format!("{at}: {label}: {field}: {message}"));
        };
        let card = match build_device_card(device, &today) {
            Ok(card) => card.card,
            Err(field_errors) => {
                for field in field_errors {
                    refuse(field.field, field.message(lang));
                }
                continue;
            }
        };
        // The card validated both; read back as the values the check takes.
        let domain = parse_from_address(&card.from)
            .map_err(|e| e.message(lang))
            .and_then(|from| DomainName::parse(&from.value.domain).map_err(|e| e.message(lang)));
        let domain = match domain {
            Ok(domain) => domain,
            Err(message) => {
                refuse("from", message);
                continue;
            }
        };
        let ip = card
            .ip
            .as_deref()
            .and_then(|ip| ip.parse::<Ipv4Addr>().ok());
        let cloud: Option<Cloud> = (!assumed.contains(&number)).then_some(device.cloud);
        devices.push(FleetDevice {
            name: device.name.trim().to_owned(),
            from: card.from.clone(),
            ip,
            method: card.method,
            request: CheckRequest {
                domain,
                ips: ip.into_iter().collect(),
                // A method this check gives no SPF advice for (HVE, ACS, Graph, a local
                // relay) is checked as `check` without `--method`.
                method: METHODS.contains(&card.method).then_some(card.method),
                cloud,
                draft: None,
            },
        });
    }
    if !errors.is_empty() {
        return Err(Invalid(errors.join("\n")).into());
    }
    Ok(devices)
}

/// The devices' indexes by domain, domains in the order they first appear.
pub fn by_domain(devices: &[FleetDevice]) -> Vec<(DomainName, Vec<usize>)> {
    let mut groups: Vec<(DomainName, Vec<usize>)> = Vec::new();
    for (index, device) in devices.iter().enumerate() {
        let domain = &device.request.domain;
        match groups.iter_mut().find(|(d, _)| d == domain) {
            Some((_, members)) => members.push(index),
            None => groups.push((domain.clone(), vec![index])),
        }
    }
    groups
}

/// Every device's report, in the devices' order (each slot is filled: every device is
/// in exactly one group).
async fn check_all<R: Resolver>(
    resolver: &R,
    devices: &[FleetDevice],
    lang: Lang,
) -> Vec<Option<Report>> {
    let groups = by_domain(devices);
    let total = groups.len();
    let progress = std::io::stderr().is_terminal();
    let mut reports: Vec<Option<Report>> = vec![None; devices.len()];
    let mut done = 0;
    let mut checks = stream::iter(&groups)
        .map(|(domain, members)| async move {
            let answers = Cached::new(resolver);
            let mut out = Vec::new();
            for &index in members {
                // After the first device the answers come from the cache.
                out.push((index, check_domain(&answers, &devices[index].request).await));
            }
            (domain, out)
        })
        .buffer_unordered(DOMAINS_AT_ONCE);
    while let Some((domain, out)) = checks.next().await {
        done += 1;
        if progress {
            let line = i18n::format(
                lang,
                "cli.inventory.progress",
                &[
                    ("domain", domain.as_str()),
                    ("done", &done.to_string()),
                    ("total", &total.to_string()),
                ],
            );
            eprintln!("{line}");
        }
        for (index, report) in out {
            if let Some(slot) = reports.get_mut(index) {
                *slot = Some(report);
            }
        }
    }
    reports
}

#[cfg(test)]
#[path = "check_inventory_tests.rs"]
mod tests;
