//! DNS from the browser: fetch as the HTTP transport for core's DoH resolver, and the
//! choice between the built-in demo zone and a DoH server.

use crate::settings::ResolverSetting;
use crate::timeout::Timeout;
use smarthost_core::dns::demo::{demo_zone, DEMO_DOMAIN};
use smarthost_core::dns::pasted::PastedRecords;
use smarthost_core::dns::{
    Chain, DohFormat, DohResolver, DomainName, HttpResponse, HttpTransport, InMemoryZone, Lookup,
    NetworkFailure, RecordType, ResolveError, Resolver, TransportError,
};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How long one DoH request may take before it is reported as a timeout.
pub const REQUEST_TIMEOUT_MS: i32 = 8_000;

/// How long a whole check may wait on the network. Past it every request still open is
/// stopped and reported as unanswered, so a resolver that never answers (a firewall
/// that drops instead of refusing) ends the check in a bounded time the page can state.
pub const RUN_DEADLINE_MS: i32 = 20_000;

// A slow first answer and its one retry (the resolver chain's) both fit in a run.
const _: () = assert!(RUN_DEADLINE_MS > 2 * REQUEST_TIMEOUT_MS);

/// Whole seconds, as the page states the bounds.
pub fn seconds(ms: i32) -> String {
    (ms / 1_000).to_string()
}

/// `fetch` with a timeout enforced through an `AbortController`, and a run-wide signal
/// (the Cancel button) that aborts every request still in flight.
pub struct FetchTransport {
    cancel: Option<web_sys::AbortSignal>,
}

impl FetchTransport {
    pub fn new(cancel: Option<web_sys::AbortSignal>) -> Self {
        FetchTransport { cancel }
    }
}

impl HttpTransport for FetchTransport {
    async fn get(&self, url: &str, accept: &str) -> Result<HttpResponse, TransportError> {
        let window = web_sys::window().ok_or_else(|| network("no browser window"))?;
        if self
            .cancel
            .as_ref()
            .is_some_and(web_sys::AbortSignal::aborted)
        {
            // Past the run's deadline (or after a Cancel, whose results nobody reads).
            return Err(TransportError::Timeout);
        }
        let controller =
            web_sys::AbortController::new().map_err(|_| network("AbortController unavailable"))?;
        // Owned by JavaScript (as the timer's callback is, crate::timeout): if this future
        // is dropped before its removal below, the listener still calls live code.
        let on_cancel = {
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || controller.abort()).into_js_value()
        };
        if let Some(cancel) = &self.cancel {
            let _ = cancel.add_event_listener_with_callback("abort", on_cancel.unchecked_ref());
        }
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let timed_out = Rc::clone(&timed_out);
            Timeout::start(REQUEST_TIMEOUT_MS, move || {
                timed_out.set(true);
                controller.abort();
            })
        };

        let result = fetch_bytes(&window, url, accept, &controller.signal()).await;
        drop(timer);
        if let Some(cancel) = &self.cancel {
            let _ = cancel.remove_event_listener_with_callback("abort", on_cancel.unchecked_ref());
        }

        // The run's signal also fires at the run's deadline: a request it stopped did
        // not answer in time (after a Cancel, nothing reads the result).
        let run_stopped = self
            .cancel
            .as_ref()
            .is_some_and(web_sys::AbortSignal::aborted);
        result.map_err(|error| {
            if timed_out.get() || run_stopped {
                TransportError::Timeout
            } else {
                error
            }
        })
    }
}

/// GET `url` with the browser's fetch. (gloo-net 0.6 appends a stray `&` to URLs that
/// already have a query, which dnsdist answers with FORMERR, so fetch is called directly.)
async fn fetch_bytes(
    window: &web_sys::Window,
    url: &str,
    accept: &str,
    signal: &web_sys::AbortSignal,
) -> Result<HttpResponse, TransportError> {
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(signal));
    let headers = web_sys::Headers::new().map_err(js_error)?;
    headers.append("Accept", accept).map_err(js_error)?;
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(js_error)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(HttpResponse {
        status: response.status(),
        body: js_sys::Uint8Array::new(&buffer).to_vec(),
    })
}

/// Browsers report network, CORS and abort failures as a TypeError/DOMException whose
/// message is the best explanation available.
fn js_error(value: wasm_bindgen::JsValue) -> TransportError {
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "network error".to_owned());
    TransportError::Network(NetworkFailure::Browser(message))
}

fn network(why: &str) -> TransportError {
    TransportError::Network(NetworkFailure::Other(why.to_owned()))
}

/// The resolver a check uses: the demo zone for the demo domain, else DoH: the `doh`
/// URL from the link, or the provider from Settings with the other public provider as
/// the fallback (one retry each).
pub enum AppResolver {
    Demo(InMemoryZone),
    Doh(Chain<DohResolver<FetchTransport>>),
    /// Records the admin pasted because no resolver could be reached.
    Pasted(PastedRecords),
}

impl AppResolver {
    pub fn for_domain(
        domain: &DomainName,
        doh_url: Option<&str>,
        linked: Option<ResolverSetting>,
        cancel: Option<web_sys::AbortSignal>,
    ) -> Result<Self, ResolveError> {
        if domain.as_str() == DEMO_DOMAIN {
            return Ok(AppResolver::Demo(demo_zone()));
        }
        let endpoints: Vec<(String, DohFormat)> =
            match doh_url.map(str::trim).filter(|u| !u.is_empty()) {
                Some(url) => vec![(url.to_owned(), DohFormat::Wire)],
                None => linked.unwrap_or_else(crate::settings::load).endpoints(),
            };
        // Resolvers the page's policy forbids would fail as opaque network errors; leave
        // them out, and say why when none is left.
        let first = endpoints.first().map(|(url, _)| url.clone());
        let endpoints: Vec<_> = endpoints
            .into_iter()
            .filter(|(url, _)| crate::csp::blocked_origin(url).is_none())
            .collect();
        if endpoints.is_empty() {
            let origin = first.as_deref().and_then(crate::csp::blocked_origin);
            return Err(ResolveError::NotAllowed(origin.unwrap_or_default()));
        }
        let resolvers = endpoints
            .into_iter()
            .map(|(url, format)| {
                DohResolver::new(&url, format, FetchTransport::new(cancel.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(AppResolver::Doh(Chain::new(resolvers, 1)))
    }

    /// The hosts a running check waits for, for its progress line; `None` when the
    /// answers come from this page (the demo zone, pasted records).
    pub fn waiting_for(&self) -> Option<String> {
        match self {
            AppResolver::Doh(chain) => Some(
                chain
                    .resolvers()
                    .iter()
                    .map(|r| host_of(r.endpoint()).to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            AppResolver::Demo(_) | AppResolver::Pasted(_) => None,
        }
    }

    /// Where the answers come from, for the result's caption.
    pub fn source(&self) -> String {
        match self {
            AppResolver::Demo(_) => crate::i18n::text("ui.check.demo-source"),
            AppResolver::Pasted(_) => crate::i18n::text("ui.check.pasted-source"),
            AppResolver::Doh(chain) => chain
                .resolvers()
                .iter()
                .map(|r| r.endpoint().to_owned())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl Resolver for AppResolver {
    async fn lookup(&self, name: &DomainName, rtype: RecordType) -> Result<Lookup, ResolveError> {
        match self {
            AppResolver::Demo(zone) => zone.lookup(name, rtype).await,
            AppResolver::Doh(chain) => chain.lookup(name, rtype).await,
            AppResolver::Pasted(records) => records.lookup(name, rtype).await,
        }
    }
}

/// The host (and port) of an endpoint URL: what an admin recognises and can allow.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resolver_is_named_by_its_host() {
        assert_eq!(
            host_of("https://cloudflare-dns.com/dns-query"),
            "cloudflare-dns.com"
        );
        assert_eq!(
            host_of("http://127.0.0.1:8053/dns-query?x=1"),
            "127.0.0.1:8053"
        );
        assert_eq!(host_of("dns.google"), "dns.google");
    }

    #[test]
    fn the_bounds_are_stated_in_whole_seconds() {
        assert_eq!(seconds(REQUEST_TIMEOUT_MS), "8");
        assert_eq!(seconds(RUN_DEADLINE_MS), "20");
    }
}
