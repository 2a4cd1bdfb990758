//! The widget's JSON readers against the contract: each document is
//! serialised from the contract's own types (as the publisher writes it),
//! parsed by the browser's JSON.parse (as the frame receives it), and must
//! read back equal. Run: `cargo test -p portal-widgets --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use portal_contract::{
    ArticleSummary, CategoryRef, EventSummary, EventsIndex, Image, MonthBucket, MonthEntry,
    NewsPage, SiteSummary, Timestamp,
};
use portal_widgets::read;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parsed(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

fn cat(slug: &str) -> CategoryRef {
    CategoryRef {
        slug: slug.into(),
        name: format!("Name of {slug}"),
    }
}

fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

fn image(src: &str) -> Image {
    Image {
        src: src.into(),
        width: 1200,
        height: 800,
        alt: "A castle by a pond".into(),
        caption: None,
        credit: Some("Portal".into()),
        photo: None,
    }
}

#[wasm_bindgen_test]
fn a_photographs_renditions_are_read_without_its_placeholder() {
    let photo = portal_contract::Photo {
        base: "media/photos/lake-1a2b3c4d".into(),
        widths: vec![320, 640, 960],
        wide_widths: vec![320, 640],
        placeholder: "data:image/webp;base64,AAAA".into(),
        licence: "CC BY 4.0".into(),
    };
    let mut published = image("media/photos/lake-1a2b3c4d/960.jpg");
    published.photo = Some(photo.clone());
    // A site document as published, its card picture a photograph.
    let json = format!(
        r#"{{"slug":"lake","lang":"en","name":"Lake","summary":"Water.",
        "section":{{"slug":"nature","name":"Nature"}},"region":{{"slug":"minsk","name":"Minsk"}},
        "lat":54.0,"lon":27.0,"free":true,"body":[],"nearby":[],"gallery":[{}]}}"#,
        serde_json::to_string(&published).expect("serialise")
    );
    let card = read::site_card(&parsed(&json)).expect("a card");
    let read_photo = card.image.photo.expect("the photo is read");
    assert_eq!(read_photo.base, photo.base);
    assert_eq!(read_photo.widths, photo.widths);
    assert_eq!(read_photo.wide_widths, photo.wide_widths);
    assert_eq!(read_photo.licence, photo.licence);
    assert_eq!(read_photo.placeholder, "");
}

fn event(slug: &str, free: bool) -> EventSummary {
    EventSummary {
        slug: slug.into(),
        title: "Winter fair".into(),
        summary: "Crafts and food.".into(),
        category: cat("fairs"),
        region: cat("grodno"),
        starts: ts("2026-12-12T10:00:00+03:00"),
        ends: ts("2026-12-14T00:00:00+03:00"),
        all_day: true,
        venue: "Soviet Square".into(),
        free,
    }
}

#[wasm_bindgen_test]
fn a_news_page_reads_back_equal() {
    let page = NewsPage {
        page: 1,
        total_pages: 3,
        total_items: 30,
        page_size: 12,
        category: Some("culture".into()),
        items: vec![ArticleSummary {
            slug: "straw-birds".into(),
            title: "Straw birds \"and\" spiders".into(),
            lead: "Workshops open.".into(),
            category: cat("culture"),
            published: ts("2026-11-27T09:30:00+03:00"),
            hero: image("media/straw.svg"),
        }],
    };
    let json = serde_json::to_string(&page).unwrap();
    assert_eq!(read::news_page(&parsed(&json)), Some(page));
}

#[wasm_bindgen_test]
fn events_documents_read_back_equal() {
    let bucket = MonthBucket {
        month: "2026-12".into(),
        items: vec![event("fair", true), event("show", false)],
    };
    let json = serde_json::to_string(&bucket).unwrap();
    assert_eq!(read::month_bucket(&parsed(&json)), Some(bucket));

    let index = EventsIndex {
        categories: vec![],
        regions: vec![],
        months: vec![MonthEntry {
            month: "2026-12".into(),
            count: 2,
            pairs: vec!["fairs/grodno".into()],
        }],
    };
    let json = serde_json::to_string(&index).unwrap();
    assert_eq!(read::events_index(&parsed(&json)), Some(index));
}

#[wasm_bindgen_test]
fn a_site_reads_as_its_card() {
    let json = r#"{"slug":"mir-castle-complex","lang":"en","name":"Mir Castle","summary":"Red brick.",
        "section":{"slug":"unesco","name":"UNESCO"},"region":{"slug":"grodno","name":"Grodno Region"},
        "lat":53.45,"lon":26.47,"free":false,"body":[],"nearby":[],
        "gallery":[{"src":"media/castle-mir.svg","width":1200,"height":800,"alt":"Mir Castle"},
                   {"src":"media/other.svg","width":10,"height":10,"alt":"Other"}]}"#;
    let card = read::site_card(&parsed(json)).expect("a card");
    assert_eq!(
        card,
        SiteSummary {
            slug: "mir-castle-complex".into(),
            name: "Mir Castle".into(),
            summary: "Red brick.".into(),
            section: CategoryRef {
                slug: "unesco".into(),
                name: "UNESCO".into()
            },
            region: CategoryRef {
                slug: "grodno".into(),
                name: "Grodno Region".into()
            },
            lat: 53.45,
            lon: 26.47,
            image: Image {
                src: "media/castle-mir.svg".into(),
                width: 1200,
                height: 800,
                alt: "Mir Castle".into(),
                caption: None,
                credit: None,
                photo: None
            },
            featured: false,
            access: Vec::new(),
            opening: None,
        }
    );
}

#[wasm_bindgen_test]
fn documents_of_the_wrong_shape_read_as_none() {
    // Not an object, a missing field, a wrong type, a bad timestamp, a
    // fractional count, a non-array list, a site without pictures.
    assert_eq!(read::news_page(&parsed("[]")), None);
    assert_eq!(read::news_page(&parsed("null")), None);
    assert_eq!(read::month_bucket(&parsed(r#"{"month":"2026-12"}"#)), None);
    let mut bad = serde_json::to_value(MonthBucket {
        month: "2026-12".into(),
        items: vec![event("fair", true)],
    })
    .unwrap();
    bad["items"][0]["starts"] = "12 December".into();
    assert_eq!(read::month_bucket(&parsed(&bad.to_string())), None);
    bad["items"][0]["starts"] = "2026-12-12T10:00:00+03:00".into();
    bad["items"][0]["free"] = "yes".into();
    assert_eq!(read::month_bucket(&parsed(&bad.to_string())), None);
    assert_eq!(
        read::events_index(&parsed(
            r#"{"months":[{"month":"2026-12","count":1.5,"pairs":[]}]}"#
        )),
        None
    );
    assert_eq!(
        read::events_index(&parsed(r#"{"months":{"month":"2026-12"}}"#)),
        None
    );
    let no_pictures = r#"{"slug":"x","name":"X","summary":"","section":{"slug":"a","name":"A"},
        "region":{"slug":"b","name":"B"},"lat":1,"lon":2,"gallery":[]}"#;
    assert_eq!(read::site_card(&parsed(no_pictures)), None);
}
