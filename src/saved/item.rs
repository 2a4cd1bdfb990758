//! What the Saved page keeps of an article, a place or an event: enough to
//! list it, export it and open it with no network. Entries written before
//! places and events could be saved have no `kind` and read as articles.

use portal_contract::{paths, urls, Article, Block, Event, Image, Lang, Site, Timestamp};
use serde::{Deserialize, Serialize};

use crate::api::ApiClient;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SavedKind {
    #[default]
    Article,
    Site,
    Event,
}

/// Where a saved place or event is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedPlace {
    /// WGS 84 degrees.
    pub lat: f64,
    pub lon: f64,
    /// The venue's name (events) or empty (a site is its own place).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
}

/// When a saved event happens, as published (Minsk wall clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedWhen {
    pub starts: Timestamp,
    /// Exclusive, as in the contract.
    pub ends: Timestamp,
    pub all_day: bool,
}

/// One saved entry, identified by kind, language and slug.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedItem {
    #[serde(default)]
    pub kind: SavedKind,
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    /// The article's lead, the site's or the event's summary.
    pub lead: String,
    /// The category's (section's) display name.
    pub category: String,
    pub hero: Image,
    /// Absolute URLs in the saved cache: the document's JSON and its images.
    #[serde(default)]
    pub urls: Vec<String>,
    /// Milliseconds since the epoch.
    #[serde(default)]
    pub saved_at: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<SavedPlace>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<SavedWhen>,
}

/// Which saved entry: the same slug may name an article and a site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SavedKey {
    pub kind: SavedKind,
    pub lang: Lang,
    pub slug: String,
}

impl SavedItem {
    pub fn from_article(api: &ApiClient, lang: Lang, article: &Article) -> SavedItem {
        let body_images = article.body.iter().filter_map(|block| match block {
            Block::Image { image } => Some(image),
            _ => None,
        });
        let images = std::iter::once(&article.hero).chain(body_images);
        SavedItem {
            kind: SavedKind::Article,
            slug: article.slug.clone(),
            lang,
            title: article.title.clone(),
            lead: article.lead.clone(),
            category: article.category.name.clone(),
            hero: article.hero.clone(),
            urls: offline_urls(api, &paths::article(lang, &article.slug), images),
            saved_at: crate::clock::now_millis(),
            place: None,
            when: None,
        }
    }

    /// A site with its whole gallery, so its page reads offline as it does
    /// online. `None` for a site with no picture (the contract promises one).
    pub fn from_site(api: &ApiClient, site: &Site) -> Option<SavedItem> {
        let hero = site.gallery.first()?.clone();
        Some(SavedItem {
            kind: SavedKind::Site,
            slug: site.slug.clone(),
            lang: site.lang,
            title: site.name.clone(),
            lead: site.summary.clone(),
            category: site.section.name.clone(),
            hero,
            urls: offline_urls(
                api,
                &paths::site(site.lang, &site.slug),
                site.gallery.iter(),
            ),
            saved_at: crate::clock::now_millis(),
            place: Some(SavedPlace {
                lat: site.lat,
                lon: site.lon,
                name: String::new(),
                address: site.address.clone().unwrap_or_default(),
            }),
            when: None,
        })
    }

    pub fn from_event(api: &ApiClient, event: &Event) -> SavedItem {
        SavedItem {
            kind: SavedKind::Event,
            slug: event.slug.clone(),
            lang: event.lang,
            title: event.title.clone(),
            lead: event.summary.clone(),
            category: event.category.name.clone(),
            hero: event.image.clone(),
            urls: offline_urls(
                api,
                &paths::event(event.lang, &event.slug),
                std::iter::once(&event.image),
            ),
            saved_at: crate::clock::now_millis(),
            place: Some(SavedPlace {
                lat: event.venue.lat,
                lon: event.venue.lon,
                name: event.venue.name.clone(),
                address: event.venue.address.clone(),
            }),
            when: Some(SavedWhen {
                starts: event.starts,
                ends: event.ends,
                all_day: event.all_day,
            }),
        }
    }

    pub fn key(&self) -> SavedKey {
        SavedKey {
            kind: self.kind,
            lang: self.lang,
            slug: self.slug.clone(),
        }
    }

    pub fn is(&self, key: &SavedKey) -> bool {
        self.kind == key.kind && self.lang == key.lang && self.slug == key.slug
    }

    /// The entry's page in the app.
    pub fn href(&self) -> String {
        match self.kind {
            SavedKind::Article => urls::article(self.lang, &self.slug),
            SavedKind::Site => urls::site(self.lang, &self.slug),
            SavedKind::Event => urls::event(self.lang, &self.slug),
        }
    }
}

/// The document's URL and every file its pictures need offline.
fn offline_urls<'a>(
    api: &ApiClient,
    document: &str,
    images: impl Iterator<Item = &'a Image>,
) -> Vec<String> {
    let mut urls = vec![api.url(document)];
    for image in images {
        match &image.photo {
            Some(photo) => urls.extend(photo.offline_paths().iter().map(|path| api.url(path))),
            None => urls.push(api.url(&image.src)),
        }
    }
    let mut seen = std::collections::HashSet::new();
    urls.retain(|url| seen.insert(url.clone()));
    urls
}
