//! Reads what an admin pasted for one question: bare values, `nslookup` output (Windows
//! or BIND) or `dig` output. Records are records; the tool's last word decides what no
//! records mean ("none", or a failed lookup); text with neither is unreadable.

use super::*;

/// What a tool's output says about the question when it shows no records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Verdict {
    /// The name exists and has no record of the type.
    NoData,
    NxDomain,
    /// The lookup failed: nothing is known.
    Failed(ResolveError),
    /// No server answered at all (time-out, unreachable); the question goes in later.
    NoResponse,
}

/// One pasted text read for one question.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub(super) records: Vec<RecordData>,
    /// The tool's last word on the question, if it said one.
    verdict: Option<Verdict>,
    pub(super) ignored: Vec<String>,
}

impl Reading {
    /// Records win: Windows nslookup prints "DNS request timed out" for its own server's
    /// name and then the answer. Without records, the tool's last word decides. Text
    /// with neither (unrelated lines, output cut off before the answer) says nothing
    /// about the name: "could not check", never "none".
    pub(super) fn outcome(
        &self,
        name: &DomainName,
        rtype: RecordType,
    ) -> Result<Lookup, ResolveError> {
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
pub(super) fn read(text: &str, name: &DomainName, rtype: RecordType) -> Reading {
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

pub(super) enum Line {
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
pub(super) struct LineState {
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
        if is_noise(line, &lower, name, rtype) || (address_line && !is_address_type) {
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
            // nslookup -type=CNAME: `name  canonical name = target`.
            RecordType::Cname => match line.split_once("canonical name =") {
                Some((_, target)) => value(target, rtype),
                None => value(line, rtype),
            }
            .map_or(Line::Unread, Line::Record),
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
pub(super) fn is_noise(line: &str, lower: &str, name: &DomainName, rtype: RecordType) -> bool {
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
        // A CNAME on the way to the answer, unless a CNAME is what was asked.
        || (lower.contains("canonical name =") && rtype != RecordType::Cname)
        || (lower.ends_with("text =") && !line.contains('"'))
        || lower.contains("server name for address")
        || is_command
        || is_name_or_parent(line, name)
}

/// nslookup prints the question's name, or for "none" the zone's (a parent), alone on
/// a line above its answer.
pub(super) fn is_name_or_parent(line: &str, name: &DomainName) -> bool {
    let line = line.trim_end_matches('.').to_ascii_lowercase();
    !line.is_empty()
        && !line.contains(char::is_whitespace)
        && (name.as_str() == line || name.as_str().ends_with(&format!(".{line}")))
}

/// A dig answer line (`owner TTL IN TYPE data`): its type and data.
pub(super) fn resource_record(line: &str) -> Option<(&str, &str)> {
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
pub(super) fn value(text: &str, rtype: RecordType) -> Option<RecordData> {
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
        (RecordType::Cname, [target]) => host(target).map(RecordData::Cname),
        _ => None,
    }
}

/// An MX as nslookup writes it: Windows `MX preference = 10, mail exchanger = host`,
/// BIND `mail exchanger = 10 host.`.
pub(super) fn nslookup_mx(line: &str) -> Option<RecordData> {
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
pub(super) fn quoted_strings(line: &str) -> Vec<Vec<u8>> {
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

pub(super) fn host(text: &str) -> Option<String> {
    let trimmed = text.trim().trim_end_matches('.');
    if trimmed.is_empty() && text.trim() == "." {
        // The null MX ("0 ."): kept as the root.
        return Some(".".to_owned());
    }
    DomainName::parse_lookup(trimmed)
        .ok()
        .map(|name| name.as_str().to_owned())
}
