//! A DNS-over-HTTPS resolver in either format, and the public presets.

use super::json::DohJsonResolver;
use super::record::RecordType;
use super::resolver::{DohWireResolver, HttpTransport, Lookup, ResolveError, Resolver};
use super::DomainName;

/// Cloudflare serves both formats at one URL, with `Access-Control-Allow-Origin: *`.
pub const CLOUDFLARE: &str = "https://cloudflare-dns.com/dns-query";
/// Google's RFC 8484 endpoint.
pub const GOOGLE_WIRE: &str = "https://dns.google/dns-query";
/// Google's JSON API.
pub const GOOGLE_JSON: &str = "https://dns.google/resolve";

/// The two answer formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DohFormat {
    Wire,
    Json,
}

pub enum DohResolver<T> {
    Wire(DohWireResolver<T>),
    Json(DohJsonResolver<T>),
}

impl<T: HttpTransport> DohResolver<T> {
    pub fn new(endpoint: &str, format: DohFormat, transport: T) -> Result<Self, ResolveError> {
        Ok(match format {
            DohFormat::Wire => DohResolver::Wire(DohWireResolver::new(endpoint, transport)?),
            DohFormat::Json => DohResolver::Json(DohJsonResolver::new(endpoint, transport)?),
        })
    }

    pub fn endpoint(&self) -> &str {
        match self {
            DohResolver::Wire(r) => r.endpoint(),
            DohResolver::Json(r) => r.endpoint(),
        }
    }
}

impl<T: HttpTransport> Resolver for DohResolver<T> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        match self {
            DohResolver::Wire(r) => r.lookup(name, rtype).await,
            DohResolver::Json(r) => r.lookup(name, rtype).await,
        }
    }
}
