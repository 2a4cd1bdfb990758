//! A successful build of a small fixture: the tree's shape, its documents
//! and the replacement of an earlier output.

mod support;

use std::fs;

use portal_contract::{paths, Article, Block, CategoryList, Lang, NewsPage};
use support::{article, list_names, list_tree, Fixture};

fn read<T: serde::de::DeserializeOwned>(fixture: &Fixture, path: &str) -> T {
    let text = fs::read_to_string(fixture.out().join(path))
        .unwrap_or_else(|error| panic!("{path}: {error}"));
    assert!(!text.contains('\n'), "{path} should be compact JSON");
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// `mir-castle` (culture, en + ru) and 13 English sport articles, one a day.
fn fixture() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "news/mir-castle/en.md",
        &article("Mir Castle", "culture", "2026-10-14T09:30:00+03:00").replace(
            "- two\n",
            "- two\n\n![A castle at dusk](media/castle.svg \"Mir at dusk\")\n\n> Worth the trip.\n>\n> — A visitor\n",
        ),
    );
    fixture.write(
        "news/mir-castle/ru.md",
        &article("Мирский замок", "culture", "2026-10-14T09:30:00+03:00"),
    );
    for day in 1..=13 {
        fixture.write(
            &format!("news/match-{day}/en.md"),
            &article(
                &format!("Match {day}"),
                "sport",
                &format!("2026-09-{day:02}T18:00:00+03:00"),
            ),
        );
    }
    fixture
}

#[test]
fn builds_the_whole_tree() {
    let fixture = fixture();
    fixture.existing_output();
    let run = fixture.build();
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("15 article files (en 14, ru 1, be 0)"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    // The earlier output is replaced as a whole, and nothing is left beside it.
    let files = list_tree(&fixture.out());
    assert!(!files.contains(&"en/old.json".to_string()));
    assert_eq!(list_names(&fixture.dir.path().join("site")), ["api"]);

    let mut expected = vec!["media/castle.svg".to_string(), paths::region_shapes()];
    for lang in Lang::ALL {
        expected.push(paths::categories(lang));
        expected.push(paths::news_page(lang, 1));
        for category in ["culture", "sport", "science"] {
            expected.push(paths::news_category_page(lang, category, 1));
            expected.push(paths::news_feed(lang, Some(category)));
        }
        // RSS feeds exist for every language and category, even empty.
        expected.push(paths::news_feed(lang, None));
        // No events yet: an empty calendar is still published.
        expected.push(paths::events_index(lang));
        expected.push(paths::events_upcoming(lang));
        expected.push(paths::events_calendar(lang));
        // No sites either: an empty guide index.
        expected.push(paths::sites_index(lang));
        // The search index exists in every language, even an empty one:
        // its manifest and one (empty) term shard.
        expected.push(paths::search_manifest(lang));
    }
    expected.push(paths::news_page(Lang::En, 2));
    expected.push(paths::news_category_page(Lang::En, "sport", 2));
    expected.push(paths::article(Lang::En, "mir-castle"));
    expected.push(paths::article(Lang::Ru, "mir-castle"));
    for day in 1..=13 {
        expected.push(paths::article(Lang::En, &format!("match-{day}")));
        expected.push(format!("en/news/archive/2026-09-{day:02}.json"));
    }
    // The archive: one document per day with news, its index, the years
    // with news and each year's days.
    for lang in Lang::ALL {
        expected.push(paths::news_archive(lang));
        expected.push(paths::news_archive_years(lang));
    }
    expected.push(paths::news_archive_year(Lang::En, 2026));
    expected.push(paths::news_archive_year(Lang::Ru, 2026));
    expected.push("en/news/archive/2026-10-14.json".to_string());
    expected.push("ru/news/archive/2026-10-14.json".to_string());
    // The marker that lets the next build replace this tree.
    expected.push(portal_publisher::write::MARKER.to_string());
    // Link previews: the hero's PNG and the site-wide one.
    expected.push(paths::og_preview("media/castle.svg").unwrap());
    expected.push(paths::OG_SITE_PREVIEW.to_string());
    // The search shards of each language: the term shards its manifest
    // names, and document chunks (when there are documents) in the
    // directory it names.
    for lang in Lang::ALL {
        let manifest: portal_search::ShardManifest = serde_json::from_slice(
            &fs::read(fixture.out().join(paths::search_manifest(lang))).unwrap(),
        )
        .unwrap();
        manifest.check().unwrap();
        expected.extend(
            manifest
                .files
                .iter()
                .map(|name| paths::search_terms(lang, name)),
        );
        let chunks = manifest.kinds.total().div_ceil(manifest.docs_per_chunk);
        expected.extend((0..chunks).map(|n| paths::search_docs(lang, &manifest.build, n)));
    }
    expected.sort();
    assert_eq!(files, expected);

    assert_eq!(
        fs::read(fixture.out().join("media/castle.svg")).unwrap(),
        support::CASTLE_SVG.as_bytes()
    );
}

#[test]
fn feeds_are_newest_first_and_paged() {
    let fixture = fixture();
    assert_eq!(fixture.build().code, Some(0));

    let first: NewsPage = read(&fixture, "en/news/page/1.json");
    assert_eq!(
        (
            first.page,
            first.total_pages,
            first.total_items,
            first.page_size
        ),
        (1, 2, 14, 12)
    );
    assert_eq!(first.category, None);
    assert_eq!(first.items.len(), 12);
    assert_eq!(first.items[0].slug, "mir-castle");
    assert_eq!(first.items[1].slug, "match-13");
    let second: NewsPage = read(&fixture, "en/news/page/2.json");
    let slugs: Vec<&str> = second.items.iter().map(|s| s.slug.as_str()).collect();
    assert_eq!(slugs, ["match-2", "match-1"]);

    let sport: NewsPage = read(&fixture, "en/news/category/sport/page/2.json");
    assert_eq!((sport.total_items, sport.items.len()), (13, 1));
    assert_eq!(sport.category.as_deref(), Some("sport"));

    // Empty feeds still exist.
    for path in [
        "be/news/page/1.json",
        "en/news/category/science/page/1.json",
    ] {
        let empty: NewsPage = read(&fixture, path);
        assert_eq!(
            (empty.page, empty.total_pages, empty.total_items),
            (1, 1, 0),
            "{path}"
        );
        assert!(empty.items.is_empty());
    }

    let ru: NewsPage = read(&fixture, "ru/news/page/1.json");
    assert_eq!(ru.items[0].category.name, "Культура");
    assert_eq!(ru.items[0].hero.width, 1200);
    assert_eq!(ru.items[0].hero.height, 675);
}

#[test]
fn categories_count_per_language_in_file_order() {
    let fixture = fixture();
    assert_eq!(fixture.build().code, Some(0));
    let en: CategoryList = read(&fixture, "en/categories.json");
    let got: Vec<(&str, &str, u32)> = en
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str(), c.count))
        .collect();
    assert_eq!(
        got,
        [
            ("culture", "Culture", 1),
            ("sport", "Sport", 13),
            ("science", "Science", 0)
        ]
    );
    let be: CategoryList = read(&fixture, "be/categories.json");
    assert_eq!(be.categories[2].name, "Навука");
    assert!(be.categories.iter().all(|c| c.count == 0));
}

#[test]
fn articles_carry_body_related_and_translations() {
    let fixture = fixture();
    assert_eq!(fixture.build().code, Some(0));
    let en: Article = read(&fixture, "en/news/mir-castle.json");
    assert_eq!(en.lang, Lang::En);
    assert_eq!(en.translations, [Lang::En, Lang::Ru]);
    assert_eq!(en.tags, ["test"]);
    assert_eq!(en.related.len(), 4);
    assert!(en.related.iter().all(|r| r.slug != "mir-castle"));
    // No other culture article: the closest in time come next.
    let related: Vec<&str> = en.related.iter().map(|r| r.slug.as_str()).collect();
    assert_eq!(related, ["match-13", "match-12", "match-11", "match-10"]);

    let kinds: Vec<&str> = en
        .body
        .iter()
        .map(|block| match block {
            Block::Paragraph { .. } => "paragraph",
            Block::Heading { .. } => "heading",
            Block::List { .. } => "list",
            Block::Image { .. } => "image",
            Block::Quote { .. } => "quote",
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "heading", "list", "image", "quote"]);
    let Block::Image { image } = &en.body[3] else {
        unreachable!()
    };
    assert_eq!((image.width, image.height), (1200, 675));
    assert_eq!(image.caption.as_deref(), Some("Mir at dusk"));
    let Block::Quote { attribution, .. } = &en.body[4] else {
        unreachable!()
    };
    assert_eq!(attribution.as_deref(), Some("A visitor"));

    let sport: Article = read(&fixture, "en/news/match-5.json");
    let related: Vec<&str> = sport.related.iter().map(|r| r.slug.as_str()).collect();
    assert_eq!(related, ["match-6", "match-4", "match-7", "match-3"]);
    assert_eq!(sport.translations, [Lang::En]);

    let ru: Article = read(&fixture, "ru/news/mir-castle.json");
    assert_eq!(ru.title, "Мирский замок");
    assert_eq!(ru.translations, [Lang::En, Lang::Ru]);
    assert!(ru.related.is_empty());
}

#[test]
fn the_json_is_what_the_contract_says() {
    let fixture = fixture();
    assert_eq!(fixture.build().code, Some(0));
    let text = fs::read_to_string(fixture.out().join("ru/news/mir-castle.json")).unwrap();
    assert!(
        text.starts_with(r#"{"slug":"mir-castle","lang":"ru","title":"Мирский замок""#),
        "{text}"
    );
    assert!(text.contains(r#""hero":{"src":"media/castle.svg","width":1200,"height":675,"alt":"A red-brick castle"}"#), "{text}");
    assert!(text.contains(r#"{"type":"text","text":"The first paragraph of Мирский замок, with "},{"type":"emphasis","children":[{"type":"text","text":"emphasis"}]}"#), "{text}");
    assert!(!text.contains("\"updated\""));
}

#[test]
fn usage_errors_and_schema_command() {
    let run = support::run(&["build", "--content", "x"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("needs --out"), "{}", run.stderr);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema");
    let run = support::run(&["schema", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        list_names(&out),
        [
            "article.schema.json",
            "category-list.schema.json",
            "event.schema.json",
            "events-index.schema.json",
            "events-month.schema.json",
            "events-upcoming.schema.json",
            "news-archive-year.schema.json",
            "news-archive-years.schema.json",
            "news-archive.schema.json",
            "news-day.schema.json",
            "news-page.schema.json",
            "site-index.schema.json",
            "site.schema.json"
        ]
    );
}

#[test]
fn a_missing_content_directory_is_an_error() {
    let fixture = Fixture::new();
    fixture.existing_output();
    let run = support::run(&[
        "build",
        "--content",
        fixture.dir.path().join("nope").to_str().unwrap(),
        "--out",
        fixture.out().to_str().unwrap(),
    ]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("not found"), "{}", run.stderr);
    assert_eq!(
        list_tree(&fixture.out()),
        [portal_publisher::write::MARKER, "en/old.json"]
    );
}
