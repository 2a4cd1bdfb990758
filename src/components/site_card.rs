//! A travel-guide card: picture, section, name (the link), region, the
//! distance when the guide is sorted by it, and in the guide's list
//! whether the site is open now (`status`).

use leptos::prelude::*;
use portal_contract::urls;
use portal_contract::SiteSummary;

use crate::components::opening_status::OpeningStatus;
use crate::components::picture::{sizes, Picture};
use crate::i18n::{texts_untracked, use_lang};

#[component]
pub fn SiteCard(
    summary: SiteSummary,
    /// Heading level of the name.
    #[prop(default = 2)]
    level: u8,
    /// From the reader or their town, when the guide is sorted by distance.
    #[prop(default = None)]
    distance_km: Option<f64>,
    /// Show "Open now · closes at …" when the hours are known.
    #[prop(optional)]
    status: bool,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let link = view! { <a class="card__link" href=urls::site(lang, &summary.slug)>{summary.name.clone()}</a> };
    let heading = if level == 3 {
        view! { <h3 class="card__title">{link}</h3> }.into_any()
    } else {
        view! { <h2 class="card__title">{link}</h2> }.into_any()
    };
    view! {
        <article class="card site-card">
            <div class="card__media">
                <Picture image=summary.image wide=true sizes=sizes::CARD/>
            </div>
            <div class="card__body">
                <p class="card__category">{summary.section.name}</p>
                {heading}
                <p class="card__lead">{summary.summary}</p>
                <p class="card__meta">
                    {summary.region.name}
                    {distance_km.map(|km| {
                        let km = format!("{km:.1}");
                        view! { " · " <span class="card__distance">{portal_i18n::fill(t.near_km_away, &[("km", &km)])}</span> }
                    })}
                </p>
                {summary.opening.filter(|_| status).map(|hours| view! { <OpeningStatus hours class="card__status"/> })}
            </div>
        </article>
    }
}
