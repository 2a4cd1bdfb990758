//! `/{lang}/search?q=…`: results across news, events and (later) sites,
//! grouped by kind with counts, best first, matched words marked. Results
//! follow the field as the reader types (debounced), and the URL follows
//! too (replacing, so Back leaves the search rather than replaying it).
//! The index is fetched on first use, never at start-up; the service worker
//! keeps it for offline use like any API document.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_contract::urls;
use portal_i18n::dates::format_day;
use portal_search::{of_kind, DocKind, KindCounts, Query, SearchIndex};
use wasm_bindgen::JsCast;

use crate::api::{use_api, ApiResource};
use crate::components::error_view::ErrorView;
use crate::components::highlighted::Highlighted;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::search_box::PAGE_FIELD_ID;
use crate::i18n::{texts_untracked, use_lang, use_texts};

/// Milliseconds of quiet typing before results and URL update.
const DEBOUNCE_MS: u64 = 200;
/// Results shown per kind.
const PER_KIND: usize = 20;

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let url_query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    let field = NodeRef::<leptos::html::Input>::new();
    let index = ApiResource::new(move || {
        let lang = lang.get();
        async move { api.search_index(lang).await }
    });

    // Back/Forward (or a link) changed the URL: show that query in the field.
    Effect::new(move |_| {
        let query = url_query.get();
        if let Some(input) = field.get_untracked() {
            if input.value() != query {
                input.set_value(&query);
            }
        }
    });
    // An empty search page puts the cursor in its field instead of on its
    // heading (see `PageTitle skip_focus`).
    let field_first = url_query.get_untracked().is_empty();
    let attached = crate::attached::use_attached();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            if field_first && attached.get() {
                let _ = input.focus();
            }
        }
    });

    let navigate = use_navigate();
    // The pending debounce, cancelled by the next keystroke and by leaving
    // the page (a timer that outlived the view would read disposed values).
    let pending = StoredValue::new(None::<TimeoutHandle>);
    on_cleanup(move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let navigate = navigate.clone();
        let fire = move || {
            pending.try_set_value(None);
            let Some(lang) = lang.try_get_untracked() else {
                return;
            };
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&urls::search(lang, &value), options);
        };
        let handle =
            set_timeout_with_handle(fire, std::time::Duration::from_millis(DEBOUNCE_MS)).ok();
        if let Some(previous) = pending
            .try_update_value(|slot| std::mem::replace(slot, handle))
            .flatten()
        {
            previous.clear();
        }
    };
    let on_submit = |ev: leptos::ev::SubmitEvent| ev.prevent_default();
    // ArrowDown from the field enters the results.
    let on_field_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "ArrowDown" {
            ev.prevent_default();
            move_focus(None, 1);
        }
    };

    view! {
        <PageMeta title=move || t().search_title.to_string() description=move || t().search_description.to_string()/>
        <div class="search">
            <PageTitle keep_focus_on_query=true skip_focus=field_first>{move || t().search_title}</PageTitle>
            <form class="search__form" role="search" on:submit=on_submit>
                <label class="visually-hidden" for=PAGE_FIELD_ID>{move || t().search_label}</label>
                <input
                    id=PAGE_FIELD_ID
                    class="search__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    placeholder=move || t().search_placeholder
                    prop:value=move || url_query.get_untracked()
                    on:input=on_input
                    on:keydown=on_field_key
                    node_ref=field
                />
            </form>
            <p class="search__hint">{move || t().search_keyboard_hint}</p>
            <Suspense fallback=|| view! { <p class="search__status" aria-busy="true">{texts_untracked().search_loading}</p> }>
                {move || Suspend::new(async move {
                    match index.await {
                        Ok(loaded) => {
                            let loaded = Arc::new(loaded);
                            view! {
                                <div class="search__results" on:keydown=on_results_key>
                                    {move || results(&loaded, &url_query.get())}
                                </div>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <ErrorView error on_retry=move || index.refetch()/> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// Up and down move between result links; Escape returns to the field.
fn on_results_key(ev: leptos::ev::KeyboardEvent) {
    let from = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            move_focus(from, 1);
        }
        "ArrowUp" => {
            ev.prevent_default();
            move_focus(from, -1);
        }
        "Escape" => {
            if let Some(field) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(PAGE_FIELD_ID))
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = field.focus();
            }
        }
        _ => {}
    }
}

/// Focuses the result link `step` away from `from` (or the first one); up
/// from the first goes back to the field.
fn move_focus(from: Option<web_sys::Element>, step: i32) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(links) = document.query_selector_all(".search-result__link") else {
        return;
    };
    let links: Vec<web_sys::HtmlElement> = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let current = from.and_then(|from| links.iter().position(|link| **link == from));
    let target = match current {
        None => Some(0),
        Some(i) => usize::try_from(i as i64 + i64::from(step)).ok(),
    };
    match target.and_then(|i| links.get(i)) {
        Some(link) => {
            let _ = link.focus();
        }
        None if step < 0 => {
            if let Some(field) = document
                .get_element_by_id(PAGE_FIELD_ID)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = field.focus();
            }
        }
        None => {}
    }
}

fn results(index: &SearchIndex, text: &str) -> AnyView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let query = Query::parse(text);
    if query.is_empty() {
        return view! { <p class="search__status">{t.search_prompt}</p> }.into_any();
    }
    let hits = query.search_all(index);
    let counts = KindCounts::of(index, &hits);
    let shown = text.trim();
    if hits.is_empty() {
        return view! {
            <div class="empty search__empty" role="status">
                <p>{portal_i18n::fill(t.search_none, &[("q", shown)])}</p>
                {suggestions(index, &query, lang)}
            </div>
        }
        .into_any();
    }
    let groups = [
        (DocKind::News, t.search_kind_news),
        (DocKind::Event, t.search_kind_events),
        (DocKind::Site, t.search_kind_sites),
    ]
    .into_iter()
    .filter(|(kind, _)| counts.get(*kind) > 0)
    .map(|(kind, name)| {
        let items = of_kind(index, &hits, kind)
            .take(PER_KIND)
            .filter_map(|hit| index.doc(hit.doc))
            .map(|doc| {
                let href = match doc.kind {
                    DocKind::News => urls::article(lang, &doc.slug),
                    DocKind::Event => urls::event(lang, &doc.slug),
                    DocKind::Site => urls::site(lang, &doc.slug),
                };
                let date = doc
                    .date
                    .as_deref()
                    .and_then(portal_calendar::Date::parse)
                    .map(|date| format_day(lang, date));
                view! {
                    <li class="search-result">
                        <a class="search-result__link" href=href>
                            <Highlighted text=doc.title.clone() ranges=query.highlight(&doc.title)/>
                        </a>
                        {date.map(|date| view! { <p class="search-result__date">{date}</p> })}
                        <p class="search-result__snippet">
                            <Highlighted text=doc.snippet.clone() ranges=query.highlight(&doc.snippet)/>
                        </p>
                    </li>
                }
            })
            .collect_view();
        let count = counts.get(kind);
        view! {
            <section class="search-group" aria-label=format!("{name}: {count}")>
                <h2 class="search-group__title">
                    {name} " " <span class="search-group__count">{count}</span>
                </h2>
                <ol class="search-group__list">{items}</ol>
            </section>
        }
    })
    .collect_view();
    view! {
        <p class="search__status" role="status">
            {portal_i18n::fill(t.search_results_for, &[("q", shown)])}
            ": "
            {t.search_count.format(lang, counts.total() as u64)}
        </p>
        {groups}
    }
    .into_any()
}

/// When nothing matches: index words that begin like the reader's last
/// word (its first three letters), as links to their own search.
fn suggestions(
    index: &SearchIndex,
    query: &Query,
    lang: portal_contract::Lang,
) -> Option<impl IntoView> {
    let t = texts_untracked();
    let last = query.tokens().last()?;
    let stem: String = last.chars().take(3).collect();
    let range = index.prefix_range(&stem);
    let words: Vec<String> = index.terms()[range]
        .iter()
        .filter(|term| term.chars().count() > 2)
        .take(6)
        .cloned()
        .collect();
    (!words.is_empty()).then(|| {
        view! {
            <p>{t.search_try}</p>
            <ul class="search__suggestions">
                {words
                    .into_iter()
                    .map(|word| view! { <li><a class="chip" href=urls::search(lang, &word)>{word.clone()}</a></li> })
                    .collect_view()}
            </ul>
        }
    })
}
