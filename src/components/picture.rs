//! Content images: true dimensions (no layout shift), alt text, and a
//! figure with caption and credit when the content has them.
//!
//! A photograph is a `<picture>`: AVIF, then WebP, then the JPEG `<img>`,
//! each with every width the publisher made and the `sizes` of the place it
//! is shown in, so the browser fetches the smallest file that is sharp on
//! the reader's screen. Its blurred placeholder (a data URI; the CSP allows
//! `data:` images) sits under it in the reserved box until it arrives.

use leptos::prelude::*;
use portal_contract::photo::{Crop, Encoding};
use portal_contract::Image;

use crate::api::use_api;

/// How wide an image is shown, as the `sizes` attribute says it: one per
/// place in the layout (style/main.css), widest viewport first.
pub mod sizes {
    /// A card in the grid: 17rem columns at least, three across a full
    /// page (75rem with its padding, about 23rem each).
    pub const CARD: &str =
        "(min-width: 75rem) 23rem, (min-width: 58rem) 31vw, (min-width: 38rem) 50vw, 100vw";
    /// The lead story's card: three fifths of the page.
    pub const LEAD: &str = "(min-width: 75rem) 43rem, (min-width: 48rem) 60vw, 100vw";
    /// The full width of the page (a site's first picture).
    pub const PAGE: &str = "(min-width: 75rem) 71rem, 100vw";
    /// A hero or an image in an article's column (48rem at most).
    pub const COLUMN: &str = "(min-width: 50rem) 48rem, 100vw";
    /// A gallery's thumbnail after the first (10rem columns at least).
    pub const THUMB: &str = "(min-width: 50rem) 12rem, 50vw";
    /// The lightbox: the whole viewport.
    pub const LIGHTBOX: &str = "100vw";
}

/// An image. `eager` for the one image that is likely the largest paint of
/// the view (hero of an article or lead story). `wide`: a photograph's 16:9
/// crop around its focal point (cards), else the whole picture.
#[component]
pub fn Picture(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] wide: bool,
    #[prop(default = sizes::COLUMN)] sizes: &'static str,
) -> impl IntoView {
    let api = use_api();
    let loading = if eager { "eager" } else { "lazy" };
    // The eager image is the view's largest paint: decoded before the
    // frame that shows it, so when the app takes over a prerendered page
    // the photo does not give way to its placeholder for a frame.
    let decoding = if eager { "sync" } else { "async" };
    let fetchpriority = eager.then_some("high");
    let Some(photo) = image.photo else {
        return view! {
            <img
                src=api.url(&image.src)
                alt=image.alt
                width=image.width
                height=image.height
                loading=loading
                decoding=decoding
                fetchpriority=fetchpriority
            />
        }
        .into_any();
    };
    let crop = if wide { Crop::Wide } else { Crop::Whole };
    let (width, height) = match crop {
        // The crop is 16:9 whatever the source; its box is reserved so.
        Crop::Wide => {
            let width = photo.wide_widths.last().copied().unwrap_or(1600);
            (width, width * 9 / 16)
        }
        Crop::Whole => (image.width, image.height),
    };
    let srcset = |encoding| photo.srcset(crop, encoding, |path| api.url(path));
    view! {
        <span class="photo">
            // An SVG, not a second <img>: the page keeps one image per
            // picture for assistive technology, tests and crawlers.
            <svg class="photo__placeholder" aria-hidden="true" focusable="false">
                <image href=photo.placeholder.clone() width="100%" height="100%" preserveAspectRatio="xMidYMid slice"></image>
            </svg>
            <picture>
                <source type=Encoding::Avif.mime() srcset=srcset(Encoding::Avif) sizes=sizes/>
                <source type=Encoding::WebP.mime() srcset=srcset(Encoding::WebP) sizes=sizes/>
                <img
                    src=api.url(&photo.fallback(crop))
                    srcset=srcset(Encoding::Jpeg)
                    sizes=sizes
                    alt=image.alt
                    width=width
                    height=height
                    loading=loading
                    decoding=decoding
                    fetchpriority=fetchpriority
                />
            </picture>
        </span>
    }
    .into_any()
}

/// `<figure>` with the image, its caption and its credit (with a
/// photograph's licence).
#[component]
pub fn Figure(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let caption = image.caption.clone();
    let credit = credit_line(&image);
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

/// The credit as shown: a photograph's with its licence ("Photo: A. B. ·
/// CC BY 4.0").
pub fn credit_line(image: &Image) -> Option<String> {
    let licence = image.photo.as_ref().map(|photo| photo.licence.as_str());
    match (image.credit.as_deref(), licence) {
        (Some(credit), Some(licence)) if !licence.is_empty() => {
            Some(format!("{credit} · {licence}"))
        }
        (Some(credit), _) => Some(credit.to_string()),
        (None, Some(licence)) if !licence.is_empty() => Some(licence.to_string()),
        (None, _) => None,
    }
}
