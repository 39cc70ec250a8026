//! Resolving names: the [`Resolver`] trait, its outcomes and errors, and the RFC 8484
//! DNS-over-HTTPS resolver over an injected HTTP transport.
//!
//! The traits use `async fn` without a `Send` bound on purpose: browser futures
//! (fetch through wasm-bindgen) are not `Send`, and core must run there.

use super::record::{Rcode, Record, RecordData, RecordType};
use super::wire::{decode_message, encode_query, WireError};
use super::DomainName;
use crate::i18n::{format, Lang};
use thiserror::Error;

/// What a successful lookup found. NXDOMAIN and NODATA are answers, not errors: they
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

/// Why a JSON API answer could not be read. The parser's own detail (serde's words,
/// in English, with any quoted text made safe to show) is kept as the technical part
/// of the message; the sentence around it is the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// The body is not JSON at all (HTML from a proxy, cut off, not UTF-8).
    NotJson { detail: String },
    /// The body starts with a byte order mark: something in between rewrote it.
    ByteOrderMark,
    /// JSON, but not the DNS answer's shape (a field missing or of the wrong type).
    Shape { detail: String },
    /// A record whose data does not parse as its type.
    BadData { rtype: String, data: String },
}

impl JsonProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            JsonProblem::NotJson { detail } => {
                format(lang, "dns.error.json.not-json", &[("detail", detail)])
            }
            JsonProblem::ByteOrderMark => format(lang, "dns.error.json.byte-order-mark", &[]),
            JsonProblem::Shape { detail } => {
                format(lang, "dns.error.json.shape", &[("detail", detail)])
            }
            JsonProblem::BadData { rtype, data } => format(
                lang,
                "dns.error.json.bad-data",
                &[("type", rtype), ("data", data)],
            ),
        }
    }
}

/// Why a lookup produced no answer. None of these says anything about the records.
/// [`ResolveError::message`] says it in a language (texts `dns.error.*`); `Display` is
/// the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    Timeout,
    /// No HTTP response came back, and why, as far as the transport can tell.
    Unreachable(NetworkFailure),
    /// Paste mode: the question's records (`name TYPE`) were not pasted.
    NotPasted(String),
    /// Paste mode: the output pasted for the question (`name TYPE`) shows that no DNS
    /// server answered it (timed out, or none could be reached).
    PastedNoResponse(String),
    /// Paste mode: text was pasted for the question (`name TYPE`) but it holds neither
    /// a record nor a tool's answer (cut-off output, another command's output), so
    /// nothing is known; it is never read as "no records".
    PastedUnreadable(String),
    HttpStatus(u16),
    ServFail,
    Refused,
    OtherRcode(u16),
    Malformed(WireError),
    /// What is wrong with a JSON API answer.
    MalformedJson(JsonProblem),
    BadEndpoint(super::endpoint::EndpointError),
    /// Holds the origin the page's Content-Security-Policy does not allow.
    NotAllowed(String),
    BadAnswer(BadAnswer),
}

/// Why an answer is not taken as the answer to the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadAnswer {
    /// Its records are for `answered`, not for the name `asked`.
    OtherName { answered: String, asked: String },
    /// The CNAME chain, joined with arrows, loops or is too long.
    CnameChain(String),
}

impl BadAnswer {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BadAnswer::OtherName { answered, asked } => format(
                lang,
                "dns.answer.other-name",
                &[("answered", answered), ("asked", asked)],
            ),
            BadAnswer::CnameChain(chain) => {
                format(lang, "dns.answer.cname-chain", &[("chain", chain)])
            }
        }
    }
}

crate::i18n::display_in_english!(BadAnswer);

impl ResolveError {
    /// The message in `lang`. Details from elsewhere (the transport's explanation, what
    /// a JSON parser found) stay as they came.
    pub fn message(&self, lang: Lang) -> String {
        let f = |key: &str, args: &[(&str, &str)]| format(lang, key, args);
        match self {
            ResolveError::Timeout => f("dns.error.timeout", &[]),
            ResolveError::Unreachable(why) => {
                f("dns.error.unreachable", &[("why", &why.message(lang))])
            }
            ResolveError::NotPasted(query) => f("dns.error.not-pasted", &[("query", query)]),
            ResolveError::PastedNoResponse(query) => {
                f("dns.error.pasted-no-response", &[("query", query)])
            }
            ResolveError::PastedUnreadable(query) => {
                f("dns.error.pasted-unreadable", &[("query", query)])
            }
            ResolveError::HttpStatus(status) => {
                f("dns.error.http-status", &[("status", &status.to_string())])
            }
            ResolveError::ServFail => f("dns.error.servfail", &[]),
            ResolveError::Refused => f("dns.error.refused", &[]),
            ResolveError::OtherRcode(code) => {
                f("dns.error.other-rcode", &[("code", &code.to_string())])
            }
            ResolveError::Malformed(error) => error.message(lang),
            ResolveError::MalformedJson(problem) => f(
                "dns.error.malformed-json",
                &[("why", &problem.message(lang))],
            ),
            ResolveError::BadEndpoint(error) => error.message(lang),
            ResolveError::NotAllowed(origin) => f("dns.error.not-allowed", &[("origin", origin)]),
            ResolveError::BadAnswer(problem) => f(
                "dns.error.bad-answer",
                &[("problem", &problem.message(lang))],
            ),
        }
    }
}

crate::i18n::display_in_english!(ResolveError);

impl std::error::Error for ResolveError {}

impl From<WireError> for ResolveError {
    fn from(error: WireError) -> Self {
        ResolveError::Malformed(error)
    }
}

impl From<super::endpoint::EndpointError> for ResolveError {
    fn from(error: super::endpoint::EndpointError) -> Self {
        ResolveError::BadEndpoint(error)
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
    Network(NetworkFailure),
}

/// Why a request got no HTTP response. The causes a person can act on are told apart
/// and worded in their language (texts `dns.network.*`); a detail from the browser or
/// the TLS library stays as it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkFailure {
    Refused,
    HostNotFound,
    ConnectionFailed,
    /// The answer was cut off at the size limit (64 KiB), so it was not read.
    TooLarge,
    Tls(String),
    /// Browsers report network, CORS and mixed-content failures alike, usually as
    /// "Failed to fetch"; this holds their message.
    Browser(String),
    NoResolver,
    Other(String),
}

impl NetworkFailure {
    /// The cause in `lang`; details from the transport are kept as they came.
    pub fn message(&self, lang: Lang) -> String {
        let detail = |key: &str, detail: &str| format(lang, key, &[("detail", detail)]);
        match self {
            NetworkFailure::Refused => format(lang, "dns.network.refused", &[]),
            NetworkFailure::HostNotFound => format(lang, "dns.network.host-not-found", &[]),
            NetworkFailure::ConnectionFailed => format(lang, "dns.network.connection-failed", &[]),
            NetworkFailure::TooLarge => format(lang, "dns.network.too-large", &[]),
            NetworkFailure::Tls(why) => detail("dns.network.tls", why),
            NetworkFailure::Browser(why) => match browser_failure_key(why) {
                Some(key) => format(lang, key, &[]),
                None => detail("dns.network.browser", why),
            },
            NetworkFailure::NoResolver => format(lang, "dns.network.no-resolver", &[]),
            NetworkFailure::Other(why) => detail("dns.network.other", why),
        }
    }
}

/// The catalog key for a browser's own failure text, when it is one of the fixed English
/// texts browsers use (Chromium, Firefox, Safari), so the reader gets it in their
/// language; `None` for any other text, which is then quoted as it came.
fn browser_failure_key(message: &str) -> Option<&'static str> {
    const UNREACHABLE: [&str; 4] = [
        "failed to fetch",
        "networkerror when attempting to fetch resource.",
        "load failed",
        "network error",
    ];
    const ABORTED: [&str; 3] = [
        "the user aborted a request.",
        "signal is aborted without reason",
        "the operation was aborted.",
    ];
    let message = message.trim().to_ascii_lowercase();
    if UNREACHABLE.contains(&message.as_str()) {
        Some("dns.network.fetch-failed")
    } else if ABORTED.contains(&message.as_str()) {
        Some("dns.network.aborted")
    } else {
        None
    }
}

crate::i18n::display_in_english!(NetworkFailure);

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

/// Turns a response into a lookup outcome, following the CNAME chain from the question
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
        return Err(ResolveError::BadAnswer(BadAnswer::OtherName {
            answered: other,
            asked: name.as_str().to_owned(),
        }));
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
            return Err(ResolveError::BadAnswer(BadAnswer::CnameChain(
                chain.join(" → "),
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
