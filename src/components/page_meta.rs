//! Per-view `<title>`, description and Open Graph text. The preview image,
//! canonical link and JSON-LD are written into the prerendered page
//! (crates/prerender/src/head.rs), where link-preview crawlers read them.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::use_lang;

/// `title` and `description` are signals: a view whose title follows its
/// state (the events month, the feed's category) passes a closure, and the
/// tags follow without the view rebuilding them.
#[component]
pub fn PageMeta(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] description: Signal<String>,
    /// `article` for articles; `website` otherwise.
    #[prop(optional)]
    article: bool,
) -> impl IntoView {
    let lang = use_lang();
    let full_title = move || {
        let title = title.get();
        let site = portal_i18n::texts(lang.get()).site_name;
        if title == site {
            title
        } else {
            format!("{title} — {site}")
        }
    };
    let page_url = crate::page_url::href();
    let locale = move || lang.get().og_locale();
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content=if article { "article" } else { "website" }/>
        <Meta property="og:locale" content=locale/>
        {page_url.map(|url| view! { <Meta property="og:url" content=url/> })}
    }
}
