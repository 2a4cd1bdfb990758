//! Reads API documents, as parsed by the browser (`Response.json()`), into
//! the contract's types. The widget has no serde: parsing is the browser's,
//! and reading a few fields by name is far smaller than serde_json's
//! per-type code (the whole frame must stay under 40 KB brotli). A document
//! without a field the widget needs reads as `None`, which the caller
//! treats like malformed JSON. `tests/read.rs` checks every reader against
//! documents serialised from the contract types.

use js_sys::{Array, Reflect};
use portal_contract::{
    ArticleSummary, CategoryRef, EventSummary, EventsIndex, Image, MonthBucket, MonthEntry,
    NewsPage, Photo, SiteSummary, Timestamp,
};
use wasm_bindgen::JsValue;

fn field(value: &JsValue, key: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn string(value: &JsValue, key: &str) -> Option<String> {
    field(value, key)?.as_string()
}

fn number(value: &JsValue, key: &str) -> Option<f64> {
    field(value, key)?.as_f64()
}

/// A non-negative whole number that fits a `u32`.
fn count(value: &JsValue, key: &str) -> Option<u32> {
    let n = number(value, key)?;
    (n >= 0.0 && n <= f64::from(u32::MAX) && n.fract() == 0.0).then_some(n as u32)
}

/// An optional flag: absent is `false`, anything but a boolean is an error.
fn flag(value: &JsValue, key: &str) -> Option<bool> {
    match field(value, key) {
        None => Some(false),
        Some(v) => v.as_bool(),
    }
}

/// Every element of an array field, each read by `read`; `None` if the
/// field is not an array or any element does not read.
fn list<T>(value: &JsValue, key: &str, read: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
    let items = field(value, key)?;
    if !Array::is_array(&items) {
        return None;
    }
    Array::from(&items).iter().map(|item| read(&item)).collect()
}

fn timestamp(value: &JsValue, key: &str) -> Option<Timestamp> {
    Timestamp::parse(&string(value, key)?).ok()
}

fn category_ref(value: &JsValue) -> Option<CategoryRef> {
    Some(CategoryRef {
        slug: string(value, "slug")?,
        name: string(value, "name")?,
    })
}

fn image(value: &JsValue) -> Option<Image> {
    Some(Image {
        src: string(value, "src")?,
        width: count(value, "width")?,
        height: count(value, "height")?,
        alt: string(value, "alt")?,
        caption: string(value, "caption"),
        credit: string(value, "credit"),
        photo: field(value, "photo").and_then(|photo| self::photo(&photo)),
    })
}

fn photo(value: &JsValue) -> Option<Photo> {
    Some(Photo {
        base: string(value, "base")?,
        widths: list(value, "widths", |w| w.as_f64().map(|w| w as u32))?,
        wide_widths: list(value, "wide_widths", |w| w.as_f64().map(|w| w as u32))?,
        // The widget shows no placeholder; not kept.
        placeholder: String::new(),
        licence: string(value, "licence")?,
    })
}

fn article_summary(value: &JsValue) -> Option<ArticleSummary> {
    Some(ArticleSummary {
        slug: string(value, "slug")?,
        title: string(value, "title")?,
        lead: string(value, "lead")?,
        category: category_ref(&field(value, "category")?)?,
        published: timestamp(value, "published")?,
        hero: image(&field(value, "hero")?)?,
    })
}

/// `{lang}/news/page/{n}.json` and the category pages.
pub fn news_page(value: &JsValue) -> Option<NewsPage> {
    Some(NewsPage {
        page: count(value, "page")?,
        total_pages: count(value, "total_pages")?,
        total_items: count(value, "total_items")?,
        page_size: count(value, "page_size")?,
        category: string(value, "category"),
        items: list(value, "items", article_summary)?,
    })
}

fn event_summary(value: &JsValue) -> Option<EventSummary> {
    Some(EventSummary {
        slug: string(value, "slug")?,
        title: string(value, "title")?,
        summary: string(value, "summary")?,
        category: category_ref(&field(value, "category")?)?,
        region: category_ref(&field(value, "region")?)?,
        starts: timestamp(value, "starts")?,
        ends: timestamp(value, "ends")?,
        all_day: flag(value, "all_day")?,
        venue: string(value, "venue")?,
        free: flag(value, "free")?,
    })
}

/// `{lang}/events/month/{yyyy-mm}.json`.
pub fn month_bucket(value: &JsValue) -> Option<MonthBucket> {
    Some(MonthBucket {
        month: string(value, "month")?,
        items: list(value, "items", event_summary)?,
    })
}

/// `{lang}/events/index.json`, without the filter lists (the widget takes
/// its filters from the snippet).
pub fn events_index(value: &JsValue) -> Option<EventsIndex> {
    let month = |entry: &JsValue| {
        Some(MonthEntry {
            month: string(entry, "month")?,
            count: count(entry, "count")?,
            pairs: list(entry, "pairs", JsValue::as_string)?,
        })
    };
    Some(EventsIndex {
        categories: Vec::new(),
        regions: Vec::new(),
        months: list(value, "months", month)?,
    })
}

/// `{lang}/sites/{slug}.json`, read as the summary a card needs (the first
/// picture of the gallery is the card's).
pub fn site_card(value: &JsValue) -> Option<SiteSummary> {
    let gallery = list(value, "gallery", image)?;
    Some(SiteSummary {
        slug: string(value, "slug")?,
        name: string(value, "name")?,
        summary: string(value, "summary")?,
        section: category_ref(&field(value, "section")?)?,
        region: category_ref(&field(value, "region")?)?,
        lat: number(value, "lat")?,
        lon: number(value, "lon")?,
        image: gallery.into_iter().next()?,
        featured: false,
        access: Vec::new(),
        // The widget's card shows no opening status.
        opening: None,
    })
}
