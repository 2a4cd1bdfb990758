//! `/{lang}/news/archive/{yyyy-mm-dd}`: all news of one day, with the
//! neighbouring days that have news and the archive calendar. A date that
//! is not a date, or a day without news, says so and points to the nearest
//! day with news.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_calendar::Date;
use portal_contract::urls;
use portal_contract::NewsDay;
use portal_i18n::dates::format_day;

use crate::api::{use_api, ApiError, ApiResource, ArchiveCalendarData};
use crate::components::archive_calendar::ArchiveCalendar;
use crate::components::article_card::ArticleCard;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::ErrorView;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::skeletons::CardGridSkeleton;
use crate::i18n::{texts_untracked, use_lang};

/// What the URL's date led to.
#[derive(Clone)]
enum Loaded {
    Day(NewsDay),
    /// A real date without news.
    Empty(Date),
    /// Not a date at all (shown back to the reader as typed).
    Invalid(String),
}

#[component]
pub fn NewsDayPage() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let params = use_params_map();
    let raw = Memo::new(move |_| params.read().get("date").unwrap_or_default());
    // The calendar opens on the asked day's year (a date that is not one:
    // the latest year with news); stepping to a day of the same year does
    // not load it again.
    let year = Memo::new(move |_| Date::parse(&raw.get()).map(|date| date.year));
    let archive = ApiResource::new({
        move || {
            let lang = lang.get();
            let year = year.get();
            async move { api.archive_calendar(lang, year).await }
        }
    });
    let day = ApiResource::new(move || {
        let lang = lang.get();
        let raw = raw.get();
        async move {
            let Some(date) = Date::parse(&raw) else {
                return Ok(Loaded::Invalid(raw));
            };
            match api.news_day(lang, date).await {
                Ok(day) => Ok(Loaded::Day(day)),
                Err(ApiError::NotFound) => Ok(Loaded::Empty(date)),
                Err(error) => Err(error),
            }
        }
    });

    view! {
        <Suspense fallback=|| view! { <CardGridSkeleton count=3/> }>
            {move || Suspend::new(async move {
                let retry = Callback::new(move |()| {
                    day.refetch();
                    archive.refetch();
                });
                match (day.await, archive.await) {
                    (Ok(loaded), Ok(archive)) => view! { <DayView loaded archive/> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorView error on_retry=retry/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DayView(loaded: Loaded, archive: ArchiveCalendarData) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let trail = vec![
        (t.nav_home.to_string(), urls::home(lang)),
        (t.nav_news.to_string(), urls::news(lang)),
    ];
    let day_link = |date: &str| urls::news_day(lang, date);
    let nearest = |from: Date| {
        archive
            .years
            .nearest(from, archive.shown.as_ref())
            .map(|date| {
                let label =
                    portal_i18n::fill(t.archive_nearest, &[("date", &format_day(lang, date))]);
                view! { <p><a class="button" href=day_link(&date.to_string())>{label}</a></p> }
            })
    };
    let (title, selected, body) = match loaded {
        Loaded::Day(day) => {
            let date = Date::parse(&day.date);
            let shown = date.map_or(day.date.clone(), |date| format_day(lang, date));
            let title = portal_i18n::fill(t.archive_day_title, &[("date", &shown)]);
            let previous = day.previous.as_deref().map(|previous| {
                view! {
                    <a class="day-nav__link" href=day_link(previous) rel="prev">
                        <span aria-hidden="true">"← "</span>{t.archive_previous_day}
                    </a>
                }
            });
            let next = day.next.as_deref().map(|next| {
                view! {
                    <a class="day-nav__link day-nav__link--next" href=day_link(next) rel="next">
                        {t.archive_next_day}<span aria-hidden="true">" →"</span>
                    </a>
                }
            });
            let body = view! {
                <p class="feed__count">{t.articles_count.format(lang, day.items.len() as u64)}</p>
                <div class="card-grid">
                    {day.items.into_iter().map(|summary| view! { <ArticleCard summary/> }).collect_view()}
                </div>
                <nav class="day-nav" aria-label=t.archive_title>{previous}{next}</nav>
            }
            .into_any();
            (title, date, body)
        }
        Loaded::Empty(date) => {
            let shown = format_day(lang, date);
            let body = view! {
                <div class="empty" role="status">
                    <p>{portal_i18n::fill(t.archive_empty_day, &[("date", &shown)])}</p>
                    {nearest(date)}
                </div>
            }
            .into_any();
            (
                portal_i18n::fill(t.archive_day_title, &[("date", &shown)]),
                Some(date),
                body,
            )
        }
        Loaded::Invalid(value) => {
            let body = view! {
                <div class="empty" role="status">
                    <p>{portal_i18n::fill(t.archive_invalid_date, &[("value", &value)])}</p>
                    {nearest(crate::clock::today())}
                </div>
            }
            .into_any();
            (t.archive_title.to_string(), None, body)
        }
    };
    view! {
        <PageMeta title=title.clone() description=t.archive_description.to_string()/>
        <div class="feed feed--with-archive">
            <div class="feed__main">
                <Breadcrumbs trail here=title.clone()/>
                <PageTitle>{title}</PageTitle>
                {body}
            </div>
            <aside class="feed__aside">
                <ArchiveCalendar calendar=archive selected/>
            </aside>
        </div>
    }
}
