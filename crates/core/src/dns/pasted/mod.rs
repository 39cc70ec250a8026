//! Records an admin pasted by hand, for networks that block every DNS-over-HTTPS
//! resolver. Only what was pasted is known: any other question fails as "not pasted",
//! so the report says it could not check an include instead of claiming it is missing.
//!
//! The text may be bare values, `nslookup` output (Windows or BIND) or `dig` output.
//! What the tool said decides the answer: records are records; "Non-existent domain",
//! `status: NXDOMAIN`, "No answer", `status: NOERROR` with `ANSWER: 0` and the SOA block
//! Windows prints are real answers of "none"; a time-out, SERVFAIL, REFUSED or "no
//! servers could be reached" is a failed lookup, and text that shows neither records
//! nor a tool's answer is unreadable: neither is ever read as "none".
//!
//! The questions a check asked and did not get an answer to are kept, so the page can
//! list what is still needed, with the commands that print it.

use super::record::{Record, RecordData, RecordType};
use super::{DomainName, Lookup, ResolveError, Resolver};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

mod reader;

use reader::{read, Reading};

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
    /// Set when output was pasted for it and shows the lookup failed.
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
    /// output showing the lookup failed), in the order first asked. The three the
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

#[cfg(test)]
mod tests;
