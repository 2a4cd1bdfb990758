//! The home page's "Upcoming events": the next few events, as published,
//! minus any that have ended since the build.

use leptos::prelude::*;
use portal_contract::EventSummary;

use crate::clock;
use crate::components::event_row::EventRow;
use crate::i18n::texts_untracked;

/// Events the block shows.
pub const UPCOMING_SHOWN: usize = 4;

#[component]
pub fn UpcomingEvents(items: Vec<EventSummary>) -> impl IntoView {
    let t = texts_untracked();
    let now = clock::now_unix_seconds();
    let items: Vec<EventSummary> = items
        .into_iter()
        // An event without an end is over once it has started a day ago.
        .filter(|e| {
            let ends = if e.ends == e.starts {
                e.starts.unix_seconds() + 86_400
            } else {
                e.ends.unix_seconds()
            };
            ends > now
        })
        .take(UPCOMING_SHOWN)
        .collect();
    if items.is_empty() {
        return view! { <p class="empty">{t.upcoming_empty}</p> }.into_any();
    }
    view! {
        <ul class="event-list__items upcoming">
            {items.into_iter().map(|summary| view! { <li><EventRow summary level=3/></li> }).collect_view()}
        </ul>
    }
    .into_any()
}
