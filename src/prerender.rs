//! The prerendered page (xtask/prerender.mjs) gives way to the app.
//!
//! The build writes each screen's first render into its HTML, every top-level node marked
//! `data-prerendered`, so the page paints before the WebAssembly has loaded. The app does
//! not hydrate those nodes: it removes them and mounts its own in the same task, so the
//! browser never paints in between and the page does not change under the reader.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// Where focus was in the prerendered page: the child index at each level from <body>.
pub struct FocusPath(Vec<u32>);

/// Removes the prerendered nodes; call right before mounting. Returns where focus was
/// among them (a header link reached by Tab before the app arrived), to give it back.
pub fn clear() -> Option<FocusPath> {
    let document = web_sys::window()?.document()?;
    let focus = document
        .active_element()
        .and_then(|active| path_of(&active));
    let nodes = document.query_selector_all("[data-prerendered]").ok()?;
    for index in 0..nodes.length() {
        if let Some(element) = nodes.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
            element.remove();
        }
    }
    focus
}

/// After mounting: gives focus back, or to the content when the skip link was followed
/// before the app arrived (the gate only marks it, as the prerendered <main> is inert),
/// and marks the page live, which is when its controls answer.
pub fn hand_over(focus: Option<FocusPath>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if root.has_attribute("data-skip") {
        let _ = root.remove_attribute("data-skip");
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    } else if let Some(focus) = focus {
        restore_focus(focus);
    }
    let _ = root.set_attribute("data-live", "");
}

/// Focuses the app's element at the place focus had in the prerendered page: the app
/// renders the same tree, so the same path leads to the same control.
fn restore_focus(path: FocusPath) {
    let Some(mut node) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map(Node::from)
    else {
        return;
    };
    for index in path.0 {
        let Some(child) = node
            .dyn_ref::<Element>()
            .and_then(|e| e.children().item(index))
        else {
            return;
        };
        node = child.into();
    }
    if let Some(element) = node.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// The path from <body> to `element`, if it lies inside a prerendered node. At the top
/// only the prerendered nodes count: they are the body's elements, and the app mounts
/// its own, in the same order, in their place.
fn path_of(element: &Element) -> Option<FocusPath> {
    let mut path = Vec::new();
    let mut current = element.clone();
    let mut inside = false;
    loop {
        inside |= current.has_attribute("data-prerendered");
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length())
            .filter_map(|i| siblings.item(i))
            .filter(|sibling| {
                parent.tag_name() != "BODY" || sibling.has_attribute("data-prerendered")
            })
            .position(|sibling| sibling == current)?;
        path.push(index as u32);
        if parent.tag_name() == "BODY" {
            break;
        }
        current = parent;
    }
    path.reverse();
    inside.then_some(FocusPath(path))
}
