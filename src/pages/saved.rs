//! `/{lang}/saved`: the articles saved on this device. It needs no network:
//! the list comes from local storage, the articles and images from the
//! service worker's saved cache when they are opened.

use leptos::prelude::*;
use portal_contract::urls;

use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::picture::{sizes, Picture};
use crate::i18n::{use_lang, use_texts};
use crate::saved::{use_saved, SavedItem};

#[component]
pub fn SavedPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let saved = use_saved();
    view! {
        <PageMeta title=move || t().saved_title.to_string() description=move || t().saved_description.to_string()/>
        <div class="saved">
            <PageTitle>{move || t().saved_title}</PageTitle>
            <p class="saved__intro">{move || t().saved_description}</p>
            {move || match saved.unreadable_count() {
                0 => None,
                n => Some(view! {
                    <p class="notice" role="status">{t().saved_unreadable.format(lang.get(), n as u64)}</p>
                }),
            }}
            {move || {
                let items = saved.items();
                if items.is_empty() {
                    view! { <p class="empty">{t().saved_empty}</p> }.into_any()
                } else {
                    view! {
                        <div class="card-grid">
                            {items.into_iter().map(|item| view! { <SavedCard item/> }).collect_view()}
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// A card like the feed's, with a Remove button; an article saved in
/// another language is marked as such (lang, hreflang).
#[component]
fn SavedCard(item: SavedItem) -> impl IntoView {
    let t = use_texts();
    let saved = use_saved();
    let current = use_lang().get_untracked();
    let other_lang = (item.lang != current).then_some(item.lang.code());
    let href = urls::article(item.lang, &item.slug);
    let (lang, slug) = (item.lang, item.slug.clone());
    view! {
        <article class="card" lang=other_lang>
            <div class="card__media">
                <Picture image=item.hero wide=true sizes=sizes::CARD/>
            </div>
            <div class="card__body">
                <p class="card__category">{item.category}</p>
                <h2 class="card__title">
                    <a class="card__link" href=href hreflang=other_lang>{item.title.clone()}</a>
                </h2>
                <p class="card__lead">{item.lead}</p>
                <p class="card__actions">
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| saved.remove(lang, &slug)
                    >
                        {move || t().saved_remove_item}
                        <span class="visually-hidden">": " {item.title.clone()}</span>
                    </button>
                </p>
            </div>
        </article>
    }
}
