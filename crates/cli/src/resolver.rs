//! The resolver a command uses: `--doh URL` (RFC 8484) or `--doh-json URL`, else
//! Cloudflare with Google as the fallback; one retry each; `--timeout MS` per request.

use crate::common::Value;
use crate::http::{UreqTransport, DEFAULT_TIMEOUT};
use crate::Usage;
use smarthost_core::dns::preset::ResolverSetting;
use smarthost_core::dns::{Chain, DohFormat, DohResolver};
use smarthost_core::i18n::Lang;
use std::time::Duration;

pub type CliResolver = Chain<DohResolver<UreqTransport>>;

/// `--doh URL` or `--doh-json URL` (the last one given wins) and `--timeout MS`.
#[derive(clap::Args)]
pub struct ResolverArgs {
    /// A DNS-over-HTTPS resolver (RFC 8484 wire format) [default: Cloudflare, then Google]
    #[arg(long, value_name = "URL", overrides_with = "doh_json")]
    doh: Option<String>,
    /// A DNS-over-HTTPS resolver that answers in JSON
    #[arg(long, value_name = "URL", overrides_with = "doh")]
    doh_json: Option<String>,
    /// Milliseconds to wait for each answer, 1 to 60000 [default: 5000]
    #[arg(long, value_name = "MS", value_parser = Value::new(timeout))]
    timeout: Option<Duration>,
}

/// `--timeout MS` (here and in `probe`).
pub fn timeout(value: &str) -> Result<Duration, Usage> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|ms| (1..=60_000).contains(ms))
        .map(Duration::from_millis)
        .ok_or_else(|| {
            Usage(format!(
                "--timeout takes milliseconds from 1 to 60000, not `{value}`"
            ))
        })
}

impl ResolverArgs {
    /// The resolver; a bad `--doh` URL is explained in `lang`.
    pub fn build(self, lang: Lang) -> Result<CliResolver, Usage> {
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let make = |url: &str, format| {
            DohResolver::new(url, format, UreqTransport::with_timeout(timeout))
                .map_err(|e| Usage(format!("--doh: {}", e.message(lang))))
        };
        // Without --doh, the app's default: Cloudflare, then Google.
        let endpoints = match (self.doh, self.doh_json) {
            (Some(url), _) => vec![(url, DohFormat::Wire)],
            (None, Some(url)) => vec![(url, DohFormat::Json)],
            (None, None) => ResolverSetting::CloudflareWire.endpoints(),
        };
        let resolvers = endpoints
            .iter()
            .map(|(url, format)| make(url, *format))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Chain::new(resolvers, 1))
    }
}
