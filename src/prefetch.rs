//! Fetching a view's code before the reader needs it: when a link to it is
//! hovered, focused or touched, and, a moment after each navigation, for
//! the links then in the viewport. The code arrives once (split.js keeps
//! what loaded; a failed fetch is tried again by the navigation, which
//! shows it). After the first visit the service worker has every chunk, so
//! this matters for the first minutes of a first visit.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlAnchorElement};

use crate::lazy_view::LazyView;

/// How long after a navigation the links in view are looked at: the new
/// view's own requests go first.
const SETTLE_MS: u64 = 1200;
/// What a reader does just before following a link.
const INTENT_EVENTS: [&str; 3] = ["pointerover", "focusin", "touchstart"];

thread_local! {
    static REQUESTED: RefCell<HashSet<LazyView>> = RefCell::new(HashSet::new());
}

/// Installs the prefetcher for the app's lifetime (inside the router).
#[component]
pub fn Prefetch() -> impl IntoView {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let listener = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten());
        if let Some(link) = link.and_then(|link| link.dyn_into::<HtmlAnchorElement>().ok()) {
            prefetch_link(&link);
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    for name in INTENT_EVENTS {
        let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
            name,
            listener.as_ref().unchecked_ref(),
            &options,
        );
    }
    let listener = send_wrapper::SendWrapper::new(listener);
    let target = send_wrapper::SendWrapper::new(document);
    on_cleanup(move || {
        for name in INTENT_EVENTS {
            let _ =
                target.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
    });

    // The links in view once each page has settled (on a prerendered page,
    // once the app has taken over: its own links are the ones to look at).
    let location = use_location();
    let attached = crate::attached::use_attached();
    Effect::new(move |_| {
        location.pathname.track();
        if !attached.get() {
            return;
        }
        let timer = set_timeout_with_handle(
            prefetch_links_in_view,
            std::time::Duration::from_millis(SETTLE_MS),
        );
        if let Ok(timer) = timer {
            on_cleanup(move || timer.clear());
        }
    });
}

fn prefetch_links_in_view() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(links) = document.query_selector_all("a[href]") else {
        return;
    };
    for node in (0..links.length()).filter_map(|i| links.item(i)) {
        let Ok(link) = node.dyn_into::<HtmlAnchorElement>() else {
            continue;
        };
        let rect = link.get_bounding_client_rect();
        let visible = rect.width() > 0.0 && rect.bottom() > 0.0 && rect.top() < height;
        if visible {
            prefetch_link(&link);
        }
    }
}

/// Starts fetching the code of the view `link` goes to, once per view.
fn prefetch_link(link: &HtmlAnchorElement) {
    let same_origin = web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .is_some_and(|origin| origin == link.origin());
    if !same_origin {
        return;
    }
    let Some(view) = LazyView::of_path(&link.pathname()) else {
        return;
    };
    if REQUESTED.with_borrow_mut(|requested| requested.insert(view)) {
        leptos::task::spawn_local(async move {
            if !crate::lazy_pages::preload(view).await {
                // Not kept as done: the next hover tries again.
                REQUESTED.with_borrow_mut(|requested| requested.remove(&view));
            }
        });
    }
}
