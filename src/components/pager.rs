//! Numbered pager with previous/next, as links (every page has a URL).

use leptos::prelude::*;
use portal_contract::urls::{pager_items, FeedQuery, PagerItem};

use crate::i18n::{texts_untracked, use_lang};

#[component]
pub fn Pager(query: FeedQuery, total_pages: u32) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    if total_pages <= 1 {
        return ().into_any();
    }
    let current = query.page;
    let url_of = |page: u32| {
        FeedQuery {
            page,
            ..query.clone()
        }
        .url(lang)
    };
    let page_label = |page: u32| portal_i18n::fill(t.pager_page, &[("n", &page.to_string())]);

    let previous = (current > 1).then(|| {
        view! { <a class="pager__step" rel="prev" href=url_of(current - 1)>"‹ " {t.pager_previous}</a> }
    });
    let next = (current < total_pages).then(|| {
        view! { <a class="pager__step" rel="next" href=url_of(current + 1)>{t.pager_next} " ›"</a> }
    });
    let numbers = pager_items(current, total_pages)
        .into_iter()
        .map(|item| match item {
            PagerItem::Gap => view! { <li class="pager__gap" aria-hidden="true">"…"</li> }.into_any(),
            PagerItem::Page(page) if page == current => view! {
                <li><a class="pager__page" href=url_of(page) aria-current="page" aria-label=page_label(page)>{page}</a></li>
            }
            .into_any(),
            PagerItem::Page(page) => view! {
                <li><a class="pager__page" href=url_of(page) aria-label=page_label(page)>{page}</a></li>
            }
            .into_any(),
        })
        .collect_view();

    view! {
        <nav class="pager" aria-label=t.pager_label>
            {previous}
            <ul class="pager__pages">{numbers}</ul>
            {next}
            <p class="visually-hidden">
                {portal_i18n::fill(t.pager_status, &[("n", &current.to_string()), ("total", &total_pages.to_string())])}
            </p>
        </nav>
    }
    .into_any()
}
