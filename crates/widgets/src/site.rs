//! The site widget: one place of the travel guide as a card.

use portal_contract::photo::{Crop, Encoding};
use portal_contract::widgets::WidgetOptions;
use portal_contract::{paths, SiteSummary};
use portal_i18n::widget_texts;

use crate::dom::{el, El};
use crate::frame::{failure, more_link};
use crate::load::{self, LoadError};
use crate::read;

pub async fn render(options: &WidgetOptions) -> El {
    let lang = options.lang;
    let t = widget_texts(lang);
    let site: Result<SiteSummary, LoadError> = match &options.slug {
        Some(slug) => load::document(&paths::site(lang, slug), read::site_card).await,
        None => Err(LoadError::NotFound),
    };
    let site = match site {
        Ok(site) => site,
        Err(error) => return failure(options, error, t.site_missing),
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&site.name);
    }
    let image = &site.image;
    let img = el("img")
        .class("w-picture")
        .attr("src", &load::api_url(&image.src))
        .attr("alt", &image.alt)
        .attr("width", &image.width.to_string())
        .attr("height", &image.height.to_string())
        .attr("loading", "lazy");
    // A photograph: AVIF or WebP at the widths of its whole picture; the
    // picture fills the frame, whose viewport is the widget's (`100vw`).
    // The JPEG `src` for the rest.
    let picture = match &image.photo {
        None => img,
        Some(photo) => el("picture").children(
            [Encoding::Avif, Encoding::WebP]
                .into_iter()
                .map(|encoding| {
                    el("source")
                        .attr("type", encoding.mime())
                        .attr(
                            "srcset",
                            &photo.srcset(Crop::Whole, encoding, load::api_url),
                        )
                        .attr("sizes", "100vw")
                })
                .chain([img]),
        ),
    };
    let brand = crate::frame::header(lang, &site.name);
    let meta = format!("{} · {}", site.region.name, site.section.name);
    el("article").class("w-site").children([
        picture,
        brand,
        el("p").class("w-meta").text(&meta),
        el("p").class("w-summary").text(&site.summary),
        more_link(t, &options.portal_path(), t.site_more),
    ])
}
