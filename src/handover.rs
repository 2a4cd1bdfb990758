//! Taking over a prerendered page without a flash. The HTML the reader sees
//! first (`<div id="prerendered">`, written by crates/prerender) stays on
//! screen while the app renders off-document; once the app's view has its
//! data (no skeleton left), the app's tree replaces the prerendered one in
//! a single DOM operation, so no frame shows a skeleton or a jump.
//!
//! If the app cannot show the page (a failed load shows the error view, or
//! nothing is ready in [`GIVE_UP_FRAMES`]), the prerendered page stays: it
//! is the same content, and its links work without the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The element crates/prerender wraps the rendered page in.
pub const PRERENDERED_ID: &str = "prerendered";
/// What marks a view still loading: the skeletons (see `components::skeletons`).
const LOADING: &str = "main [aria-busy='true'], main .skeleton, main [class*='--loading']";
/// What marks a view that could not load (`components::error_view`).
const FAILED: &str = "main .error-view";
/// About 20 s at 60 frames a second: longer than a request's deadline.
const GIVE_UP_FRAMES: u32 = 1200;

/// Mounts `app`: on a prerendered page, off-document until it can take
/// over; on the plain shell (`index.html`), straight into `<body>`.
pub fn mount<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let prerendered = document.get_element_by_id(PRERENDERED_ID);
    let (Some(prerendered), Ok(root)) = (prerendered, document.create_element("div")) else {
        leptos::mount::mount_to_body(app);
        return;
    };
    let Ok(root) = root.dyn_into::<HtmlElement>() else {
        leptos::mount::mount_to_body(app);
        return;
    };
    root.set_id("app");
    // The app lives as long as the page.
    leptos::mount::mount_to(root.clone(), app).forget();
    take_over_when_ready(root, prerendered, GIVE_UP_FRAMES);
}

fn take_over_when_ready(root: HtmlElement, prerendered: Element, frames_left: u32) {
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    if has(FAILED) || frames_left == 0 {
        return;
    }
    if has("main") && !has(LOADING) {
        swap(&root, &prerendered);
        return;
    }
    request_animation_frame(move || take_over_when_ready(root, prerendered, frames_left - 1));
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
    for stale in document
        .query_selector_all("head [data-prerendered]")
        .ok()
        .into_iter()
        .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)))
    {
        if let Some(parent) = stale.parent_node() {
            let _ = parent.remove_child(&stale);
        }
    }
    if prerendered.replace_with_with_node_1(root).is_err() {
        return;
    }
    if let Some(focused) = focused.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        let _ = focused.focus();
    }
}

/// The app's element matching a focused prerendered one: same id, or else
/// the link to the same address.
fn counterpart(root: &HtmlElement, active: &Element) -> Option<Element> {
    if !active.id().is_empty() {
        return root
            .query_selector(&format!("#{}", active.id()))
            .ok()
            .flatten();
    }
    let href = active.get_attribute("href")?;
    root.query_selector_all("a[href]").ok().and_then(|links| {
        (0..links.length())
            .filter_map(|i| links.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .find(|link| link.get_attribute("href").as_deref() == Some(href.as_str()))
    })
}
