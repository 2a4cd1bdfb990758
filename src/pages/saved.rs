//! `/{lang}/saved`: the articles, places and events saved on this device,
//! in three groups, with the places and events ready to take along (GPX,
//! KML, iCalendar). It needs no network: the list comes from local storage,
//! the documents and images from the service worker's saved cache when they
//! are opened.

use leptos::prelude::*;
use portal_i18n::dates::format_event_when;

use crate::components::export_files::{ExportFile, ExportPlaces};
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::picture::{sizes, Picture};
use crate::i18n::{texts_untracked, use_lang, use_texts};
use crate::saved::take_along::{events_file, groups, PlaceEntry, SavedEvent};
use crate::saved::{use_saved, SavedItem};

#[component]
pub fn SavedPage() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let saved = use_saved();
    // Regrouped when the list changes (another tab, a removal); "over" is
    // read at that moment, which is as fresh as a list page needs.
    let grouped = Memo::new(move |_| groups(&saved.items(), crate::clock::now_unix_seconds()));
    let places = Signal::derive(move || {
        grouped.with(|g| g.places.iter().filter_map(PlaceEntry::from_saved).collect())
    });
    let places_name = Signal::derive(move || t().export_saved_places_name.to_string());
    let make_ics = Callback::new(move |()| {
        let origin = crate::page_url::origin().unwrap_or_default();
        grouped.with_untracked(|g| {
            events_file(
                t().export_saved_events_name,
                &g.events,
                &origin,
                crate::clock::now_unix_seconds(),
            )
        })
    });
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
            {move || grouped.with(|g| g.articles.is_empty() && g.places.is_empty() && g.events.is_empty())
                .then(|| view! { <p class="empty">{t().saved_empty}</p> })}
            {move || {
                let articles = grouped.with(|g| g.articles.clone());
                (!articles.is_empty()).then(|| view! {
                    <section class="saved__group" aria-labelledby="saved-articles">
                        <h2 id="saved-articles">{t().saved_articles}</h2>
                        <div class="card-grid">
                            {articles.into_iter().map(|item| view! { <SavedCard item/> }).collect_view()}
                        </div>
                    </section>
                })
            }}
            {move || {
                let items = grouped.with(|g| g.places.clone());
                (!items.is_empty()).then(|| view! {
                    <section class="saved__group" aria-labelledby="saved-places">
                        <h2 id="saved-places">{t().saved_places}</h2>
                        <div class="card-grid">
                            {items.into_iter().map(|item| view! { <SavedCard item/> }).collect_view()}
                        </div>
                        <ExportPlaces places title=places_name file_stem="portal-saved-places" id="saved-places-export"/>
                    </section>
                })
            }}
            {move || {
                let events = grouped.with(|g| g.events.clone());
                (!events.is_empty()).then(|| view! {
                    <section class="saved__group" aria-labelledby="saved-events">
                        <h2 id="saved-events">{t().saved_events}</h2>
                        <div class="card-grid">
                            {events.into_iter().map(|SavedEvent { item, past }| view! { <SavedCard item past/> }).collect_view()}
                        </div>
                        <ExportFile
                            label=Signal::derive(move || t().export_ics)
                            file_name="portal-saved-events.ics"
                            media_type="text/calendar"
                            make=make_ics
                        />
                    </section>
                })
            }}
        </div>
    }
}

/// A card like the feed's, with a Remove button; an entry saved in another
/// language is marked as such (lang, hreflang). Events show when they are,
/// and "over" once they are.
#[component]
fn SavedCard(item: SavedItem, #[prop(optional)] past: bool) -> impl IntoView {
    let t = texts_untracked();
    let saved = use_saved();
    let current = use_lang().get_untracked();
    let other_lang = (item.lang != current).then_some(item.lang.code());
    // The card is in the entry's language; its UI words are in the page's.
    let page_lang = other_lang.map(|_| current.code());
    let href = item.href();
    let key = item.key();
    let when = item
        .when
        .as_ref()
        .map(|when| format_event_when(item.lang, &when.starts, &when.ends, when.all_day));
    view! {
        <article class="card" class:card--past=past lang=other_lang>
            <div class="card__media">
                <Picture image=item.hero wide=true sizes=sizes::CARD/>
            </div>
            <div class="card__body">
                <p class="card__category">
                    {item.category}
                    {past.then(|| view! { " · " <span class="card__past" lang=page_lang>{t.saved_event_past}</span> })}
                </p>
                <h3 class="card__title">
                    <a class="card__link" href=href hreflang=other_lang>{item.title.clone()}</a>
                </h3>
                {when.map(|when| view! { <p class="card__when">{when}</p> })}
                <p class="card__lead">{item.lead}</p>
                <p class="card__actions">
                    <button
                        type="button"
                        class="button button--secondary"
                        lang=page_lang
                        on:click=move |_| saved.remove(&key)
                    >
                        {t.saved_remove_item}
                        <span class="visually-hidden" lang=other_lang>": " {item.title.clone()}</span>
                    </button>
                </p>
            </div>
        </article>
    }
}
