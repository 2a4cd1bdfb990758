//! `/{lang}/sites?category=…&region=…&open=…`: the travel guide — its
//! five sections as entries, the filters (section, region, open now or on
//! a date), the map with a pin per listed site, and the sites as cards.
//! Filters live in the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use portal_contract::urls::{self, OpenFilter, SitesQuery};
use portal_contract::{RegionShapes, SiteIndex, SiteSummary};

use crate::api::{use_api, ApiResource};
use crate::components::belarus_map::{BelarusMap, MapPin};
use crate::components::error_view::ErrorView;
use crate::components::filter_row::FilterRow;
use crate::components::open_filter::OpenFilterRow;
use crate::components::opening_status::provide_minute_clock;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::site_card::SiteCard;
use crate::components::skeletons::CardGridSkeleton;
use crate::i18n::{texts_untracked, use_lang, use_texts};

#[component]
pub fn SitesPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| {
        let map = query_map.read();
        SitesQuery::parse(
            map.get_str("category"),
            map.get_str("region"),
            map.get_str("open"),
        )
    });
    let index = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.sites_index(lang).await }
        }
    });
    // One clock for every card's "open now" (see OpeningStatus).
    provide_minute_clock();
    // The outlines are decoration: without them the map still has its pins.
    let shapes = ApiResource::new(move || async move { api.region_shapes().await.ok() });

    view! {
        <PageMeta title=move || t().sites_title.to_string() description=move || t().sites_description.to_string()/>
        <div class="sites">
            <PageTitle keep_focus_on_query=true>{move || t().sites_title}</PageTitle>
            <p class="sites__intro">{move || t().sites_description}</p>
            {move || parsed.get().corrected.then(|| view! { <p class="notice" role="status">{t().events_corrected}</p> })}
            <Suspense fallback=|| view! { <CardGridSkeleton count=6/> }>
                {move || {
                    let query = parsed.get().value;
                    Suspend::new(async move {
                        let shapes = shapes.await;
                        match index.await {
                            Ok(index) => render(index, shapes, query).into_any(),
                            Err(error) => view! { <ErrorView error on_retry=move || index.refetch()/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn render(index: SiteIndex, shapes: Option<RegionShapes>, query: SitesQuery) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let items: Vec<SiteSummary> = index
        .items
        .iter()
        .filter(|s| query.category.as_ref().is_none_or(|c| &s.section.slug == c))
        .filter(|s| query.region.as_ref().is_none_or(|r| &s.region.slug == r))
        .cloned()
        .collect();
    // Opening: by the rules at this moment in Minsk; sites whose hours are
    // unknown are left out, and counted.
    let (items, left_out) = match query.open {
        None => (items, 0),
        Some(open) => {
            let now = portal_hours::minsk_moment(crate::clock::now_unix_seconds());
            let unknown = items.iter().filter(|s| s.opening.is_none()).count();
            let kept = items
                .into_iter()
                .filter(|s| s.passes_open_filter(open, now) == Some(true))
                .collect::<Vec<_>>();
            (kept, unknown)
        }
    };

    // The five sections as entries, each with a picture of one of its sites.
    let sections = index
        .sections
        .iter()
        .map(|section| {
            let picture = index.items.iter().find(|s| s.section.slug == section.slug).map(|s| s.image.clone());
            let href = SitesQuery { category: Some(section.slug.clone()), region: None, open: None }.url(lang);
            let current = query.category.as_deref() == Some(section.slug.as_str());
            view! {
                <li class="section-entry" class:section-entry--current=current>
                    {picture.map(|image| view! { <crate::components::picture::Picture image/> })}
                    <a class="section-entry__link" href=href aria-current=current.then_some("true")>
                        {section.name.clone()}
                    </a>
                    <span class="section-entry__count">{t.sites_count.format(lang, u64::from(section.count))}</span>
                </li>
            }
        })
        .collect_view();

    let by_section = {
        let query = query.clone();
        move |category| SitesQuery {
            category,
            ..query.clone()
        }
    };
    let by_region = {
        let query = query.clone();
        move |region| SitesQuery {
            region,
            ..query.clone()
        }
    };
    let by_open = {
        let query = query.clone();
        move |open| {
            SitesQuery {
                open,
                ..query.clone()
            }
            .url(lang)
        }
    };
    let filters = view! {
        <div class="event-filters">
            <FilterRow
                label=t.sites_sections_label
                all=t.sites_all_sections
                items=index.sections.clone()
                current=query.category.clone()
                href=move |slug| by_section(slug).url(lang)
            />
            <FilterRow
                label=t.events_filter_region
                all=t.events_all_regions
                items=index.regions.clone()
                current=query.region.clone()
                href=move |slug| by_region(slug).url(lang)
            />
            <OpenFilterRow current=query.open href=by_open/>
        </div>
    };

    let pins = items
        .iter()
        .map(|s| MapPin {
            name: s.name.clone(),
            href: urls::site(lang, &s.slug),
            lat: s.lat,
            lon: s.lon,
            current: false,
        })
        .collect();
    let count = t.sites_count.format(lang, items.len() as u64);
    let open_note = query.open.map(|open| {
        let what = match open {
            OpenFilter::Now => t.hours_filter_now_note.to_string(),
            OpenFilter::On(date) => portal_i18n::fill(
                t.hours_filter_on_date,
                &[("date", &portal_i18n::dates::format_weekday_day(lang, date))],
            ),
        };
        let left_out = (left_out > 0).then(|| t.hours_left_out.format(lang, left_out as u64));
        view! {
            <p class="open-note" role="status">
                {what}
                {left_out.map(|text| view! { <br/><span class="open-note__left-out">{text}</span> })}
            </p>
        }
    });
    let map_label = portal_i18n::fill(t.sites_map_label, &[("n", &count)]);
    let cards = if items.is_empty() {
        view! { <p class="empty" role="status">{t.sites_empty}</p> }.into_any()
    } else {
        view! {
            <p class="feed__count">{count}</p>
            <div class="card-grid">
                {items.into_iter().map(|summary| view! { <SiteCard summary status=true/> }).collect_view()}
            </div>
        }
        .into_any()
    };
    view! {
        <nav class="section-entries" aria-label=t.sites_sections_label>
            <ul>{sections}</ul>
        </nav>
        {filters}
        <div class="sites__layout">
            <BelarusMap shapes pins label=map_label region=query.region.clone().unwrap_or_default()/>
            <div class="sites__list">{open_note}{cards}</div>
        </div>
    }
}
