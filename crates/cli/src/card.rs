//! `smarthost card`: one device's (or application's) config card as text, HTML or JSON,
//! dated `--today` (the system date by default).

use crate::common::{self, Value};
use crate::output::{out, outln};
use crate::Usage;
use anyhow::Result;
use smarthost_core::card::{build_card_for, render_text, CardInput};
use smarthost_core::cloud::Cloud;
use smarthost_core::date::Date;
use smarthost_core::device_card::correct_for_cloud;
use smarthost_core::i18n::Lang;
use smarthost_core::method::MethodId;
use smarthost_core::plan::Client;
use smarthost_site::card_html::card_html;

#[derive(clap::Args)]
pub struct Args {
    /// The way the device sends
    #[arg(long, value_name = "ID", value_parser = Value::one_of(method, methods))]
    method: MethodId,
    /// The device's (or application's) name
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    device: Option<String>,
    /// The From address it sends as
    #[arg(long, value_name = "ADDR", allow_hyphen_values = true)]
    from: Option<String>,
    /// The mail domain
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    domain: Option<String>,
    /// The MX host to send to (Direct Send, relay)
    #[arg(long, value_name = "H", allow_hyphen_values = true)]
    smart_host: Option<String>,
    /// The static public IPv4 address it sends from
    #[arg(long, value_name = "IP", allow_hyphen_values = true)]
    ip: Option<String>,
    /// Where the device is
    #[arg(long, value_name = "L", allow_hyphen_values = true)]
    location: Option<String>,
    /// The device's model
    #[arg(long, value_name = "M", allow_hyphen_values = true)]
    model: Option<String>,
    /// The account it signs in with
    #[arg(long, value_name = "U", allow_hyphen_values = true)]
    username: Option<String>,
    /// The tenant's Microsoft 365 cloud [default: worldwide]
    #[arg(long, value_name = "C", value_parser = common::CLOUD)]
    cloud: Option<Cloud>,
    /// Who sends, a device or an application [default: device]
    #[arg(long, value_name = "device|application", value_parser = common::CLIENT)]
    client: Option<Client>,
    /// The day the card is dated [default: the system date]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::TODAY)]
    today: Option<Date>,
    /// The language of the card [default: en]
    #[arg(long, value_name = "en|vi", value_parser = common::LANG)]
    lang: Option<Lang>,
    /// The card as text, HTML or JSON [default: text]
    #[arg(long, value_name = "html|text|json", value_enum)]
    format: Option<Format>,
}

/// `--format`: clap's value enum (its message lists the values).
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Html,
    Text,
    Json,
}

fn methods() -> Vec<&'static str> {
    MethodId::ALL.map(MethodId::as_str).to_vec()
}

/// `--method ID`: any of the methods.
fn method(value: &str) -> Result<MethodId, Usage> {
    MethodId::parse(value).ok_or_else(|| {
        Usage(format!(
            "--method must be one of {}, not `{value}`",
            methods().join(", ")
        ))
    })
}

pub fn run(args: Args) -> Result<()> {
    let input = CardInput {
        method: Some(args.method),
        device: args.device.unwrap_or_default(),
        from: args.from.unwrap_or_default(),
        domain: args.domain,
        smart_host: args.smart_host,
        ip: args.ip,
        location: args.location,
        model: args.model,
        username: args.username,
        cloud: args.cloud.unwrap_or_default(),
    };
    let (lang, today, mut client) = (args.lang.unwrap_or_default(), args.today, args.client);
    let format = args.format.unwrap_or(Format::Text);
    // Graph sendMail is for applications whatever --client says.
    if input.method == Some(MethodId::GraphApi) {
        client = Some(Client::Application);
    }
    let today = today.unwrap_or_else(common::today).to_string();
    let mut card =
        build_card_for(&input, client, &today).map_err(|e| common::field_errors(e, lang))?;
    // As on the Cards screen: no card shows another cloud's host.
    correct_for_cloud(&mut card, input.cloud);
    match format {
        Format::Json => outln!("{}", serde_json::to_string_pretty(&card.lines(lang))?),
        Format::Html => out!("{}", card_html(&card, lang)),
        Format::Text => out!("{}", render_text(&card, lang)),
    }
}
