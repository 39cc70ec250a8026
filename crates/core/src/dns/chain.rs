//! Resolvers tried in order: one retry on a failed exchange, then the next resolver.
//!
//! Only failures of the exchange are retried (timeout, unreachable, HTTP status, an
//! unreadable answer, SERVFAIL): NXDOMAIN and NODATA are answers and end the search.

use super::record::RecordType;
use super::resolver::{Lookup, NetworkFailure, ResolveError, Resolver};
use super::DomainName;

pub struct Chain<R> {
    resolvers: Vec<R>,
    retries: u32,
}

impl<R: Resolver> Chain<R> {
    /// `resolvers` in order of preference; each gets `1 + retries` attempts.
    pub fn new(resolvers: Vec<R>, retries: u32) -> Self {
        Chain { resolvers, retries }
    }

    pub fn resolvers(&self) -> &[R] {
        &self.resolvers
    }
}

/// Whether another attempt (or another resolver) could answer differently.
pub fn is_retryable(error: &ResolveError) -> bool {
    !matches!(error, ResolveError::BadEndpoint(_))
}

impl<R: Resolver> Resolver for Chain<R> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let mut last = ResolveError::Unreachable(NetworkFailure::NoResolver);
        for resolver in &self.resolvers {
            for _ in 0..=self.retries {
                match resolver.lookup(name, rtype).await {
                    Ok(lookup) => return Ok(lookup),
                    Err(error) => {
                        let retry = is_retryable(&error);
                        last = error;
                        if !retry {
                            break;
                        }
                    }
                }
            }
        }
        Err(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::InMemoryZone;
    use futures::executor::block_on;

    #[test]
    fn falls_back_to_the_next_resolver_and_keeps_answers() {
        let broken = InMemoryZone::new().servfail("contoso.test");
        let good = InMemoryZone::new().txt("contoso.test", "v=spf1 -all");
        let chain = Chain::new(vec![broken, good], 1);
        let name = DomainName::parse("contoso.test").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            block_on(chain.lookup(&name, RecordType::Txt)),
            Ok(Lookup::Records(_))
        ));
        // NXDOMAIN from the first resolver is an answer: no fallback.
        let chain = Chain::new(
            vec![
                InMemoryZone::new(),
                InMemoryZone::new().txt("contoso.test", "x"),
            ],
            1,
        );
        assert_eq!(
            block_on(chain.lookup(&name, RecordType::Txt)),
            Ok(Lookup::NxDomain)
        );
        // Every resolver failing gives the last error.
        let chain = Chain::new(vec![InMemoryZone::new().servfail("contoso.test")], 1);
        assert_eq!(
            block_on(chain.lookup(&name, RecordType::Txt)),
            Err(ResolveError::ServFail)
        );
    }
}
