//! Content images: true dimensions (no layout shift), alt text, and a
//! figure with caption and credit when the content has them.

use leptos::prelude::*;
use portal_contract::Image;

use crate::api::use_api;

/// A bare `<img>`. `eager` for the one image that is likely the largest
/// paint of the view (hero of an article or lead story).
#[component]
pub fn Picture(image: Image, #[prop(optional)] eager: bool) -> impl IntoView {
    let src = use_api().url(&image.src);
    view! {
        <img
            src=src
            alt=image.alt
            width=image.width
            height=image.height
            loading=if eager { "eager" } else { "lazy" }
            decoding="async"
            fetchpriority=eager.then_some("high")
        />
    }
}

/// `<figure>` with the image, its caption and its credit.
#[component]
pub fn Figure(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let caption = image.caption.clone();
    let credit = image.credit.clone();
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class=format!("figure {class}")>
            <Picture image=image eager=eager/>
            {has_caption.then(|| view! {
                <figcaption>
                    {caption.map(|c| view! { <span class="figure__caption">{c}</span> })}
                    {credit.map(|c| view! { <span class="figure__credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
