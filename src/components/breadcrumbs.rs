//! Breadcrumbs: home › section › here.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// `trail` is (label, href) from the top; `here` is the current page.
#[component]
pub fn Breadcrumbs(trail: Vec<(String, String)>, here: String) -> impl IntoView {
    let t = use_texts();
    view! {
        <nav class="breadcrumbs" aria-label=move || t().breadcrumbs_label>
            <ol>
                {trail
                    .into_iter()
                    .map(|(label, href)| view! { <li><a href=href>{label}</a></li> })
                    .collect_view()}
                <li><span aria-current="page">{here}</span></li>
            </ol>
        </nav>
    }
}
