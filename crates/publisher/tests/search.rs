//! The search index through the whole publisher: every article and event
//! occurrence of a language in `{lang}/search.json`, findable by the words
//! of its title, with its fields in the right places.

mod support;

use portal_calendar::Date;
use portal_contract::{paths, Lang};
use portal_publisher::build::{build_site_on, BuildError, Site};
use portal_search::{search, DocKind, SearchIndex};
use support::{article, Fixture, EVENT_CATEGORIES, REGIONS};

const ORGAN_EVENING: &str = r#"category = "concerts"
region = "grodno"
starts = "2026-12-12T19:00"

[title]
en = "Organ evening"
ru = "Органный вечер"
be = "Арганны вечар"

[summary]
en = "Bach in the cathedral."
ru = "Бах в соборе."
be = "Бах у саборы."

[venue]
name = { en = "Farny Cathedral", ru = "Фарный костёл", be = "Фарны касцёл" }
address = { en = "Soviet Square 4", ru = "Советская пл., 4", be = "Савецкая пл., 4" }
lat = 53.68
lon = 23.83

[image]
src = "media/castle.svg"
alt = { en = "Castle", ru = "Замок", be = "Замак" }
"#;

/// `mir-castle` in three languages and one event, described in English and
/// Russian only.
fn fixture() -> Fixture {
    let fixture = Fixture::new();
    let published = "2026-10-14T09:30:00+03:00";
    fixture.write(
        "news/mir-castle/ru.md",
        &article("Мирский замок", "culture", published),
    );
    fixture.write(
        "news/mir-castle/be.md",
        &article("Мірскі замак", "culture", published),
    );
    fixture.write(
        "news/bison/en.md",
        &article(
            "Bison in Belovezhskaya Pushcha",
            "science",
            "2026-10-01T10:00:00+03:00",
        ),
    );
    fixture.write("event-categories.toml", EVENT_CATEGORIES);
    fixture.write("regions.toml", REGIONS);
    fixture.write("events/organ-evening/event.toml", ORGAN_EVENING);
    fixture.write("events/organ-evening/en.md", "Toccata and fugue.\n");
    fixture.write("events/organ-evening/ru.md", "Токката и фуга.\n");
    fixture
}

fn build(fixture: &Fixture) -> Site {
    match build_site_on(&fixture.content(), Date::parse("2026-11-29").unwrap()) {
        Ok(site) => site,
        Err(BuildError::Content(errors)) => panic!("refused: {errors:#?}"),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn index(site: &Site, lang: Lang) -> SearchIndex {
    support::published_search_index(&site.files, lang)
}

fn found(index: &SearchIndex, query: &str) -> Vec<(DocKind, String)> {
    search(index, query, 10)
        .iter()
        .map(|hit| {
            let doc = &index.docs()[hit.doc];
            (doc.kind, doc.slug.clone())
        })
        .collect()
}

fn news(slug: &str) -> (DocKind, String) {
    (DocKind::News, slug.to_string())
}

fn event(slug: &str) -> (DocKind, String) {
    (DocKind::Event, slug.to_string())
}

#[test]
fn every_language_finds_its_articles_by_a_title_word() {
    let site = build(&fixture());
    for (lang, query) in [
        (Lang::En, "castle"),
        (Lang::Ru, "замок"),
        (Lang::Be, "замак"),
    ] {
        let index = index(&site, lang);
        assert_eq!(found(&index, query), [news("mir-castle")], "{lang}");
        // As typed: a prefix of the last word, any case.
        let prefix: String = query.chars().take(3).collect::<String>().to_uppercase();
        assert_eq!(
            found(&index, &prefix),
            [news("mir-castle")],
            "{lang} {prefix}"
        );
    }
    // Belarusian і meets Russian и.
    assert_eq!(
        found(&index(&site, Lang::Be), "мирски"),
        [news("mir-castle")]
    );
    // Each language holds only its own articles.
    assert!(found(&index(&site, Lang::Ru), "bison").is_empty());
    assert_eq!(
        found(&index(&site, Lang::En), "pushcha bis"),
        [news("bison")]
    );
}

#[test]
fn article_documents_and_fields() {
    let site = build(&fixture());
    let index = index(&site, Lang::Ru);
    let doc = &index.docs()[search(&index, "замок", 1)[0].doc];
    assert_eq!(doc.title, "Мирский замок");
    assert_eq!(doc.snippet, "A short lead for Мирский замок.");
    assert_eq!(doc.date.as_deref(), Some("2026-10-14"));
    // Category name and tags (meta), lead and body text (body).
    assert_eq!(found(&index, "культура"), [news("mir-castle")]);
    assert_eq!(found(&index, "test"), [news("mir-castle")]);
    assert_eq!(found(&index, "emphasis heading two"), [news("mir-castle")]);
}

#[test]
fn events_are_found_by_title_category_region_venue_and_description() {
    let site = build(&fixture());
    let ru = index(&site, Lang::Ru);
    for query in [
        "органный",
        "концерты",
        "гродненская",
        "фарный костел",
        "соборе",
        "фуга",
    ] {
        assert_eq!(found(&ru, query), [event("organ-evening")], "{query}");
    }
    let doc = &ru.docs()[search(&ru, "орган", 1)[0].doc];
    assert_eq!(doc.snippet, "Бах в соборе.");
    assert_eq!(doc.date.as_deref(), Some("2026-12-12"));
    // The Belarusian page shows the English description: its words are not
    // in the Belarusian index.
    let be = index(&site, Lang::Be);
    assert_eq!(found(&be, "касцел"), [event("organ-evening")]);
    assert!(found(&be, "toccata").is_empty());

    assert!(
        found(&ru, "замок орган").is_empty(),
        "every word must match"
    );
    let all = search(&ru, "2026", usize::MAX);
    assert_eq!(all.len(), 0, "dates are not text");
}

#[test]
fn an_empty_language_has_an_empty_index() {
    let fixture = Fixture::new();
    let site = build(&fixture);
    let be = index(&site, Lang::Be);
    assert!(be.docs().is_empty() && be.terms().is_empty());
    let manifest = std::str::from_utf8(&site.files[&paths::search_manifest(Lang::Be)]).unwrap();
    assert!(
        manifest.contains(r#""kinds":{"news":0,"events":0,"sites":0}"#),
        "{manifest}"
    );
    let shards: Vec<&String> = site
        .files
        .keys()
        .filter(|path| path.starts_with("be/search/"))
        .collect();
    assert_eq!(
        shards.len(),
        2,
        "the manifest and one empty term shard: {shards:?}"
    );
}
