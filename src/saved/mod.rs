//! Articles, places and events the reader saved for offline use.
//!
//! The list (what the Saved page shows, so it needs no network) lives in
//! `localStorage`; each entry's JSON and its images are put into the
//! service worker's saved cache, which is never evicted, by asking the
//! worker (`pwa::post_to_worker`). What an entry holds is in [`item`], how
//! the list is stored in [`stored`], the files it exports in
//! [`take_along`]. Stored data is read entry by entry and
//! nothing is lost: an unreadable entry is kept verbatim (and counted on the
//! Saved page), a value that is not a list is copied to a backup key before
//! the list is next written, and when storage cannot be read at all the
//! list is not written back. Tabs follow each other through `storage`
//! events.

mod item;
mod stored;
pub mod take_along;

use leptos::prelude::*;

pub use item::{SavedItem, SavedKey, SavedKind, SavedPlace, SavedWhen};
pub use stored::{parse, serialize, StoredList};

/// Version 2 holds places and events too. A version-1 app (a tab left open
/// across the update) reads every entry as an article and would write
/// places back as broken articles, so they never go under its key.
const STORAGE_KEY: &str = "portal.saved.v2";
/// The articles-only list of earlier versions: read once, when there is no
/// version-2 list yet, and never written.
const LEGACY_KEY: &str = "portal.saved.v1";
/// Where a stored value that was not a list is kept.
const BACKUP_KEY: &str = "portal.saved.v2.unreadable";

/// The saved list, newest first, shared through context.
#[derive(Clone, Copy)]
pub struct SavedList {
    items: RwSignal<Vec<SavedItem>>,
    /// Stored entries this version cannot read: kept verbatim and written
    /// back with the list, never dropped. Their count is shown on Saved.
    unreadable: RwSignal<Vec<String>>,
    /// Whether writing is safe: false when storage could not be read (the
    /// list then lasts for this visit only rather than overwrite it).
    writable: StoredValue<bool>,
}

/// Loads the list once and follows it across tabs; call from the app root.
pub fn provide_saved() {
    let loaded = load();
    let list = SavedList {
        items: RwSignal::new(Vec::new()),
        unreadable: RwSignal::new(Vec::new()),
        writable: StoredValue::new(false),
    };
    list.apply(loaded);
    // Another tab changed the list (or cleared storage): show the same list.
    // The app lives as long as the page, so the listener does too.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|key| key == STORAGE_KEY) {
            list.apply(load());
        }
    });
    list.prune_worker_copies();
    provide_context(list);
}

pub fn use_saved() -> SavedList {
    use_context::<SavedList>().unwrap_or_else(|| SavedList {
        items: RwSignal::new(Vec::new()),
        unreadable: RwSignal::new(Vec::new()),
        writable: StoredValue::new(false),
    })
}

impl SavedList {
    pub fn items(&self) -> Vec<SavedItem> {
        self.items.get()
    }

    /// How many stored entries could not be read (and are kept).
    pub fn unreadable_count(&self) -> usize {
        self.unreadable.with(Vec::len)
    }

    pub fn contains(&self, key: &SavedKey) -> bool {
        self.items
            .with(|items| items.iter().any(|item| item.is(key)))
    }

    pub fn save(&self, item: SavedItem) {
        crate::pwa::post_to_worker("SAVE", item.urls.clone());
        let key = item.key();
        self.items.update(|items| {
            items.retain(|other| !other.is(&key));
            items.insert(0, item);
        });
        self.store();
    }

    pub fn remove(&self, key: &SavedKey) {
        let mut removed = Vec::new();
        self.items.update(|items| {
            removed = items
                .iter()
                .filter(|item| item.is(key))
                .flat_map(|item| item.urls.clone())
                .collect();
            items.retain(|item| !item.is(key));
            // An image another saved entry uses stays cached.
            removed.retain(|url| !items.iter().any(|item| item.urls.contains(url)));
        });
        self.store();
        if !removed.is_empty() {
            crate::pwa::post_to_worker("UNSAVE", removed);
        }
    }

    fn apply(&self, loaded: Option<StoredList>) {
        match loaded {
            Some(list) => {
                self.items.set(list.items);
                self.unreadable.set(list.unreadable);
                self.writable.set_value(true);
                if let Some(damaged) = list.damaged {
                    // Not a list at all: keep a copy before the next write.
                    self.writable.set_value(backup(&damaged));
                }
            }
            None => self.writable.set_value(false),
        }
    }

    fn store(&self) {
        if !self.writable.get_value() {
            return;
        }
        let json = self.items.with_untracked(|items| {
            self.unreadable
                .with_untracked(|unreadable| serialize(items, unreadable))
        });
        if let (Some(storage), Some(json)) = (storage(), json) {
            // Full or disabled storage: the list lasts for this visit only.
            let _ = storage.set_item(STORAGE_KEY, &json);
        }
    }

    /// Asks the worker to drop saved copies no listed item needs (removed
    /// in another tab, or left by an older version). Not while some entry
    /// is unreadable: its copies cannot be told apart.
    fn prune_worker_copies(&self) {
        if !self.writable.get_value() || self.unreadable_count() > 0 {
            return;
        }
        let keep: Vec<String> = self
            .items
            .with_untracked(|items| items.iter().flat_map(|item| item.urls.clone()).collect());
        crate::pwa::post_to_worker("KEEP_ONLY", keep);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored list, or `None` when storage cannot be read at all.
fn load() -> Option<StoredList> {
    let storage = storage()?;
    let stored = match storage.get_item(STORAGE_KEY).ok()? {
        Some(json) => Some(json),
        None => storage.get_item(LEGACY_KEY).ok()?,
    };
    Some(stored.map(|json| parse(&json)).unwrap_or_default())
}

/// Keeps a value that is not a list under [`BACKUP_KEY`]; false when it
/// could not be kept (then the list is not written over it either).
fn backup(damaged: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(BACKUP_KEY, damaged).is_ok())
}
