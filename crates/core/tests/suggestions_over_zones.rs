//! Every suggested SPF record, for every domain of tests/zones (the zones the CLI and the
//! browser tests are answered from), works for every sender: each device IP and
//! Microsoft 365's servers pass, and no sender gets permerror or temperror.

use futures::executor::block_on;
use smarthost_core::dns::{DomainName, InMemoryZone, RecordData};
use smarthost_core::method::MethodId;
use smarthost_core::report::{check_domain, CheckRequest};
use smarthost_core::spf::{check_host, SpfQuery, SpfResult};
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

const DEVICES: [Ipv4Addr; 2] = [Ipv4Addr::new(198, 51, 100, 7), Ipv4Addr::new(192, 0, 2, 10)];
/// Inside 40.92.0.0/15, the range tests/zones/spf.protection.outlook.com.zone publishes.
const MICROSOFT: Ipv4Addr = Ipv4Addr::new(40, 92, 1, 1);
/// Inside 23.103.132.0/22, the range tests/zones/spf.protection.office365.us.zone publishes.
const MICROSOFT_US: Ipv4Addr = Ipv4Addr::new(23, 103, 132, 1);

/// The records of tests/zones, read as Knot reads them (the subset those files use),
/// and every name that publishes an SPF record.
fn load_zones() -> (InMemoryZone, Vec<String>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/zones");
    let mut zone = InMemoryZone::new();
    let mut spf_names = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "zone"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        let mut origin = String::new();
        for line in text.lines() {
            let line = strip_comment(line);
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                [] => {}
                ["$ORIGIN", name] => origin = name.trim_end_matches('.').to_owned(),
                ["$TTL", ..] => {}
                [owner, rtype, rest @ ..] => {
                    let owner = absolute(owner, &origin);
                    let data = line.split_once(rtype).map_or("", |(_, after)| after.trim());
                    zone = match *rtype {
                        "A" => zone.a(&owner, parse(data)),
                        "MX" => match rest {
                            [pref, host] => zone.mx(&owner, parse(pref), &absolute(host, &origin)),
                            _ => panic!("{line}"),
                        },
                        "PTR" => zone.with(&owner, RecordData::Ptr(absolute(data, &origin))),
                        // The DKIM selectors (tests/zones/dkim.test.zone and others).
                        "CNAME" => zone.cname(&owner, &absolute(data, &origin)),
                        "TXT" => {
                            let strings = quoted_strings(data);
                            if strings.concat().starts_with("v=spf1") {
                                spf_names.push(owner.clone());
                            }
                            zone.with(
                                &owner,
                                RecordData::Txt(
                                    strings.into_iter().map(String::into_bytes).collect(),
                                ),
                            )
                        }
                        "SOA" | "NS" => zone,
                        other => panic!("{}: record type {other} is not read here", file.display()),
                    };
                }
                _ => panic!("{}: {line}", file.display()),
            }
        }
    }
    // tests/support/dns-stack.mjs makes dnsdist answer SERVFAIL for this name.
    (zone.servfail("servfail.cli.test"), spf_names)
}

fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// A zone-file name made absolute, its `\DDD` escapes decoded.
fn absolute(name: &str, origin: &str) -> String {
    let name = unescape(name);
    if name == "@" {
        origin.to_owned()
    } else if let Some(full) = name.strip_suffix('.') {
        full.to_owned()
    } else {
        format!("{name}.{origin}")
    }
}

fn unescape(name: &str) -> String {
    let mut out = String::new();
    let mut rest = name;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 4).and_then(|d| d.parse::<u8>().ok());
        match code {
            Some(byte) => {
                out.push(char::from(byte));
                rest = &rest[at + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn quoted_strings(data: &str) -> Vec<String> {
    data.split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_owned())
        .collect()
}

fn parse<T: std::str::FromStr>(text: &str) -> T {
    text.parse()
        .unwrap_or_else(|_| panic!("{text:?} does not parse"))
}

fn result(zone: &InMemoryZone, domain: &str, record: &str, ip: Ipv4Addr) -> SpfResult {
    let query = SpfQuery::mail_from(IpAddr::V4(ip), &format!("postmaster@{domain}"), "");
    block_on(check_host(zone, &query, Some(record))).result
}

#[test]
fn every_suggested_record_works_for_every_sender() {
    let (zone, names) = load_zones();
    let mut failed = Vec::new();
    let mut suggested = Vec::new();
    for name in &names {
        let Ok(domain) = DomainName::parse(name) else {
            continue;
        };
        for method in [MethodId::DirectSend, MethodId::ClientSubmission] {
            let request = CheckRequest {
                domain: domain.clone(),
                ips: DEVICES.to_vec(),
                method: Some(method),
                cloud: None,
                draft: None,
            };
            let report = block_on(check_domain(&zone, &request));
            let Some(record) = report.spf.suggested_record.clone() else {
                continue;
            };
            suggested.push(name.clone());
            // An address inside the include of the cloud the report followed.
            let microsoft = if report.cloud.spf_include() == "spf.protection.office365.us" {
                MICROSOFT_US
            } else {
                MICROSOFT
            };
            let must_pass = match method {
                MethodId::DirectSend => vec![DEVICES[0], DEVICES[1], microsoft],
                _ => vec![microsoft],
            };
            for ip in must_pass {
                let got = result(&zone, name, &record, ip);
                if got != SpfResult::Pass {
                    failed.push(format!(
                        "{name} ({method:?}): {record} gives {got:?} for {ip}"
                    ));
                }
            }
            let stranger = result(&zone, name, &record, Ipv4Addr::new(203, 0, 113, 254));
            if matches!(stranger, SpfResult::PermError | SpfResult::TempError) {
                failed.push(format!("{name} ({method:?}): {record} gives {stranger:?}"));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    // The property is not vacuous: the broken records of the zones get a repair.
    for broken in [
        "avoids.cli.test",
        "voids.cli.test",
        "void-a.rfc.test",
        "noinclude.cli.test",
    ] {
        assert!(
            suggested.iter().any(|s| s == broken),
            "no suggestion for {broken}: {suggested:?}"
        );
    }
}
