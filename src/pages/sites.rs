//! `/{lang}/sites?category=…&region=…&open=…&access=…&near=…`: the travel
//! guide — its five sections as entries, the filters (section, region,
//! open now or on a date, accessibility), sorting by distance, the map with
//! a pin per listed site, the sites as cards, and the listed sites as
//! GPX/KML to take along.
//! Filters live in the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use portal_contract::urls::{self, OpenFilter, SitesQuery};
use portal_contract::{RegionShapes, SiteIndex, SiteSummary};
use portal_geo::towns::town_by_slug;
use portal_geo::LatLon;
use portal_i18n::towns::town_name;

use crate::api::{use_api, ApiResource};
use crate::components::access_facts::AccessFilter;
use crate::components::belarus_map::{BelarusMap, MapMarker, MapPin};
use crate::components::error_view::ErrorView;
use crate::components::export_files::ExportPlaces;
use crate::components::filter_row::FilterRow;
use crate::components::near_me::{Asking, NearMe};
use crate::components::open_filter::OpenFilterRow;
use crate::components::opening_status::provide_minute_clock;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::site_card::SiteCard;
use crate::components::skeletons::CardGridSkeleton;
use crate::i18n::{texts_untracked, use_lang, use_texts};
use crate::near_me::{by_distance, use_reader_position, DistanceFrom};
use crate::saved::take_along::PlaceEntry;

#[component]
pub fn SitesPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| {
        let map = query_map.read();
        let mut parsed = SitesQuery::parse(
            map.get_str("category"),
            map.get_str("region"),
            map.get_str("open"),
            map.get_str("access"),
            map.get_str("near"),
        );
        // A town this version does not know is dropped like any bad value.
        if parsed
            .value
            .near
            .as_deref()
            .is_some_and(|n| town_by_slug(n).is_none())
        {
            parsed.value.near = None;
            parsed.corrected = true;
        }
        parsed
    });
    let position = use_reader_position();
    let asking = RwSignal::new(Asking::Idle);
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
            {move || parsed.get().corrected.then(|| view! { <p class="notice" role="status">{t().sites_corrected}</p> })}
            <Suspense fallback=|| view! { <CardGridSkeleton count=6/> }>
                {move || {
                    let query = parsed.get().value;
                    let reader = position.get();
                    Suspend::new(async move {
                        let shapes = shapes.await;
                        match index.await {
                            Ok(index) => render(index, shapes, query, reader, asking).into_any(),
                            Err(error) => view! { <ErrorView error on_retry=move || index.refetch()/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn render(
    index: SiteIndex,
    shapes: Option<RegionShapes>,
    query: SitesQuery,
    reader: Option<LatLon>,
    asking: RwSignal<Asking>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let items: Vec<SiteSummary> = index
        .items
        .iter()
        .filter(|s| query.matches(s))
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
            let href = SitesQuery::section(&section.slug).url(lang);
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
            <AccessFilter query=query.clone()/>
        </div>
    };

    // Nearest first from the town in the address, else from the reader.
    let from = match query.near.as_deref().and_then(town_by_slug) {
        Some(town) => Some((DistanceFrom::Town(town.slug), town.at)),
        None => reader.map(|at| (DistanceFrom::Reader, at)),
    };
    let listed: Vec<(SiteSummary, Option<f64>)> = match from {
        Some((_, at)) => by_distance(items.clone(), at, |s| LatLon::new(s.lat, s.lon))
            .into_iter()
            .map(|(site, km)| (site, Some(km)))
            .collect(),
        None => items.iter().cloned().map(|site| (site, None)).collect(),
    };
    let marker = from.map(|(what, at)| MapMarker {
        lat: at.lat,
        lon: at.lon,
        label: match what {
            DistanceFrom::Reader => t.near_you_are_here.to_string(),
            DistanceFrom::Town(slug) => town_name(lang, slug).unwrap_or(slug).to_string(),
        },
    });
    let near_me = view! { <NearMe query=query.clone() from=from.map(|(what, _)| what) asking/> };

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
    // The list as filtered, to take along: the file is named after the
    // filters so two exports do not overwrite each other.
    let export_places: Vec<PlaceEntry> = items
        .iter()
        .map(|s| PlaceEntry::from_site(lang, s))
        .collect();
    let filter_names: Vec<String> = [
        (&query.category, &index.sections),
        (&query.region, &index.regions),
    ]
    .into_iter()
    .filter_map(|(slug, list)| {
        let slug = slug.as_ref()?;
        list.iter()
            .find(|c| &c.slug == slug)
            .map(|c| c.name.clone())
    })
    .collect();
    let export_title = std::iter::once(t.export_guide_name.to_string())
        .chain(filter_names)
        .collect::<Vec<_>>()
        .join(" — ");
    let file_stem = std::iter::once("portal-guide")
        .chain(query.category.as_deref())
        .chain(query.region.as_deref())
        .collect::<Vec<_>>()
        .join("-");
    let cards = if items.is_empty() {
        view! { <p class="empty" role="status">{t.sites_empty}</p> }.into_any()
    } else {
        view! {
            <p class="feed__count">{count}</p>
            <div class="card-grid">
                {listed.into_iter().map(|(summary, distance_km)| view! { <SiteCard summary distance_km status=true/> }).collect_view()}
            </div>
            <ExportPlaces
                places=Signal::stored(export_places)
                title=Signal::stored(export_title)
                file_stem=file_stem
                id="guide-export"
            />
        }
        .into_any()
    };
    view! {
        <nav class="section-entries" aria-label=t.sites_sections_label>
            <ul>{sections}</ul>
        </nav>
        {filters}
        {near_me}
        <div class="sites__layout">
            <BelarusMap shapes pins label=map_label region=query.region.clone().unwrap_or_default() marker/>
            <div class="sites__list">{open_note}{cards}</div>
        </div>
    }
}
