//! Articles the reader saved for offline reading.
//!
//! The list (what the Saved page shows, so it needs no network) lives in
//! `localStorage`; the article's JSON and its images are put into the
//! service worker's saved cache, which is never evicted, by asking the
//! worker (`pwa::post_to_worker`). Stored data is parsed defensively: a
//! missing, foreign or broken value is an empty list, never a panic.

use leptos::prelude::*;
use portal_contract::slug::is_valid_slug;
use portal_contract::{paths, Article, Block, Image, Lang};
use serde::{Deserialize, Serialize};

use crate::api::ApiClient;

const STORAGE_KEY: &str = "portal.saved.v1";

/// One saved article: enough to list it with no network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedItem {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    /// The category's display name.
    pub category: String,
    pub hero: Image,
    /// Absolute URLs in the saved cache: the article's JSON and its images.
    #[serde(default)]
    pub urls: Vec<String>,
    /// Milliseconds since the epoch.
    #[serde(default)]
    pub saved_at: f64,
}

impl SavedItem {
    pub fn from_article(api: &ApiClient, lang: Lang, article: &Article) -> SavedItem {
        let mut urls = vec![
            api.url(&paths::article(lang, &article.slug)),
            api.url(&article.hero.src),
        ];
        for block in &article.body {
            if let Block::Image { image } = block {
                urls.push(api.url(&image.src));
            }
        }
        urls.dedup();
        SavedItem {
            slug: article.slug.clone(),
            lang,
            title: article.title.clone(),
            lead: article.lead.clone(),
            category: article.category.name.clone(),
            hero: article.hero.clone(),
            urls,
            saved_at: js_sys::Date::now(),
        }
    }

    fn is(&self, lang: Lang, slug: &str) -> bool {
        self.lang == lang && self.slug == slug
    }
}

/// The saved list, newest first, shared through context.
#[derive(Clone, Copy)]
pub struct SavedList(RwSignal<Vec<SavedItem>>);

/// Loads the list once; call from the app root.
pub fn provide_saved() {
    provide_context(SavedList(RwSignal::new(load())));
}

pub fn use_saved() -> SavedList {
    use_context::<SavedList>().unwrap_or_else(|| SavedList(RwSignal::new(Vec::new())))
}

impl SavedList {
    pub fn items(&self) -> Vec<SavedItem> {
        self.0.get()
    }

    pub fn contains(&self, lang: Lang, slug: &str) -> bool {
        self.0
            .with(|items| items.iter().any(|item| item.is(lang, slug)))
    }

    pub fn save(&self, item: SavedItem) {
        crate::pwa::post_to_worker("SAVE", item.urls.clone());
        self.0.update(|items| {
            items.retain(|other| !other.is(item.lang, &item.slug));
            items.insert(0, item);
        });
        self.0.with_untracked(|items| store(items));
    }

    pub fn remove(&self, lang: Lang, slug: &str) {
        let mut removed = Vec::new();
        self.0.update(|items| {
            removed = items
                .iter()
                .filter(|item| item.is(lang, slug))
                .flat_map(|item| item.urls.clone())
                .collect();
            items.retain(|item| !item.is(lang, slug));
            // An image another saved article uses stays cached.
            removed.retain(|url| !items.iter().any(|item| item.urls.contains(url)));
        });
        self.0.with_untracked(|items| store(items));
        if !removed.is_empty() {
            crate::pwa::post_to_worker("UNSAVE", removed);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load() -> Vec<SavedItem> {
    storage()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .map(|json| parse(&json))
        .unwrap_or_default()
}

/// The stored list; anything unreadable is an empty list, and items with an
/// impossible slug are dropped (they would make broken links).
pub fn parse(json: &str) -> Vec<SavedItem> {
    let mut items: Vec<SavedItem> = serde_json::from_str(json).unwrap_or_default();
    items.retain(|item| is_valid_slug(&item.slug));
    items
}

fn store(items: &[SavedItem]) {
    let Some(storage) = storage() else {
        return;
    };
    // Full or disabled storage: the list lasts for this visit only.
    if let Ok(json) = serde_json::to_string(items) {
        let _ = storage.set_item(STORAGE_KEY, &json);
    }
}
