//! Resolving names: the [`Resolver`] trait, its outcomes and errors, and the RFC 8484
//! DNS-over-HTTPS resolver over an injected HTTP transport.
//!
//! The traits use `async fn` without a `Send` bound on purpose: browser futures
//! (fetch through wasm-bindgen) are not `Send`, and core must run there.

use super::record::{Rcode, Record, RecordData, RecordType};
use super::wire::{decode_message, encode_query, WireError};
use super::DomainName;
use crate::i18n::Lang;
use thiserror::Error;

/// What a successful look-up found. NXDOMAIN and NODATA are answers, not errors: they
/// are the only outcomes that justify saying a record is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Records(Vec<Record>),
    /// The name exists but has no record of the requested type.
    NoData,
    /// The name does not exist.
    NxDomain,
}

impl Lookup {
    pub fn records(&self) -> &[Record] {
        match self {
            Lookup::Records(records) => records,
            Lookup::NoData | Lookup::NxDomain => &[],
        }
    }
}

/// Why a look-up produced no answer. None of these says anything about the records.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ResolveError {
    #[error("the DNS-over-HTTPS server did not answer in time")]
    Timeout,
    #[error("the DNS-over-HTTPS server could not be reached ({0}); a network, firewall or browser (CORS) restriction may block it")]
    Unreachable(String),
    #[error("the DNS-over-HTTPS server answered HTTP {0}")]
    HttpStatus(u16),
    #[error("the DNS server failed to resolve the name (SERVFAIL)")]
    ServFail,
    #[error("the DNS server refused the query")]
    Refused,
    #[error("the DNS server answered with response code {0}")]
    OtherRcode(u16),
    #[error("{0}")]
    Malformed(#[from] WireError),
    #[error("the DNS-over-HTTPS server sent a JSON answer that could not be read ({0})")]
    MalformedJson(String),
    #[error("{0}")]
    BadEndpoint(#[from] super::endpoint::EndpointError),
    #[error("this site's Content-Security-Policy does not allow connecting to {0}, so the browser would refuse every look-up; whoever hosts smarthost can allow it by building with SMARTHOST_CONNECT_SRC=\"{0}\"")]
    NotAllowed(String),
    #[error("the DNS answer cannot be trusted: {0}")]
    BadAnswer(String),
}

impl ResolveError {
    /// The message in `lang`. A bad DoH URL, the one a person fixes by typing it again,
    /// is in `lang`; the look-up failures are in English in every language for now.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ResolveError::BadEndpoint(error) => error.message(lang),
            other => other.to_string(),
        }
    }
}

/// Something that answers DNS questions.
#[allow(async_fn_in_trait)]
pub trait Resolver {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError>;
}

/// An HTTP response as the DoH resolver needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: Vec<u8>,
}

/// Failures below HTTP: the transport maps its own errors onto these.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransportError {
    #[error("timed out")]
    Timeout,
    #[error("{0}")]
    Network(String),
}

/// The HTTP GET that a DoH resolver needs; fetch in the browser, a client natively.
#[allow(async_fn_in_trait)]
pub trait HttpTransport {
    async fn get(&self, url: &str, accept: &str) -> Result<HttpResponse, TransportError>;
}

/// RFC 8484 DNS-over-HTTPS in wire format over GET. GET with only an `Accept` header is
/// a CORS "simple" request, so browsers send it without a preflight.
pub struct DohWireResolver<T> {
    endpoint: String,
    transport: T,
}

impl<T: HttpTransport> DohWireResolver<T> {
    pub fn new(endpoint: &str, transport: T) -> Result<Self, ResolveError> {
        Ok(DohWireResolver {
            endpoint: validate_endpoint(endpoint)?,
            transport,
        })
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    fn url_for(&self, name: &DomainName, rtype: RecordType) -> String {
        let separator = if self.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        let query = base64url(&encode_query(name, rtype));
        format!("{}{separator}dns={query}", self.endpoint)
    }
}

/// Checks a DoH URL (see [`super::endpoint`]); returns it trimmed.
pub(crate) fn validate_endpoint(endpoint: &str) -> Result<String, ResolveError> {
    super::endpoint::validate_endpoint(endpoint).map_err(ResolveError::BadEndpoint)
}

impl<T: HttpTransport> Resolver for DohWireResolver<T> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let url = self.url_for(name, rtype);
        let body = fetch_answer(&self.transport, &url, "application/dns-message").await?;
        let message = decode_message(&body)?;
        outcome(name, rtype, message.rcode, message.answers)
    }
}

/// GETs a DoH answer: transport failures and any status but 200 are errors that say
/// nothing about the records (public resolvers answer 200 for NXDOMAIN too).
pub(crate) async fn fetch_answer<T: HttpTransport>(
    transport: &T,
    url: &str,
    accept: &str,
) -> Result<Vec<u8>, ResolveError> {
    let response = transport.get(url, accept).await.map_err(|e| match e {
        TransportError::Timeout => ResolveError::Timeout,
        TransportError::Network(why) => ResolveError::Unreachable(why),
    })?;
    if response.status != 200 {
        return Err(ResolveError::HttpStatus(response.status));
    }
    Ok(response.body)
}

/// Turns a response into a look-up outcome, following the CNAME chain from the question
/// name so that records for some other name are never taken as the answer.
pub(crate) fn outcome(
    name: &DomainName,
    rtype: RecordType,
    rcode: Rcode,
    answers: Vec<Record>,
) -> Result<Lookup, ResolveError> {
    match rcode {
        Rcode::NoError => {}
        Rcode::NxDomain => return Ok(Lookup::NxDomain),
        Rcode::ServFail => return Err(ResolveError::ServFail),
        Rcode::Refused => return Err(ResolveError::Refused),
        Rcode::FormErr => return Err(ResolveError::OtherRcode(1)),
        Rcode::NotImp => return Err(ResolveError::OtherRcode(4)),
        Rcode::Other(code) => return Err(ResolveError::OtherRcode(code)),
    }
    // Records that answer some other question: a broken or hostile resolver. Reading
    // them as "no records here" would claim something about the domain, so refuse.
    if !answers.is_empty() && !answers.iter().any(|r| r.name == name.as_str()) {
        let other = answers.first().map(|r| r.name.clone()).unwrap_or_default();
        return Err(ResolveError::BadAnswer(format!(
            "it answers for {other}, not {}",
            name.as_str()
        )));
    }
    let mut owner = name.as_str().to_owned();
    let mut chain = vec![owner.clone()];
    loop {
        let matching: Vec<Record> = answers
            .iter()
            .filter(|r| r.rtype == rtype && r.name == owner)
            .cloned()
            .collect();
        if !matching.is_empty() {
            return Ok(Lookup::Records(matching));
        }
        let next = answers.iter().find_map(|r| match &r.data {
            RecordData::Cname(target) if r.name == owner => Some(target.clone()),
            _ => None,
        });
        let Some(target) = next else {
            // The chain ends without records of this type: the name has none.
            return Ok(Lookup::NoData);
        };
        if chain.contains(&target) || chain.len() > MAX_CNAME_CHAIN {
            chain.push(target);
            return Err(ResolveError::BadAnswer(format!(
                "its CNAME chain loops or runs too long ({})",
                chain.join(" → ")
            )));
        }
        chain.push(target.clone());
        owner = target;
    }
}

/// Longer CNAME chains than this are treated as broken (resolvers stop far earlier).
const MAX_CNAME_CHAIN: usize = 8;

/// Base64url without padding (RFC 4648 5), as RFC 8484 6 requires for the `dns` parameter.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let symbols = chunk.len() + 1;
        for i in 0..symbols {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}
