//! The news archive calendar: a compact month grid (the events calendar's
//! grid, with its keyboard model) where days with news are links. Its month
//! is local state: paging through months does not change the page's URL.
//! It opens with the year it shows (`ApiClient::archive_calendar`) and
//! fetches another year's days when the reader pages into that year, so it
//! never loads the whole archive's list of days.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_calendar::{Date, YearMonth};
use portal_contract::urls;
use portal_contract::NewsArchiveYear;
use portal_i18n::dates::{format_day, format_month};

use crate::api::{use_api, ApiError, ArchiveCalendarData};
use crate::clock;
use crate::components::error_view::ErrorView;
use crate::components::month_grid::{GridCursor, MonthGrid};
use crate::i18n::{texts_untracked, use_lang};

const HEADING_ID: &str = "archive-month";
const HELP_ID: &str = "archive-help";

/// `calendar`: the years with news and the days of the year to open on;
/// `selected`: the day being shown, if any (marked in the grid).
#[component]
pub fn ArchiveCalendar(calendar: ArchiveCalendarData, selected: Option<Date>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let api = use_api();
    let today = clock::today();
    // Open on the selected day's month, else the latest month with news.
    let start = selected
        .or_else(|| calendar.years.last_day())
        .unwrap_or(today);
    let month = RwSignal::new(start.year_month());
    let cursor = GridCursor::new(start);
    let year = Memo::new(move |_| month.get().year);
    let listed: Vec<i32> = calendar
        .years
        .years
        .iter()
        .map(|entry| entry.year)
        .collect();
    // The years already fetched, so paging back across New Year shows
    // them at once (a year is a few hundred dates).
    let seen = StoredValue::new(calendar.shown.iter().cloned().collect::<Vec<_>>());
    let days = RwSignal::new(YearDays::Ready(calendar.shown));
    // Which fetch is the latest: an answer to an older one (a Retry still
    // on its way after the reader paged on and back) is dropped.
    let latest = StoredValue::new(0_u32);
    // Paging into another year fetches its days; the request ends when the
    // reader pages on before it arrives or the view goes (the task is
    // dropped, which aborts it).
    let fetch = move |year: i32| {
        days.set(YearDays::Loading);
        let ticket = latest.try_update_value(|latest| {
            *latest = latest.wrapping_add(1);
            *latest
        });
        leptos::task::spawn_local_scoped_with_cancellation(async move {
            let result = api.news_archive_year(lang, year).await;
            let current = latest.try_get_value() == ticket;
            if let Ok(found) = &result {
                seen.try_update_value(|seen| seen.push(found.clone()));
            }
            if current && month.try_get_untracked().map(|month| month.year) == Some(year) {
                days.try_set(match result {
                    Ok(found) => YearDays::Ready(Some(found)),
                    Err(error) => YearDays::Failed(error),
                });
            }
        });
    };
    // Runs in the browser only, when the shown year changes (its owner is
    // cleaned up first, which cancels a fetch still on its way).
    Effect::new(move |_| {
        let year = year.get();
        let shown = days.with_untracked(|days| match days {
            YearDays::Ready(Some(found)) => Some(found.year),
            _ => None,
        });
        if shown == Some(year) {
            return;
        }
        let known = seen
            .try_with_value(|seen| seen.iter().find(|found| found.year == year).cloned())
            .flatten();
        if let Some(found) = known {
            days.set(YearDays::Ready(Some(found)));
        } else if listed.contains(&year) {
            fetch(year);
        } else {
            days.set(YearDays::Ready(None));
        }
    });
    let on_month = Callback::new(move |target: YearMonth| month.set(target));
    let step = move |delta: i32| {
        let target = month.get_untracked().add_months(delta);
        month.set(target);
        let date = target.first_day();
        cursor.date.set(date);
    };

    // Rebuilt for another month only: the days' links follow `days` in
    // place, so the keyboard's cell keeps focus while a year arrives.
    let grid = move || {
        let shown_month = month.get();
        month_view(days, shown_month, selected, today, cursor, on_month)
    };
    let loading = move || matches!(days.get(), YearDays::Loading).then_some("true");
    // Retry runs outside any owner (an event): its request is tied to the
    // calendar's, so it ends with the view (paging on does not cancel it;
    // the ticket above drops its answer).
    let owner = Owner::current();
    let failure = move || match days.get() {
        YearDays::Failed(error) => {
            let owner = owner.clone();
            let retry = move || match &owner {
                Some(owner) => owner.with(|| fetch(year.get_untracked())),
                None => fetch(year.get_untracked()),
            };
            Some(view! { <ErrorView error on_retry=retry compact=true/> })
        }
        _ => None,
    };

    view! {
        <section class="archive-calendar" aria-labelledby="archive-title">
            <h2 id="archive-title" class="archive-calendar__title">{t.archive_title}</h2>
            <div class="archive-calendar__nav">
                <button type="button" class="month-nav__step" on:click=move |_| step(-1)>
                    <span aria-hidden="true">"‹"</span>
                    <span class="visually-hidden">{t.events_previous_month}</span>
                </button>
                <p id=HEADING_ID class="archive-calendar__month" aria-live="polite">
                    {move || format_month(lang, month.get())}
                </p>
                <button type="button" class="month-nav__step" on:click=move |_| step(1)>
                    <span aria-hidden="true">"›"</span>
                    <span class="visually-hidden">{t.events_next_month}</span>
                </button>
            </div>
            <div class="archive-calendar__grid" aria-busy=loading>{grid}</div>
            {failure}
            <p id=HELP_ID class="visually-hidden">{t.archive_help}</p>
        </section>
    }
}

/// The days of the year the calendar shows.
#[derive(Clone)]
enum YearDays {
    /// `None`: a year without news.
    Ready(Option<NewsArchiveYear>),
    Loading,
    Failed(ApiError),
}

/// The grid of `month`; days with news (in `days`) are links.
fn month_view(
    days: RwSignal<YearDays>,
    month: YearMonth,
    selected: Option<Date>,
    today: Date,
    cursor: GridCursor,
    on_month: Callback<YearMonth>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let count_on = move |date: Date| {
        let key = date.to_string();
        days.with(|days| match days {
            YearDays::Ready(Some(year)) => year
                .days
                .iter()
                .find(|day| day.date == key)
                .map(|day| day.count),
            _ => None,
        })
    };
    let navigate = use_navigate();
    let open_day = Callback::new(move |date: Date| {
        if untrack(|| count_on(date)).is_some() {
            navigate(&urls::news_day(lang, &date.to_string()), Default::default());
        }
    });
    let day = move |date: Date| {
        let label = format_day(lang, date);
        move || match count_on(date) {
            Some(count) => {
                let name = format!(
                    "{label}, {}",
                    t.articles_count.format(lang, u64::from(count))
                );
                view! {
                    <a
                        class="archive-day archive-day--news"
                        href=urls::news_day(lang, &date.to_string())
                        tabindex="-1"
                        aria-label=name
                        aria-current=(Some(date) == selected).then_some("page")
                    >
                        {date.day}
                    </a>
                }
                .into_any()
            }
            None => view! {
                <span class="archive-day">
                    <span aria-hidden="true">{date.day}</span>
                    <span class="visually-hidden">{label.clone()}</span>
                </span>
            }
            .into_any(),
        }
    };
    view! {
        <MonthGrid
            month
            week_start=clock::week_start(lang)
            today
            cursor
            labelled_by=HEADING_ID
            described_by=HELP_ID
            on_month
            on_activate=open_day
            day
        />
    }
}
