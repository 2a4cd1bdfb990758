//! Components in a real browser (wasm-bindgen-test, headless Chromium):
//! run with `cargo test -p portal --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use portal::api::ApiError;
use portal::components::article_body::ArticleBody;
use portal::components::error_view::ErrorView;
use portal_contract::{Block, Image, Inline};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

fn select_all(root: &web_sys::HtmlElement, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn text(s: &str) -> Inline {
    Inline::text(s)
}

fn every_block_type() -> Vec<Block> {
    vec![
        Block::Paragraph {
            content: vec![
                text("Plain, "),
                Inline::Emphasis {
                    children: vec![text("emphasis")],
                },
                text(", "),
                Inline::Strong {
                    children: vec![text("strong")],
                },
                text(", "),
                Inline::Link {
                    href: "https://example.org/".into(),
                    children: vec![text("a link")],
                },
                Inline::LineBreak,
                text("<script>alert(1)</script>"),
            ],
        },
        Block::Heading {
            level: 2,
            content: vec![text("Second level")],
        },
        Block::Heading {
            level: 3,
            content: vec![text("Third level")],
        },
        Block::Heading {
            level: 1,
            content: vec![text("Demoted")],
        },
        Block::Quote {
            paragraphs: vec![vec![text("First quoted.")], vec![text("Second quoted.")]],
            attribution: Some("Alena K., curator".into()),
        },
        Block::List {
            ordered: true,
            items: vec![vec![text("one")], vec![text("two")]],
        },
        Block::List {
            ordered: false,
            items: vec![vec![text("apple")], vec![text("pear")], vec![text("plum")]],
        },
        Block::Image {
            image: Image {
                src: "media/castle-mir.svg".into(),
                width: 1200,
                height: 675,
                alt: "A red-brick castle".into(),
                caption: Some("Mir Castle".into()),
                credit: Some("Illustration: Portal".into()),
                photo: None,
            },
        },
        Block::Paragraph {
            content: vec![Inline::Link {
                href: "javascript:alert(1)".into(),
                children: vec![text("unsafe")],
            }],
        },
    ]
}

#[wasm_bindgen_test]
fn article_body_renders_every_block_type() {
    let root = mount(|| view! { <ArticleBody blocks=every_block_type()/> });

    let first = root.query_selector(".prose > p").unwrap().unwrap();
    assert_eq!(
        first
            .query_selector("em")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "emphasis"
    );
    assert_eq!(
        first
            .query_selector("strong")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "strong"
    );
    let link = first.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/")
    );
    assert_eq!(link.text_content().unwrap(), "a link");
    assert!(first.query_selector("br").unwrap().is_some());
    // Markup in content is text, never elements.
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(first
        .text_content()
        .unwrap()
        .contains("<script>alert(1)</script>"));

    assert_eq!(text_of(&root, "h2"), "Second level");
    let h3s: Vec<String> = select_all(&root, "h3")
        .iter()
        .filter_map(|h| h.text_content())
        .collect();
    assert_eq!(h3s, ["Third level", "Demoted"]);
    assert!(
        root.query_selector("h1").unwrap().is_none(),
        "a body can never add an h1"
    );

    assert_eq!(select_all(&root, "figure.quote blockquote p").len(), 2);
    assert!(text_of(&root, "figure.quote figcaption").contains("Alena K., curator"));

    assert_eq!(select_all(&root, "ol > li").len(), 2);
    assert_eq!(select_all(&root, "ul > li").len(), 3);

    let img = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(img.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("675"));
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("A red-brick castle")
    );
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("/api/v1/media/castle-mir.svg")
    );
    assert!(text_of(&root, "figure.figure figcaption").contains("Mir Castle"));
    assert!(text_of(&root, "figure.figure figcaption").contains("Illustration: Portal"));

    // An unsafe link keeps its words and loses its target.
    assert!(select_all(&root, "a")
        .iter()
        .all(|a| a.get_attribute("href").as_deref() != Some("javascript:alert(1)")));
    assert!(root.text_content().unwrap().contains("unsafe"));
}

#[wasm_bindgen_test]
fn error_view_renders_each_error_kind() {
    let cases = [
        (ApiError::NotFound, "does not exist", None),
        (
            ApiError::Network("TypeError: Failed to fetch".into()),
            "could not reach the server",
            Some("Failed to fetch"),
        ),
        (ApiError::Timeout, "took too long", Some("8000 ms")),
        (ApiError::Status(503), "status 503", Some("HTTP 503")),
        (
            ApiError::Decode("expected value at line 1".into()),
            "could not read",
            Some("expected value at line 1"),
        ),
    ];
    for (error, message, detail) in cases {
        let retries = RwSignal::new(0);
        let root = mount(
            move || view! { <ErrorView error=error on_retry=move || retries.update(|n| *n += 1)/> },
        );
        let alert = root
            .query_selector("[role=alert]")
            .unwrap()
            .expect("an alert");
        assert!(alert.text_content().unwrap().contains(message), "{message}");
        match detail {
            Some(detail) => assert!(text_of(&root, "details code").contains(detail), "{detail}"),
            None => assert!(root.query_selector("details").unwrap().is_none()),
        }
        let button: web_sys::HtmlElement = root
            .query_selector("button")
            .unwrap()
            .unwrap()
            .unchecked_into();
        assert_eq!(button.text_content().unwrap(), "Try again");
        button.click();
        button.click();
        assert_eq!(retries.get_untracked(), 2, "Retry calls back every time");
    }
}

// ---------- the saved list in local storage ----------

const SAVED_ENTRY: &str = r#"{"slug":"mir-castle","lang":"en","title":"Mir","lead":"Lead","category":"Culture","hero":{"src":"media/a.svg","width":1200,"height":675,"alt":"A castle"},"urls":["/api/v1/en/news/mir-castle.json"],"saved_at":1.0}"#;

#[wasm_bindgen_test]
fn saved_list_is_read_entry_by_entry_and_keeps_what_it_cannot_read() {
    use portal::saved::{parse, serialize};
    // A future version's entry, a damaged one, and an impossible slug sit
    // between two readable entries: those two are read, the rest kept.
    let future = r#"{"kind":"site","slug":"nesvizh","v":2}"#;
    let bad_slug = SAVED_ENTRY.replace("mir-castle\",\"lang", "../x\",\"lang");
    let second = SAVED_ENTRY.replace("mir-castle", "brest-fortress");
    let stored = format!("[{SAVED_ENTRY},{future},42,{bad_slug},{second}]");
    let list = parse(&stored);
    let slugs: Vec<&str> = list.items.iter().map(|item| item.slug.as_str()).collect();
    assert_eq!(slugs, ["mir-castle", "brest-fortress"]);
    assert_eq!(
        list.unreadable,
        vec![future.to_string(), "42".to_string(), bad_slug]
    );
    assert_eq!(list.damaged, None);

    // Written back, nothing is lost, and it reads the same again.
    let written = serialize(&list.items, &list.unreadable).unwrap();
    assert_eq!(parse(&written), list);
}

#[wasm_bindgen_test]
fn a_stored_value_that_is_not_a_list_is_kept_whole() {
    use portal::saved::parse;
    for stored in ["{not json", "{\"a\":1}", "null", ""] {
        let list = parse(stored);
        assert!(list.items.is_empty(), "{stored}");
        assert!(list.unreadable.is_empty(), "{stored}");
        assert_eq!(list.damaged.as_deref(), Some(stored));
    }
    assert_eq!(parse("[]").damaged, None);
}
