//! Placeholders with the geometry of the final layout, shown while data
//! loads, so nothing jumps when it arrives.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// A grid of card placeholders (`count` cards; the first large when `lead`).
#[component]
pub fn CardGridSkeleton(count: usize, #[prop(optional)] lead: bool) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="card-grid" aria-busy="true">
            <p class="visually-hidden" role="status">{move || t().loading}</p>
            {(0..count)
                .map(|i| view! {
                    <div class=if lead && i == 0 { "card card--lead skeleton-card" } else { "card skeleton-card" } aria-hidden="true">
                        <div class="card__media skeleton"></div>
                        <div class="card__body">
                            <div class="skeleton skeleton--line skeleton--short"></div>
                            <div class="skeleton skeleton--title"></div>
                            <div class="skeleton skeleton--line"></div>
                            <div class="skeleton skeleton--line"></div>
                        </div>
                    </div>
                })
                .collect_view()}
        </div>
    }
}

/// An article placeholder: title, lead, hero and paragraphs.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="article" aria-busy="true">
            <p class="visually-hidden" role="status">{move || t().loading}</p>
            <div aria-hidden="true">
                <div class="skeleton skeleton--line skeleton--short"></div>
                <div class="skeleton skeleton--heading"></div>
                <div class="skeleton skeleton--line"></div>
                <div class="skeleton skeleton--hero"></div>
                {(0..5).map(|_| view! { <div class="skeleton skeleton--paragraph"></div> }).collect_view()}
            </div>
        </div>
    }
}
