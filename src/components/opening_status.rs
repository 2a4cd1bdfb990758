//! "Open now · closes at 18:00": a site's status by the app's clock in
//! Minsk time, with the reader's own time when their zone differs.
//!
//! The status depends on the moment, so the prerendered page does not
//! carry one (it would be stale by the time it is read): while
//! prerendering the line is an empty box of the same height, and the app
//! fills it when it takes over (no layout shift). A page provides one
//! [`MinuteClock`] for all its statuses: a timer ticking every 30 seconds,
//! cleared when the page's view goes, so a page left open turns "Open now"
//! into "Closed" at closing time.

use leptos::prelude::*;
use portal_contract::OpeningHours;
use portal_hours::{minsk_moment, status};
use portal_i18n::opening::status_line;

use crate::clock;
use crate::i18n::use_lang;

/// The current time in seconds since the epoch, refreshed twice a minute.
#[derive(Clone, Copy)]
pub struct MinuteClock(pub Signal<i64>);

/// Provides the page's clock; its timer ends with the calling view.
pub fn provide_minute_clock() -> MinuteClock {
    let now = RwSignal::new(clock::now_unix_seconds());
    #[cfg(not(feature = "ssr"))]
    {
        let tick = move || now.try_set(clock::now_unix_seconds()).map_or((), |_| ());
        if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(30)) {
            on_cleanup(move || handle.clear());
        }
    }
    let clock = MinuteClock(now.into());
    provide_context(clock);
    clock
}

/// The page's clock, or a still one when the page provides none.
fn minute_clock() -> Signal<i64> {
    use_context::<MinuteClock>()
        .map(|clock| clock.0)
        .unwrap_or_else(|| Signal::stored(clock::now_unix_seconds()))
}

#[component]
pub fn OpeningStatus(hours: OpeningHours, #[prop(optional)] class: &'static str) -> impl IntoView {
    let class = format!("opening-status {class}");
    if cfg!(feature = "ssr") {
        // A placeholder of the line's height (see the module comment).
        return view! { <p class=class></p> }.into_any();
    }
    let lang = use_lang();
    let now = minute_clock();
    let line = Memo::new(move |_| {
        let at = minsk_moment(now.get());
        status_line(
            lang.get(),
            status(&hours, at),
            at,
            &clock::reader_offset_minutes,
        )
    });
    view! {
        <p class=class class:opening-status--open=move || line.read().open>
            <span class="opening-status__state">{move || line.read().state.clone()}</span>
            {move || {
                let change = line.read().change.clone();
                (!change.is_empty()).then(|| format!(" · {change}"))
            }}
        </p>
    }
    .into_any()
}
