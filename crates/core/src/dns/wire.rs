//! The subset of the DNS wire format (RFC 1035 section 4) that DNS-over-HTTPS needs:
//! encoding one query, and decoding answers defensively.
//!
//! Answers come from the network, so decoding never trusts a length or a pointer:
//! every read is bounds-checked, compression pointers must point backwards and are
//! followed a limited number of times, and a malformed message is an error value.

use super::record::{Rcode, Record, RecordData, RecordType};
use super::DomainName;
use crate::i18n::{format, text, Lang};

/// A response that cannot be decoded. [`WireError::message`] says it in a language
/// (texts `dns.wire.*`); `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WireError {
    Truncated,
    BadPointer,
    BadLabel,
    NotAResponse,
    /// Holds the record type.
    BadRecord(&'static str),
    NameTooLong,
}

impl WireError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            WireError::Truncated => "dns.wire.truncated",
            WireError::BadPointer => "dns.wire.bad-pointer",
            WireError::BadLabel => "dns.wire.bad-label",
            WireError::NotAResponse => "dns.wire.not-a-response",
            WireError::BadRecord(rtype) => {
                return format(lang, "dns.wire.bad-record", &[("type", rtype)])
            }
            WireError::NameTooLong => "dns.wire.name-too-long",
        };
        text(lang, key)
    }
}

crate::i18n::display_in_english!(WireError);

impl std::error::Error for WireError {}

/// A decoded response: its status and the records of its answer section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub rcode: Rcode,
    pub truncated: bool,
    pub answers: Vec<Record>,
}

const CLASS_IN: u16 = 1;
const FLAG_QR: u16 = 0x8000;
const FLAG_TC: u16 = 0x0200;
const FLAG_RD: u16 = 0x0100;
const MAX_POINTER_JUMPS: usize = 32;

/// Encodes a recursive query for `name`/`rtype` with ID 0, as RFC 8484 4.1 recommends
/// for cache-friendly GET requests.
pub fn encode_query(name: &DomainName, rtype: RecordType) -> Vec<u8> {
    let mut out = Vec::with_capacity(18 + name.as_str().len());
    out.extend_from_slice(&0u16.to_be_bytes()); // ID
    out.extend_from_slice(&FLAG_RD.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes()); // QDCOUNT
    out.extend_from_slice(&[0, 0, 0, 0, 0, 0]); // AN, NS, AR counts
    for label in name.labels() {
        // Labels of a DomainName are at most 63 octets by construction.
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    out.extend_from_slice(&rtype.code().to_be_bytes());
    out.extend_from_slice(&CLASS_IN.to_be_bytes());
    out
}

/// Decodes a response message; records of types smarthost does not use are kept as
/// [`RecordData::Other`].
pub fn decode_message(bytes: &[u8]) -> Result<Message, WireError> {
    let mut reader = Reader { bytes, pos: 0 };
    let _id = reader.u16()?;
    let flags = reader.u16()?;
    if flags & FLAG_QR == 0 {
        return Err(WireError::NotAResponse);
    }
    let qdcount = reader.u16()?;
    let ancount = reader.u16()?;
    let _nscount = reader.u16()?;
    let _arcount = reader.u16()?;
    for _ in 0..qdcount {
        reader.name()?;
        reader.skip(4)?;
    }
    let mut answers = Vec::new();
    for _ in 0..ancount {
        answers.push(reader.record()?);
    }
    Ok(Message {
        rcode: Rcode::from_code(flags & 0x000f),
        truncated: flags & FLAG_TC != 0,
        answers,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Result<&[u8], WireError> {
        let end = self.pos.checked_add(len).ok_or(WireError::Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(WireError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    fn skip(&mut self, len: usize) -> Result<(), WireError> {
        self.take(len).map(|_| ())
    }

    fn u16(&mut self) -> Result<u16, WireError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, WireError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Reads a possibly compressed name at the cursor, leaving the cursor after it.
    fn name(&mut self) -> Result<String, WireError> {
        let (name, end) = read_name(self.bytes, self.pos)?;
        self.pos = end;
        Ok(name)
    }

    fn record(&mut self) -> Result<Record, WireError> {
        let name = self.name()?;
        let rtype = RecordType::from_code(self.u16()?);
        let _class = self.u16()?;
        let ttl = self.u32()?;
        let rdlength = usize::from(self.u16()?);
        let start = self.pos;
        let rdata = self.take(rdlength)?;
        let data = match rtype {
            RecordType::A => {
                let octets: [u8; 4] = rdata.try_into().map_err(|_| WireError::BadRecord("A"))?;
                RecordData::A(octets.into())
            }
            RecordType::Aaaa => {
                let octets: [u8; 16] =
                    rdata.try_into().map_err(|_| WireError::BadRecord("AAAA"))?;
                RecordData::Aaaa(octets.into())
            }
            RecordType::Mx => {
                let preference = u16::from_be_bytes(
                    rdata
                        .get(0..2)
                        .and_then(|b| b.try_into().ok())
                        .ok_or(WireError::BadRecord("MX"))?,
                );
                let (exchange, end) = read_name(self.bytes, start + 2)?;
                if end != start + rdlength {
                    return Err(WireError::BadRecord("MX"));
                }
                RecordData::Mx {
                    preference,
                    exchange,
                }
            }
            RecordType::Txt => RecordData::Txt(decode_txt(rdata)?),
            RecordType::Cname | RecordType::Ptr => {
                let (target, end) = read_name(self.bytes, start)?;
                if end != start + rdlength {
                    return Err(WireError::BadRecord(rtype.mnemonic()));
                }
                if rtype == RecordType::Cname {
                    RecordData::Cname(target)
                } else {
                    RecordData::Ptr(target)
                }
            }
            _ => RecordData::Other(rdata.to_vec()),
        };
        Ok(Record {
            name,
            rtype,
            ttl,
            data,
        })
    }
}

/// TXT RDATA is one or more <character-string>s; boundaries are kept (RFC 7208 3.3 joins
/// them without spaces, but a linter may want to show them).
fn decode_txt(rdata: &[u8]) -> Result<Vec<Vec<u8>>, WireError> {
    let mut strings = Vec::new();
    let mut pos = 0;
    while pos < rdata.len() {
        let len = usize::from(rdata[pos]);
        let chunk = rdata
            .get(pos + 1..pos + 1 + len)
            .ok_or(WireError::BadRecord("TXT"))?;
        strings.push(chunk.to_vec());
        pos += 1 + len;
    }
    Ok(strings)
}

/// Reads a name starting at `start`; returns it in dotted lower-case form and the
/// offset just after its in-place encoding.
fn read_name(bytes: &[u8], start: usize) -> Result<(String, usize), WireError> {
    let mut labels: Vec<String> = Vec::new();
    let mut pos = start;
    let mut end_after: Option<usize> = None;
    let mut jumps = 0;
    let mut wire_len = 0usize;
    loop {
        let len = *bytes.get(pos).ok_or(WireError::Truncated)?;
        match len & 0xc0 {
            0x00 => {
                if len == 0 {
                    let end = end_after.unwrap_or(pos + 1);
                    return Ok((labels.join("."), end));
                }
                let len = usize::from(len);
                let label = bytes
                    .get(pos + 1..pos + 1 + len)
                    .ok_or(WireError::Truncated)?;
                wire_len += 1 + len;
                if wire_len > 255 {
                    return Err(WireError::NameTooLong);
                }
                labels.push(
                    label
                        .iter()
                        .map(|b| char::from(b.to_ascii_lowercase()))
                        .collect(),
                );
                pos += 1 + len;
            }
            0xc0 => {
                let low = *bytes.get(pos + 1).ok_or(WireError::Truncated)?;
                let target = (usize::from(len & 0x3f) << 8) | usize::from(low);
                // Pointers must go strictly backwards; that alone rules out loops, and
                // the jump limit bounds the work on adversarial chains.
                jumps += 1;
                if target >= pos || jumps > MAX_POINTER_JUMPS {
                    return Err(WireError::BadPointer);
                }
                end_after.get_or_insert(pos + 2);
                pos = target;
            }
            _ => return Err(WireError::BadLabel),
        }
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
