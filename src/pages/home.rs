//! `/{lang}/`: the latest news, lead story large, then a grid; then the
//! upcoming events and featured places of the travel guide.

use leptos::prelude::*;
use portal_contract::urls;

use crate::api::{use_api, ApiResource};
use crate::components::article_card::ArticleCard;
use crate::components::error_view::ErrorView;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::site_card::SiteCard;
use crate::components::skeletons::CardGridSkeleton;
use crate::components::upcoming_events::UpcomingEvents;
use crate::i18n::{use_lang, use_texts};

/// Stories on the home page: one lead and a grid of six.
const HOME_STORIES: usize = 7;
/// Featured sites in "Discover Belarus".
const FEATURED_SITES: usize = 6;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let latest = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.news_page(lang, None, 1).await }
        }
    });
    let upcoming = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.events_upcoming(lang).await }
        }
    });
    let guide = ApiResource::new(move || {
        let lang = lang.get();
        async move { api.sites_index(lang).await }
    });

    view! {
        <PageMeta title=move || t().site_name.to_string() description=move || t().home_description.to_string()/>
        <div class="home">
            <div class="home__intro">
                <PageTitle class="home__title">{move || t().site_name}</PageTitle>
                <p class="home__tagline">{move || t().site_tagline}</p>
            </div>
            <section class="home__latest" aria-labelledby="home-latest">
                <div class="section-head">
                    <h2 id="home-latest">{move || t().home_latest}</h2>
                    <a class="section-head__more" href=move || urls::news(lang.get())>{move || t().home_all_news} " →"</a>
                </div>
                <Suspense fallback=|| view! { <CardGridSkeleton count=HOME_STORIES lead=true/> }>
                    {move || Suspend::new(async move {
                        match latest.await {
                            Ok(page) => view! {
                                <div class="card-grid">
                                    {page.items.into_iter().take(HOME_STORIES).enumerate()
                                        .map(|(i, summary)| view! { <ArticleCard summary lead={i == 0} level=3/> })
                                        .collect_view()}
                                </div>
                            }.into_any(),
                            Err(error) => view! { <ErrorView error on_retry=move || latest.refetch()/> }.into_any(),
                        }
                    })}
                </Suspense>
                <p class="home__more">
                    <a class="button" href=move || urls::news(lang.get())>{move || t().home_all_news}</a>
                </p>
            </section>
            <section class="home__events" aria-labelledby="home-events">
                <div class="section-head">
                    <h2 id="home-events">{move || t().home_upcoming}</h2>
                    <a class="section-head__more" href=move || urls::events(lang.get())>{move || t().home_all_events} " →"</a>
                </div>
                <Suspense fallback=|| view! { <div class="upcoming upcoming--loading" aria-hidden="true"></div> }>
                    {move || Suspend::new(async move {
                        match upcoming.await {
                            Ok(list) => view! { <UpcomingEvents items=list.items/> }.into_any(),
                            Err(error) => view! { <ErrorView error on_retry=move || upcoming.refetch() compact=true/> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <section class="home__discover" aria-labelledby="home-discover">
                <div class="section-head">
                    <h2 id="home-discover">{move || t().home_discover}</h2>
                    <a class="section-head__more" href=move || urls::sites(lang.get())>{move || t().home_all_sites} " →"</a>
                </div>
                <Suspense fallback=|| view! { <CardGridSkeleton count=3/> }>
                    {move || Suspend::new(async move {
                        match guide.await {
                            Ok(index) => {
                                let featured: Vec<_> = index.items.into_iter().filter(|s| s.featured).take(FEATURED_SITES).collect();
                                view! {
                                    <div class="card-grid">
                                        {featured.into_iter().map(|summary| view! { <SiteCard summary level=3/> }).collect_view()}
                                    </div>
                                }
                                .into_any()
                            }
                            Err(error) => view! { <ErrorView error on_retry=move || guide.refetch() compact=true/> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </div>
    }
}
