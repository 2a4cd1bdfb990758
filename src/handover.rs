//! Taking over a prerendered page without a flash. The HTML the reader sees
//! first (`<div id="prerendered">`, written by crates/prerender) stays on
//! screen while the app renders off-document; once the app's view has its
//! data (no skeleton left), the app's tree replaces the prerendered one in
//! a single DOM operation, so no frame shows a skeleton or a jump.
//!
//! If the app cannot show the page (a failed load shows the error view, or
//! nothing is ready in [`GIVE_UP_FRAMES`]), the prerendered page stays: it
//! is the same content. The reader following a link or going Back hands
//! over at once, so the app's router never moves behind a page it does
//! not show.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

/// The element crates/prerender wraps the rendered page in.
pub const PRERENDERED_ID: &str = "prerendered";
/// What marks a view still loading: the skeletons (see `components::skeletons`).
const LOADING: &str = "main [aria-busy='true'], main .skeleton, main [class*='--loading']";
/// What marks a view that could not load (`components::error_view`).
const FAILED: &str = "main .error-view";
/// About 20 s at 60 frames a second: longer than a request's deadline.
const GIVE_UP_FRAMES: u32 = 1200;

/// A hand-over not done yet. Its listeners are made once per page load and
/// kept here (not forgotten) until the page goes.
struct Pending {
    root: HtmlElement,
    prerendered: Element,
    done: bool,
    listener: Option<Closure<dyn FnMut(Event)>>,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// Mounts `app`: on a prerendered page, off-document until it can take
/// over; on the plain shell (`index.html`), straight into `<body>`.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let root = document
        .create_element("div")
        .ok()
        .and_then(|root| root.dyn_into::<HtmlElement>().ok());
    let (Some(prerendered), Some(root)) = (document.get_element_by_id(PRERENDERED_ID), root) else {
        leptos::mount::mount_to_body(app);
        return;
    };
    root.set_id("app");
    crate::attached::set_attached(false);
    // Once per page load, and the app lives as long as the page: its mount
    // handle is never dropped (as `mount_to_body` does on the shell).
    leptos::mount::mount_to(root.clone(), app).forget();

    // A link followed (the router acts on the click after this element's
    // listener) or Back/Forward: the app shows where the reader goes.
    let listener = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let is_link = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .is_some();
        if event.type_() == "popstate" || is_link {
            take_over();
        }
    });
    let function = listener.as_ref().unchecked_ref();
    let _ = prerendered.add_event_listener_with_callback("click", function);
    let _ = window.add_event_listener_with_callback("popstate", function);
    PENDING.set(Some(Pending {
        root,
        prerendered,
        done: false,
        listener: Some(listener),
    }));
    watch(GIVE_UP_FRAMES);
}

/// Checks once a frame whether the app's view is ready.
fn watch(frames_left: u32) {
    let state = PENDING.with_borrow(|pending| {
        pending.as_ref().filter(|p| !p.done).map(|p| {
            let has = |selector: &str| p.root.query_selector(selector).ok().flatten().is_some();
            // An empty main is a view whose code is still on its way
            // (`lazy_pages`): the router shows nothing until it arrives.
            (has(FAILED), has("main > *") && !has(LOADING))
        })
    });
    match state {
        // Done already, or the app failed: the prerendered page stays.
        None | Some((true, _)) => {}
        Some((false, true)) => take_over(),
        Some((false, false)) if frames_left > 0 => {
            request_animation_frame(move || watch(frames_left - 1));
        }
        Some((false, false)) => {}
    }
}

/// Puts the app's tree in place of the prerendered one, once.
fn take_over() {
    PENDING.with_borrow_mut(|pending| {
        let Some(pending) = pending.as_mut().filter(|p| !p.done) else {
            return;
        };
        pending.done = true;
        if let (Some(listener), Some(window)) = (&pending.listener, web_sys::window()) {
            let function = listener.as_ref().unchecked_ref();
            let _ = pending
                .prerendered
                .remove_event_listener_with_callback("click", function);
            let _ = window.remove_event_listener_with_callback("popstate", function);
        }
        swap(&pending.root, &pending.prerendered);
    });
}

fn swap(root: &HtmlElement, prerendered: &Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Where the reader's keyboard focus was, so it is not lost to <body>.
    let focused = document
        .active_element()
        .filter(|active| prerendered.contains(Some(active)))
        .and_then(|active| counterpart(root, &active));
    // The prerendered head tags (canonical, JSON-LD, …) describe the first
    // page only; the app writes its own as the reader moves on.
    remove_all(&document, "head [data-prerendered]");
    if prerendered.replace_with_with_node_1(root).is_err() {
        return;
    }
    crate::attached::set_attached(true);
    if let Some(focused) = focused.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        let _ = focused.focus();
    }
}

/// Drops the prerendered `<meta>` tags with these names or properties. A
/// view calls it as it writes its own (`PageMeta`, the shell's site name):
/// the app writes into `<head>` while it still renders off-document, and
/// the head must never hold two tags of one name. The prerendered tags the
/// app does not write (canonical, JSON-LD, the preview image) stay with the
/// page they describe until the hand-over.
pub fn drop_prerendered_meta(keys: &[&str]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = keys
        .iter()
        .map(|key| format!(r#"head meta[data-prerendered][name="{key}"], head meta[data-prerendered][property="{key}"]"#))
        .collect::<Vec<_>>()
        .join(", ");
    remove_all(&document, &selector);
}

fn remove_all(document: &web_sys::Document, selector: &str) {
    if let Ok(found) = document.query_selector_all(selector) {
        for node in (0..found.length()).filter_map(|i| found.item(i)) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}

/// The app's element matching a focused prerendered one: same id, or else
/// the link to the same address.
fn counterpart(root: &HtmlElement, active: &Element) -> Option<Element> {
    // Compared as strings, not put into a selector: any id or href works.
    let (attribute, value) = if active.id().is_empty() {
        ("href", active.get_attribute("href")?)
    } else {
        ("id", active.id())
    };
    let candidates = root.query_selector_all(&format!("[{attribute}]")).ok()?;
    (0..candidates.length())
        .filter_map(|i| candidates.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .find(|element| element.get_attribute(attribute).as_deref() == Some(value.as_str()))
}
