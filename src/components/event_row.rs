//! One event in a list (list view, a day's events, upcoming, related): when,
//! the title as the link, venue and region, category and "free".

use leptos::prelude::*;
use portal_contract::urls;
use portal_contract::EventSummary;
use portal_i18n::dates::{format_event_when, format_time};

use crate::i18n::{texts_untracked, use_lang};

/// `time_only`: the list is grouped by day already, so show just the time
/// (or "all day" / "until …" for longer events).
#[component]
pub fn EventRow(
    summary: EventSummary,
    #[prop(optional)] time_only: bool,
    /// Heading level of the title.
    #[prop(default = 3)]
    level: u8,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let (first, last) = summary.days();
    let when = if !time_only {
        format_event_when(lang, &summary.starts, &summary.ends, summary.all_day)
    } else if first != last {
        portal_i18n::fill(
            t.events_until,
            &[("date", &portal_i18n::dates::format_day(lang, last))],
        )
    } else if summary.all_day {
        t.events_all_day.to_string()
    } else if summary.ends == summary.starts {
        format_time(&summary.starts)
    } else {
        format!(
            "{}–{}",
            format_time(&summary.starts),
            format_time(&summary.ends)
        )
    };
    let href = urls::event(lang, &summary.slug);
    let link = view! { <a class="event-row__link" href=href>{summary.title}</a> };
    let title = match level {
        2 => view! { <h2 class="event-row__title">{link}</h2> }.into_any(),
        3 => view! { <h3 class="event-row__title">{link}</h3> }.into_any(),
        _ => view! { <h4 class="event-row__title">{link}</h4> }.into_any(),
    };
    let category_class = format!("event-row__category tag--{}", summary.category.slug);
    view! {
        <div class="event-row">
            <p class="event-row__when">{when}</p>
            <div class="event-row__main">
                {title}
                <p class="event-row__meta">
                    <span class=category_class>{summary.category.name}</span>
                    <span>{summary.venue}</span>
                    <span>{summary.region.name}</span>
                    {summary.free.then(|| view! { <span class="event-row__free">{t.event_free}</span> })}
                </p>
            </div>
        </div>
    }
}
