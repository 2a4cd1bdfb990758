//! The news RSS feeds and the per-category event calendars, read back by
//! independent parsers (`feed-rs`, `ical`) and checked against the JSON
//! documents of the same build. The build date is pinned; nothing here
//! depends on the day the tests run.

mod support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use portal_calendar::Date;
use portal_contract::{paths, urls, Article, ArticleSummary, Event, EventsIndex, Lang};
use portal_contract::{CategoryList, NewsPage};
use portal_publisher::build::{build_site_at, BuildError, Site};
use portal_publisher::news_feeds::FEED_ITEMS;
use portal_publisher::origin::PublicOrigin;
use support::{article, Fixture};

const ORIGIN: &str = "https://portal.example.by";

fn today() -> Date {
    Date::parse("2026-11-29").unwrap()
}

fn origin() -> PublicOrigin {
    PublicOrigin::parse(ORIGIN).unwrap()
}

fn build_at(content: &std::path::Path, today: Date) -> Site {
    match build_site_at(content, today, &origin()) {
        Ok(site) => site,
        Err(BuildError::Content(errors)) => panic!("refused: {errors:#?}"),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn sample() -> Site {
    build_at(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        today(),
    )
}

fn doc<T: serde::de::DeserializeOwned>(site: &Site, path: &str) -> T {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    serde_json::from_slice(bytes).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn parse_feed(site: &Site, path: &str) -> feed_rs::model::Feed {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// Every summary of a feed, newest first, from its JSON pages.
fn all_pages(site: &Site, lang: Lang, category: Option<&str>) -> Vec<ArticleSummary> {
    let first: NewsPage = doc(site, &paths::feed_page(lang, category, 1));
    (1..=first.total_pages)
        .flat_map(|page| doc::<NewsPage>(site, &paths::feed_page(lang, category, page)).items)
        .collect()
}

/// The description as a reader shows it: RSS descriptions are HTML.
fn html_to_text(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// One feed against the JSON pages of the same listing.
fn check_feed(site: &Site, lang: Lang, category: Option<&str>) {
    let path = paths::news_feed(lang, category);
    let feed = parse_feed(site, &path);
    // feed-rs forgives; a strict XML parser must accept the file too.
    let text = std::str::from_utf8(&site.files[&path]).expect("UTF-8");
    roxmltree::Document::parse(text).unwrap_or_else(|error| panic!("{path}: {error}"));
    let expected: Vec<ArticleSummary> = all_pages(site, lang, category)
        .into_iter()
        .take(FEED_ITEMS)
        .collect();

    assert_eq!(feed.feed_type, feed_rs::model::FeedType::RSS2, "{path}");
    assert_eq!(feed.language.as_deref(), Some(lang.code()), "{path}");
    let title = feed
        .title
        .as_ref()
        .expect("a channel title")
        .content
        .clone();
    assert!(
        title.contains(portal_i18n::texts(lang).site_name),
        "{path}: {title}"
    );
    assert!(feed.description.is_some(), "{path}");
    let self_link = format!("{ORIGIN}/api/v1/{path}");
    assert!(
        feed.links
            .iter()
            .any(|link| link.rel.as_deref() == Some("self") && link.href == self_link),
        "{path}: no rel=self link to {self_link}: {:?}",
        feed.links
    );
    let page = match category {
        Some(slug) => urls::FeedQuery::new(Some(slug), 1).url(lang),
        None => urls::news(lang),
    };
    assert!(
        feed.links
            .iter()
            .any(|link| link.rel.is_none() && link.href == format!("{ORIGIN}{page}")),
        "{path}: {:?}",
        feed.links
    );

    assert!(feed.entries.len() <= FEED_ITEMS, "{path}");
    assert_eq!(feed.entries.len(), expected.len(), "{path}");
    match expected.first() {
        Some(newest) => assert_eq!(
            feed.updated.map(|at| at.timestamp()),
            Some(newest.published.unix_seconds()),
            "{path}: lastBuildDate is the newest article's time"
        ),
        None => assert!(feed.updated.is_some(), "{path}"),
    }
    let mut previous = i64::MAX;
    for (entry, summary) in feed.entries.iter().zip(&expected) {
        let published = entry.published.expect("pubDate").timestamp();
        assert!(published <= previous, "{path}: not newest first");
        previous = published;
        assert_eq!(published, summary.published.unix_seconds(), "{path}");

        let link = format!("{ORIGIN}{}", urls::article(lang, &summary.slug));
        let hrefs: Vec<&str> = entry.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(hrefs, [link.as_str()], "{path}");
        assert_eq!(entry.id, link, "{path}: the guid is the article's URL");

        // The article document agrees with the feed item.
        let article: Article = doc(site, &paths::article(lang, &summary.slug));
        assert_eq!(
            entry.title.as_ref().map(|t| t.content.as_str()),
            Some(article.title.as_str()),
            "{path}"
        );
        let description = entry.summary.as_ref().expect("a description");
        assert_eq!(html_to_text(&description.content), article.lead, "{path}");
        let terms: Vec<&str> = entry.categories.iter().map(|c| c.term.as_str()).collect();
        assert_eq!(terms, [article.category.name.as_str()], "{path}");
        if let Some(slug) = category {
            assert_eq!(article.category.slug, slug, "{path}: another category");
        }

        let images: Vec<&feed_rs::model::MediaContent> =
            entry.media.iter().flat_map(|m| &m.content).collect();
        assert_eq!(images.len(), 1, "{path}: one enclosure");
        // The hero's link preview (a drawing's PNG, a photograph's JPEG),
        // with the size of the file written.
        let image = images[0];
        let preview = match &article.hero.photo {
            Some(photo) => photo.preview(),
            None => paths::og_preview(&article.hero.src)
                .unwrap_or_else(|| panic!("{path}: {} has no preview", article.hero.src)),
        };
        assert_eq!(
            image.url.as_ref().map(|url| url.as_str().to_string()),
            Some(format!("{ORIGIN}/api/v1/{preview}")),
            "{path}"
        );
        let bytes = site
            .files
            .get(&preview)
            .unwrap_or_else(|| panic!("{path}: {preview} was not written"));
        assert_eq!(image.size, Some(bytes.len() as u64), "{path}");
        let (signature, mime): (&[u8], &str) = if article.hero.photo.is_some() {
            (b"\xff\xd8\xff", "image/jpeg")
        } else {
            (b"\x89PNG\r\n\x1a\n", "image/png")
        };
        assert!(bytes.starts_with(signature), "{path}: {preview}");
        assert_eq!(
            image.content_type.as_ref().map(|t| t.to_string()),
            Some(mime.to_string()),
            "{path}"
        );
    }
}

#[test]
fn sample_feeds_read_back_and_match_the_articles() {
    let site = sample();
    let mut feeds = 0;
    for lang in Lang::ALL {
        check_feed(&site, lang, None);
        feeds += 1;
        let list: CategoryList = doc(&site, &paths::categories(lang));
        for category in &list.categories {
            check_feed(&site, lang, Some(&category.slug));
            feeds += 1;
        }
    }
    let written = site.files.keys().filter(|p| p.ends_with(".xml")).count();
    assert_eq!(
        written, feeds,
        "one feed per language and category, no more"
    );
}

/// More articles than a feed holds, titles and leads full of markup
/// characters, and one category with nothing in it.
#[test]
fn feeds_keep_the_newest_fifty_and_escape_any_text() {
    let fixture = Fixture::new();
    for i in 0..FEED_ITEMS + 5 {
        let category = if i % 2 == 0 { "sport" } else { "culture" };
        let title = format!("No. {i} & <b>bold</b> 'quoted' \\\"double\\\" ]]>");
        let published = format!(
            "2026-{:02}-{:02}T08:{:02}:00+03:00",
            1 + i / 28,
            1 + i % 28,
            i
        );
        fixture.write(
            &format!("news/story-{i}/en.md"),
            // The body is Markdown, where <b> is refused: keep it out.
            &article(&title, category, &published).replace(
                &format!("The first paragraph of {title}"),
                "The first paragraph",
            ),
        );
    }
    let site = build_at(&fixture.content(), today());
    for category in [None, Some("sport"), Some("culture"), Some("science")] {
        check_feed(&site, Lang::En, category);
    }
    let all = parse_feed(&site, &paths::news_feed(Lang::En, None));
    assert_eq!(all.entries.len(), FEED_ITEMS);
    let titles: Vec<&str> = all
        .entries
        .iter()
        .map(|entry| entry.title.as_ref().unwrap().content.as_str())
        .collect();
    assert!(titles.contains(&"No. 54 & <b>bold</b> 'quoted' \"double\" ]]>"));
    // 56 articles: the six oldest (No. 0 to 5) are left out.
    assert!(titles.iter().any(|t| t.starts_with("No. 6 ")));
    assert!(!titles.iter().any(|t| t.starts_with("No. 5 ")));
    let empty = parse_feed(&site, &paths::news_feed(Lang::En, Some("science")));
    assert!(empty.entries.is_empty());
    // Languages without articles still have their feeds.
    assert!(parse_feed(&site, &paths::news_feed(Lang::Be, None))
        .entries
        .is_empty());
}

/// The same content gives the same feed on any build date (only an empty
/// feed carries the build date, as its lastBuildDate).
#[test]
fn feeds_do_not_depend_on_the_build_date() {
    let fixture = Fixture::new();
    let one = build_at(&fixture.content(), today());
    let other = build_at(&fixture.content(), Date::parse("2027-03-01").unwrap());
    let path = paths::news_feed(Lang::En, None);
    assert_eq!(one.files[&path], other.files[&path]);
    let empty = paths::news_feed(Lang::En, Some("science"));
    let text = String::from_utf8(one.files[&empty].clone()).unwrap();
    assert!(
        text.contains("<lastBuildDate>Sun, 29 Nov 2026 00:00:00 +0000</lastBuildDate>"),
        "{text}"
    );
}

/// One iCalendar file of the build, read back with the `ical` parser.
fn parse_calendar(site: &Site, path: &str) -> ical::parser::ical::component::IcalCalendar {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    let mut parser = ical::IcalParser::new(&bytes[..]);
    let calendar = parser
        .next()
        .expect("one calendar")
        .unwrap_or_else(|error| panic!("{path}: {error}"));
    assert!(parser.next().is_none(), "{path}");
    calendar
}

fn property<'e>(
    event: &'e ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Option<&'e str> {
    let found = event.properties.iter().find(|p| p.name == name);
    found.and_then(|p| p.value.as_deref())
}

/// An event's slug from its UID.
fn uid_slug(event: &ical::parser::ical::component::IcalEvent) -> String {
    let uid = property(event, "UID").expect("a UID");
    uid.strip_suffix("@events.portal")
        .expect("our UID")
        .to_string()
}

/// Every event of every `.ics` file, read back, has the absolute URL of its
/// page in the file's language on the public origin, and every line of
/// the files is folded at 75 octets.
#[test]
fn ics_events_link_to_their_pages() {
    let site = sample();
    let mut files = 0;
    let mut events = 0;
    for (path, bytes) in &site.files {
        if !path.ends_with(".ics") {
            continue;
        }
        files += 1;
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{path}: {line:?}");
        }
        let code = path.split('/').next().unwrap_or_default();
        let lang = Lang::from_code(code).unwrap_or_else(|| panic!("{path}"));
        let calendar = parse_calendar(&site, path);
        for event in &calendar.events {
            let slug = uid_slug(event);
            assert_eq!(
                property(event, "URL"),
                Some(format!("{ORIGIN}{}", urls::event(lang, &slug)).as_str()),
                "{path}: {slug}"
            );
            events += 1;
        }
    }
    assert!(files > Lang::ALL.len() * 3, "{files} .ics files");
    assert!(events > files, "{events} events in {files} files");
}

/// Each category calendar, and each region calendar, holds exactly that
/// category's (region's) part of `calendar.ics`, read back with the `ical`
/// parser, under a name in the file's language.
#[test]
fn category_and_region_calendars_hold_only_their_share() {
    let site = sample();
    let calendar = |path: &str| parse_calendar(&site, path);
    let uids = |path: &str| -> Vec<String> {
        calendar(path)
            .events
            .iter()
            .map(|event| property(event, "UID").expect("a UID").to_string())
            .collect()
    };
    type Split = (
        fn(&EventsIndex) -> &Vec<portal_contract::Category>,
        fn(Lang, &str) -> String,
        fn(Lang, &str) -> String,
        fn(&Event) -> &str,
    );
    let splits: [(&str, Split); 2] = [
        (
            "category",
            (
                |index| &index.categories,
                paths::events_category_calendar,
                |lang, name| {
                    portal_i18n::fill(
                        portal_i18n::feed_texts(lang).events_category_calendar_name,
                        &[("category", name)],
                    )
                },
                |event| &event.category.slug,
            ),
        ),
        (
            "region",
            (
                |index| &index.regions,
                paths::events_region_calendar,
                |lang, name| {
                    portal_i18n::fill(
                        portal_i18n::feed_texts(lang).events_region_calendar_name,
                        &[("region", name)],
                    )
                },
                |event| &event.region.slug,
            ),
        ),
    ];
    for lang in Lang::ALL {
        let index: EventsIndex = doc(&site, &paths::events_index(lang));
        let everything: BTreeSet<String> =
            uids(&paths::events_calendar(lang)).into_iter().collect();
        for (what, (list, path_of, name_of, key)) in splits {
            let mut covered = BTreeSet::new();
            for entry in list(&index) {
                let path = path_of(lang, &entry.slug);
                let name = name_of(lang, &entry.name);
                assert_eq!(
                    calendar(&path)
                        .properties
                        .iter()
                        .find(|p| p.name == "X-WR-CALNAME")
                        .and_then(|p| p.value.as_deref()),
                    Some(portal_calendar::ics::escape_text(&name).as_str()),
                    "{path}: the calendar is named after its {what}"
                );
                for uid in uids(&path) {
                    let slug = uid.strip_suffix("@events.portal").expect("our UID");
                    let event: Event = doc(&site, &paths::event(lang, slug));
                    assert_eq!(key(&event), entry.slug, "{path}: {slug}");
                    assert!(everything.contains(&uid), "{path}: {slug} is not upcoming");
                    assert!(
                        covered.insert(uid.clone()),
                        "{slug} in two {what} calendars"
                    );
                }
            }
            assert_eq!(
                covered, everything,
                "{lang}: every upcoming event is in its {what}'s calendar"
            );
        }
        assert!(
            !everything.is_empty(),
            "{lang}: the sample has upcoming events"
        );
    }
}

/// `--origin` and `PORTAL_PUBLIC_ORIGIN` through the real binary.
#[test]
fn the_command_line_sets_the_origin() {
    let fixture = Fixture::new();
    let out = fixture.out();
    let run = |origin_flag: Option<&str>, origin_env: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_portal-publisher"));
        command
            .args(["build", "--content"])
            .arg(fixture.content())
            .arg("--out")
            .arg(&out)
            .env("PORTAL_BUILD_DATE", "2026-11-29")
            .env_remove("PORTAL_PUBLIC_ORIGIN");
        if let Some(flag) = origin_flag {
            command.args(["--origin", flag]);
        }
        if let Some(value) = origin_env {
            command.env("PORTAL_PUBLIC_ORIGIN", value);
        }
        let output = command.output().expect("the publisher runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let link = || {
        let text = std::fs::read_to_string(out.join("en/news/feed.xml")).unwrap();
        let feed = feed_rs::parser::parse(text.as_bytes()).unwrap();
        feed.entries[0].links[0].href.clone()
    };

    assert_eq!(
        run(
            Some("https://flag.example.by/"),
            Some("https://env.example.by")
        )
        .0,
        Some(0)
    );
    assert_eq!(link(), "https://flag.example.by/en/news/mir-castle");
    // The enclosure is a preview written beside the feed, at its length.
    let text = std::fs::read_to_string(out.join("en/news/feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(text.as_bytes()).unwrap();
    let image = &feed.entries[0].media[0].content[0];
    let url = image.url.as_ref().unwrap().as_str();
    let file = url
        .strip_prefix("https://flag.example.by/api/v1/")
        .unwrap_or_else(|| panic!("{url}"));
    assert!(
        file.starts_with("media/og/") && file.ends_with(".png"),
        "{url}"
    );
    let written = std::fs::metadata(out.join(file)).unwrap().len();
    assert_eq!(image.size, Some(written));
    assert_eq!(run(None, Some("https://env.example.by")).0, Some(0));
    assert_eq!(link(), "https://env.example.by/en/news/mir-castle");
    assert_eq!(run(None, None).0, Some(0));
    assert_eq!(link(), "http://127.0.0.1:8080/en/news/mir-castle");

    let (code, stderr) = run(Some("portal.example.by"), None);
    assert_eq!(code, Some(2), "a bad --origin is a usage mistake: {stderr}");
    assert!(stderr.contains("public origin"), "{stderr}");
    let (code, stderr) = run(None, Some("https://portal.example.by/news"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("PORTAL_PUBLIC_ORIGIN"), "{stderr}");
}
