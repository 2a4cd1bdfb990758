//! What the last build's search index of one language was made from, kept
//! in the cache (`search/{lang}.state`): the recipe of each document in
//! index order and a fingerprint of the manifest it published. The next
//! build compares its documents' recipes with these to find the edited
//! ones and patch the index ([`crate::search_patch`]); the manifest's
//! fingerprint ties the record to the tree it describes (a record of
//! another tree, or of a tree replaced meanwhile, is not used).

use std::fs;
use std::path::PathBuf;

use portal_contract::Lang;
use serde::{Deserialize, Serialize};

use crate::cache::Cache;
use crate::tree_manifest::Hash;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    /// The fingerprint of the manifest's bytes (`{lang}/search/index.json`).
    pub manifest: Hash,
    /// Each document's recipe (see `search_build`), by document number.
    pub recipes: Vec<Hash>,
}

impl IndexState {
    /// The record `cache` holds for `lang`, when it is whole.
    pub fn load(cache: &Cache, lang: Lang) -> Option<Self> {
        let bytes = fs::read(file(cache, lang)?).ok()?;
        postcard::from_bytes(&crate::cache::unseal(bytes)?).ok()
    }

    /// Records this for the next build; failing loses nothing but time.
    pub fn save(&self, cache: &Cache, lang: Lang) {
        let (Some(dir), Some(file)) = (cache.dir(), file(cache, lang)) else {
            return;
        };
        let stored = postcard::to_stdvec(self)
            .map_err(std::io::Error::other)
            .and_then(|bytes| crate::cache::store(&dir.join("search"), &file, &bytes));
        if let Err(error) = stored {
            eprintln!("warning: cache {}: {error}", file.display());
        }
    }
}

fn file(cache: &Cache, lang: Lang) -> Option<PathBuf> {
    cache
        .dir()
        .map(|dir| dir.join("search").join(format!("{lang}.state")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_is_read_back_and_a_damaged_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path());
        assert_eq!(IndexState::load(&cache, Lang::Be), None);
        let state = IndexState {
            manifest: [7; 16],
            recipes: vec![[1; 16], [2; 16]],
        };
        state.save(&cache, Lang::Be);
        assert_eq!(IndexState::load(&cache, Lang::Be), Some(state));
        assert_eq!(IndexState::load(&cache, Lang::En), None);
        let path = dir.path().join("search/be.state");
        let mut bytes = fs::read(&path).unwrap();
        bytes[3] ^= 1;
        fs::write(&path, bytes).unwrap();
        assert_eq!(IndexState::load(&cache, Lang::Be), None);
        assert_eq!(IndexState::load(&Cache::none(), Lang::Be), None);
    }
}
