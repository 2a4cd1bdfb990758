//! Builds the real content/ of the repository and checks a few invariants of
//! the result. When a content file is rejected, the failure lists every
//! problem as `path:line: reason`.

use std::collections::BTreeSet;
use std::path::PathBuf;

mod support;

use portal_contract::{paths, Article, CategoryList, Lang, NewsPage, UpcomingEvents};
use portal_publisher::build::{build_site, BuildError, Site};
use portal_search::{search, DocKind, SearchIndex};

/// The repository's content/, or `PORTAL_CONTENT_DIR` when set (to try
/// the checks on a copy).
fn content_dir() -> PathBuf {
    match std::env::var_os("PORTAL_CONTENT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content"),
    }
}

fn build() -> Site {
    match build_site(&content_dir()) {
        Ok(site) => site,
        Err(BuildError::Content(errors)) => {
            let lines: Vec<String> = errors.iter().map(|e| format!("  content/{e}")).collect();
            panic!(
                "content/ has {} problem(s):\n{}",
                errors.len(),
                lines.join("\n")
            );
        }
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn doc<T: serde::de::DeserializeOwned>(site: &Site, path: &str) -> T {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    serde_json::from_slice(bytes).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn sample_content_builds_with_sound_invariants() {
    let site = build();

    for lang in Lang::ALL {
        let first: NewsPage = doc(&site, &paths::news_page(lang, 1));
        let categories: CategoryList = doc(&site, &paths::categories(lang));
        assert!(!categories.categories.is_empty());

        // Every summary on every feed page points at an article document.
        let mut feed_paths = Vec::new();
        for page in 1..=first.total_pages {
            feed_paths.push(paths::news_page(lang, page));
        }
        for category in &categories.categories {
            let page_one: NewsPage =
                doc(&site, &paths::news_category_page(lang, &category.slug, 1));
            assert_eq!(
                page_one.total_items, category.count,
                "{lang}/{}",
                category.slug
            );
            for page in 1..=page_one.total_pages {
                feed_paths.push(paths::news_category_page(lang, &category.slug, page));
            }
        }
        let mut feed_slugs = BTreeSet::new();
        for path in &feed_paths {
            let page: NewsPage = doc(&site, path);
            for summary in &page.items {
                let article: Article = doc(&site, &paths::article(lang, &summary.slug));
                assert_eq!(article.title, summary.title, "{path}");
                feed_slugs.insert(summary.slug.clone());
            }
        }
        assert_eq!(feed_slugs.len() as u32, first.total_items, "{lang}");

        for slug in &feed_slugs {
            let article: Article = doc(&site, &paths::article(lang, slug));
            assert!(
                article.related.iter().all(|related| related.slug != *slug),
                "{lang}/{slug} lists itself as related"
            );
            assert!(article.translations.contains(&lang));
            assert!(article.translations.contains(&Lang::En));
            for other in &article.translations {
                doc::<Article>(&site, &paths::article(*other, slug));
            }
        }
    }

    let en: NewsPage = doc(&site, &paths::news_page(Lang::En, 1));
    assert!(
        en.total_items >= 36,
        "English has {} articles; at least 36 expected",
        en.total_items
    );
    let en_categories: CategoryList = doc(&site, &paths::categories(Lang::En));
    let used = en_categories
        .categories
        .iter()
        .filter(|category| category.count > 0)
        .count();
    assert!(
        used >= 6,
        "English articles use {used} categories; at least 6 expected"
    );
}

#[test]
fn sample_search_indexes_find_every_article_by_its_title() {
    let site = build();
    for lang in Lang::ALL {
        let index: SearchIndex = support::published_search_index(&site.files, lang);
        let feed: NewsPage = doc(&site, &paths::news_page(lang, 1));
        let news = index.docs().iter().filter(|d| d.kind == DocKind::News);
        assert_eq!(news.count() as u32, feed.total_items, "{lang}");
        for page in 1..=feed.total_pages {
            let page: NewsPage = doc(&site, &paths::news_page(lang, page));
            for summary in &page.items {
                let hits = search(&index, &summary.title, 5);
                let slugs: Vec<&str> = hits
                    .iter()
                    .map(|hit| index.docs()[hit.doc].slug.as_str())
                    .collect();
                assert_eq!(
                    slugs.first(),
                    Some(&summary.slug.as_str()),
                    "{lang}: {}",
                    summary.title
                );
            }
        }
        // Every upcoming event is in the index too.
        let upcoming: UpcomingEvents = doc(&site, &paths::events_upcoming(lang));
        for event in &upcoming.items {
            assert!(
                index
                    .docs()
                    .iter()
                    .any(|d| d.kind == DocKind::Event && d.slug == event.slug),
                "{lang}: {}",
                event.slug
            );
        }
    }
}

/// The sample's sunset photograph came from a phone-like file: stored on its
/// side with EXIF orientation 6, a GPS position and a camera serial number
/// (`content/media/hilltop-sunset.jpg`). Readers get it upright and none of
/// that reaches any published byte; no editor's file is published as it is.
#[test]
fn sample_photographs_are_published_upright_without_their_metadata() {
    let source = std::fs::read(content_dir().join("media/hilltop-sunset.jpg")).unwrap();
    let contains =
        |haystack: &[u8], needle: &[u8]| haystack.windows(needle.len()).any(|w| w == needle);
    assert!(
        contains(&source, b"TEST12345"),
        "the source carries a serial number"
    );
    assert!(contains(&source, b"Exif\0\0"), "the source carries EXIF");

    let site = build();
    let article: Article = doc(
        &site,
        "en/news/minsk-planetarium-orionid-meteor-evenings.json",
    );
    let photo = article
        .hero
        .photo
        .as_ref()
        .expect("the hero is a photograph");
    // Stored 1600×2400, shown 2400×1600.
    assert_eq!((article.hero.width, article.hero.height), (2400, 1600));
    assert_eq!(
        article.hero.credit.as_deref(),
        Some("Photo: Aitzol Berasategi")
    );
    assert_eq!(photo.licence, "CC BY 4.0");
    let mut renditions = 0;
    for (path, bytes) in &site.files {
        assert!(
            !contains(bytes, b"TEST12345"),
            "{path} carries the camera serial"
        );
        if path.starts_with("media/") {
            assert!(!contains(bytes, b"Exif\0\0"), "{path} carries EXIF");
            assert!(
                !path.ends_with("hilltop-sunset.jpg") && !path.ends_with(".toml"),
                "{path}: an editor's file is published"
            );
        }
        if path.starts_with(&format!("{}/", photo.base)) {
            renditions += 1;
        }
    }
    // Three encodings of every width of both crops, and the link preview.
    assert_eq!(
        renditions,
        3 * (photo.widths.len() + photo.wide_widths.len()) + 1
    );
    let jpeg = &site.files[&photo.fallback(portal_contract::photo::Crop::Whole)];
    assert_eq!(jpeg_size(jpeg), (1280, 853), "upright");
}

/// Width and height from a JPEG's start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> (u16, u16) {
    let mut at = 2;
    while at + 9 < bytes.len() {
        let marker = bytes[at + 1];
        let length = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let height = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
            let width = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
            return (width, height);
        }
        at += 2 + length;
    }
    panic!("no frame header")
}
