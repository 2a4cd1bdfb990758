//! Unknown path, language or slug.

use leptos::prelude::*;
use portal_contract::urls;

use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::i18n::{use_lang, use_texts};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    view! {
        <PageMeta title=move || t().not_found_title.to_string() description=move || t().not_found_text.to_string()/>
        <section class="not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <PageTitle>{move || t().not_found_title}</PageTitle>
            <p>{move || t().not_found_text}</p>
            <p><a class="button" href=move || urls::home(lang.get())>{move || t().back_home}</a></p>
        </section>
    }
}
