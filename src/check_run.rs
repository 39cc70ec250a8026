//! One run of the DNS check in the browser: what is in flight, how many lookups are
//! done, cancelling, and the answers kept for the what-if editor. Rules stay in core;
//! this only wires core's check to the page.

use crate::doh::AppResolver;
use crate::later::Unavailable;
use crate::settings::ResolverSetting;
use leptos::prelude::*;
use smarthost_core::dns::memo::Remembered;
use smarthost_core::dns::pasted::PastedRecords;
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

/// What was pasted for a domain, as the page keeps it: the three boxes and the output
/// pasted for each question still needed, by name and type code. Core reads it in the
/// check's module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastedTexts {
    pub txt: String,
    pub mx: String,
    pub dmarc: String,
    pub extra: Vec<((String, u16), String)>,
}

impl PastedTexts {
    /// The records core reads from the texts, and the lines it could not read.
    fn records(&self, domain: &DomainName) -> (PastedRecords, Vec<String>) {
        let (mut records, summary) = PastedRecords::parse(domain, &self.txt, &self.mx, &self.dmarc);
        let mut ignored = summary.ignored;
        for ((name, code), text) in &self.extra {
            if let Ok(name) = DomainName::parse_lookup(name) {
                ignored.extend(records.add(&name, RecordType::from_code(*code), text));
            }
        }
        (records, ignored)
    }
}

/// Where a run's answers come from, as data: the module sets up the resolver.
pub enum Answers {
    Pasted(PastedTexts),
    /// DNS-over-HTTPS (the demo zone for the demo domain): the link's DoH URL, else the
    /// link's or the settings' resolver; `cancel` stops its requests.
    Network {
        doh: Option<String>,
        linked: Option<ResolverSetting>,
        cancel: Option<web_sys::AbortSignal>,
    },
}

/// The report of a run, to come.
pub type Running = std::pin::Pin<Box<dyn std::future::Future<Output = Report>>>;

/// A run under way: its resolver (kept for the what-if editor), where its answers come
/// from, and its report.
pub struct Started {
    pub resolver: SharedResolver,
    /// For the MX card's caption.
    pub source: String,
    /// The resolver hosts it waits for (none for the demo and pasted records).
    pub waiting_for: Option<String>,
    /// The answers come from the built-in demo zone.
    pub demo: bool,
    /// The pasted lines core could not read, to point at.
    pub ignored: Vec<String>,
    pub report: Running,
}

/// The whole check of `domain` as it runs in its own module, handing each partial report
/// to `on_partial`: the resolver's set-up (paste parsing, the demo zone, the DoH chain),
/// core's check, the DNS-over-HTTPS lookups and the SPF evaluation load the first time a
/// check runs, not with the page (crate::later). The inner error says why no resolver
/// could be set up; nothing was asked then.
#[allow(improper_ctypes_definitions)]
#[leptos::wasm_split::wasm_split(check_results, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn start(
    domain: DomainName,
    answers: Answers,
    progress: Progress,
    request: CheckRequest,
    mut on_partial: Box<dyn FnMut(&Report)>,
) -> Result<Result<Started, ResolveError>, Unavailable> {
    // The results' English comes with this module (crates/core/messages/later.txt).
    smarthost_core::i18n::install_later_texts();
    let (resolver, ignored) = match answers {
        Answers::Pasted(texts) => {
            let (records, ignored) = texts.records(&domain);
            (AppResolver::Pasted(records), ignored)
        }
        Answers::Network {
            doh,
            linked,
            cancel,
        } => match AppResolver::for_domain(&domain, doh.as_deref(), linked, cancel) {
            Ok(resolver) => (resolver, Vec::new()),
            Err(error) => return Ok(Err(error)),
        },
    };
    let source = resolver.source();
    let waiting_for = resolver.waiting_for();
    let demo = matches!(resolver, AppResolver::Demo(_));
    let shared = Rc::new(Remembered::new(Observed {
        inner: resolver,
        progress,
    }));
    let resolver = shared.clone();
    Ok(Ok(Started {
        resolver,
        source,
        waiting_for,
        demo,
        ignored,
        report: Box::pin(async move { run(&shared, &request, &mut *on_partial).await }),
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
