//! Work kept between builds: what a build makes from a file's bytes alone
//! (a link preview drawn from an SVG) is stored under a hash of those bytes
//! and of the way it is made, so the next build with the same input reads it
//! instead of making it again. The cache only ever saves time: an entry that
//! cannot be read, written or checked is made afresh, with at most a
//! warning, and the published bytes are the same either way.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::body::fingerprint;
use crate::sites_build::NearbyMemo;

/// Where a build keeps its cache, if anywhere.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    /// Where developed photographs are kept when not in `dir/photos`
    /// (`--photo-cache`): they depend only on the photos' bytes, so trees,
    /// and test runs, can share them.
    photos: Option<PathBuf>,
    /// What a publisher that stays running keeps in memory between its
    /// builds ([`crate::watch`]), shared by the clones of this cache.
    memory: Option<Arc<NearbyMemo>>,
}

impl Cache {
    /// No cache: everything is made every time (tests, library callers).
    pub fn none() -> Self {
        Self::default()
    }

    /// A cache in `dir` (made when first written).
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: Some(dir.into()),
            ..Self::default()
        }
    }

    /// The same cache, keeping in memory too what the next build of the
    /// same process can use (the guide's "Nearby" lists).
    pub fn with_memory(self) -> Self {
        Self {
            memory: Some(Arc::default()),
            ..self
        }
    }

    /// The "Nearby" lists kept in memory, with [`Cache::with_memory`].
    pub fn nearby(&self) -> Option<&NearbyMemo> {
        self.memory.as_deref()
    }

    /// The same cache, with developed photographs kept in `dir`.
    pub fn with_photos_in(mut self, dir: impl Into<PathBuf>) -> Self {
        self.photos = Some(dir.into());
        self
    }

    /// The same cache, with developed photographs kept where a default
    /// build keeps them (`photos/` in [`Cache::for_user`]), if anywhere.
    pub fn with_photos_in_user_cache(self) -> Self {
        match Cache::for_user().dir {
            Some(dir) => self.with_photos_in(dir.join("photos")),
            None => self,
        }
    }

    /// The cache that keeps developed photographs: `--photo-cache`, else
    /// `photos/` in this one's directory, else none.
    pub fn photos(&self) -> Cache {
        match (&self.photos, &self.dir) {
            (Some(dir), _) => Cache::in_dir(dir.clone()),
            (None, Some(dir)) => Cache::in_dir(dir.join("photos")),
            (None, None) => Cache::none(),
        }
    }

    /// The user's cache directory, `$XDG_CACHE_HOME/portal-publisher` or
    /// `~/.cache/portal-publisher`; none when neither is set. Never inside
    /// the published tree or beside it, where a web server would serve it.
    /// Entries are named by their inputs' hashes, so trees can share it.
    pub fn for_user() -> Self {
        Self {
            dir: user_cache_dir(std::env::var_os("XDG_CACHE_HOME"), std::env::var_os("HOME")),
            ..Self::default()
        }
    }

    /// Where the cache is, if anywhere.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The bytes `make` would produce from `input` (with `recipe` naming how,
    /// changed whenever the way of making changes), read from the cache
    /// when there and accepted by `valid`, else made and stored.
    pub fn get_or_make(
        &self,
        recipe: &str,
        input: &[u8],
        valid: impl Fn(&[u8]) -> bool,
        make: impl FnOnce() -> Result<Vec<u8>, String>,
    ) -> Result<Vec<u8>, String> {
        let Some(dir) = &self.dir else {
            return make();
        };
        let file = dir.join(entry_name(recipe, input));
        if let Some(bytes) = fs::read(&file).ok().and_then(unseal) {
            if valid(&bytes) {
                return Ok(bytes);
            }
        }
        let bytes = make()?;
        if let Err(error) = store(dir, &file, &bytes) {
            eprintln!("warning: cache {}: {error}", dir.display());
        }
        Ok(bytes)
    }
}

/// A file name for what the cache keeps about the directory at `path`
/// (a tree, a content directory): a hash of its absolute path, so several
/// can share one cache.
pub fn name_for_dir(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    Sha256::digest(absolute.as_os_str().as_encoded_bytes())[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// See [`Cache::for_user`]; empty or relative variables are ignored, as
/// the XDG specification says.
fn user_cache_dir(xdg_cache_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute =
        |value: Option<OsString>| value.map(PathBuf::from).filter(|path| path.is_absolute());
    absolute(xdg_cache_home)
        .or_else(|| absolute(home).map(|home| home.join(".cache")))
        .map(|dir| dir.join("portal-publisher"))
}

/// `{recipe}-{sha256 of recipe and input}`; the recipe is part of the hash
/// so that a new way of making never reads an old result.
fn entry_name(recipe: &str, input: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update((recipe.len() as u64).to_le_bytes());
    hash.update(recipe.as_bytes());
    hash.update(input);
    let hex: String = hash.finalize()[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let safe: String = recipe
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{safe}-{hex}")
}

/// Writes an entry under a temporary name and renames it: a build that
/// reads the cache at the same moment sees a whole entry or none.
pub(crate) fn store(dir: &Path, file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static WRITES: AtomicUsize = AtomicUsize::new(0);
    fs::create_dir_all(dir)?;
    // Unique per process and write: two threads may store the same entry.
    let temporary = file.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let mut sealed = bytes.to_vec();
    sealed.extend_from_slice(&fingerprint(bytes));
    let written = fs::write(&temporary, &sealed).and_then(|()| fs::rename(&temporary, file));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// An entry's bytes without the fingerprint [`store`] put after them, when
/// they match it: a file damaged anywhere is not used.
pub(crate) fn unseal(mut sealed: Vec<u8>) -> Option<Vec<u8>> {
    let at = sealed.len().checked_sub(16)?;
    let stored = sealed.split_off(at);
    (fingerprint(&sealed)[..] == stored[..]).then_some(sealed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn made_once_then_read_and_remade_when_the_entry_is_bad() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path().join("cache"));
        let made = Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(b"PNG bytes".to_vec())
        };
        let valid = |bytes: &[u8]| bytes.starts_with(b"PNG");
        for _ in 0..3 {
            assert_eq!(
                cache.get_or_make("og-1", b"<svg/>", valid, make).unwrap(),
                b"PNG bytes"
            );
        }
        assert_eq!(made.get(), 1);
        // Another recipe or another input is another entry.
        cache.get_or_make("og-2", b"<svg/>", valid, make).unwrap();
        cache.get_or_make("og-1", b"<svg />", valid, make).unwrap();
        assert_eq!(made.get(), 3);
        // A damaged entry, even one the caller's check would pass, is made
        // again and replaced.
        let entry = dir.path().join("cache").join(entry_name("og-1", b"<svg/>"));
        let mut damaged = fs::read(&entry).unwrap();
        damaged[4] ^= 1;
        fs::write(&entry, &damaged).unwrap();
        cache.get_or_make("og-1", b"<svg/>", valid, make).unwrap();
        assert_eq!(made.get(), 4);
        assert_eq!(
            unseal(fs::read(&entry).unwrap()),
            Some(b"PNG bytes".to_vec())
        );
        assert_eq!(unseal(b"short".to_vec()), None);
    }

    #[test]
    fn an_unwritable_cache_only_costs_time() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        fs::write(&blocked, b"").unwrap();
        let cache = Cache::in_dir(blocked.join("cache"));
        let bytes = cache
            .get_or_make("og-1", b"x", |_| true, || Ok(b"made".to_vec()))
            .unwrap();
        assert_eq!(bytes, b"made");
        assert!(Cache::none()
            .get_or_make("og-1", b"x", |_| true, || Err("failed".into()))
            .is_err());
    }

    #[test]
    fn the_default_cache_is_the_users() {
        let var = |text: &str| Some(OsString::from(text));
        assert_eq!(
            user_cache_dir(var("/var/cache/me"), var("/home/me")),
            Some(PathBuf::from("/var/cache/me/portal-publisher"))
        );
        for xdg in [None, var(""), var("relative")] {
            assert_eq!(
                user_cache_dir(xdg, var("/home/me")),
                Some(PathBuf::from("/home/me/.cache/portal-publisher"))
            );
        }
        assert_eq!(user_cache_dir(None, var("")), None);
        assert_eq!(user_cache_dir(None, None), None);
    }
}
