//! `smarthost connector`: the Exchange admin center steps and PowerShell for a connector,
//! worded for the sender `--client` names (a device unless it says application).

use crate::common::{self, Value};
use crate::output::outln;
use crate::Usage;
use anyhow::Result;
use smarthost_core::cloud::Cloud;
use smarthost_core::connector::{connector_steps, ConnectorInput, ConnectorKind};
use smarthost_core::i18n::Lang;
use smarthost_core::plan::Client;

#[derive(clap::Args)]
pub struct Args {
    /// The connector: by IP address, by certificate, or a partner connector
    #[arg(long, value_name = "KIND", value_parser = Value::one_of(kind, kinds))]
    kind: ConnectorKind,
    /// The static public IPv4 addresses or ranges it accepts, comma-separated
    #[arg(long, value_name = "IP,..", alias = "ip")]
    ips: Vec<String>,
    /// The subject name of the device's TLS certificate (relay-cert)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    cert_name: Option<String>,
    /// Your accepted domains the devices send as, comma-separated
    #[arg(
        long,
        value_name = "D,..",
        alias = "domain",
        allow_hyphen_values = true
    )]
    sender_domains: Vec<String>,
    /// The connector's name
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    name: Option<String>,
    /// The tenant's Microsoft 365 cloud [default: worldwide]
    #[arg(long, value_name = "C", value_parser = common::CLOUD)]
    cloud: Option<Cloud>,
    /// Who sends, a device or an application [default: device]
    #[arg(long, value_name = "device|application", value_parser = common::CLIENT)]
    client: Option<Client>,
    /// The language of the steps [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The steps as JSON
    #[arg(long)]
    json: bool,
}

const KINDS: [ConnectorKind; 3] = [
    ConnectorKind::RelayIp,
    ConnectorKind::RelayCert,
    ConnectorKind::Partner,
];

fn kinds() -> Vec<&'static str> {
    KINDS.map(ConnectorKind::as_str).to_vec()
}

/// `--kind relay-ip|relay-cert|partner`.
fn kind(value: &str) -> Result<ConnectorKind, Usage> {
    ConnectorKind::parse(value).ok_or_else(|| {
        Usage(format!(
            "--kind must be {}, not `{value}`",
            common::either(&kinds())
        ))
    })
}

/// `a, b` given once or more: the values, trimmed, without empty ones.
fn list(values: Vec<String>) -> Vec<String> {
    let items = values.iter().flat_map(|v| v.split(','));
    items
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

pub fn run(args: Args) -> Result<()> {
    let input = ConnectorInput {
        ips: list(args.ips),
        cert_name: args.cert_name,
        name: args.name,
        sender_domains: list(args.sender_domains),
        cloud: args.cloud.unwrap_or_default(),
        client: args.client,
    };
    let (kind, lang, json) = (args.kind, args.lang.unwrap_or_default(), args.json);
    let steps = connector_steps(kind, &input)
        .map_err(|e| common::field_errors(e, lang))?
        .in_lang(lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&steps)?)?;
        return Ok(());
    }
    outln!("Exchange admin center:")?;
    for (n, step) in steps.eac.iter().enumerate() {
        outln!("  {}. {step}", n + 1)?;
    }
    outln!("\nExchange Online PowerShell:")?;
    for command in &steps.powershell {
        outln!("  {command}")?;
    }
    outln!("\nAfterwards:")?;
    for step in steps.after.iter().chain(&steps.warnings) {
        outln!("  - {step}")?;
    }
    Ok(())
}
