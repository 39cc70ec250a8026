//! The check page's run controller: where the current run is, starting one (which stops
//! the one before), cancelling, and the resolver kept for the what-if editor. A run
//! that was superseded never writes its late answers over the current one.

use super::inputs::CheckTarget;
use crate::check_run::{self, Progress, SharedResolver};
use crate::doh::{AppResolver, RUN_DEADLINE_MS};
use crate::later::Unavailable;
use crate::settings::ResolverSetting;
use leptos::prelude::*;
use smarthost_core::dns::ResolveError;
use smarthost_core::report::Report;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
    deadline: StoredValue<Option<i32>>,
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
            deadline: StoredValue::new(None),
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
        let Some(window) = web_sys::window() else {
            return;
        };
        let abort = abort.clone();
        let on_deadline = Closure::once_into_js(move || abort.abort());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_deadline.unchecked_ref(),
                RUN_DEADLINE_MS,
            )
            .ok();
        self.deadline.set_value(timer);
    }

    /// A finished run keeps its signal: the what-if editor asks more through it.
    fn clear_deadline(self) {
        if let (Some(window), Some(timer)) = (web_sys::window(), self.deadline.get_value()) {
            window.clear_timeout_with_handle(timer);
        }
        self.deadline.set_value(None);
    }

    /// Runs the check of `target`, over the records pasted when there are, otherwise
    /// over the resolver the link or the settings choose.
    pub fn start(self, target: CheckTarget, pasted: Option<AppResolver>) {
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
        let app_resolver = match pasted {
            Some(pasted) => Ok(pasted),
            None => AppResolver::for_domain(
                &target.domain,
                target.doh.as_deref(),
                target.resolver.as_deref().and_then(ResolverSetting::decode),
                abort.map(|c| c.signal()),
            ),
        };
        let shared = match app_resolver {
            Ok(r) => check_run::shared(r, progress),
            Err(error) => {
                state.set(RunState::NoResolver(error));
                return;
            }
        };
        self.source.set(check_run::source(&shared));
        self.waiting_for.set(shared.inner().inner.waiting_for());
        self.demo
            .set(matches!(shared.inner().inner, AppResolver::Demo(_)));
        if let Some(abort) = self.controller.get_value() {
            self.arm_deadline(&abort);
        }
        self.resolver.set_value(Some(shared.clone()));
        state.set(RunState::Running(None));
        let request = target.request(None);
        leptos::task::spawn_local(async move {
            let current = move || generation.get_value() == this_run;
            let on_partial = move |partial: &Report| {
                if current() {
                    state.set(RunState::Running(Some(partial.clone())));
                }
            };
            let outcome = match check_run::start(shared, request, Box::new(on_partial)).await {
                Ok(running) => RunState::Done(running.await),
                Err(Unavailable) => RunState::Unavailable,
            };
            if current() {
                self.clear_deadline();
                state.set(outcome);
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
