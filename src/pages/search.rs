//! `/{lang}/search?q=…`: results across news, events and (later) sites,
//! grouped by kind with counts, best first, matched words marked. Results
//! follow the field as the reader types (debounced), and the URL follows
//! too (replacing, so Back leaves the search rather than replaying it).
//! The index is sharded: the page fetches its small manifest, then only the
//! parts each query needs (`api::search`); the service worker keeps them for
//! offline use like any API document. Each group shows its first results
//! and a button for more.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_contract::urls;
use portal_i18n::dates::format_day;
use portal_search::{DocKind, KindCounts};
use wasm_bindgen::JsCast;

use crate::api::search::{self, SearchCache, SearchOutcome};
use crate::api::{use_api, ApiError, ApiResource};
use crate::components::error_view::ErrorView;
use crate::components::highlighted::Highlighted;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::search_box::PAGE_FIELD_ID;
use crate::i18n::{texts_untracked, use_lang, use_texts};

/// Milliseconds of quiet typing before results and URL update.
const DEBOUNCE_MS: u64 = 200;
/// Results shown per kind, and added by "Show more".
const PER_KIND: usize = 20;

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let url_query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    let field = NodeRef::<leptos::html::Input>::new();
    // The parts of the index fetched so far, for every query on this page.
    let cache: SearchCache = StoredValue::new(None);
    // How many of each kind to show, for the query it was asked for ("Show
    // more" of one query does not carry over to the next).
    let shown = RwSignal::new((String::new(), KindCounts::each(PER_KIND)));
    let outcome = ApiResource::new(move || {
        let lang = lang.get();
        let text = url_query.get();
        let limits = shown.with(|(query, limits)| {
            if *query == text {
                *limits
            } else {
                KindCounts::each(PER_KIND)
            }
        });
        async move { search::run(api, lang, cache, text, limits).await }
    });
    let show_more = move |kind: DocKind| {
        let text = url_query.get_untracked();
        shown.update(|(query, limits)| {
            if *query != text {
                *query = text;
                *limits = KindCounts::each(PER_KIND);
            }
            *limits = limits.with_more(kind, PER_KIND);
        });
    };
    let online = crate::pwa::use_online();

    // The query this page last put in the URL itself (see `on_input`).
    let own_query = StoredValue::new(None::<String>);
    // Back/Forward (or a link) changed the URL: show that query in the field.
    // Not for the page's own debounced update: the reader may have typed on
    // since, and those letters must stay.
    Effect::new(move |_| {
        let query = url_query.get();
        if own_query.try_with_value(|own| own.as_deref() == Some(query.as_str())) == Some(true) {
            return;
        }
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
            own_query.try_set_value(Some(value.clone()));
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
            // Transition: the previous results stay while the next query's
            // parts arrive.
            <Transition fallback=|| view! { <p class="search__status" aria-busy="true">{texts_untracked().search_loading}</p> }>
                {move || Suspend::new(async move {
                    match outcome.await {
                        Ok(found) => view! {
                            <div class="search__results" on:keydown=on_results_key>
                                {results(&found, show_more)}
                            </div>
                        }
                        .into_any(),
                        // Offline, a word whose part of the index was never
                        // fetched: say so, the words searched before still work.
                        Err(ApiError::Network(_) | ApiError::Timeout) if !online.get_untracked() => view! {
                            <p class="search__status" role="status">{move || t().search_offline}</p>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorView error on_retry=move || outcome.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
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

fn results(
    found: &SearchOutcome,
    show_more: impl Fn(DocKind) + Copy + Send + Sync + 'static,
) -> AnyView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let query = &found.query;
    if query.is_empty() {
        return view! { <p class="search__status">{t.search_prompt}</p> }.into_any();
    }
    let shown_text = found.text.as_str();
    let partial = (!found.complete).then(|| {
        let last = shown_text.split_whitespace().last().unwrap_or_default();
        view! { <p class="search__partial">{portal_i18n::fill(t.search_partial, &[("q", last)])}</p> }
    });
    if found.hits.is_empty() {
        return view! {
            <div class="empty search__empty" role="status">
                <p>{portal_i18n::fill(t.search_none, &[("q", shown_text)])}</p>
                {suggestions(&found.suggestions, lang)}
            </div>
            {partial}
        }
        .into_any();
    }
    let groups = [
        (DocKind::News, t.search_kind_news),
        (DocKind::Event, t.search_kind_events),
        (DocKind::Site, t.search_kind_sites),
    ]
    .into_iter()
    .filter(|(kind, _)| found.counts.get(*kind) > 0)
    .map(|(kind, name)| {
        let docs: Vec<_> = found
            .hits
            .iter()
            .filter_map(|hit| found.docs.get(&hit.doc))
            .filter(|doc| doc.kind == kind)
            .collect();
        let items = docs
            .iter()
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
        let count = found.counts.get(kind);
        let more = (docs.len() < count).then(|| {
            view! {
                <button type="button" class="button button--secondary search-group__more" on:click=move |_| show_more(kind)>
                    {t.search_more}
                </button>
            }
        });
        view! {
            <section class="search-group" aria-label=format!("{name}: {count}")>
                <h2 class="search-group__title">
                    {name} " " <span class="search-group__count">{count}</span>
                </h2>
                <ol class="search-group__list">{items}</ol>
                {more}
            </section>
        }
    })
    .collect_view();
    view! {
        <p class="search__status" role="status">
            {portal_i18n::fill(t.search_results_for, &[("q", shown_text)])}
            ": "
            {t.search_count.format(lang, found.counts.total() as u64)}
        </p>
        {partial}
        {groups}
    }
    .into_any()
}

/// When nothing matches: index words that begin like the reader's last
/// word (its first three letters), as links to their own search.
fn suggestions(words: &[String], lang: portal_contract::Lang) -> Option<impl IntoView> {
    let t = texts_untracked();
    (!words.is_empty()).then(|| {
        view! {
            <p>{t.search_try}</p>
            <ul class="search__suggestions">
                {words
                    .iter()
                    .map(|word| view! { <li><a class="chip" href=urls::search(lang, word)>{word.clone()}</a></li> })
                    .collect_view()}
            </ul>
        }
    })
}
