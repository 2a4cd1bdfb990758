//! Where each API document lives, relative to the API base (`/api/v1` by
//! default). Every path is a static file a CDN can cache: no query strings.
//! The publisher writes exactly these paths and the app fetches exactly these,
//! so the two cannot disagree.

use portal_calendar::{Date, YearMonth};

use crate::slug::is_valid_slug;
use crate::Lang;

/// Where the content API lives when the page's
/// `<meta name="portal-api-base">` does not say (the app and the widgets).
pub const DEFAULT_API_BASE: &str = "/api/v1";

/// `{lang}/news/page/{n}.json` (pages are 1-based).
pub fn news_page(lang: Lang, page: u32) -> String {
    format!("{lang}/news/page/{page}.json")
}

/// `{lang}/news/category/{category}/page/{n}.json`.
pub fn news_category_page(lang: Lang, category: &str, page: u32) -> String {
    format!("{lang}/news/category/{category}/page/{page}.json")
}

/// The feed page for an optional category.
pub fn feed_page(lang: Lang, category: Option<&str>, page: u32) -> String {
    match category {
        Some(category) => news_category_page(lang, category, page),
        None => news_page(lang, page),
    }
}

/// `{lang}/news/{slug}.json`.
pub fn article(lang: Lang, slug: &str) -> String {
    format!("{lang}/news/{slug}.json")
}

/// `{lang}/news/archive/index.json`: the days that have news.
pub fn news_archive(lang: Lang) -> String {
    format!("{lang}/news/archive/index.json")
}

/// `{lang}/news/archive/years.json`: the years that have news.
pub fn news_archive_years(lang: Lang) -> String {
    format!("{lang}/news/archive/years.json")
}

/// `{lang}/news/archive/year/{yyyy}.json`: the days of one year that have news.
pub fn news_archive_year(lang: Lang, year: i32) -> String {
    format!("{lang}/news/archive/year/{year:04}.json")
}

/// `{lang}/news/archive/{yyyy-mm-dd}.json`: the news of one day.
pub fn news_day(lang: Lang, date: Date) -> String {
    format!("{lang}/news/archive/{date}.json")
}

/// `{lang}/categories.json`.
pub fn categories(lang: Lang) -> String {
    format!("{lang}/categories.json")
}

/// The RSS 2.0 feed of the latest news: `{lang}/news/feed.xml`, or
/// `{lang}/news/category/{category}/feed.xml` for one category (beside
/// that category's pages).
pub fn news_feed(lang: Lang, category: Option<&str>) -> String {
    match category {
        Some(category) => format!("{lang}/news/category/{category}/feed.xml"),
        None => format!("{lang}/news/feed.xml"),
    }
}

/// `{lang}/events/`: the folder of the events' documents and calendars.
pub fn events_dir(lang: Lang) -> String {
    format!("{lang}/events/")
}

/// `{lang}/events/index.json`: filters and the months that have events.
pub fn events_index(lang: Lang) -> String {
    format!("{lang}/events/index.json")
}

/// `{lang}/events/month/{yyyy-mm}.json`.
pub fn events_month(lang: Lang, month: YearMonth) -> String {
    format!("{lang}/events/month/{month}.json")
}

/// `{lang}/events/upcoming.json`.
pub fn events_upcoming(lang: Lang) -> String {
    format!("{lang}/events/upcoming.json")
}

/// `{lang}/events/{slug}.json`.
pub fn event(lang: Lang, slug: &str) -> String {
    format!("{lang}/events/{slug}.json")
}

/// `{lang}/events/calendar.ics`: every upcoming event, for subscribing.
pub fn events_calendar(lang: Lang) -> String {
    format!("{lang}/events/calendar.ics")
}

/// `{lang}/events/category/{category}/calendar.ics`: the upcoming events of
/// one category, for subscribing. A folder, so it cannot meet an event's
/// `{slug}.json`.
pub fn events_category_calendar(lang: Lang, category: &str) -> String {
    format!("{lang}/events/category/{category}/calendar.ics")
}

/// `{lang}/events/region/{region}/calendar.ics`: the upcoming events of one
/// region, for subscribing; a folder like the categories'.
pub fn events_region_calendar(lang: Lang, region: &str) -> String {
    format!("{lang}/events/region/{region}/calendar.ics")
}

/// `{lang}/search/index.json`: the manifest of the search index of every
/// article, event and site in that language (`portal_search::ShardManifest`;
/// the index is cut into the files below, fetched as queries need them).
pub fn search_manifest(lang: Lang) -> String {
    format!("{lang}/search/index.json")
}

/// `{lang}/search/terms/{file}.json`: one term shard, named in the manifest
/// by a hash of its contents (`portal_search::TermShard`).
pub fn search_terms(lang: Lang, file: &str) -> String {
    format!("{lang}/search/terms/{file}.json")
}

/// `{lang}/search/{build}/d{chunk}.json`: one chunk of the search results'
/// documents (`[portal_search::SearchDoc]`), in the directory the manifest
/// names.
pub fn search_docs(lang: Lang, build: &str, chunk: usize) -> String {
    format!("{lang}/search/{build}/d{chunk}.json")
}

/// `{lang}/sites/`: the folder of the travel guide's documents.
pub fn sites_dir(lang: Lang) -> String {
    format!("{lang}/sites/")
}

/// `{lang}/sites/index.json`: every site of the travel guide.
pub fn sites_index(lang: Lang) -> String {
    format!("{lang}/sites/index.json")
}

/// `{lang}/sites/{slug}.json`.
pub fn site(lang: Lang, slug: &str) -> String {
    format!("{lang}/sites/{slug}.json")
}

/// `regions.json`: the region outlines for maps (the same in every language).
pub fn region_shapes() -> String {
    "regions.json".to_string()
}

/// The size of every link preview (`og:image`): 1200×630 CSS pixels.
pub const OG_PREVIEW_SIZE: (u32, u32) = (1200, 630);

/// `media/og/portal.png`: the site-wide link preview (a 1200×630 PNG) for
/// pages without a picture of their own (home, sections, lists).
pub const OG_SITE_PREVIEW: &str = "media/og/portal.png";

/// The media name [`OG_SITE_PREVIEW`] is drawn under, so no illustration
/// may be called `portal.svg`.
pub const OG_SITE_PREVIEW_NAME: &str = "portal";

/// The link preview of an image `src`: for an SVG of the published media
/// (`media/castle-mir.svg`) the 1200×630 PNG the publisher draws from it,
/// `media/og/castle-mir.png`, relative to the API base like the `src`
/// (join both with [`resolve`]). The publisher writes one for every SVG that
/// is the hero of an article or the picture of an event or site. `None` for
/// anything else: a raster image (png, jpg, webp: share it as it is), an
/// absolute URL, a name that is not a slug.
pub fn og_preview(src: &str) -> Option<String> {
    let name = src.strip_prefix("media/")?.strip_suffix(".svg")?;
    (is_valid_slug(name) && name != OG_SITE_PREVIEW_NAME).then(|| format!("media/og/{name}.png"))
}

/// Names a site slug cannot take: files beside the sites.
pub const RESERVED_SITE_SLUGS: [&str; 1] = ["index"];

/// Names an event slug cannot take: they are files beside the events.
pub const RESERVED_EVENT_SLUGS: [&str; 4] = ["index", "upcoming", "calendar", "month"];

/// Joins a path from this module (or an image `src`) onto the API base.
/// Absolute URLs and root-relative paths are returned unchanged.
pub fn resolve(base: &str, path: &str) -> String {
    if path.starts_with("https://") || path.starts_with("http://") || path.starts_with('/') {
        return path.to_string();
    }
    format!("{}/{}", base.trim_end_matches('/'), path)
}

/// Whether an API base is on the page's origin (`https://host[:port]`): a
/// root-relative base is; an absolute one when its origin matches. The
/// service worker keeps documents for offline reading only from its own
/// origin, so the app offers "Save for offline" only then.
pub fn is_same_origin(base: &str, page_origin: &str) -> bool {
    let lower = base.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return !base.starts_with("//");
    }
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let end = base[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| after_scheme + i);
    base[..end].eq_ignore_ascii_case(page_origin.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_api_bases() {
        let here = "https://belarus.example";
        for base in [
            "/api/v1",
            "api/v1",
            "https://belarus.example/api/v1",
            "HTTPS://Belarus.example",
        ] {
            assert!(is_same_origin(base, here), "{base}");
        }
        for base in [
            "https://content.example/api/v1",
            "http://belarus.example/api/v1",
            "https://belarus.example:8443/api/v1",
            "https://belarus.example.evil/api",
            "//content.example/api/v1",
        ] {
            assert!(!is_same_origin(base, here), "{base}");
        }
    }

    #[test]
    fn paths_are_static_files() {
        assert_eq!(news_page(Lang::En, 2), "en/news/page/2.json");
        assert_eq!(
            feed_page(Lang::Be, Some("sport"), 1),
            "be/news/category/sport/page/1.json"
        );
        assert_eq!(feed_page(Lang::Ru, None, 3), "ru/news/page/3.json");
        assert_eq!(article(Lang::Ru, "mir"), "ru/news/mir.json");
        assert_eq!(categories(Lang::En), "en/categories.json");
        assert_eq!(news_archive(Lang::Ru), "ru/news/archive/index.json");
        assert_eq!(news_archive_years(Lang::Be), "be/news/archive/years.json");
        assert_eq!(
            news_archive_year(Lang::En, 2007),
            "en/news/archive/year/2007.json"
        );
        assert_eq!(
            news_day(Lang::Be, Date::parse("2026-11-03").unwrap()),
            "be/news/archive/2026-11-03.json"
        );
        let december = YearMonth::parse("2026-12").unwrap();
        assert_eq!(
            events_month(Lang::Be, december),
            "be/events/month/2026-12.json"
        );
        assert_eq!(event(Lang::Ru, "listapad"), "ru/events/listapad.json");
        assert_eq!(events_calendar(Lang::En), "en/events/calendar.ics");
        assert_eq!(
            events_category_calendar(Lang::Ru, "concerts"),
            "ru/events/category/concerts/calendar.ics"
        );
        assert_eq!(
            events_region_calendar(Lang::Be, "grodno"),
            "be/events/region/grodno/calendar.ics"
        );
        assert_eq!(news_feed(Lang::En, None), "en/news/feed.xml");
        assert_eq!(
            news_feed(Lang::Be, Some("sport")),
            "be/news/category/sport/feed.xml"
        );
        assert_eq!(sites_index(Lang::Ru), "ru/sites/index.json");
        assert_eq!(site(Lang::Be, "mir-castle"), "be/sites/mir-castle.json");
        assert_eq!(search_manifest(Lang::Be), "be/search/index.json");
        assert_eq!(
            search_terms(Lang::En, "0123abcd"),
            "en/search/terms/0123abcd.json"
        );
        assert_eq!(
            search_docs(Lang::Ru, "0123abcd", 0),
            "ru/search/0123abcd/d0.json"
        );
    }

    #[test]
    fn og_previews_of_published_svgs_only() {
        assert_eq!(
            og_preview("media/castle-mir.svg").as_deref(),
            Some("media/og/castle-mir.png")
        );
        assert_eq!(
            resolve(DEFAULT_API_BASE, &og_preview("media/a1.svg").unwrap()),
            "/api/v1/media/og/a1.png"
        );
        assert_eq!(OG_SITE_PREVIEW, "media/og/portal.png");
        assert_eq!(
            resolve(DEFAULT_API_BASE, OG_SITE_PREVIEW),
            "/api/v1/media/og/portal.png"
        );
        for none in [
            "media/castle-mir.png",
            "media/castle-mir.jpg",
            "media/castle-mir.webp",
            "media/castle-mir.SVG",
            "media/Castle.svg",
            "media/../x.svg",
            "media/og/castle-mir.svg",
            "media/.svg",
            "media/portal.svg",
            "castle-mir.svg",
            "/media/castle-mir.svg",
            "https://img.by/media/castle-mir.svg",
            "",
        ] {
            assert_eq!(og_preview(none), None, "{none:?}");
        }
    }

    #[test]
    fn resolve_joins_relative_paths_only() {
        assert_eq!(resolve("/api/v1", "en/x.json"), "/api/v1/en/x.json");
        assert_eq!(
            resolve("https://cdn.by/api/v1/", "media/a.svg"),
            "https://cdn.by/api/v1/media/a.svg"
        );
        assert_eq!(
            resolve("/api/v1", "https://img.by/a.svg"),
            "https://img.by/a.svg"
        );
        assert_eq!(resolve("/api/v1", "/static/a.svg"), "/static/a.svg");
    }
}
