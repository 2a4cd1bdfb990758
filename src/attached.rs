//! Whether the app's tree is in the document yet. On a prerendered page the
//! app renders off-document until it takes over (see `handover`); effects
//! that need the document (moving focus, embed.js finding the preview's
//! snippet) track this and run again once it is there.

use leptos::prelude::*;

thread_local! {
    // Counted, not owned by the first view that asks: it lives as long as
    // the page.
    static ATTACHED: ArcRwSignal<bool> = ArcRwSignal::new(true);
}

/// `true` once the app's tree is in the document (always, on the shell).
pub fn use_attached() -> Signal<bool> {
    ATTACHED.with(|attached| attached.clone().into())
}

/// Called by `handover` around the off-document render.
pub fn set_attached(attached: bool) {
    ATTACHED.with(|signal| signal.set(attached));
}
