//! `smarthost connector`: the Exchange admin center steps and PowerShell for a connector,
//! worded for the sender `--client` names (a device unless it says application).

use crate::args::parse;
use crate::output::outln;
use crate::{common, Usage};
use anyhow::Result;
use smarthost_core::connector::{connector_steps, ConnectorInput, ConnectorKind};

pub fn run(args: &[String]) -> Result<()> {
    let (opts, positional) = parse(args, |name| name != "json")?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("connector: unexpected argument `{extra}`")).into());
    }
    let mut input = ConnectorInput::default();
    let (mut kind, mut lang, mut json) = (None, Default::default(), false);
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        let list = || {
            value
                .split(',')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        match opt.name.as_str() {
            "kind" => {
                kind = Some(ConnectorKind::parse(&value).ok_or_else(|| {
                    Usage(format!(
                        "--kind must be relay-ip, relay-cert or partner, not `{value}`"
                    ))
                })?)
            }
            "ips" | "ip" => input.ips.extend(list()),
            "cert-name" => input.cert_name = Some(value),
            "name" => input.name = Some(value),
            "sender-domains" | "domain" => input.sender_domains.extend(list()),
            "cloud" => input.cloud = common::cloud(&value)?,
            "client" => input.client = Some(common::client(&value)?),
            "lang" => lang = common::lang(&value)?,
            "json" => json = true,
            other => return Err(Usage(format!("connector: unknown option --{other}")).into()),
        }
    }
    let kind = kind.ok_or_else(|| {
        Usage("connector: --kind relay-ip|relay-cert|partner is required".to_owned())
    })?;
    let steps = connector_steps(kind, &input, lang).map_err(common::field_errors)?;
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
