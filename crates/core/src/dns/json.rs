//! The DNS JSON APIs of Cloudflare and Google over an injected HTTP transport.
//!
//! There is no RFC for these: both answer `{Status, TC, Answer:[{name,type,TTL,data}]}`,
//! but Cloudflare writes TXT `data` in presentation form (`"part1" "part2"` with `\"`,
//! `\\` and `\DDD` escapes) while Google returns the text unquoted. serde's derive
//! checks the fields: a server (or something in between) that sends wrong types gets
//! [`ResolveError::MalformedJson`], never a panic and never a guessed record.

use super::record::{Rcode, Record, RecordData, RecordType};
use super::resolver::{
    fetch_answer, outcome, validate_endpoint, HttpTransport, JsonProblem, Lookup, ResolveError,
    Resolver,
};
use super::DomainName;
use crate::echo::{shown, shown_up_to};
use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The media type both JSON APIs accept; Cloudflare requires it.
pub const DNS_JSON: &str = "application/dns-json";

/// Which flavour of the JSON API an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonDialect {
    /// `https://cloudflare-dns.com/dns-query`: TXT data in presentation form.
    Cloudflare,
    /// `https://dns.google/resolve`: TXT data unquoted.
    Google,
}

impl JsonDialect {
    /// Google when the URL's path ends with `/resolve`, else Cloudflare.
    pub fn for_endpoint(endpoint: &str) -> JsonDialect {
        let without_query = endpoint
            .split(['?', '#'])
            .next()
            .unwrap_or(endpoint)
            .trim_end_matches('/');
        if without_query.to_ascii_lowercase().ends_with("/resolve") {
            JsonDialect::Google
        } else {
            JsonDialect::Cloudflare
        }
    }
}

/// A resolver for the DNS JSON API (`?name=..&type=..`, `Accept: application/dns-json`).
/// A GET with only an `Accept` header is a CORS "simple" request, as for the wire format.
pub struct DohJsonResolver<T> {
    endpoint: String,
    transport: T,
    dialect: JsonDialect,
}

impl<T: HttpTransport> DohJsonResolver<T> {
    /// Accepts an http:// or https:// URL with a host; the dialect follows from its path.
    pub fn new(endpoint: &str, transport: T) -> Result<Self, ResolveError> {
        let endpoint = validate_endpoint(endpoint)?;
        let dialect = JsonDialect::for_endpoint(&endpoint);
        Ok(DohJsonResolver {
            endpoint,
            transport,
            dialect,
        })
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    pub fn dialect(&self) -> JsonDialect {
        self.dialect
    }

    fn url_for(&self, name: &DomainName, rtype: RecordType) -> String {
        let separator = if self.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        let rtype = match rtype {
            RecordType::Unknown(code) => code.to_string(),
            known => known.mnemonic().to_owned(),
        };
        format!(
            "{}{separator}name={}&type={rtype}",
            self.endpoint,
            percent_encode(name.as_str())
        )
    }
}

impl<T: HttpTransport> Resolver for DohJsonResolver<T> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let url = self.url_for(name, rtype);
        let body = fetch_answer(&self.transport, &url, DNS_JSON).await?;
        let answer = decode_json_answer(&body)?;
        outcome(name, rtype, answer.rcode, answer.records)
    }
}

/// A decoded JSON answer: the RCODE, the TC flag (informational) and the Answer section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonAnswer {
    pub rcode: Rcode,
    pub truncated: bool,
    pub records: Vec<Record>,
}

fn malformed(problem: JsonProblem) -> ResolveError {
    ResolveError::MalformedJson(problem)
}

/// The body both APIs send, as far as it is used; other fields (`Question`, `RD`, …) are
/// ignored.
#[derive(Deserialize)]
struct Body {
    #[serde(rename = "Status")]
    status: u16,
    /// TC is informational: a JSON server has already retried over TCP, so a truncated
    /// flag does not make the answer unusable.
    #[serde(rename = "TC", default, deserialize_with = "only_true")]
    truncated: bool,
    /// Absent or `null` when there are no records.
    #[serde(rename = "Answer", default)]
    answer: Option<Vec<Object<Entry>>>,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    #[serde(rename = "type")]
    rtype: u16,
    #[serde(rename = "TTL")]
    ttl: u32,
    data: String,
}

/// Any type other than `true` counts as false.
fn only_true<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(matches!(
        serde_json::Value::deserialize(deserializer)?,
        serde_json::Value::Bool(true)
    ))
}

/// `T` read from a JSON object only: serde's derive would also take a list of the
/// fields' values in order.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData))
    }
}

/// serde's message for a body it refused, safe to show: it may quote text from the
/// network, so unsafe characters are replaced and a long one is cut.
fn refused(error: &serde_json::Error) -> ResolveError {
    let detail = shown_up_to(&error.to_string(), 200);
    if error.is_data() {
        malformed(JsonProblem::Shape { detail })
    } else {
        malformed(JsonProblem::NotJson { detail })
    }
}

/// Decodes a JSON API body, checking every field it uses.
pub fn decode_json_answer(body: &[u8]) -> Result<JsonAnswer, ResolveError> {
    let text = std::str::from_utf8(body).map_err(|e| {
        malformed(JsonProblem::NotJson {
            detail: e.to_string(),
        })
    })?;
    // Servers never send a byte order mark; one means something in between rewrote the
    // body, so it is refused as before rather than skipped as a file import would.
    if text.starts_with('\u{feff}') {
        return Err(malformed(JsonProblem::ByteOrderMark));
    }
    let Object(body) = serde_json::from_str::<Object<Body>>(text).map_err(|e| refused(&e))?;
    let records = body
        .answer
        .unwrap_or_default()
        .into_iter()
        .map(|Object(entry)| decode_record(entry))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(JsonAnswer {
        rcode: Rcode::from_code(body.status),
        truncated: body.truncated,
        records,
    })
}

fn decode_record(entry: Entry) -> Result<Record, ResolveError> {
    let rtype = RecordType::from_code(entry.rtype);
    let data = decode_data(rtype, &entry.data).ok_or_else(|| {
        malformed(JsonProblem::BadData {
            rtype: rtype.mnemonic().to_string(),
            data: shown(&entry.data),
        })
    })?;
    Ok(Record {
        name: normalize_name(&entry.name),
        rtype,
        ttl: entry.ttl,
        data,
    })
}

/// Lower case, without the trailing dot, as the wire decoder writes names.
fn normalize_name(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

/// A name in `data`: one token, no spaces.
fn data_name(data: &str) -> Option<String> {
    let data = data.trim();
    if data.chars().any(char::is_whitespace) {
        return None;
    }
    Some(normalize_name(data))
}

fn decode_data(rtype: RecordType, data: &str) -> Option<RecordData> {
    Some(match rtype {
        RecordType::A => RecordData::A(data.trim().parse::<Ipv4Addr>().ok()?),
        RecordType::Aaaa => RecordData::Aaaa(data.trim().parse::<Ipv6Addr>().ok()?),
        RecordType::Mx => {
            let mut parts = data.split_whitespace();
            let preference = parts.next()?.parse::<u16>().ok()?;
            let exchange = normalize_name(parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            RecordData::Mx {
                preference,
                exchange,
            }
        }
        RecordType::Cname => RecordData::Cname(data_name(data)?),
        RecordType::Ptr => RecordData::Ptr(data_name(data)?),
        RecordType::Txt => {
            if data.starts_with('"') {
                RecordData::Txt(parse_quoted_strings(data)?)
            } else {
                RecordData::Txt(vec![data.as_bytes().to_vec()])
            }
        }
        _ => RecordData::Other(data.as_bytes().to_vec()),
    })
}

/// Parses TXT presentation form: one or more quoted strings separated by blanks, with
/// `\"`, `\\`, `\X` and `\DDD` (decimal byte) escapes (RFC 1035 5.1). `None` when the
/// quoting is broken: an unterminated string, text outside quotes, a bad `\DDD`.
pub fn parse_quoted_strings(data: &str) -> Option<Vec<Vec<u8>>> {
    let mut strings = Vec::new();
    let mut chars = data.trim().chars().peekable();
    loop {
        while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
        match chars.next() {
            None => break,
            Some('"') => {}
            Some(_) => return None,
        }
        let mut current = Vec::new();
        loop {
            match chars.next()? {
                '"' => break,
                '\\' => match chars.next()? {
                    digit @ '0'..='9' => {
                        let mut value = digit.to_digit(10)?;
                        for _ in 0..2 {
                            let next = chars.next()?.to_digit(10)?;
                            value = value * 10 + next;
                        }
                        current.push(u8::try_from(value).ok()?);
                    }
                    other => push_char(&mut current, other),
                },
                other => push_char(&mut current, other),
            }
        }
        strings.push(current);
        // A closing quote must be followed by a blank or the end.
        match chars.peek() {
            None | Some(' ' | '\t') => {}
            Some(_) => return None,
        }
    }
    if strings.is_empty() {
        None
    } else {
        Some(strings)
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buffer = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
