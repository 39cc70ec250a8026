//! One run of the DNS check in the browser: what is in flight, how many lookups are
//! done, cancelling, and the answers kept for the what-if editor. Rules stay in core;
//! this only wires core's check to the page.

use crate::doh::AppResolver;
use leptos::prelude::*;
use smarthost_core::dns::memo::Remembered;
use smarthost_core::dns::{DomainName, Lookup, RecordType, ResolveError, Resolver};
use smarthost_core::report::{check_domain_streaming, CheckRequest, Report};
use std::rc::Rc;

/// Live counters of a run, shown while it works.
#[derive(Clone, Copy)]
pub struct Progress {
    /// `name TYPE` of every lookup on the network right now.
    pub in_flight: RwSignal<Vec<String>>,
    pub done: RwSignal<u32>,
}

impl Progress {
    pub fn new() -> Self {
        Progress {
            in_flight: RwSignal::new(Vec::new()),
            done: RwSignal::new(0),
        }
    }

    pub fn reset(&self) {
        self.in_flight.set(Vec::new());
        self.done.set(0);
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}

/// A resolver that reports each network lookup to [`Progress`]. It sits under every
/// cache, so only questions that go out are counted.
pub struct Observed<R> {
    pub inner: R,
    pub progress: Progress,
}

impl<R: Resolver> Resolver for Observed<R> {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        let label = format!("{} {}", name.as_str(), rtype.mnemonic());
        self.progress.in_flight.update(|v| v.push(label.clone()));
        let result = self.inner.lookup(name, rtype).await;
        self.progress.in_flight.update(|v| {
            if let Some(i) = v.iter().position(|l| *l == label) {
                v.remove(i);
            }
        });
        self.progress.done.update(|n| *n += 1);
        result
    }
}

/// The resolver of the current check, kept between the check and its what-if drafts.
pub type SharedResolver = Rc<Remembered<Observed<AppResolver>>>;

pub fn shared(resolver: AppResolver, progress: Progress) -> SharedResolver {
    Rc::new(Remembered::new(Observed {
        inner: resolver,
        progress,
    }))
}

/// Where the answers come from, for the result's caption.
pub fn source(resolver: &SharedResolver) -> String {
    resolver.inner().inner.source()
}

/// The whole check as it runs in its own module, handing each partial report to
/// `on_partial`: core's check, the DNS-over-HTTPS lookups and the SPF evaluation load the
/// first time a check runs, not with the page (crate::later).
pub type Running = std::pin::Pin<Box<dyn std::future::Future<Output = Report>>>;

#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(check_results, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn start(
    resolver: SharedResolver,
    request: CheckRequest,
    mut on_partial: Box<dyn FnMut(&Report)>,
) -> Result<Running, crate::later::Unavailable> {
    // The results' English comes with this module (crates/core/messages/later.txt).
    smarthost_core::i18n::install_later_texts();
    Ok(Box::pin(async move {
        run(&resolver, &request, &mut *on_partial).await
    }))
}

/// Runs the whole check, handing each partial report to `on_partial` (from code that is
/// in the check's module already: the what-if editor).
pub async fn run(
    resolver: &SharedResolver,
    request: &CheckRequest,
    on_partial: &mut dyn FnMut(&Report),
) -> Report {
    check_domain_streaming(resolver.as_ref(), request, on_partial).await
}
