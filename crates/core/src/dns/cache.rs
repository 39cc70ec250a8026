//! A per-check cache in front of a resolver, with concurrent prefetching.
//!
//! An SPF evaluation knows, as soon as it has parsed a record, which names it may look up
//! next (include and redirect targets, a/mx/exists names). Prefetching them together
//! makes a check cost about as many round trips as the include tree is deep, while the
//! evaluation still reads answers, and counts lookups, strictly in record order.

use super::record::RecordType;
use super::resolver::{Lookup, ResolveError, Resolver};
use super::DomainName;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

type Key = (String, u16);

pub struct Cached<'r, R> {
    inner: &'r R,
    answers: RefCell<HashMap<Key, Result<Lookup, ResolveError>>>,
    queries: Cell<u32>,
}

impl<'r, R: Resolver> Cached<'r, R> {
    pub fn new(inner: &'r R) -> Self {
        Cached {
            inner,
            answers: RefCell::new(HashMap::new()),
            queries: Cell::new(0),
        }
    }

    /// Queries sent to the inner resolver so far (cache misses).
    pub fn queries(&self) -> u32 {
        self.queries.get()
    }

    /// The answer already fetched for a query, if any.
    pub fn cached(
        &self,
        name: &DomainName,
        rtype: RecordType,
    ) -> Option<Result<Lookup, ResolveError>> {
        self.answers
            .borrow()
            .get(&(name.to_string(), rtype.code()))
            .cloned()
    }

    /// Looks all of these up at once and keeps the answers; already known ones are
    /// skipped, duplicates are asked once.
    pub async fn prefetch(&self, wanted: &[(DomainName, RecordType)]) {
        let mut seen = std::collections::HashSet::new();
        let missing: Vec<&(DomainName, RecordType)> = wanted
            .iter()
            .filter(|(name, rtype)| {
                let key = (name.to_string(), rtype.code());
                !self.answers.borrow().contains_key(&key) && seen.insert(key)
            })
            .collect();
        let lookups: Vec<_> = missing
            .iter()
            .map(|(name, rtype)| self.lookup(name, *rtype))
            .collect();
        join_all(lookups).await;
    }
}

impl<R: Resolver> Resolver for Cached<'_, R> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let key = (name.to_string(), rtype.code());
        if let Some(answer) = self.answers.borrow().get(&key) {
            return answer.clone();
        }
        self.queries.set(self.queries.get() + 1);
        let answer = self.inner.lookup(name, rtype).await;
        self.answers.borrow_mut().insert(key, answer.clone());
        answer
    }
}

/// Runs futures concurrently on the current task; outputs in input order.
pub async fn join_all<F: Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut slots: Vec<Slot<F>> = futures.into_iter().map(|f| (Box::pin(f), None)).collect();
    std::future::poll_fn(move |cx| {
        let mut pending = false;
        for (future, output) in slots.iter_mut() {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(value) => *output = Some(value),
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(slots.iter_mut().filter_map(|(_, o)| o.take()).collect())
        }
    })
    .await
}

/// Runs two futures of different types concurrently on the current task.
pub async fn join2<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(move |cx| {
        if out_a.is_none() {
            if let Poll::Ready(value) = a.as_mut().poll(cx) {
                out_a = Some(value);
            }
        }
        if out_b.is_none() {
            if let Poll::Ready(value) = b.as_mut().poll(cx) {
                out_b = Some(value);
            }
        }
        match (out_a.take(), out_b.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                (out_a, out_b) = (a, b);
                Poll::Pending
            }
        }
    })
    .await
}

/// A future and, once it is ready, its output.
type Slot<F> = (Pin<Box<F>>, Option<<F as Future>::Output>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::InMemoryZone;
    use futures::executor::block_on;

    #[test]
    fn answers_are_cached_and_prefetch_asks_each_name_once() {
        let zone = InMemoryZone::new().txt("a.test", "x").txt("b.test", "y");
        let cached = Cached::new(&zone);
        let a = DomainName::parse("a.test").unwrap_or_else(|e| panic!("{e}"));
        let b = DomainName::parse("b.test").unwrap_or_else(|e| panic!("{e}"));
        block_on(cached.prefetch(&[
            (a.clone(), RecordType::Txt),
            (b.clone(), RecordType::Txt),
            (a.clone(), RecordType::Txt),
        ]));
        assert_eq!(cached.queries(), 2);
        assert!(block_on(cached.lookup(&a, RecordType::Txt)).is_ok());
        assert!(block_on(cached.lookup(&b, RecordType::Txt)).is_ok());
        assert_eq!(cached.queries(), 2);
    }
}
