//! Answers kept across several checks of the same domain: the what-if editor evaluates
//! a draft record after each pause in typing, and the includes it references do not
//! change between keystrokes. Only answers are kept; a failed lookup is asked again.

use super::{DomainName, Lookup, RecordType, ResolveError, Resolver};
use std::cell::RefCell;
use std::collections::HashMap;

pub struct Remembered<R> {
    inner: R,
    answers: RefCell<HashMap<(String, u16), Lookup>>,
}

impl<R> Remembered<R> {
    pub fn new(inner: R) -> Self {
        Remembered {
            inner,
            answers: RefCell::new(HashMap::new()),
        }
    }

    pub fn inner(&self) -> &R {
        &self.inner
    }
}

impl<R: Resolver> Resolver for Remembered<R> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let key = (name.as_str().to_owned(), rtype.code());
        // The borrow ends before the await: another lookup may run meanwhile.
        let known = self.answers.borrow().get(&key).cloned();
        if let Some(answer) = known {
            return Ok(answer);
        }
        let answer = self.inner.lookup(name, rtype).await?;
        self.answers.borrow_mut().insert(key, answer.clone());
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::InMemoryZone;
    use futures::executor::block_on;
    use std::cell::Cell;

    /// Counts the questions that reach the zone, and fails the first one for `flaky`.
    struct Counting {
        zone: InMemoryZone,
        asked: Cell<u32>,
    }

    impl Resolver for Counting {
        async fn lookup(
            &self,
            name: &DomainName,
            rtype: RecordType,
        ) -> Result<Lookup, ResolveError> {
            self.asked.set(self.asked.get() + 1);
            if name.as_str() == "flaky.test" && self.asked.get() == 1 {
                return Err(ResolveError::Timeout);
            }
            self.zone.lookup(name, rtype).await
        }
    }

    #[test]
    fn answers_are_asked_once_and_failures_again() {
        let remembered = Remembered::new(Counting {
            zone: InMemoryZone::new().txt("flaky.test", "v=spf1 -all"),
            asked: Cell::new(0),
        });
        let name = DomainName::parse("flaky.test").unwrap_or_else(|e| panic!("{e}"));
        assert!(block_on(remembered.lookup(&name, RecordType::Txt)).is_err());
        let first = block_on(remembered.lookup(&name, RecordType::Txt));
        let second = block_on(remembered.lookup(&name, RecordType::Txt));
        assert_eq!(first, second);
        assert!(matches!(first, Ok(Lookup::Records(_))));
        assert_eq!(remembered.inner().asked.get(), 2);
        // Another type is another question.
        let _ = block_on(remembered.lookup(&name, RecordType::Mx));
        assert_eq!(remembered.inner().asked.get(), 3);
    }
}
