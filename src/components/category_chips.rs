//! The category filter of the news feed: links styled as chips, the current
//! one marked for assistive technology.

use leptos::prelude::*;
use portal_contract::urls::FeedQuery;
use portal_contract::Category;

use crate::i18n::{texts_untracked, use_lang, use_texts};

#[component]
pub fn CategoryChips(
    categories: Vec<Category>,
    #[prop(into)] current: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let chip = move |slug: Option<String>, name: String| {
        let slug_for_current = slug.clone();
        let is_current = move || current.get() == slug_for_current;
        let href = move || FeedQuery::new(slug.as_deref(), 1).url(lang.get());
        view! {
            <li>
                <a
                    class="chip"
                    href=href
                    aria-current=move || is_current().then_some("page")
                >
                    {name}
                </a>
            </li>
        }
    };
    view! {
        <nav class="chips" aria-label=move || t().categories_label>
            <ul>
                {chip(None, texts_untracked().all_categories.to_string())}
                {categories
                    .into_iter()
                    .map(|category| chip(Some(category.slug), category.name))
                    .collect_view()}
            </ul>
        </nav>
    }
}
