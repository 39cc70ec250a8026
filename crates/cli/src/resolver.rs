//! The resolver a command uses: `--doh URL` (RFC 8484) or `--doh-json URL`, else
//! Cloudflare with Google as the fallback; one retry each; `--timeout MS` per request.

use crate::http::{UreqTransport, DEFAULT_TIMEOUT};
use crate::Usage;
use smarthost_core::dns::preset::ResolverSetting;
use smarthost_core::dns::{Chain, DohFormat, DohResolver};
use smarthost_core::i18n::Lang;
use std::time::Duration;

pub type CliResolver = Chain<DohResolver<UreqTransport>>;

/// Collects `--doh` / `--doh-json` (the last one given wins) and `--timeout MS`.
#[derive(Default)]
pub struct ResolverChoice {
    endpoint: Option<(String, DohFormat)>,
    timeout: Option<Duration>,
}

impl ResolverChoice {
    /// Takes the option if it is one of ours.
    pub fn take(&mut self, name: &str, value: &str) -> Result<bool, Usage> {
        match name {
            "doh" => self.endpoint = Some((value.to_owned(), DohFormat::Wire)),
            "doh-json" => self.endpoint = Some((value.to_owned(), DohFormat::Json)),
            "timeout" => {
                let ms = value
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|ms| (1..=60_000).contains(ms))
                    .ok_or_else(|| {
                        Usage(format!(
                            "--timeout takes milliseconds from 1 to 60000, not `{value}`"
                        ))
                    })?;
                self.timeout = Some(Duration::from_millis(ms));
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The resolver; a bad `--doh` URL is explained in `lang`.
    pub fn build(self, lang: Lang) -> Result<CliResolver, Usage> {
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        let make = |url: &str, format| {
            DohResolver::new(url, format, UreqTransport::with_timeout(timeout))
                .map_err(|e| Usage(format!("--doh: {}", e.message(lang))))
        };
        // Without --doh, the app's default: Cloudflare, then Google.
        let endpoints = match self.endpoint {
            Some(endpoint) => vec![endpoint],
            None => ResolverSetting::CloudflareWire.endpoints(),
        };
        let resolvers = endpoints
            .iter()
            .map(|(url, format)| make(url, *format))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Chain::new(resolvers, 1))
    }
}
