//! `/{lang}/sites/{slug}`: one site — gallery with a lightbox, the story,
//! a facts panel fitting its section, a locator map, the five nearest
//! sites with distances. (Its schema.org data is in the prerendered page:
//! crates/prerender.)

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_contract::slug::is_valid_slug;
use portal_contract::urls::{self, SitesQuery};
use portal_contract::{Lang, RegionShapes, Site};

use crate::api::{use_api, ApiError, ApiResource};
use crate::components::access_facts::AccessSection;
use crate::components::article_body::ArticleBody;
use crate::components::belarus_map::{BelarusMap, MapPin};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::ErrorView;
use crate::components::gallery::Gallery;
use crate::components::maps_links::MapsLinks;
use crate::components::opening_hours::OpeningFacts;
use crate::components::opening_status::provide_minute_clock;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::save_button::SaveButton;
use crate::components::skeletons::ArticleSkeleton;
use crate::i18n::{texts_untracked, use_lang};
use crate::pages::not_found::NotFoundPage;
use crate::saved::SavedItem;

#[component]
pub fn SitePage() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let site = ApiResource::new({
        move || {
            let lang = lang.get();
            let slug = slug.get();
            async move {
                if !is_valid_slug(&slug) {
                    return Err(ApiError::NotFound);
                }
                api.site(lang, &slug).await
            }
        }
    });
    let shapes = ApiResource::new(move || async move { api.region_shapes().await.ok() });
    view! {
        <Suspense fallback=|| view! { <ArticleSkeleton/> }>
            {move || Suspend::new(async move {
                let shapes = shapes.await;
                match site.await {
                    Ok(found) => view! { <SiteView site=found shapes/> }.into_any(),
                    Err(ApiError::NotFound) => view! { <NotFoundPage/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=move || site.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SiteView(site: Site, shapes: Option<RegionShapes>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let section_url = SitesQuery::section(&site.section.slug).url(lang);
    let region_url = SitesQuery::region(&site.region.slug).url(lang);
    let trail = vec![
        (t.nav_home.to_string(), urls::home(lang)),
        (t.nav_sites.to_string(), urls::sites(lang)),
        (site.section.name.clone(), section_url.clone()),
    ];
    let fact = |name: &'static str, value: AnyView| view! { <div class="event__fact"><dt>{name}</dt><dd>{value}</dd></div> };
    let mut facts: Vec<AnyView> = Vec::new();
    if let Some(address) = site.address.clone() {
        facts.push(fact(t.site_address, view! { <p>{address}</p> }.into_any()).into_any());
    }
    // Opening hours (issue 16): the status, the week tables and the note;
    // "not known yet" when there are no rules (souvenirs, crafts rather than
    // places, say nothing unless they have some).
    provide_minute_clock();
    if site.opening.is_some() || site.hours.is_some() || site.section.slug != "souvenirs" {
        facts.push(
            fact(
                t.site_hours,
                view! { <OpeningFacts hours=site.opening.clone() note=site.hours.clone()/> }
                    .into_any(),
            )
            .into_any(),
        );
    }
    if site.free || site.admission.is_some() {
        let text = site
            .admission
            .clone()
            .unwrap_or_else(|| t.event_free.to_string());
        facts.push(fact(t.site_admission, view! { <p>{text}</p> }.into_any()).into_any());
    }
    if let Some(website) = site.website.clone() {
        let shown = website
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        // A link only when the address is one (see `is_safe_href`); else text.
        let shown = if portal_contract::blocks::is_safe_href(&website) {
            view! { <a href=website target="_blank" rel="noopener noreferrer">{shown}</a> }
                .into_any()
        } else {
            shown.into_any()
        };
        facts.push(fact(t.site_website, view! { <p>{shown}</p> }.into_any()).into_any());
    }
    if let Some(phone) = site.phone.clone() {
        let tel = format!("tel:{}", phone.replace(' ', ""));
        facts.push(
            fact(
                t.site_phone,
                view! { <p><a href=tel>{phone}</a></p> }.into_any(),
            )
            .into_any(),
        );
    }
    if let Some(unesco) = site.unesco.clone() {
        let kind = match unesco.kind.as_str() {
            "natural" => t.site_natural,
            "mixed" => t.site_mixed,
            _ => t.site_cultural,
        };
        facts.push(fact(t.site_inscribed, view! { <p>{unesco.year}</p> }.into_any()).into_any());
        facts.push(
            fact(
                t.site_criteria,
                view! { <p>{unesco.criteria.join(", ")}</p> }.into_any(),
            )
            .into_any(),
        );
        facts.push(fact(t.site_heritage_kind, view! { <p>{kind}</p> }.into_any()).into_any());
        if !unesco.cross_border.is_empty() {
            facts.push(
                fact(
                    t.site_cross_border,
                    view! { <p>{unesco.cross_border.join(", ")}</p> }.into_any(),
                )
                .into_any(),
            );
        }
    }
    if let Some(s) = site.sanatorium.clone() {
        facts.push(
            fact(
                t.site_profiles,
                view! { <p>{s.profiles.join(", ")}</p> }.into_any(),
            )
            .into_any(),
        );
        facts.push(fact(t.site_season, view! { <p>{s.season}</p> }.into_any()).into_any());
    }
    if let Some(s) = site.souvenir.clone() {
        facts.push(
            fact(
                t.site_materials,
                view! { <p>{s.materials.join(", ")}</p> }.into_any(),
            )
            .into_any(),
        );
        facts.push(fact(t.site_where, view! { <p>{s.where_made}</p> }.into_any()).into_any());
    }
    if let Some(m) = site.memorial.clone() {
        facts.push(
            fact(
                t.site_commemorates,
                view! { <p>{m.commemorates}</p> }.into_any(),
            )
            .into_any(),
        );
    }
    let mut pins = vec![MapPin {
        name: site.name.clone(),
        href: urls::site(lang, &site.slug),
        lat: site.lat,
        lon: site.lon,
        current: true,
    }];
    pins.extend(site.nearby.iter().map(|near| MapPin {
        name: near.site.name.clone(),
        href: urls::site(lang, &near.site.slug),
        lat: near.site.lat,
        lon: near.site.lon,
        current: false,
    }));
    let body_in_english = site.body_lang != lang;
    let nearby = site.nearby.clone();
    let name = site.name.clone();
    let map_name = site.name.clone();
    let here = site.name.clone();
    let api = use_api();
    let save_item = api
        .is_same_origin()
        .then(|| SavedItem::from_site(&api, &site))
        .flatten();

    view! {
        <PageMeta title=site.name.clone() description=site.summary.clone()/>
        <article class="site">
            <Breadcrumbs trail here=here/>
            <header class="event__header">
                <p class="event__tags">
                    <a class="event__category" href=section_url>{site.section.name.clone()}</a>
                    <a class="event__region" href=region_url>{site.region.name.clone()}</a>
                </p>
                <PageTitle class="event__title">{name}</PageTitle>
                <p class="event__lead">{site.summary.clone()}</p>
                // Offered only where the worker can keep the copy.
                {save_item.map(|item| view! { <div class="article__actions"><SaveButton item/></div> })}
            </header>
            <Gallery images=site.gallery.clone()/>
            <div class="site__columns">
                <div class="site__story">
                    {body_in_english.then(|| view! { <p class="notice">{t.event_body_in_english}</p> })}
                    <div lang=body_in_english.then_some(Lang::En.code())>
                        <ArticleBody blocks=site.body.clone()/>
                    </div>
                </div>
                <aside class="site__aside">
                    <section class="event__facts" aria-labelledby="site-facts-title">
                        <h2 id="site-facts-title" class="site__aside-title">{t.site_facts}</h2>
                        <dl>{facts}</dl>
                    </section>
                    <AccessSection facts=site.access.clone()/>
                    <section class="site__locator" aria-labelledby="site-locator-title">
                        <h2 id="site-locator-title" class="site__aside-title">{t.site_locator}</h2>
                        <BelarusMap shapes pins label=map_name region=site.region.slug.clone()/>
                        <MapsLinks lat=site.lat lon=site.lon name=site.name.clone() zoom=13/>
                    </section>
                </aside>
            </div>
        </article>
        {(!nearby.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="nearby-title">
                <h2 id="nearby-title">{t.site_nearby}</h2>
                <ol class="nearby">
                    {nearby.into_iter().map(|near| {
                        let km = format!("{:.1}", near.distance_km);
                        view! {
                            <li class="nearby__item">
                                <a class="nearby__link" href=urls::site(lang, &near.site.slug)>{near.site.name}</a>
                                <span class="nearby__meta">{near.site.section.name} " · " {portal_i18n::fill(t.site_km, &[("km", &km)])}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })}
    }
}
