//! Scroll restoration. Back and Forward return to where the reader was on
//! that page, once its data has rendered (the browser's own restoration
//! runs too early for content that arrives after the URL changes); a new
//! navigation starts at the top. Positions are remembered per URL (path and
//! query) for the life of the tab.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long a restore waits for the view's data, in 50 ms steps (5 s).
const RESTORE_TRIES: u32 = 100;

#[derive(Default)]
struct State {
    positions: HashMap<String, f64>,
    /// The next URL change comes from Back or Forward.
    popped: bool,
    /// The URL whose position scroll events record. Between a URL change
    /// and the end of its scroll decision (or restore) it still names the
    /// previous URL, so the browser clamping the old offset to a shorter new
    /// page, or our own restore steps, are never taken for the reader's.
    settled: Option<String>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn current_key() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// Starts tracking positions and restoring them. Call once, inside the router.
pub fn provide_scroll_restoration() {
    if cfg!(feature = "ssr") {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let on_scroll = Closure::<dyn Fn()>::new(|| {
        let (Some(key), Some(window)) = (current_key(), web_sys::window()) else {
            return;
        };
        let y = window.scroll_y().unwrap_or(0.0);
        STATE.with_borrow_mut(|state| {
            if state.settled.as_ref() == Some(&key) {
                state.positions.insert(key, y);
            }
        });
    });
    let on_popstate = Closure::<dyn Fn()>::new(|| {
        STATE.with_borrow_mut(|state| state.popped = true);
    });
    let _ = window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    // Both live as long as the page.
    on_scroll.forget();
    on_popstate.forget();

    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let key = format!("{}{}", location.pathname.get(), location.search.get());
        if previous.is_none() {
            settle(&key);
        } else if previous.is_some_and(|previous| previous != key) {
            // The router may see the new URL before `popstate` is
            // dispatched: decide on the next task, when it has been.
            let key = key.clone();
            set_timeout(
                move || {
                    let popped = STATE.with_borrow_mut(|state| std::mem::take(&mut state.popped));
                    // Links scroll to the top through the router; a
                    // navigation that asked not to (search as you type) keeps
                    // its place.
                    if popped {
                        let target = STATE.with_borrow(|state| state.positions.get(&key).copied());
                        try_restore(key, target.unwrap_or(0.0), RESTORE_TRIES);
                    } else {
                        settle(&key);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        key
    });
}

fn settle(key: &str) {
    STATE.with_borrow_mut(|state| state.settled = Some(key.to_owned()));
}

/// Scrolls to `target` once the view has rendered: nothing in `<main>` is
/// still loading (skeletons are `aria-busy`) and the page is tall enough.
fn try_restore(key: String, target: f64, tries: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The reader has moved on: that navigation makes its own decision.
    if current_key().as_ref() != Some(&key) {
        return;
    }
    let document = window.document();
    let loading = document
        .as_ref()
        .and_then(|d| d.query_selector("main [aria-busy='true']").ok().flatten())
        .is_some();
    let room = document
        .as_ref()
        .and_then(|d| d.document_element())
        .map(|root| f64::from(root.scroll_height()))
        .unwrap_or(0.0)
        - window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
    if (!loading && room + 1.0 >= target) || tries == 0 {
        window.scroll_to_with_x_and_y(0.0, target);
        settle(&key);
        return;
    }
    set_timeout(
        move || try_restore(key, target, tries - 1),
        std::time::Duration::from_millis(50),
    );
}
