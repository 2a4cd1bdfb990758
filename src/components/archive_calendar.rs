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

use crate::api::{use_api, ApiResource, ArchiveCalendarData};
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
    let opened = StoredValue::new(calendar.shown);
    // The shown year's days: the ones the calendar opened with, nothing for
    // a year without news, else fetched (and abandoned with the view).
    let days = ApiResource::new(move || {
        let year = year.get();
        let ready = opened.get_value().filter(|days| days.year == year);
        let has_news = listed.contains(&year);
        async move {
            match ready {
                Some(days) => Ok(Some(days)),
                None if !has_news => Ok(None),
                None => api.news_archive_year(lang, year).await.map(Some),
            }
        }
    });
    let on_month = Callback::new(move |target: YearMonth| month.set(target));
    let step = move |delta: i32| {
        let target = month.get_untracked().add_months(delta);
        month.set(target);
        let date = target.first_day();
        cursor.date.set(date);
    };

    // Kept on screen while another year's days arrive (as the events grid
    // does), so paging across New Year does not flash an empty box.
    let grid = move || {
        let shown_month = month.get();
        Suspend::new(async move {
            match days.await {
                Ok(year_days) => {
                    month_view(year_days, shown_month, selected, today, cursor, on_month).into_any()
                }
                Err(error) => {
                    view! { <ErrorView error on_retry=move || days.refetch() compact=true/> }
                        .into_any()
                }
            }
        })
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
            <div class="archive-calendar__grid">
                <Transition fallback=|| view! { <div class="archive-calendar__loading" aria-busy="true"></div> }>
                    {grid}
                </Transition>
            </div>
            <p id=HELP_ID class="visually-hidden">{t.archive_help}</p>
        </section>
    }
}

/// The grid of `month`, days with news (from `year_days`) as links.
fn month_view(
    year_days: Option<NewsArchiveYear>,
    month: YearMonth,
    selected: Option<Date>,
    today: Date,
    cursor: GridCursor,
    on_month: Callback<YearMonth>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let counts: Vec<(Date, u32)> = year_days
        .map(|year| year.days)
        .unwrap_or_default()
        .iter()
        .filter_map(|day| Some((Date::parse(&day.date)?, day.count)))
        .collect();
    let counts = StoredValue::new(counts);
    let count_on = move |date: Date| {
        counts.with_value(|counts| counts.iter().find(|(d, _)| *d == date).map(|(_, n)| *n))
    };
    let navigate = use_navigate();
    let open_day = Callback::new(move |date: Date| {
        if count_on(date).is_some() {
            navigate(&urls::news_day(lang, &date.to_string()), Default::default());
        }
    });
    let day = move |date: Date| {
        let label = format_day(lang, date);
        match count_on(date) {
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
                    <span class="visually-hidden">{label}</span>
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
