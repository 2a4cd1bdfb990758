//! What one day of the events grid shows: its number (and, for screen
//! readers, the full date and how many events), up to three lanes of events
//! (multi-day events keep their lane, so they read as one bar across the
//! week), then "+N more" that reveals the rest in place.

use leptos::prelude::*;
use portal_calendar::Date;
use portal_contract::urls;
use portal_contract::EventSummary;
use portal_i18n::dates::{format_event_when, format_time, format_weekday_day};

use crate::i18n::{texts_untracked, use_lang};

/// Lanes a day shows before "+N more".
pub const VISIBLE_LANES: usize = 3;

/// One lane of a day cell.
#[derive(Clone)]
pub enum Slot {
    /// Kept free for a multi-day event of another day in the week.
    Empty,
    Event {
        summary: Box<EventSummary>,
        /// The bar continues from the day before / into the day after.
        joins_before: bool,
        joins_after: bool,
    },
}

#[component]
pub fn CalendarDay(
    date: Date,
    /// The visible lanes (at most [`VISIBLE_LANES`]).
    slots: Vec<Slot>,
    /// Events beyond the visible lanes.
    more: Vec<EventSummary>,
    /// Every event of the day, for the count read to screen readers.
    total: usize,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let expanded = RwSignal::new(false);
    let mut label = format_weekday_day(lang, date);
    if total > 0 {
        label.push_str(", ");
        label.push_str(&t.events_count.format(lang, total as u64));
    }
    let slot_views = slots
        .into_iter()
        .map(|slot| match slot {
            Slot::Empty => {
                view! { <li class="day-event day-event--empty" aria-hidden="true"></li> }.into_any()
            }
            Slot::Event {
                summary,
                joins_before,
                joins_after,
            } => {
                let class = format!(
                    "day-event tag--{}{}{}",
                    summary.category.slug,
                    if joins_before {
                        " day-event--joins-before"
                    } else {
                        ""
                    },
                    if joins_after {
                        " day-event--joins-after"
                    } else {
                        ""
                    },
                );
                view! { <li class=class>{event_link(*summary, date, joins_before)}</li> }.into_any()
            }
        })
        .collect_view();
    let more_view = (!more.is_empty()).then(|| {
        let count = more.len().to_string();
        let items = more
            .into_iter()
            .map(|summary| {
                let class = format!("day-event tag--{}", summary.category.slug);
                view! { <li class=class>{event_link(summary, date, false)}</li> }
            })
            .collect_view();
        view! {
            <button
                type="button"
                class="day__more"
                tabindex="-1"
                aria-expanded=move || if expanded.get() { "true" } else { "false" }
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {move || if expanded.get() {
                    t.events_show_less.to_string()
                } else {
                    portal_i18n::fill(t.events_more, &[("n", &count)])
                }}
            </button>
            <ul class="day__events day__events--more" hidden=move || !expanded.get()>{items}</ul>
        }
    });
    view! {
        <div class="day">
            <p class="day__label">
                <span class="day__number" aria-hidden="true">{date.day}</span>
                <span class="visually-hidden">{label}</span>
            </p>
            <ul class="day__events">{slot_views}</ul>
            {more_view}
        </div>
    }
}

/// The link of one event inside a day. Its accessible name carries the
/// date, so it makes sense read on its own: the visible time and title come
/// first and the date follows for screen readers only, so the name contains
/// the visible text (WCAG 2.5.3 Label in Name). On days after the first of a
/// multi-day bar the title is there for screen readers only.
fn event_link(summary: EventSummary, date: Date, continued: bool) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let href = urls::event(lang, &summary.slug);
    let when = format!(
        ", {}",
        format_event_when(lang, &summary.starts, &summary.ends, summary.all_day)
    );
    // A timed event shows its start time on its first day only.
    let time = if summary.all_day {
        Some(t.events_all_day.to_string())
    } else {
        (summary.starts.date() == date).then(|| format_time(&summary.starts))
    };
    let title_class = if continued {
        "day-event__title visually-hidden"
    } else {
        "day-event__title"
    };
    view! {
        <a class="day-event__link" href=href tabindex="-1">
            {time.map(|time| view! {
                <span class="day-event__time" class:visually-hidden=continued>{time}</span>
                " "
            })}
            <span class=title_class>{summary.title}</span>
            <span class="visually-hidden">{when}</span>
        </a>
    }
}
