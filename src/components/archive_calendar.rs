//! The news archive calendar: a compact month grid (the events calendar's
//! grid, with its keyboard model) where days with news are links. Its month
//! is local state: paging through months does not change the page's URL.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_calendar::{Date, YearMonth};
use portal_contract::urls;
use portal_contract::NewsArchive;
use portal_i18n::dates::{format_day, format_month};

use crate::clock;
use crate::components::month_grid::{GridCursor, MonthGrid};
use crate::i18n::{texts_untracked, use_lang};

const HEADING_ID: &str = "archive-month";
const HELP_ID: &str = "archive-help";

/// `selected`: the day being shown, if any (marked in the grid).
#[component]
pub fn ArchiveCalendar(archive: NewsArchive, selected: Option<Date>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let today = clock::today();
    // Open on the selected day's month, else the latest month with news.
    let latest = archive
        .days
        .last()
        .and_then(|day| Date::parse(&day.date))
        .unwrap_or(today);
    let start = selected.unwrap_or(latest);
    let month = RwSignal::new(start.year_month());
    let cursor = GridCursor::new(start);
    let counts: Vec<(Date, u32)> = archive
        .days
        .iter()
        .filter_map(|day| Some((Date::parse(&day.date)?, day.count)))
        .collect();
    let count_on = move |date: Date| counts.iter().find(|(d, _)| *d == date).map(|(_, n)| *n);

    let navigate = use_navigate();
    let open_day = Callback::new({
        let count_on = count_on.clone();
        move |date: Date| {
            if count_on(date).is_some() {
                navigate(&urls::news_day(lang, &date.to_string()), Default::default());
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

    let grid = move || {
        let count_on = count_on.clone();
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
                month=month.get()
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
            <div class="archive-calendar__grid">{grid}</div>
            <p id=HELP_ID class="visually-hidden">{t.archive_help}</p>
        </section>
    }
}
