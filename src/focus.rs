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
}

/// Counts in-app navigations. Call once, inside the router.
pub fn provide_navigation_focus() {
    let location = use_location();
    let navigations = RwSignal::new(0u32);
    Effect::new(move |previous: Option<String>| {
        let current = format!("{}?{}", location.pathname.get(), location.search.get());
        if previous.is_some_and(|previous| previous != current) {
            navigations.update(|n| *n += 1);
        }
        current
    });
    provide_context(NavigationFocus {
        navigations,
        focused: StoredValue::new(0),
    });
}

/// Focuses `heading` once per navigation, when it is the view's heading
/// that rendered after the reader navigated.
pub fn focus_heading_after_navigation(heading: NodeRef<leptos::html::H1>) {
    let Some(state) = use_context::<NavigationFocus>() else {
        return;
    };
    Effect::new(move |_| {
        let navigation = state.navigations.get();
        if navigation > state.focused.get_value() {
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
        let _ = element.focus();
        state.focused.set_value(navigation);
    } else if tries > 0 {
        set_timeout(
            move || focus_when_attached(element, navigation, state, tries - 1),
            std::time::Duration::from_millis(25),
        );
    }
}
