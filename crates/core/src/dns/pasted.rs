//! Records an admin pasted by hand, for networks that block every DNS-over-HTTPS
//! resolver. Only what was pasted is known: any other question fails as "not pasted",
//! so the report says it could not check an include instead of claiming it is missing.
//!
//! The text may be bare values, `nslookup` output (Windows or BIND) or `dig` output.
//! What the tool said decides the answer: records are records; "Non-existent domain",
//! `status: NXDOMAIN`, "No answer", `status: NOERROR` with `ANSWER: 0` and the SOA block
//! Windows prints are real answers of "none"; a time-out, SERVFAIL, REFUSED or "no
//! servers could be reached" is a failed look-up, and text that shows neither records
//! nor a tool's answer is unreadable: neither is ever read as "none".
//!
//! The questions a check asked and did not get an answer to are kept, so the page can
//! list what is still needed, with the commands that print it.

use super::record::{Record, RecordData, RecordType};
use super::{DomainName, Lookup, ResolveError, Resolver};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The pasted answers for one domain, by question.
pub struct PastedRecords {
    domain: DomainName,
    answers: BTreeMap<(String, u16), Result<Lookup, ResolveError>>,
    /// Every question asked so far, in the order first asked. A `RefCell` because the
    /// [`Resolver`] trait takes `&self`; no borrow is held across an await.
    asked: RefCell<Vec<(DomainName, RecordType)>>,
}

/// What the paste held, to show the admin before the check runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PasteSummary {
    pub txt: Vec<String>,
    pub mx: Vec<(u16, String)>,
    pub dmarc: Vec<String>,
    /// Lines that were neither a record nor tool noise, to point at.
    pub ignored: Vec<String>,
}

/// A question the check asked that nothing pasted answers: the admin runs one of the
/// commands where names resolve and pastes what it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeededRecord {
    pub name: DomainName,
    pub rtype: RecordType,
    /// Set when output was pasted for it and shows the look-up failed.
    pub failure: Option<ResolveError>,
}

impl NeededRecord {
    /// `dig +short TXT _spf.example.com`
    pub fn dig_command(&self) -> String {
        format!(
            "dig +short {} {}",
            self.rtype.mnemonic(),
            self.name.as_str()
        )
    }

    /// `nslookup -type=TXT _spf.example.com`
    pub fn nslookup_command(&self) -> String {
        format!(
            "nslookup -type={} {}",
            self.rtype.mnemonic(),
            self.name.as_str()
        )
    }
}

impl PastedRecords {
    /// No answers yet for `domain`.
    pub fn new(domain: &DomainName) -> Self {
        PastedRecords {
            domain: domain.clone(),
            answers: BTreeMap::new(),
            asked: RefCell::new(Vec::new()),
        }
    }

    /// Reads the three boxes; an empty box means "not pasted", never "no records".
    pub fn parse(domain: &DomainName, txt: &str, mx: &str, dmarc: &str) -> (Self, PasteSummary) {
        let mut records = PastedRecords::new(domain);
        let mut summary = PasteSummary::default();
        let dmarc_name = domain.child("_dmarc");
        for (name, rtype, text) in [
            (domain, RecordType::Txt, txt),
            (domain, RecordType::Mx, mx),
            (&dmarc_name, RecordType::Txt, dmarc),
        ] {
            let Some(reading) = records.insert(name, rtype, text) else {
                continue;
            };
            for data in &reading.records {
                match (data, name == domain) {
                    (RecordData::Txt(_), true) => summary.txt.extend(data.txt_joined()),
                    (RecordData::Txt(_), false) => summary.dmarc.extend(data.txt_joined()),
                    (
                        RecordData::Mx {
                            preference,
                            exchange,
                        },
                        _,
                    ) => summary.mx.push((*preference, exchange.clone())),
                    _ => {}
                }
            }
            summary.ignored.extend(reading.ignored);
        }
        (records, summary)
    }

    /// Adds what was pasted for one more question (an include's TXT, an `a:` name's A),
    /// read the same way as the boxes. Returns the lines not read as records. Empty
    /// text adds nothing: the question stays "not pasted".
    pub fn add(&mut self, name: &DomainName, rtype: RecordType, text: &str) -> Vec<String> {
        self.insert(name, rtype, text)
            .map(|reading| reading.ignored)
            .unwrap_or_default()
    }

    pub fn domain(&self) -> &DomainName {
        &self.domain
    }

    /// The questions asked so far that nothing pasted answers (not pasted, or pasted
    /// output showing the look-up failed), in the order first asked. The three the
    /// paste boxes are for (the domain's TXT and MX, `_dmarc` TXT) are left out: their
    /// boxes are where they go.
    pub fn still_needed(&self) -> Vec<NeededRecord> {
        let dmarc = self.domain.child("_dmarc");
        let boxes = [
            (&self.domain, RecordType::Txt),
            (&self.domain, RecordType::Mx),
            (&dmarc, RecordType::Txt),
        ];
        self.asked
            .borrow()
            .iter()
            .filter(|(name, rtype)| !boxes.contains(&(name, *rtype)))
            .filter_map(|(name, rtype)| {
                let failure = match self.answers.get(&key(name, *rtype)) {
                    None => None,
                    Some(Err(error)) => Some(error.clone()),
                    Some(Ok(_)) => return None,
                };
                Some(NeededRecord {
                    name: name.clone(),
                    rtype: *rtype,
                    failure,
                })
            })
            .collect()
    }

    fn insert(&mut self, name: &DomainName, rtype: RecordType, text: &str) -> Option<Reading> {
        if text.trim().is_empty() {
            return None;
        }
        let reading = read(text, name, rtype);
        self.answers
            .insert(key(name, rtype), reading.outcome(name, rtype));
        Some(reading)
    }

    fn note_asked(&self, name: &DomainName, rtype: RecordType) {
        let mut asked = self.asked.borrow_mut();
        if !asked.iter().any(|(n, t)| n == name && *t == rtype) {
            asked.push((name.clone(), rtype));
        }
    }
}

fn key(name: &DomainName, rtype: RecordType) -> (String, u16) {
    (name.as_str().to_owned(), rtype.code())
}

impl Resolver for PastedRecords {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        self.note_asked(name, rtype);
        match self.answers.get(&key(name, rtype)) {
            Some(answer) => answer.clone(),
            None => Err(ResolveError::NotPasted(query(name, rtype))),
        }
    }
}

/// `name TYPE`, as the messages quote a question.
fn query(name: &DomainName, rtype: RecordType) -> String {
    format!("{} {}", name.as_str(), rtype.mnemonic())
}

/// What a tool's output says about the question when it shows no records.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// The name exists and has no record of the type.
    NoData,
    NxDomain,
    /// The look-up failed: nothing is known.
    Failed(ResolveError),
    /// No server answered at all (time-out, unreachable); the question goes in later.
    NoResponse,
}

/// One pasted text read for one question.
#[derive(Debug, Default)]
struct Reading {
    records: Vec<RecordData>,
    /// The tool's last word on the question, if it said one.
    verdict: Option<Verdict>,
    ignored: Vec<String>,
}

impl Reading {
    /// Records win: Windows nslookup prints "DNS request timed out" for its own server's
    /// name and then the answer. Without records, the tool's last word decides. Text
    /// with neither (unrelated lines, output cut off before the answer) says nothing
    /// about the name: "could not check", never "none".
    fn outcome(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        if !self.records.is_empty() {
            let records = self
                .records
                .iter()
                .map(|data| Record {
                    name: name.as_str().to_owned(),
                    rtype,
                    ttl: 300,
                    data: data.clone(),
                })
                .collect();
            return Ok(Lookup::Records(records));
        }
        match &self.verdict {
            Some(Verdict::NxDomain) => Ok(Lookup::NxDomain),
            Some(Verdict::NoData) => Ok(Lookup::NoData),
            None => Err(ResolveError::PastedUnreadable(query(name, rtype))),
            Some(Verdict::Failed(error)) => Err(error.clone()),
            Some(Verdict::NoResponse) => Err(ResolveError::PastedNoResponse(query(name, rtype))),
        }
    }
}

/// Reads `text` as the answer to `name rtype`.
fn read(text: &str, name: &DomainName, rtype: RecordType) -> Reading {
    let mut reading = Reading::default();
    let mut state = LineState::default();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        // Tool messages carry no quotes; a quoted line is a TXT value whatever it says.
        if !line.contains('"') {
            if let Some(verdict) = state.verdict(line) {
                reading.verdict = Some(verdict);
                continue;
            }
        }
        match state.classify(line, name, rtype) {
            Line::Record(data) => reading.records.push(data),
            Line::MoreOfTxt(part) => match reading.records.last_mut() {
                Some(RecordData::Txt(parts)) => parts.extend(part),
                _ => reading.records.push(RecordData::Txt(part)),
            },
            Line::Noise => {}
            Line::Unread => reading.ignored.push(line.to_owned()),
        }
    }
    reading
}

enum Line {
    Record(RecordData),
    /// Windows nslookup puts each string of a long TXT record on its own line under
    /// one `text =` line: these belong to the record started above.
    MoreOfTxt(Vec<Vec<u8>>),
    /// Tool output around the records (headers, the SOA block, other record types).
    Noise,
    /// Neither a record nor known output: shown to the admin.
    Unread,
}

/// What the lines read so far imply about the next one.
#[derive(Default)]
struct LineState {
    /// nslookup printed `Name:`, so `Address:` lines now answer the question (before
    /// it they give the server's address).
    after_name: bool,
    /// Inside a Windows nslookup `text =` block that already has a string.
    in_txt_block: bool,
    txt_block_started: bool,
    /// dig said `status: NOERROR`; with `ANSWER: 0` that is an answer of "none".
    dig_noerror: bool,
}

impl LineState {
    fn verdict(&mut self, line: &str) -> Option<Verdict> {
        let lower = line.to_ascii_lowercase();
        // Windows nslookup could not name its own server: nothing about the question.
        if lower.contains("server name for address") {
            return None;
        }
        let has = |needle: &str| lower.contains(needle);
        if let Some(status) = lower.split("status:").nth(1) {
            let status = status.split(',').next().unwrap_or("").trim();
            self.dig_noerror = status == "noerror";
            return match status {
                "nxdomain" => Some(Verdict::NxDomain),
                "servfail" => Some(Verdict::Failed(ResolveError::ServFail)),
                "refused" => Some(Verdict::Failed(ResolveError::Refused)),
                "formerr" => Some(Verdict::Failed(ResolveError::OtherRcode(1))),
                "notimp" => Some(Verdict::Failed(ResolveError::OtherRcode(4))),
                _ => None,
            };
        }
        if self.dig_noerror && (has("answer: 0,") || lower.ends_with("answer: 0")) {
            return Some(Verdict::NoData);
        }
        if has("timed out")
            || has("timed-out")
            || has("no servers could be reached")
            || has("no response from server")
            || has("timeout period expired")
            || has("connection refused")
        {
            Some(Verdict::NoResponse)
        } else if has("server failed") || has("servfail") {
            Some(Verdict::Failed(ResolveError::ServFail))
        } else if has("query refused") || has("refused") {
            Some(Verdict::Failed(ResolveError::Refused))
        } else if has("non-existent domain") || has("nxdomain") {
            Some(Verdict::NxDomain)
        } else if has("no answer") || has("primary name server =") {
            // BIND nslookup says "No answer"; Windows prints the zone's SOA instead.
            Some(Verdict::NoData)
        } else {
            None
        }
    }

    fn classify(&mut self, line: &str, name: &DomainName, rtype: RecordType) -> Line {
        let lower = line.to_ascii_lowercase();
        let opens_txt_block = lower.ends_with("text =");
        let continues_txt_block = self.in_txt_block && line.starts_with('"');
        if !continues_txt_block {
            self.in_txt_block = opens_txt_block;
            self.txt_block_started = false;
        }
        if lower.starts_with("name:") {
            self.after_name = true;
            return Line::Noise;
        }
        let is_address_type = matches!(rtype, RecordType::A | RecordType::Aaaa);
        let address_line = lower.starts_with("address") || lower.contains("address =");
        if is_noise(line, &lower, name) || (address_line && !is_address_type) {
            return Line::Noise;
        }
        if let Some((rr_type, rdata)) = resource_record(line) {
            if !rr_type.eq_ignore_ascii_case(rtype.mnemonic()) {
                return Line::Noise;
            }
            return match value(rdata, rtype) {
                Some(data) => Line::Record(data),
                None => Line::Unread,
            };
        }
        match rtype {
            RecordType::Txt if continues_txt_block && self.txt_block_started => {
                Line::MoreOfTxt(quoted_strings(line))
            }
            RecordType::Txt if line.contains('"') => {
                self.txt_block_started = self.in_txt_block;
                Line::Record(RecordData::Txt(quoted_strings(line)))
            }
            // Other nslookup output (`key = value`) is not a value someone copied.
            RecordType::Txt if lower.contains(" = ") || line.contains(" IN ") => Line::Unread,
            RecordType::Txt => Line::Record(RecordData::Txt(vec![line.as_bytes().to_vec()])),
            RecordType::Mx => nslookup_mx(line)
                .or_else(|| value(line, rtype))
                .map_or(Line::Unread, Line::Record),
            RecordType::A | RecordType::Aaaa => self.address(line, &lower, rtype),
            RecordType::Ptr => match line.split_once("name =") {
                Some((_, host)) => value(host, rtype),
                None => value(line, rtype),
            }
            .map_or(Line::Unread, Line::Record),
            _ => Line::Unread,
        }
    }

    /// nslookup's `Address:`/`Addresses:` after `Name:`, `internet address =`, or a bare
    /// address (dig +short, or the next line of Windows' `Addresses:`).
    fn address(&self, line: &str, lower: &str, rtype: RecordType) -> Line {
        let after_label = ["addresses:", "address:"]
            .iter()
            .find_map(|label| lower.starts_with(label).then(|| &line[label.len()..]));
        let text = match after_label {
            Some(_) if !self.after_name => return Line::Noise,
            Some(rest) => rest,
            None => line
                .rsplit_once("address =")
                .map_or(line, |(_, address)| address),
        };
        match value(text.trim(), rtype) {
            Some(data) => Line::Record(data),
            // dig +short prints the CNAME chain before the addresses.
            None if DomainName::parse_lookup(line).is_ok() && !line.contains(' ') => Line::Noise,
            None => Line::Unread,
        }
    }
}

/// Lines of tool output that are never records: dig comments, nslookup headers and
/// messages, the command itself, the Windows SOA block, the question's name alone.
fn is_noise(line: &str, lower: &str, name: &DomainName) -> bool {
    const PREFIXES: [&str; 9] = [
        ";",
        ">",
        "***",
        "server:",
        "aliases:",
        "non-authoritative",
        "authoritative",
        "default server",
        "timeout was",
    ];
    const SOA_AND_OTHER_FIELDS: [&str; 10] = [
        "responsible mail addr =",
        "serial  =",
        "serial =",
        "refresh =",
        "retry   =",
        "retry =",
        "expire  =",
        "expire =",
        "default ttl =",
        "nameserver =",
    ];
    let is_command = lower
        .split_whitespace()
        .take(3)
        .any(|word| word.ends_with("nslookup") || word == "dig" || word.ends_with("$dig"));
    PREFIXES.iter().any(|p| lower.starts_with(p))
        || SOA_AND_OTHER_FIELDS.iter().any(|f| lower.contains(f))
        || lower.contains("canonical name =")
        || (lower.ends_with("text =") && !line.contains('"'))
        || lower.contains("server name for address")
        || is_command
        || is_name_or_parent(line, name)
}

/// nslookup prints the question's name, or for "none" the zone's (a parent), alone on
/// a line above its answer.
fn is_name_or_parent(line: &str, name: &DomainName) -> bool {
    let line = line.trim_end_matches('.').to_ascii_lowercase();
    !line.is_empty()
        && !line.contains(char::is_whitespace)
        && (name.as_str() == line || name.as_str().ends_with(&format!(".{line}")))
}

/// A dig answer line (`owner TTL IN TYPE data`): its type and data.
fn resource_record(line: &str) -> Option<(&str, &str)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let class_at = (1..=2).find(|&i| words.get(i).is_some_and(|w| w.eq_ignore_ascii_case("IN")))?;
    let rr_type = words.get(class_at + 1)?;
    // The data is the rest of the line as written, quotes and spacing kept.
    let mut rest = line;
    for word in &words[..=class_at + 1] {
        rest = rest.trim_start().strip_prefix(word)?;
    }
    Some((rr_type, rest.trim()))
}

/// A record's data as dig and bare values write it.
fn value(text: &str, rtype: RecordType) -> Option<RecordData> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match (rtype, words.as_slice()) {
        (RecordType::Txt, _) => Some(RecordData::Txt(quoted_strings(text))),
        (RecordType::Mx, [preference, exchange]) => Some(RecordData::Mx {
            preference: preference.parse().ok()?,
            exchange: host(exchange)?,
        }),
        (RecordType::A, [address]) => address.parse::<Ipv4Addr>().ok().map(RecordData::A),
        (RecordType::Aaaa, [address]) => address.parse::<Ipv6Addr>().ok().map(RecordData::Aaaa),
        (RecordType::Ptr, [target]) => host(target).map(RecordData::Ptr),
        _ => None,
    }
}

/// An MX as nslookup writes it: Windows `MX preference = 10, mail exchanger = host`,
/// BIND `mail exchanger = 10 host.`.
fn nslookup_mx(line: &str) -> Option<RecordData> {
    let (before, exchanger) = line.split_once("mail exchanger =")?;
    match before.split_once("preference =") {
        Some((_, preference)) => Some(RecordData::Mx {
            preference: preference
                .trim()
                .trim_end_matches(',')
                .trim()
                .parse()
                .ok()?,
            exchange: host(exchanger.trim())?,
        }),
        None => value(exchanger, RecordType::Mx),
    }
}

/// The quoted strings of a line, unescaped; a line without quotes is one bare string.
fn quoted_strings(line: &str) -> Vec<Vec<u8>> {
    if !line.contains('"') {
        return vec![line.trim().as_bytes().to_vec()];
    }
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut inside = false;
    let mut escaped = false;
    for ch in line.chars() {
        match (inside, escaped, ch) {
            (true, false, '\\') => escaped = true,
            (true, true, c) => {
                current.push(c);
                escaped = false;
            }
            (true, false, '"') => {
                strings.push(std::mem::take(&mut current).into_bytes());
                inside = false;
            }
            (false, _, '"') => inside = true,
            (true, false, c) => current.push(c),
            (false, _, _) => {}
        }
    }
    if inside {
        // An unclosed quote: keep what it held rather than drop the value.
        strings.push(current.into_bytes());
    }
    strings
}

fn host(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_end_matches('.');
    if trimmed.is_empty() && text.trim() == "." {
        // The null MX ("0 ."): kept as the root.
        return Some(".".to_owned());
    }
    DomainName::parse_lookup(trimmed)
        .ok()
        .map(|name| name.as_str().to_owned())
}

#[cfg(test)]
#[path = "pasted_tests.rs"]
mod tests;
