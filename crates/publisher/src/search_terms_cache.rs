//! The terms of each search document ([`DocTerms`]) kept in the cache
//! between builds, by a fingerprint of everything the index takes from the
//! document (its recipe): an unchanged document is neither read again nor
//! tokenised. Reading and tokenising every body is most of the time of a
//! large archive's search index.
//!
//! One file per language, `search/{lang}.terms`: the entries one after
//! another, then an index of them (recipe, offset, length, fingerprint),
//! then the index's offset and length. Entries are read one at a time
//! (`read_at`), so the file is never all in memory; each is checked
//! against its fingerprint. Entries are named by content, so trees built
//! from different content may share the cache (each build keeps only its
//! own entries, so alternating between two costs the work again).
//!
//! A build that patches the index ([`crate::search_patch`]) reads only the
//! entries of the edited documents and appends their new entries and a new
//! index to the file ([`KeptTerms::save_patched`]) instead of copying every
//! entry; the file is written afresh when most of it is entries no longer
//! used.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use portal_contract::Lang;
use portal_search::DocTerms;

use crate::body::fingerprint;
use crate::cache::Cache;
use crate::tree_manifest::Hash;

const MAGIC: &[u8; 8] = b"pstrms01";

/// Where one entry is in the file.
#[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Place {
    offset: u64,
    len: u32,
    print: Hash,
}

/// The terms an earlier build kept, and those this build keeps: written to
/// a new file as the build goes (entries found in the old file are copied
/// over), so memory stays flat whatever the number of documents; the new
/// file replaces the old one only when something changed.
pub struct KeptTerms {
    file: Option<PathBuf>,
    old: Option<File>,
    places: HashMap<Hash, Place>,
    /// This build's entries, in the build's order; started by the first
    /// entry.
    stream: Option<Stream>,
    /// A write failed: nothing more is kept this build.
    abandoned: bool,
    index: Vec<(Hash, Place)>,
    missed: usize,
}

struct Stream {
    temporary: PathBuf,
    out: BufWriter<File>,
    offset: u64,
}

impl KeptTerms {
    /// What `cache` keeps for `lang` (nothing without a cache).
    pub fn open(cache: &Cache, lang: Lang) -> Self {
        let file = cache
            .dir()
            .map(|dir| dir.join("search").join(format!("{lang}.terms")));
        let (old, places) = match file.as_deref().and_then(read_index) {
            Some((old, places)) => (Some(old), places),
            None => (None, HashMap::new()),
        };
        Self {
            file,
            old,
            places,
            stream: None,
            abandoned: false,
            index: Vec::new(),
            missed: 0,
        }
    }

    /// Whether anything is kept (a build with a cache).
    pub fn is_active(&self) -> bool {
        self.file.is_some() && !self.abandoned
    }

    /// The terms kept for `recipe`, if any (and whole).
    pub fn get(&mut self, recipe: &Hash) -> Option<DocTerms> {
        let (terms, bytes) = self.read(recipe)?;
        self.write(*recipe, &bytes);
        Some(terms)
    }

    /// The terms an earlier build kept for `recipe`, read without keeping
    /// them for the next build (see [`KeptTerms::save_patched`]).
    pub fn earlier(&self, recipe: &Hash) -> Option<DocTerms> {
        self.read(recipe).map(|(terms, _)| terms)
    }

    fn read(&self, recipe: &Hash) -> Option<(DocTerms, Vec<u8>)> {
        let place = *self.places.get(recipe)?;
        let bytes = read_at(self.old.as_ref()?, place.offset, place.len as usize)?;
        if fingerprint(&bytes) != place.print {
            return None;
        }
        let terms = postcard::from_bytes::<DocTerms>(&bytes)
            .ok()
            .filter(DocTerms::is_valid)?;
        Some((terms, bytes))
    }

    /// Keeps `terms`, made for `recipe` this build.
    pub fn keep(&mut self, recipe: Hash, terms: DocTerms) {
        self.missed += 1;
        match postcard::to_stdvec(&terms) {
            Ok(bytes) => self.write(recipe, &bytes),
            Err(_) => self.abandon(),
        }
    }

    fn write(&mut self, recipe: Hash, bytes: &[u8]) {
        if self.stream.is_none() && !self.abandoned {
            self.stream = self.file.as_deref().and_then(start_stream);
            self.abandoned = self.stream.is_none();
        }
        let Some(stream) = &mut self.stream else {
            return;
        };
        match stream.write_bytes(bytes) {
            Ok(place) => self.index.push((recipe, place)),
            // Nothing more is kept this build; the old file stays.
            Err(_) => self.abandon(),
        }
    }

    /// Stops writing the new file (a write failed) and removes it.
    fn abandon(&mut self) {
        self.abandoned = true;
        if let Some(stream) = self.stream.take() {
            let _ = fs::remove_file(&stream.temporary);
        }
    }

    /// Puts the new file in place of the old one when it differs. Failing
    /// to write loses nothing but time.
    pub fn save(mut self) {
        if self.stream.is_none() && !self.abandoned {
            // No document at all: an empty file.
            self.stream = self.file.as_deref().and_then(start_stream);
        }
        let (Some(path), Some(stream)) = (self.file, self.stream) else {
            return;
        };
        let unchanged = self.missed == 0 && self.index.len() == self.places.len();
        let temporary = stream.temporary.clone();
        let result = if unchanged {
            fs::remove_file(&temporary)
        } else {
            stream.finish(&path, &self.index)
        };
        if result.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        if let Err(error) = result {
            eprintln!("warning: cache {}: {error}", path.display());
        }
    }
}

impl KeptTerms {
    /// Keeps, for the next build, the entries of `recipes` (this build's
    /// documents): those an earlier build kept and `new`, made this build.
    /// The new entries and a new index are appended to the file, so a
    /// patch costs what it changed, not a copy of every entry; when most
    /// of the file is entries no longer used, it is written afresh.
    pub fn save_patched(self, recipes: &[Hash], new: &[(Hash, DocTerms)]) {
        let Some(path) = self.file.clone() else {
            return;
        };
        if self.abandoned {
            return;
        }
        let result = self.append(&path, recipes, new);
        if let Err(error) = result {
            // The file may be cut short: the next build ignores it.
            eprintln!("warning: cache {}: {error}", path.display());
        }
    }

    fn append(
        self,
        path: &Path,
        recipes: &[Hash],
        new: &[(Hash, DocTerms)],
    ) -> std::io::Result<()> {
        use std::collections::HashSet;
        let old = self
            .old
            .as_ref()
            .ok_or_else(|| std::io::Error::other("no earlier file"))?;
        let len = old.metadata()?.len();
        let wanted: HashSet<&Hash> = recipes.iter().collect();
        let mut index: Vec<(Hash, Place)> = self
            .places
            .iter()
            .filter(|(recipe, _)| wanted.contains(recipe))
            .map(|(recipe, place)| (*recipe, *place))
            .collect();
        let live: u64 = index.iter().map(|(_, place)| u64::from(place.len)).sum();
        if len > 2 * live + (8 << 20) {
            return self.rewrite(path, index, new);
        }
        let file = fs::OpenOptions::new().append(true).open(path)?;
        let mut stream = Stream {
            temporary: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 20, file),
            offset: len,
        };
        for (recipe, terms) in new {
            let bytes = postcard::to_stdvec(terms).map_err(std::io::Error::other)?;
            index.push((*recipe, stream.write_bytes(&bytes)?));
        }
        stream.write_index(&index)
    }

    /// Writes a new file holding only the entries of `index` and `new`.
    fn rewrite(
        self,
        path: &Path,
        index: Vec<(Hash, Place)>,
        new: &[(Hash, DocTerms)],
    ) -> std::io::Result<()> {
        let old = self
            .old
            .as_ref()
            .ok_or_else(|| std::io::Error::other("no earlier file"))?;
        let mut stream = start_stream(path).ok_or_else(|| std::io::Error::other("cannot start"))?;
        let temporary = stream.temporary.clone();
        let mut result = Vec::with_capacity(index.len() + new.len());
        let written = (|| {
            for (recipe, place) in index {
                let bytes = read_at(old, place.offset, place.len as usize)
                    .ok_or_else(|| std::io::Error::other("an entry cannot be read"))?;
                result.push((recipe, stream.write_bytes(&bytes)?));
            }
            for (recipe, terms) in new {
                let bytes = postcard::to_stdvec(terms).map_err(std::io::Error::other)?;
                result.push((*recipe, stream.write_bytes(&bytes)?));
            }
            stream.finish(path, &result)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }
}

impl Stream {
    fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<Place> {
        self.out.write_all(bytes)?;
        let place = Place {
            offset: self.offset,
            len: u32::try_from(bytes.len()).map_err(std::io::Error::other)?,
            print: fingerprint(bytes),
        };
        self.offset += bytes.len() as u64;
        Ok(place)
    }

    fn finish(mut self, path: &Path, index: &[(Hash, Place)]) -> std::io::Result<()> {
        self.write_index(index)?;
        fs::rename(&self.temporary, path)
    }

    /// Ends the file: the index of `index`'s entries and the footer.
    fn write_index(&mut self, index: &[(Hash, Place)]) -> std::io::Result<()> {
        let bytes = postcard::to_stdvec(index).map_err(std::io::Error::other)?;
        let index_offset = self.offset;
        self.out.write_all(&bytes)?;
        self.out.write_all(&index_offset.to_le_bytes())?;
        self.out.write_all(&(bytes.len() as u64).to_le_bytes())?;
        self.out.write_all(&fingerprint(&bytes))?;
        self.out.write_all(MAGIC)?;
        self.out.flush()
    }
}

fn start_stream(path: &Path) -> Option<Stream> {
    let dir = path.parent()?;
    fs::create_dir_all(dir).ok()?;
    let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
    let file = File::create(&temporary).ok()?;
    Some(Stream {
        temporary,
        out: BufWriter::with_capacity(1 << 20, file),
        offset: 0,
    })
}

/// The file and its index, when it is whole.
fn read_index(path: &Path) -> Option<(File, HashMap<Hash, Place>)> {
    const FOOTER: usize = 8 + 8 + 16 + 8;
    let file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let footer = read_at(&file, len.checked_sub(FOOTER as u64)?, FOOTER)?;
    if &footer[32..] != MAGIC {
        return None;
    }
    let number = |at: usize| u64::from_le_bytes(footer[at..at + 8].try_into().unwrap_or([0; 8]));
    let (offset, size) = (number(0), number(8));
    // Checked before anything is allocated: a damaged size must not ask
    // for gigabytes.
    if offset.checked_add(size)? > len - FOOTER as u64 {
        return None;
    }
    let bytes = read_at(&file, offset, usize::try_from(size).ok()?)?;
    if fingerprint(&bytes)[..] != footer[16..32] {
        return None;
    }
    let index: Vec<(Hash, Place)> = postcard::from_bytes(&bytes).ok()?;
    Some((file, index.into_iter().collect()))
}

#[cfg(unix)]
fn read_at(file: &File, offset: u64, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut bytes = vec![0; len];
    file.read_exact_at(&mut bytes, offset).ok()?;
    Some(bytes)
}

#[cfg(not(unix))]
fn read_at(_: &File, _: u64, _: usize) -> Option<Vec<u8>> {
    // Nothing is read back elsewhere: every document is tokenised.
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_search::{DocKind, IndexBuilder, SearchDoc};

    fn terms(text: &str) -> DocTerms {
        let doc = SearchDoc {
            kind: DocKind::News,
            slug: "a".into(),
            title: String::new(),
            snippet: String::new(),
            date: None,
        };
        IndexBuilder::new().add_keeping_terms(doc, &[], text).1
    }

    #[test]
    fn terms_are_kept_by_recipe_and_a_damaged_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path());
        let mut first = KeptTerms::open(&cache, Lang::Ru);
        assert!(first.get(&[1; 16]).is_none());
        first.keep([1; 16], terms("Мір замак"));
        first.keep([2; 16], terms("Брэст"));
        first.save();

        // A second build: one kept, one new, one gone.
        let mut second = KeptTerms::open(&cache, Lang::Ru);
        assert_eq!(second.get(&[1; 16]), Some(terms("Мір замак")));
        second.keep([3; 16], terms("Гродна"));
        second.save();

        let mut third = KeptTerms::open(&cache, Lang::Ru);
        assert_eq!(third.get(&[3; 16]), Some(terms("Гродна")));
        assert_eq!(third.get(&[1; 16]), Some(terms("Мір замак")));
        assert_eq!(third.get(&[2; 16]), None);
        third.save();

        // A damaged entry is not read (the first in the file is [1]'s);
        // a file cut short is not read at all, and the next save replaces it.
        let file = dir.path().join("search/ru.terms");
        let mut bytes = fs::read(&file).unwrap();
        bytes[3] ^= 0xff;
        fs::write(&file, &bytes).unwrap();
        let mut damaged = KeptTerms::open(&cache, Lang::Ru);
        assert_eq!(damaged.get(&[1; 16]), None);
        assert_eq!(damaged.get(&[3; 16]), Some(terms("Гродна")));
        let cut = &bytes[..bytes.len() - 5];
        fs::write(&file, cut).unwrap();
        let mut cut_short = KeptTerms::open(&cache, Lang::Ru);
        assert_eq!(cut_short.get(&[3; 16]), None);
        cut_short.keep([3; 16], terms("Гродна"));
        cut_short.save();
        assert_eq!(
            KeptTerms::open(&cache, Lang::Ru).get(&[3; 16]),
            Some(terms("Гродна"))
        );
    }

    #[test]
    fn a_patch_appends_and_keeps_only_this_builds_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path());
        let mut first = KeptTerms::open(&cache, Lang::En);
        first.keep([1; 16], terms("Mir castle"));
        first.keep([2; 16], terms("Brest fortress"));
        first.save();
        let file = dir.path().join("search/en.terms");
        let before = fs::metadata(&file).unwrap().len();

        // [2] edited into [3]; [1] is neither read nor copied.
        let patch = KeptTerms::open(&cache, Lang::En);
        assert_eq!(patch.earlier(&[2; 16]), Some(terms("Brest fortress")));
        patch.save_patched(&[[1; 16], [3; 16]], &[([3; 16], terms("Brest gate"))]);
        assert!(fs::metadata(&file).unwrap().len() > before, "appended");
        let mut after = KeptTerms::open(&cache, Lang::En);
        assert_eq!(after.get(&[1; 16]), Some(terms("Mir castle")));
        assert_eq!(after.get(&[3; 16]), Some(terms("Brest gate")));
        assert_eq!(after.get(&[2; 16]), None);
    }
}
