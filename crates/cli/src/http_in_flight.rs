//! A counting gate: at most `limit` holders at once; the others block until one leaves.
//! The request threads of [`super::UreqTransport`] pass it before they touch the network.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// Shared by clones: every clone of a transport counts against the same limit.
#[derive(Clone)]
pub struct Gate {
    inner: Arc<(Mutex<usize>, Condvar)>,
    limit: usize,
}

/// Held while a request runs; leaving (drop) lets the next one in.
pub struct Turn<'g> {
    gate: &'g Gate,
}

impl Gate {
    /// A gate for `limit` holders (at least one).
    pub fn new(limit: usize) -> Gate {
        Gate {
            inner: Arc::new((Mutex::new(0), Condvar::new())),
            limit: limit.max(1),
        }
    }

    /// Waits for a turn. A poisoned lock (a holder panicked) still holds a correct
    /// count, since the count changes only in these two short sections.
    pub fn enter(&self) -> Turn<'_> {
        let (count, freed) = &*self.inner;
        let mut held = count.lock().unwrap_or_else(PoisonError::into_inner);
        while *held >= self.limit {
            held = freed.wait(held).unwrap_or_else(PoisonError::into_inner);
        }
        *held += 1;
        Turn { gate: self }
    }

    /// Holders right now.
    #[cfg(test)]
    fn holders(&self) -> usize {
        *self.inner.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let (count, freed) = &*self.gate.inner;
        let mut held = count.lock().unwrap_or_else(PoisonError::into_inner);
        *held = held.saturating_sub(1);
        freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::thread;
    use std::time::Duration;

    #[test]
    fn a_full_gate_lets_the_next_in_only_when_one_leaves() {
        let gate = Gate::new(2);
        let first = gate.enter();
        let _second = gate.enter();
        assert_eq!(gate.holders(), 2);
        let (entered, inside) = mpsc::channel();
        let waiting = {
            let gate = gate.clone();
            thread::spawn(move || {
                let _turn = gate.enter();
                let _ = entered.send(());
            })
        };
        // The third stays out while two are inside...
        assert!(inside.recv_timeout(Duration::from_millis(200)).is_err());
        assert_eq!(gate.holders(), 2);
        // ...and gets in as soon as one leaves.
        drop(first);
        assert!(inside.recv_timeout(Duration::from_secs(10)).is_ok());
        waiting.join().unwrap();
        assert_eq!(gate.holders(), 1);
    }

    #[test]
    fn a_gate_of_zero_still_lets_one_in() {
        let gate = Gate::new(0);
        let _turn = gate.enter();
        assert_eq!(gate.holders(), 1);
    }
}
