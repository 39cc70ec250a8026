//! The check page's run controller: where the current run is, starting one (which stops
//! the one before), cancelling, and the resolver kept for the what-if editor. A run
//! that was superseded never writes its late answers over the current one.

use super::inputs::CheckTarget;
use crate::check_run::{self, Answers, Progress, SharedResolver};
use crate::components::check::paste::Pasted;
use crate::doh::RUN_DEADLINE_MS;
use crate::later::Unavailable;
use crate::settings::ResolverSetting;
use crate::timeout::Timeout;
use leptos::prelude::*;
use smarthost_core::dns::ResolveError;
use smarthost_core::report::Report;

/// Where the current run is.
#[derive(Clone)]
pub enum RunState {
    Idle,
    /// Started; the report so far once the first section is in.
    Running(Option<Report>),
    Done(Report),
    Cancelled,
    /// No resolver could be set up (a bad or forbidden DoH URL); nothing was asked. Kept
    /// as the error so its message follows the page's language.
    NoResolver(ResolveError),
    /// The check's module could not be fetched (crate::later); nothing was asked.
    Unavailable,
}

/// The page's run: its state, live counters, and the bookkeeping that lets a new run,
/// a cancel or an invalid link stop the one in flight.
#[derive(Clone, Copy)]
pub struct CheckRun {
    pub state: RwSignal<RunState>,
    pub progress: Progress,
    /// Where the answers come from, for the MX card's caption.
    pub source: RwSignal<String>,
    /// The resolver hosts the run waits for (none for the demo and pasted records).
    pub waiting_for: RwSignal<Option<String>>,
    /// True while the report comes from the built-in demo zone: every value is tagged.
    pub demo: RwSignal<bool>,
    /// Counts runs; a run writes its results only while it is the latest.
    generation: StoredValue<u64>,
    controller: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
    /// The timer that stops the run at its deadline, cleared once it is over.
    deadline: StoredValue<Option<Timeout>, LocalStorage>,
    resolver: StoredValue<Option<SharedResolver>, LocalStorage>,
}

impl CheckRun {
    pub fn new() -> Self {
        CheckRun {
            state: RwSignal::new(RunState::Idle),
            progress: Progress::new(),
            source: RwSignal::new(String::new()),
            waiting_for: RwSignal::new(None),
            demo: RwSignal::new(false),
            generation: StoredValue::new(0_u64),
            controller: StoredValue::new_local(None),
            deadline: StoredValue::new_local(None),
            resolver: StoredValue::new_local(None),
        }
    }

    fn stop_network(self) {
        self.clear_deadline();
        if let Some(c) = self.controller.get_value() {
            c.abort();
        }
        self.progress.in_flight.set(Vec::new());
    }

    /// Stops every request of this run still open after [`RUN_DEADLINE_MS`].
    fn arm_deadline(self, abort: &web_sys::AbortController) {
        let abort = abort.clone();
        self.deadline
            .set_value(Some(Timeout::start(RUN_DEADLINE_MS, move || abort.abort())));
    }

    /// A finished run keeps its signal: the what-if editor asks more through it.
    fn clear_deadline(self) {
        // Dropping the timer clears it.
        self.deadline.set_value(None);
    }

    /// Runs the check of `target`, over the records pasted when there are, otherwise
    /// over the resolver the link or the settings choose.
    pub fn start(self, target: CheckTarget, pasted: Option<Pasted>) {
        self.stop_network();
        let CheckRun {
            state,
            progress,
            generation,
            ..
        } = self;
        generation.update_value(|g| *g += 1);
        let this_run = generation.get_value();
        progress.reset();
        let abort = web_sys::AbortController::new().ok();
        self.controller.set_value(abort.clone());
        let (answers, ignored) = match pasted {
            Some(Pasted { texts, ignored }) => (Answers::Pasted(texts), Some(ignored)),
            None => (
                Answers::Network {
                    doh: target.doh.clone(),
                    linked: target.resolver.as_deref().and_then(ResolverSetting::decode),
                    cancel: abort.map(|c| c.signal()),
                },
                None,
            ),
        };
        let request = target.request(None);
        let current = move || generation.get_value() == this_run;
        let on_partial = move |partial: &Report| {
            if current() {
                state.set(RunState::Running(Some(partial.clone())));
            }
        };
        leptos::task::spawn_local(async move {
            let started = check_run::start(
                target.domain,
                answers,
                progress,
                request,
                Box::new(on_partial),
            )
            .await;
            // A newer run, a cancel or a cleared link came while the module loaded.
            if !current() {
                return;
            }
            let started = match started {
                Ok(Ok(started)) => started,
                Ok(Err(error)) => return state.set(RunState::NoResolver(error)),
                Err(Unavailable) => return state.set(RunState::Unavailable),
            };
            self.source.set(started.source);
            self.waiting_for.set(started.waiting_for);
            self.demo.set(started.demo);
            if let Some(ignored) = ignored {
                ignored.set(started.ignored);
            }
            if let Some(abort) = self.controller.get_value() {
                self.arm_deadline(&abort);
            }
            self.resolver.set_value(Some(started.resolver));
            state.set(RunState::Running(None));
            let report = started.report.await;
            if current() {
                self.clear_deadline();
                state.set(RunState::Done(report));
            }
        });
    }

    /// Stops the run in flight and says so.
    pub fn cancel(self) {
        self.generation.update_value(|g| *g += 1);
        self.stop_network();
        self.state.set(RunState::Cancelled);
    }

    /// Stops the run in flight and shows nothing (the link names no valid target).
    pub fn clear(self) {
        self.generation.update_value(|g| *g += 1);
        self.stop_network();
        self.state.set(RunState::Idle);
    }

    /// The resolver of the latest run, with the answers it remembers.
    pub fn resolver(self) -> Option<SharedResolver> {
        self.resolver.get_value()
    }

    pub fn cancelled(self) -> bool {
        matches!(self.state.get(), RunState::Cancelled)
    }

    pub fn running(self) -> bool {
        matches!(self.state.get(), RunState::Running(_))
    }

    /// The report so far, while running or once done.
    pub fn report(self) -> Option<Report> {
        match self.state.get() {
            RunState::Running(Some(report)) | RunState::Done(report) => Some(report),
            _ => None,
        }
    }

    /// The report of a finished run.
    pub fn finished(self) -> Option<Report> {
        match self.state.get() {
            RunState::Done(report) => Some(report),
            _ => None,
        }
    }
}
