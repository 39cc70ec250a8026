//! `smarthost card`: one device's (or application's) config card as text, HTML or JSON,
//! dated `--today` (the system date by default).

use crate::args::parse;
use crate::output::{out, outln};
use crate::{common, Usage};
use anyhow::Result;
use smarthost_core::card::{build_card_for, render_html, render_text, CardInput};
use smarthost_core::device_card::correct_for_cloud;
use smarthost_core::method::MethodId;
use smarthost_core::plan::Client;

pub fn run(args: &[String]) -> Result<()> {
    let (opts, positional) = parse(args, |_| true)?;
    if let Some(extra) = positional.first() {
        return Err(Usage(format!("card: unexpected argument `{extra}`")).into());
    }
    let mut input = CardInput::default();
    let mut lang = Default::default();
    let mut format = "text".to_owned();
    let mut method_given = false;
    let mut today = None;
    let mut client = None;
    for opt in opts {
        let value = opt.value.unwrap_or_default();
        match opt.name.as_str() {
            "method" => {
                method_given = true;
                input.method = Some(MethodId::parse(&value).ok_or_else(|| {
                    Usage(format!(
                        "--method must be one of {}, not `{value}`",
                        MethodId::ALL.map(MethodId::as_str).join(", ")
                    ))
                })?);
            }
            "device" => input.device = value,
            "from" => input.from = value,
            "domain" => input.domain = Some(value),
            "smart-host" => input.smart_host = Some(value),
            "ip" => input.ip = Some(value),
            "location" => input.location = Some(value),
            "model" => input.model = Some(value),
            "username" => input.username = Some(value),
            "cloud" => input.cloud = common::cloud(&value)?,
            "lang" => lang = common::lang(&value)?,
            "today" => today = Some(common::today_option(&value)?),
            "client" => client = Some(common::client(&value)?),
            "format" if ["html", "text", "json"].contains(&value.as_str()) => format = value,
            "format" => {
                return Err(Usage(format!(
                    "--format must be html, text or json, not `{value}`"
                ))
                .into())
            }
            other => return Err(Usage(format!("card: unknown option --{other}")).into()),
        }
    }
    if !method_given {
        return Err(Usage("card: --method is required".to_owned()).into());
    }
    // Graph sendMail is for applications whatever --client says.
    if input.method == Some(MethodId::GraphApi) {
        client = Some(Client::Application);
    }
    let today = today.unwrap_or_else(common::today).to_string();
    let mut card = build_card_for(&input, client, lang, &today).map_err(common::field_errors)?;
    // As on the Cards screen: no card shows another cloud's host.
    correct_for_cloud(&mut card, input.cloud, lang);
    match format.as_str() {
        "json" => outln!("{}", serde_json::to_string_pretty(&card)?),
        "html" => out!("{}", render_html(&card, lang)),
        _ => out!("{}", render_text(&card, lang)),
    }
}
