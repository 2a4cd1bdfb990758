//! Per-view `<title>`, description and Open Graph text. The preview image,
//! canonical link and JSON-LD are written into the prerendered page
//! (crates/prerender/src/head.rs), where link-preview crawlers read them.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

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
    let location = use_location();
    // The head's tags outlive the view by a moment (the next view's replace
    // them): read the view's signals with `try_`, never a disposed value.
    let title = move || title.try_get().unwrap_or_default();
    let description = move || description.try_get().unwrap_or_default();
    let full_title = move || {
        let title = title();
        let site =
            portal_i18n::texts(lang.try_get().unwrap_or(portal_contract::Lang::En)).site_name;
        if title == site {
            title
        } else {
            format!("{title} — {site}")
        }
    };
    let page_url = move || {
        location.pathname.track();
        location.search.track();
        crate::page_url::href().unwrap_or_default()
    };
    let locale = move || {
        lang.try_get()
            .unwrap_or(portal_contract::Lang::En)
            .og_locale()
    };
    #[cfg(feature = "csr")]
    crate::handover::drop_prerendered_meta(&[
        "description",
        "og:title",
        "og:description",
        "og:type",
        "og:locale",
        "og:url",
    ]);
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:type" content=if article { "article" } else { "website" }/>
        <Meta property="og:locale" content=locale/>
        <Meta property="og:url" content=page_url/>
    }
}
