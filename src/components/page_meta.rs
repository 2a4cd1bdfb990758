//! Per-view `<title>`, description and Open Graph text. The preview image,
//! canonical link and JSON-LD are written into the prerendered page
//! (crates/prerender/src/head.rs), where link-preview crawlers read them.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::{texts_untracked, use_lang};

#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// `article` for articles; `website` otherwise.
    #[prop(optional)]
    article: bool,
) -> impl IntoView {
    let lang = use_lang();
    let site = texts_untracked().site_name;
    let full_title = if title == site {
        title.clone()
    } else {
        format!("{title} — {site}")
    };
    let page_url = crate::page_url::href();
    let locale = move || match lang.get() {
        portal_contract::Lang::En => "en_GB",
        portal_contract::Lang::Ru => "ru_BY",
        portal_contract::Lang::Be => "be_BY",
    };
    view! {
        <Title text=full_title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content=if article { "article" } else { "website" }/>
        <Meta property="og:locale" content=locale/>
        {page_url.map(|url| view! { <Meta property="og:url" content=url/> })}
    }
}
