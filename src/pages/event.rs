//! `/{lang}/events/{slug}`: one event — when (in Minsk time, with the
//! reader's own time when their zone differs), where (with a map link),
//! price, organiser, description, "add to calendar" and events nearby in time.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_contract::slug::is_valid_slug;
use portal_contract::urls::{self, EventsQuery};
use portal_contract::{Event, Lang};
use portal_i18n::dates::{format_date_time, format_event_when};

use crate::api::{use_api, ApiError, ApiResource};
use crate::clock;
use crate::components::article_body::ArticleBody;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::ErrorView;
use crate::components::event_row::EventRow;
use crate::components::maps_links::MapsLinks;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::picture::Figure;
use crate::components::save_button::SaveButton;
use crate::components::skeletons::ArticleSkeleton;
use crate::i18n::{texts_untracked, use_lang};
use crate::pages::not_found::NotFoundPage;
use crate::saved::SavedItem;

#[component]
pub fn EventPage() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let event = ApiResource::new(move || {
        let lang = lang.get();
        let slug = slug.get();
        async move {
            if !is_valid_slug(&slug) {
                return Err(ApiError::NotFound);
            }
            api.event(lang, &slug).await
        }
    });
    view! {
        <Suspense fallback=|| view! { <ArticleSkeleton/> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(found) => view! { <EventView event=found/> }.into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=move || event.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The reader's local start time, when their offset differs from the
/// event's at that instant: "13 December 2026, 02:00 (UTC+12)".
fn reader_local_start(event: &Event) -> Option<String> {
    let instant = event.starts.unix_seconds();
    let offset = clock::reader_offset_minutes(instant);
    if offset == event.starts.offset_minutes || event.all_day {
        return None;
    }
    let local = instant + i64::from(offset) * 60;
    let date = portal_calendar::Date::from_days(local.div_euclid(86_400));
    let seconds = local.rem_euclid(86_400);
    let at = portal_contract::Timestamp {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: (seconds / 3600) as u8,
        minute: (seconds / 60 % 60) as u8,
        second: 0,
        offset_minutes: offset,
    };
    let sign = if offset < 0 { '−' } else { '+' };
    let abs = offset.unsigned_abs();
    let zone = if abs % 60 == 0 {
        format!("UTC{sign}{}", abs / 60)
    } else {
        format!("UTC{sign}{}:{:02}", abs / 60, abs % 60)
    };
    Some(format!("{} ({zone})", format_date_time(event.lang, &at)))
}

#[component]
fn EventView(event: Event) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let api = use_api();
    let (first, _) = event.days();
    let month_url = EventsQuery {
        month: Some(first.year_month()),
        ..EventsQuery::default()
    }
    .url(lang);
    let category_url = EventsQuery {
        month: Some(first.year_month()),
        category: Some(event.category.slug.clone()),
        ..EventsQuery::default()
    }
    .url(lang);
    let region_url = EventsQuery {
        month: Some(first.year_month()),
        region: Some(event.region.slug.clone()),
        ..EventsQuery::default()
    }
    .url(lang);
    let trail = vec![
        (t.nav_home.to_string(), urls::home(lang)),
        (t.nav_events.to_string(), month_url),
    ];
    let when = format_event_when(lang, &event.starts, &event.ends, event.all_day);
    let local = reader_local_start(&event);
    let save_item = api
        .is_same_origin()
        .then(|| SavedItem::from_event(&api, &event));
    let page_url = crate::page_url::href().unwrap_or_default();
    // The calendar file is made here from the document with the feeds'
    // entry for this event (the same UID), its URL the event's page on the
    // origin the reader is on (the public one in a prerendered page).
    let event_page = format!(
        "{}{}",
        crate::page_url::origin().unwrap_or_default(),
        urls::event(lang, &event.slug)
    );
    let ics_url = event.ics_data_url(&event_page, clock::now_unix_seconds());
    let google_url = event.google_calendar_url(&page_url);
    let outlook_url = event.outlook_calendar_url(&page_url);
    let body_in_english = event.body_lang != lang;
    let price = event
        .price
        .clone()
        .unwrap_or_else(|| t.event_free.to_string());

    view! {
        <PageMeta title=event.title.clone() description=event.summary.clone()/>
        <article class="event">
            <Breadcrumbs trail here=event.title.clone()/>
            <header class="event__header">
                <p class="event__tags">
                    <a class=format!("event__category tag--{}", event.category.slug) href=category_url>{event.category.name.clone()}</a>
                    <a class="event__region" href=region_url>{event.region.name.clone()}</a>
                </p>
                <PageTitle class="event__title">{event.title.clone()}</PageTitle>
                <p class="event__lead">{event.summary.clone()}</p>
                // Offered only where the worker can keep the copy.
                {save_item.map(|item| view! { <div class="article__actions"><SaveButton item/></div> })}
            </header>
            <section class="event__facts" aria-labelledby="event-facts-title">
                <h2 id="event-facts-title" class="visually-hidden">{t.event_details}</h2>
                <dl>
                    <div class="event__fact">
                        <dt>{t.event_when}</dt>
                        <dd>
                            <p class="event__when">{when}</p>
                            {(!event.all_day).then(|| view! { <p class="event__zone">{t.event_zone_note}</p> })}
                            {local.map(|local| view! { <p class="event__zone">{portal_i18n::fill(t.event_local_time, &[("time", &local)])}</p> })}
                        </dd>
                    </div>
                    <div class="event__fact">
                        <dt>{t.event_where}</dt>
                        <dd>
                            <p class="event__venue">{event.venue.name.clone()}</p>
                            <p>{event.venue.address.clone()}</p>
                            <MapsLinks lat=event.venue.lat lon=event.venue.lon name=event.venue.name.clone() zoom=17/>
                        </dd>
                    </div>
                    <div class="event__fact">
                        <dt>{t.event_price}</dt>
                        <dd><p>{price}</p></dd>
                    </div>
                    {event.organiser.clone().map(|organiser| view! {
                        <div class="event__fact">
                            <dt>{t.event_organiser}</dt>
                            <dd><p>{match organiser.url.filter(|url| portal_contract::blocks::is_safe_href(url)) {
                                Some(url) => view! { <a href=url target="_blank" rel="noopener noreferrer">{organiser.name}</a> }.into_any(),
                                None => organiser.name.into_any(),
                            }}</p></dd>
                        </div>
                    })}
                </dl>
                <div class="event__add" role="group" aria-labelledby="event-add-title">
                    <h3 id="event-add-title" class="event__add-title">{t.event_add_to_calendar}</h3>
                    <a class="button" href=ics_url download=format!("{}.ics", event.slug)>{t.event_download_ics}</a>
                    <a class="button button--secondary" href=google_url target="_blank" rel="noopener noreferrer">{t.event_google_calendar}</a>
                    <a class="button button--secondary" href=outlook_url target="_blank" rel="noopener noreferrer">{t.event_outlook_calendar}</a>
                </div>
            </section>
            <Figure image=event.image.clone() eager=true class="event__image"/>
            {body_in_english.then(|| view! { <p class="notice">{t.event_body_in_english}</p> })}
            <div lang=move || if body_in_english { Some(Lang::En.code()) } else { None }>
                <ArticleBody blocks=event.body.clone()/>
            </div>
        </article>
        {(!event.related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{t.event_related}</h2>
                <ul class="event-list__items">
                    {event.related.clone().into_iter().map(|summary| view! { <li><EventRow summary level=3/></li> }).collect_view()}
                </ul>
            </section>
        })}
    }
}
