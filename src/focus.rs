//! Focus after navigation: when the reader follows a link, focus moves to the
//! new view's heading (announced by screen readers, and the next Tab starts
//! there). The first load leaves focus alone.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[derive(Clone, Copy)]
struct NavigationFocus {
    /// Navigations since the app started (the URL changed inside the app).
    navigations: RwSignal<u32>,
    /// The navigation whose heading has already taken focus.
    focused: StoredValue<u32>,
    /// Whether the latest navigation changed only the query (a filter, a
    /// month): views that own such controls keep focus where the reader is.
    query_only: StoredValue<bool>,
}

/// Counts in-app navigations. Call once, inside the router.
pub fn provide_navigation_focus() {
    let location = use_location();
    let navigations = RwSignal::new(0u32);
    let query_only = StoredValue::new(false);
    Effect::new(move |previous: Option<(String, String)>| {
        let current = (location.pathname.get(), location.search.get());
        if let Some(previous) = previous.filter(|previous| *previous != current) {
            query_only.set_value(previous.0 == current.0);
            navigations.update(|n| *n += 1);
        }
        current
    });
    provide_context(NavigationFocus {
        navigations,
        focused: StoredValue::new(0),
        query_only,
    });
}

/// Focuses `heading` once per navigation, when it is the view's heading
/// that rendered after the reader navigated. With `path_only`, navigations
/// that change only the query leave focus alone.
pub fn focus_heading_after_navigation(heading: NodeRef<leptos::html::H1>, path_only: bool) {
    let Some(state) = use_context::<NavigationFocus>() else {
        return;
    };
    Effect::new(move |_| {
        let navigation = state.navigations.get();
        if navigation > state.focused.get_value() {
            if path_only && state.query_only.get_value() {
                state.focused.set_value(navigation);
                return;
            }
            if let Some(element) = heading.get() {
                // Deferred: the previous view's heading also sees the new
                // navigation, but by the next task it has left the document.
                set_timeout(
                    move || focus_when_attached(element, navigation, state, 20),
                    std::time::Duration::ZERO,
                );
            }
        }
    });
}

/// A heading rendered inside `<Suspense>` may be built before it is in the
/// document, where `focus()` does nothing; try again on the next tasks.
fn focus_when_attached(
    element: web_sys::HtmlHeadingElement,
    navigation: u32,
    state: NavigationFocus,
    tries: u8,
) {
    if state.focused.get_value() >= navigation {
        return;
    }
    if element.is_connected() {
        // Without scrolling: a new view is already at the top, and Back
        // restores the reader's position (see `scroll`).
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        state.focused.set_value(navigation);
    } else if tries > 0 {
        set_timeout(
            move || focus_when_attached(element, navigation, state, tries - 1),
            std::time::Duration::from_millis(25),
        );
    }
}
