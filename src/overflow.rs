//! Whether a box is too small for what it holds, kept up to date as the window and the
//! content change size: a scrolling box shows its cue (and takes the keyboard) only
//! while it really scrolls.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Which ways a box scrolls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overflow {
    pub sideways: bool,
    pub down: bool,
}

impl Overflow {
    fn of(element: &web_sys::Element) -> Overflow {
        // A pixel of rounding is not a scroll.
        Overflow {
            sideways: element.scroll_width() > element.client_width() + 1,
            down: element.scroll_height() > element.client_height() + 1,
        }
    }
}

/// Sets `overflow` to which ways `element` scrolls, now and whenever it or one of `also`
/// (its content, which can grow without the box changing size) is resized, until the
/// reactive owner that calls this is cleaned up.
pub fn watch_overflow(
    element: web_sys::Element,
    also: Vec<web_sys::Element>,
    overflow: WriteSignal<Overflow>,
) {
    let measured = element.clone();
    let mut last = None;
    let report = move || {
        let now = Overflow::of(&measured);
        if last != Some(now) {
            last = Some(now);
            overflow.set(now);
        }
    };
    let mut report = report;
    // Measured now as well, not only when the observer first reports (after a frame may
    // have been painted): the app's first frame must match the prerendered page it
    // replaces, whose cue was measured at build time (src/prerender.rs).
    report();
    let callback = Closure::<dyn FnMut()>::new(report);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    // The observer reports each element once as observing starts: the first measure.
    observer.observe(&element);
    for other in &also {
        observer.observe(other);
    }
    // Browser objects cannot go into a cleanup (it must be Send), so they wait in this
    // thread's list under a number, and the cleanup disconnects them by it.
    let id = WATCHING.with(|w| {
        let mut w = w.borrow_mut();
        w.next += 1;
        let id = w.next;
        w.observers.insert(id, (observer, callback));
        id
    });
    on_cleanup(move || {
        let watched = WATCHING.with(|w| w.borrow_mut().observers.remove(&id));
        if let Some((observer, _callback)) = watched {
            observer.disconnect();
        }
    });
}

type Watched = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

#[derive(Default)]
struct Watching {
    next: u64,
    observers: std::collections::HashMap<u64, Watched>,
}

thread_local! {
    static WATCHING: std::cell::RefCell<Watching> = std::cell::RefCell::default();
}
