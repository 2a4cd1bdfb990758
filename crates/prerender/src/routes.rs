//! Which pages exist: every public URL the published API has content for,
//! in every language, read from the API tree the publisher wrote.

use std::path::{Path, PathBuf};

use portal_contract::{urls, CategoryList, Lang, SiteIndex};

/// What a page shows, for the head tags only its kind has (JSON-LD, the
/// Open Graph type and image).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Home,
    Article(String),
    Event(String),
    Site(String),
    /// Lists and shells: feeds, calendar, guide, search, saved, partners.
    Listing,
    /// Written as `404.html`, served by nginx for unknown URLs.
    NotFound,
}

/// One page to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub lang: Lang,
    pub kind: Kind,
    /// The path the views render (`/en/news`).
    pub path: String,
    /// The one query this page stands for (`category=tourism`), if any: the
    /// canonical URL carries it and the browser compares it on arrival.
    pub query: Option<String>,
    /// Where it is written, relative to the site root.
    pub file: String,
    /// Whether it reads fully without JavaScript (search and saved do not).
    pub static_content: bool,
}

impl Page {
    fn plain(lang: Lang, kind: Kind, path: String) -> Page {
        let file = file_for(&path);
        Page {
            lang,
            kind,
            path,
            query: None,
            file,
            static_content: true,
        }
    }

    /// The public URL, path and query, as readers and crawlers link to it.
    pub fn url(&self) -> String {
        match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        }
    }
}

/// `/en/` → `en/index.html`; `/en/news/x` → `en/news/x.html` (nginx tries
/// `$uri.html`, then `$uri/index.html`).
pub fn file_for(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if path.ends_with('/') {
        format!("{trimmed}/index.html")
    } else {
        format!("{trimmed}.html")
    }
}

/// Every page of one language.
pub fn pages(api: &Path, lang: Lang) -> Vec<Page> {
    let code = lang.code();
    let mut pages = vec![
        Page::plain(lang, Kind::Home, urls::home(lang)),
        Page::plain(lang, Kind::Listing, urls::news(lang)),
        Page::plain(lang, Kind::Listing, urls::events(lang)),
        Page::plain(lang, Kind::Listing, urls::sites(lang)),
        Page::plain(lang, Kind::Listing, urls::partners(lang)),
        Page {
            static_content: false,
            ..Page::plain(lang, Kind::Listing, urls::search(lang, ""))
        },
        Page {
            static_content: false,
            ..Page::plain(lang, Kind::Listing, urls::saved(lang))
        },
        Page {
            file: format!("{code}/404.html"),
            ..Page::plain(lang, Kind::NotFound, format!("/{code}/404"))
        },
    ];
    let categories: Option<CategoryList> = read_json(&api.join(code).join("categories.json"));
    for category in categories.map(|list| list.categories).unwrap_or_default() {
        pages.push(category_page(
            lang,
            &urls::news(lang),
            "news",
            &category.slug,
        ));
    }
    let sites: Option<SiteIndex> = read_json(&api.join(code).join("sites/index.json"));
    for section in sites.map(|index| index.sections).unwrap_or_default() {
        pages.push(category_page(
            lang,
            &urls::sites(lang),
            "sites",
            &section.slug,
        ));
    }
    for slug in documents(&api.join(code).join("news")) {
        pages.push(Page::plain(
            lang,
            Kind::Article(slug.clone()),
            urls::article(lang, &slug),
        ));
    }
    // Only the days: `index.json` and `years.json` list them.
    for day in documents(&api.join(code).join("news/archive"))
        .into_iter()
        .filter(|name| is_date(name))
    {
        pages.push(Page::plain(lang, Kind::Listing, urls::news_day(lang, &day)));
    }
    for slug in documents(&api.join(code).join("events")) {
        if slug != "upcoming" {
            pages.push(Page::plain(
                lang,
                Kind::Event(slug.clone()),
                urls::event(lang, &slug),
            ));
        }
    }
    for slug in documents(&api.join(code).join("sites")) {
        pages.push(Page::plain(
            lang,
            Kind::Site(slug.clone()),
            urls::site(lang, &slug),
        ));
    }
    pages
}

/// `/en/news?category=tourism`, written beside the feed's own page.
fn category_page(lang: Lang, list_path: &str, section: &str, slug: &str) -> Page {
    Page {
        query: Some(format!("category={}", urls::encode_component(slug))),
        file: format!("{}/{section}/category/{slug}.html", lang.code()),
        ..Page::plain(lang, Kind::Listing, list_path.to_string())
    }
}

/// The names (without `.json`) of the documents directly in `dir`, sorted,
/// minus its `index.json`.
fn documents(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            (stem != "index" && portal_contract::slug::is_valid_slug(stem) || is_date(stem))
                .then(|| stem.to_string())
        })
        .collect();
    names.sort();
    names
}

fn is_date(text: &str) -> bool {
    portal_calendar::Date::parse(text).is_some()
}

/// A document of the published tree; `None` when missing or unreadable
/// (the page that needs it is then rendered as the app would show it).
pub fn read_json<T: serde::de::DeserializeOwned>(path: &PathBuf) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_follow_the_paths_nginx_tries() {
        assert_eq!(file_for("/en/"), "en/index.html");
        assert_eq!(file_for("/en/news"), "en/news.html");
        assert_eq!(file_for("/ru/news/some-slug"), "ru/news/some-slug.html");
        assert_eq!(
            file_for("/be/news/archive/2026-11-20"),
            "be/news/archive/2026-11-20.html"
        );
    }

    #[test]
    fn the_archive_s_days_are_pages_and_its_listings_are_not() {
        let api = std::env::temp_dir().join(format!("prerender-routes-{}", std::process::id()));
        let archive = api.join("en/news/archive");
        std::fs::create_dir_all(archive.join("year")).unwrap();
        for name in [
            "2026-10-14.json",
            "index.json",
            "years.json",
            "year/2026.json",
        ] {
            std::fs::write(archive.join(name), "{}").unwrap();
        }
        let paths: Vec<String> = pages(&api, Lang::En)
            .into_iter()
            .map(|page| page.path)
            .filter(|path| path.starts_with("/en/news/archive"))
            .collect();
        std::fs::remove_dir_all(&api).unwrap();
        assert_eq!(paths, ["/en/news/archive/2026-10-14"]);
    }

    #[test]
    fn a_category_page_carries_its_query() {
        let page = category_page(Lang::Ru, "/ru/news", "news", "sport");
        assert_eq!(page.url(), "/ru/news?category=sport");
        assert_eq!(page.file, "ru/news/category/sport.html");
        assert_eq!(page.path, "/ru/news");
    }
}
