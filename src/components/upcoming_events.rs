//! The home page's "Upcoming events": the next few events as cards with a
//! date badge, as published, minus any that have ended since the build.

use leptos::prelude::*;
use portal_contract::urls;
use portal_contract::EventSummary;
use portal_i18n::dates::{format_event_when, month_short};

use crate::clock;
use crate::i18n::{texts_untracked, use_lang};

/// Events the block shows.
pub const UPCOMING_SHOWN: usize = 4;

#[component]
pub fn UpcomingEvents(items: Vec<EventSummary>) -> impl IntoView {
    let t = texts_untracked();
    let lang = use_lang().get_untracked();
    let now = clock::now_unix_seconds();
    let items: Vec<EventSummary> = items
        .into_iter()
        .filter(|e| !e.has_ended(now))
        .take(UPCOMING_SHOWN)
        .collect();
    if items.is_empty() {
        return view! { <p class="empty">{t.upcoming_empty}</p> }.into_any();
    }
    let cards = items
        .into_iter()
        .map(|summary| {
            let (first, _) = summary.days();
            let when = format_event_when(lang, &summary.starts, &summary.ends, summary.all_day);
            let class = format!("upcoming-card tag--{}", summary.category.slug);
            view! {
                <li class=class>
                    <p class="upcoming-card__date" aria-hidden="true">
                        <span class="upcoming-card__day">{first.day}</span>
                        <span class="upcoming-card__month">{month_short(lang, first.month)}</span>
                    </p>
                    <div class="upcoming-card__body">
                        <h3 class="upcoming-card__title">
                            <a href=urls::event(lang, &summary.slug)>{summary.title}</a>
                        </h3>
                        <p class="upcoming-card__when">{when}</p>
                        <p class="upcoming-card__meta">
                            <span>{summary.category.name}</span>
                            " · "
                            <span>{summary.venue}</span>
                        </p>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="upcoming">{cards}</ul> }.into_any()
}
