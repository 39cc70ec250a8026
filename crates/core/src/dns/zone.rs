//! An in-memory zone that answers like a resolver: for unit tests and the offline demo.

use super::record::{Record, RecordData, RecordType};
use super::resolver::{Lookup, ResolveError, Resolver};
use super::DomainName;
use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;

/// Records keyed by owner name (lower case, no trailing dot) and type.
#[derive(Debug, Clone, Default)]
pub struct InMemoryZone {
    records: BTreeMap<(String, u16), Vec<RecordData>>,
    names: BTreeSet<String>,
    failing: BTreeSet<String>,
}

impl InMemoryZone {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with(mut self, owner: &str, data: RecordData) -> Self {
        let owner = owner.trim_end_matches('.').to_ascii_lowercase();
        let rtype = match &data {
            RecordData::A(_) => RecordType::A,
            RecordData::Aaaa(_) => RecordType::Aaaa,
            RecordData::Mx { .. } => RecordType::Mx,
            RecordData::Txt(_) => RecordType::Txt,
            RecordData::Cname(_) => RecordType::Cname,
            RecordData::Ptr(_) => RecordType::Ptr,
            RecordData::Other(_) => RecordType::Unknown(0),
        };
        self.names.insert(owner.clone());
        self.records
            .entry((owner, rtype.code()))
            .or_default()
            .push(data);
        self
    }

    pub fn mx(self, owner: &str, preference: u16, exchange: &str) -> Self {
        let exchange = exchange.trim_end_matches('.').to_ascii_lowercase();
        self.with(
            owner,
            RecordData::Mx {
                preference,
                exchange,
            },
        )
    }

    pub fn txt(self, owner: &str, text: &str) -> Self {
        self.with(owner, RecordData::Txt(vec![text.as_bytes().to_vec()]))
    }

    pub fn cname(self, owner: &str, target: &str) -> Self {
        self.with(owner, RecordData::Cname(target.to_owned()))
    }

    pub fn a(self, owner: &str, address: Ipv4Addr) -> Self {
        self.with(owner, RecordData::A(address))
    }

    /// Makes every lookup of `owner` fail with SERVFAIL.
    pub fn servfail(mut self, owner: &str) -> Self {
        self.failing
            .insert(owner.trim_end_matches('.').to_ascii_lowercase());
        self
    }
}

impl Resolver for InMemoryZone {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let owner = name.as_str();
        if self.failing.contains(owner) {
            return Err(ResolveError::ServFail);
        }
        match self.records.get(&(owner.to_owned(), rtype.code())) {
            Some(found) => Ok(Lookup::Records(
                found
                    .iter()
                    .map(|data| Record {
                        name: owner.to_owned(),
                        rtype,
                        ttl: 300,
                        data: data.clone(),
                    })
                    .collect(),
            )),
            None if self.names.contains(owner) => Ok(Lookup::NoData),
            None => Ok(Lookup::NxDomain),
        }
    }
}
