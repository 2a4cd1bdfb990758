//! The head tags a prerendered page adds to its view's own (title,
//! description, Open Graph text): canonical and language alternates, the
//! preview image, the feed link and JSON-LD. Each is marked
//! `data-prerendered`, so the app drops them when it takes over.

use std::path::Path;

use portal_contract::urls::{FeedQuery, SitesQuery};
use portal_contract::{urls, Article, Event, Image, Lang, Site};

use crate::routes::{read_json, Kind, Page};
use crate::structured_data::{self, Publisher};
use portal_contract::widgets::escape_html;

/// Where the page is published and where its API lives.
pub struct Deployment<'a> {
    /// `https://portal.example.by`, no trailing slash.
    pub origin: &'a str,
    /// The API base as `index.html` names it (`/api/v1`).
    pub api_base: &'a str,
    /// The publisher's output, to read documents and see what exists.
    pub api_dir: &'a Path,
}

impl Deployment<'_> {
    pub fn absolute(&self, path: &str) -> String {
        if path.contains("://") {
            path.to_string()
        } else {
            format!("{}{path}", self.origin)
        }
    }

    fn api_url(&self, path: &str) -> String {
        self.absolute(&portal_contract::paths::resolve(self.api_base, path))
    }

    fn api_has(&self, path: &str) -> bool {
        self.api_dir.join(path.trim_start_matches('/')).is_file()
    }
}

/// The extra head of one page, and when its content last changed (for the
/// sitemap).
pub struct Head {
    pub tags: String,
    pub last_modified: Option<String>,
    /// The languages this page exists in (for hreflang here and in the sitemap).
    pub languages: Vec<Lang>,
}

pub fn head(page: &Page, deployment: &Deployment) -> Head {
    let lang = page.lang;
    let url = deployment.absolute(&page.url());
    let languages: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|other| exists_in(page, *other, deployment))
        .collect();
    let mut tags = String::new();
    let mut link = |rel: &str, extra: &str, href: &str| {
        tags.push_str(&format!(
            r#"<link data-prerendered rel="{rel}"{extra} href="{}">"#,
            escape_html(href)
        ));
    };
    if page.kind != Kind::NotFound {
        link("canonical", "", &url);
        for other in &languages {
            let href = deployment.absolute(&urls::with_lang(&page.url(), *other));
            link(
                "alternate",
                &format!(r#" hreflang="{}""#, other.code()),
                &href,
            );
        }
        if languages.contains(&Lang::En) {
            let href = deployment.absolute(&urls::with_lang(&page.url(), Lang::En));
            link("alternate", r#" hreflang="x-default""#, &href);
        }
    }
    // The news feeds (written by the publisher): the language's, and on a
    // category's page that category's.
    let mut feeds = vec![(
        portal_contract::paths::news_feed(lang, None),
        t_feed_title(lang, None),
    )];
    if let (Kind::Listing, Some(category)) = (&page.kind, page.query.as_deref()) {
        if page.path == urls::news(lang) {
            let slug = category.trim_start_matches("category=");
            let name = read::<portal_contract::CategoryList>(
                deployment,
                &portal_contract::paths::categories(lang),
            )
            .and_then(|list| list.categories.into_iter().find(|c| c.slug == slug))
            .map_or_else(|| slug.to_string(), |c| c.name);
            feeds.push((
                portal_contract::paths::news_feed(lang, Some(slug)),
                t_feed_title(lang, Some(&name)),
            ));
        }
    }
    for (path, title) in feeds
        .into_iter()
        .filter(|(path, _)| deployment.api_has(path))
    {
        tags.push_str(&format!(
            r#"<link data-prerendered rel="alternate" type="application/rss+xml" title="{}" href="{}">"#,
            escape_html(&title),
            escape_html(&deployment.api_url(&path))
        ));
    }
    let mut head = Head {
        tags,
        last_modified: None,
        languages,
    };
    let t = portal_i18n::texts(lang);
    let home = (
        t.nav_home.to_string(),
        deployment.absolute(&urls::home(lang)),
    );
    let publisher = Publisher {
        name: t.site_name,
        logo: &deployment.absolute("/icons/icon-512.png"),
    };
    let mut image: Option<Image> = None;
    let mut data = Vec::new();
    match &page.kind {
        Kind::Article(slug) => {
            if let Some(article) =
                read::<Article>(deployment, &portal_contract::paths::article(lang, slug))
            {
                let preview = preview(deployment, &article.hero);
                data.push(structured_data::news_article(
                    &article, &url, &preview.0, &publisher,
                ));
                let category = FeedQuery::new(Some(&article.category.slug), 1).url(lang);
                data.push(structured_data::breadcrumbs(&[
                    home,
                    (
                        t.nav_news.to_string(),
                        deployment.absolute(&urls::news(lang)),
                    ),
                    (
                        article.category.name.clone(),
                        deployment.absolute(&category),
                    ),
                    (article.title.clone(), url.clone()),
                ]));
                head.last_modified = Some(
                    article
                        .updated
                        .as_ref()
                        .unwrap_or(&article.published)
                        .to_string(),
                );
                image = Some(article.hero);
            }
        }
        Kind::Event(slug) => {
            if let Some(event) =
                read::<Event>(deployment, &portal_contract::paths::event(lang, slug))
            {
                let preview = preview(deployment, &event.image);
                data.push(structured_data::event(&event, &url, &preview.0));
                data.push(structured_data::breadcrumbs(&[
                    home,
                    (
                        t.nav_events.to_string(),
                        deployment.absolute(&urls::events(lang)),
                    ),
                    (event.title.clone(), url.clone()),
                ]));
                image = Some(event.image);
            }
        }
        Kind::Site(slug) => {
            if let Some(site) = read::<Site>(deployment, &portal_contract::paths::site(lang, slug))
            {
                if let Some(first) = site.gallery.first().cloned() {
                    let preview = preview(deployment, &first);
                    data.push(structured_data::site(&site, &url, &preview.0));
                    image = Some(first);
                }
                let section = SitesQuery {
                    category: Some(site.section.slug.clone()),
                    region: None,
                    open: None,
                }
                .url(lang);
                data.push(structured_data::breadcrumbs(&[
                    home,
                    (
                        t.nav_sites.to_string(),
                        deployment.absolute(&urls::sites(lang)),
                    ),
                    (site.section.name.clone(), deployment.absolute(&section)),
                    (site.name.clone(), url.clone()),
                ]));
            }
        }
        Kind::Home | Kind::Listing | Kind::NotFound => {}
    }
    head.tags
        .push_str(&open_graph_image(deployment, image.as_ref(), t.site_name));
    head.tags
        .push_str(r#"<meta data-prerendered name="twitter:card" content="summary_large_image">"#);
    for other in &head.languages {
        if *other != lang {
            head.tags.push_str(&format!(
                r#"<meta data-prerendered property="og:locale:alternate" content="{}">"#,
                other.og_locale()
            ));
        }
    }
    for value in &data {
        head.tags.push_str(&structured_data::script(value));
    }
    head
}

/// Whether `page` exists in `other` (an article may not be translated).
fn exists_in(page: &Page, other: Lang, deployment: &Deployment) -> bool {
    use portal_contract::paths;
    match &page.kind {
        Kind::Article(slug) => deployment.api_has(&paths::article(other, slug)),
        Kind::Event(slug) => deployment.api_has(&paths::event(other, slug)),
        Kind::Site(slug) => deployment.api_has(&paths::site(other, slug)),
        Kind::Listing => match page
            .path
            .strip_prefix(&format!("/{}/news/archive/", page.lang.code()))
        {
            Some(day) => portal_calendar::Date::parse(day)
                .is_some_and(|date| deployment.api_has(&paths::news_day(other, date))),
            None => true,
        },
        Kind::Home | Kind::NotFound => true,
    }
}

fn read<T: serde::de::DeserializeOwned>(deployment: &Deployment, path: &str) -> Option<T> {
    read_json(&deployment.api_dir.join(path.trim_start_matches('/')))
}

/// The 1200×630 raster preview of an image, or the image itself when it is
/// a raster; with its size. SVG is not shown by link-preview crawlers.
fn preview(deployment: &Deployment, image: &Image) -> (String, u32, u32) {
    if let Some(photo) = &image.photo {
        let (width, height) = portal_contract::paths::OG_PREVIEW_SIZE;
        return (deployment.api_url(&photo.preview()), width, height);
    }
    match portal_contract::paths::og_preview(&image.src) {
        Some(path) if deployment.api_has(&path) => (deployment.api_url(&path), 1200, 630),
        Some(_) => (deployment.absolute("/icons/icon-512.png"), 512, 512),
        None => (deployment.api_url(&image.src), image.width, image.height),
    }
}

fn open_graph_image(deployment: &Deployment, image: Option<&Image>, site_name: &str) -> String {
    let site_wide = portal_contract::paths::OG_SITE_PREVIEW;
    let (src, width, height, alt) = match image {
        Some(image) => {
            let (src, width, height) = preview(deployment, image);
            (src, width, height, image.alt.as_str())
        }
        None if deployment.api_has(site_wide) => {
            (deployment.api_url(site_wide), 1200, 630, site_name)
        }
        None => (
            deployment.absolute("/icons/icon-512.png"),
            512,
            512,
            site_name,
        ),
    };
    format!(
        r#"<meta data-prerendered property="og:image" content="{}"><meta data-prerendered property="og:image:width" content="{width}"><meta data-prerendered property="og:image:height" content="{height}"><meta data-prerendered property="og:image:alt" content="{}">"#,
        escape_html(&src),
        escape_html(alt)
    )
}

/// The feed's name in the page's language: the site's, with the category's.
fn t_feed_title(lang: Lang, category: Option<&str>) -> String {
    let site = portal_i18n::texts(lang).site_name;
    match category {
        Some(category) => format!("{site}: {category}"),
        None => site.to_string(),
    }
}
