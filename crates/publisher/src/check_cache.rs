//! Articles checked by an earlier build, kept in the cache so that the next
//! build reads and parses only the files that changed: in a
//! 100,000-article archive an edit touches one file, and checking the rest
//! again is most of a build's time.
//!
//! A file is taken as unchanged while its size, inode, modification and
//! change times are what they were when it was checked (what `git` and
//! `make` trust; the change time moves on any write, even one that restores
//! the old modification time). Its body is still read again for the
//! documents that need it, against the fingerprint of the checked bytes
//! ([`crate::body`]). A record is used only under the same key: this
//! publisher, the same categories and the same media (an article's checks
//! depend on them); anything else checks every file again.
//!
//! The records are one large file (150 MB for a 100,000-article archive)
//! and the articles an edit changed a small second one beside it (the
//! records that differ from the large file's, and the paths it no longer
//! has), tied to the large file by its fingerprint: an edit rewrites only
//! the small file, until it holds more than [`MOST_CHANGED`] records.
//!
//! Both files are an index of entries (path, stamp, the record's bytes)
//! read as it is, each record decoded only when its article is asked for
//! ([`CheckedArticles::get`], on every core, straight into the article it
//! becomes): loading the cache of a 100,000-article archive is reading a
//! file and listing its paths, not decoding 100,000 records on one core.
//! Each file starts with [`MAGIC`] (its format) and ends with a
//! fingerprint of its bytes: a damaged or older file is not used, with a
//! warning, and every article is checked again.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use portal_contract::Lang;
use serde::{Deserialize, Serialize};

use crate::article::{hero_image, ParsedArticle};
use crate::body::{Body, BodyFile};
use crate::cache::Cache;
use crate::front_matter::FrontMatter;
use crate::media::MediaLibrary;
use crate::tree_manifest::{ByPath, Hash};

/// What identifies a file's state without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    inode: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of a file whose metadata is `meta`.
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        Some(Stamp {
            len: meta.len(),
            inode: meta.ino(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// The stamp as bytes, for fingerprinting a folder's state (see
    /// [`crate::folder_cache`]).
    pub fn bytes(&self) -> [u8; 48] {
        let mut bytes = [0; 48];
        let parts = [
            self.len as i64,
            self.inode as i64,
            self.modified.0,
            self.modified.1,
            self.changed.0,
            self.changed.1,
        ];
        for (slot, part) in bytes.chunks_exact_mut(8).zip(parts) {
            slot.copy_from_slice(&part.to_le_bytes());
        }
        bytes
    }

    #[cfg(not(unix))]
    pub fn of(_: &fs::Metadata) -> Option<Stamp> {
        // Without a change time a restored file cannot be told apart:
        // every article is checked every time.
        None
    }
}

/// The [`Stamp`] of the file at `location`, if it can be had (the build
/// takes stamps while listing folders: `sources.rs`).
#[cfg(test)]
pub fn stamp(location: &Path) -> Option<Stamp> {
    Stamp::of(&fs::metadata(location).ok()?)
}

/// One checked article as kept, but for its path and stamp (which are in
/// the index).
#[derive(Deserialize)]
struct Record {
    slug: String,
    lang: Lang,
    front_matter: FrontMatter,
    body: BodyFile,
}

/// A [`Record`] serialised from the article it describes, without
/// copying it (the same bytes as the record).
#[derive(Serialize)]
struct RecordOf<'a> {
    slug: &'a str,
    lang: Lang,
    front_matter: &'a FrontMatter,
    body: &'a BodyFile,
}

/// The first bytes of both files: what they are and their format. A
/// file of another format is not read.
const MAGIC: &[u8; 8] = b"pchk0003";

/// More changed records than this and the large file is written again.
const MOST_CHANGED: usize = 2_000;

/// Which of the two files a record is in.
#[derive(Clone, Copy)]
enum Which {
    Large,
    Small,
}

/// What is known of one path.
struct Slot {
    /// The stamp of the file the record was made from.
    stamp: Stamp,
    /// Where its record's bytes are; `None` when the small file says the
    /// large file's record no longer holds.
    record: Option<(Which, usize, usize)>,
    /// Its stamp in the large file, if there (what the small file's
    /// changes are counted against).
    base: Option<Stamp>,
}

/// The articles an earlier build checked, by path.
pub struct CheckedArticles {
    file: Option<PathBuf>,
    key: Hash,
    large: Vec<u8>,
    small: Vec<u8>,
    known: ByPath<Slot>,
    /// How many slots have a record.
    records: usize,
    /// The large file's fingerprint, when there is one.
    base: Option<Hash>,
}

impl CheckedArticles {
    /// What `cache` holds for `content_dir` under `key` (nothing when there
    /// is no cache, no entry or another key; a damaged entry is reported
    /// on stderr and not used).
    pub fn load(cache: &Cache, content_dir: &Path, key: Hash) -> Self {
        let file = cache.dir().map(|dir| {
            let name = crate::cache::name_for_dir(content_dir);
            dir.join("checks").join(format!("{name}.articles"))
        });
        let mut checked = Self {
            file,
            key,
            large: Vec::new(),
            small: Vec::new(),
            known: ByPath::default(),
            records: 0,
            base: None,
        };
        let Some(file) = checked.file.clone() else {
            return checked;
        };
        let Some((print, large)) = read_sealed(&file) else {
            return checked;
        };
        let Some(index) = Index::read(&large, None) else {
            warn_unusable(&file);
            return checked;
        };
        if index.key != key {
            // Another publisher, other categories or media: not an error.
            return checked;
        }
        for (path, stamp, at, len) in index.entries {
            checked.known.insert(
                path.to_string(),
                Slot {
                    stamp,
                    record: Some((Which::Large, at, len)),
                    base: Some(stamp),
                },
            );
        }
        checked.base = Some(print);
        let small = changes_file(&file);
        let changed = read_sealed(&small).and_then(|(_, bytes)| {
            let index = Index::read(&bytes, Some(print))?;
            let entries = index
                .entries
                .into_iter()
                .map(|(path, stamp, at, len)| (path.to_string(), stamp, at, len))
                .collect::<Vec<_>>();
            let removed = index
                .removed
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>();
            Some((index.key, bytes, entries, removed))
        });
        match changed {
            Some((found, bytes, entries, removed)) if found == key => {
                for path in removed {
                    if let Some(slot) = checked.known.get_mut(&path) {
                        slot.record = None;
                    }
                }
                for (path, stamp, at, len) in entries {
                    let slot = checked.known.entry(path).or_insert(Slot {
                        stamp,
                        record: None,
                        base: None,
                    });
                    slot.stamp = stamp;
                    slot.record = Some((Which::Small, at, len));
                }
                checked.small = bytes;
            }
            // Written under another key (the publisher, categories or
            // media changed): not damaged, only not usable.
            Some(_) => {}
            None if small.exists() => warn_unusable(&small),
            None => {}
        }
        checked.large = large;
        checked.records = checked
            .known
            .values()
            .filter(|slot| slot.record.is_some())
            .count();
        checked
    }

    /// The article at `path` (in the content directory `root`) as checked before,
    /// if its file is as it was then (`stamp`, taken before it would be
    /// read).
    pub fn get(
        &self,
        path: &str,
        root: &Arc<Path>,
        stamp: &Stamp,
        media: &MediaLibrary,
    ) -> Option<ParsedArticle> {
        let slot = self.known.get(path)?;
        if slot.stamp != *stamp {
            return None;
        }
        let (which, at, len) = slot.record?;
        let bytes = match which {
            Which::Large => &self.large,
            Which::Small => &self.small,
        };
        // Sealed with the file: a record that does not decode is a bug,
        // and the article is simply checked again.
        let record = postcard::from_bytes::<Record>(bytes.get(at..at + len)?).ok()?;
        if hero_image(&record.front_matter, media).1.is_some() {
            return None;
        }
        Some(ParsedArticle {
            slug: record.slug,
            lang: record.lang,
            path: path.to_string(),
            front_matter: record.front_matter,
            body: Body::InFile(BodyFile {
                // The file found under this path, whatever the record says.
                path: path.into(),
                root: Arc::clone(root),
                ..record.body
            }),
        })
    }

    /// How many articles were known.
    pub fn len(&self) -> usize {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// Keeps `checked` (with each file's stamp from before it was read)
    /// for the next build, when it differs from what was loaded. Failing to
    /// write loses nothing but time.
    pub fn save(&self, checked: &[(&ParsedArticle, Option<Stamp>)]) {
        let Some(file) = &self.file else { return };
        let unchanged = checked.len() == self.records
            && checked.iter().all(|(article, stamp)| {
                self.known
                    .get(&article.path)
                    .is_some_and(|slot| slot.record.is_some() && Some(slot.stamp) == *stamp)
            });
        if unchanged {
            return;
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        let written = match self.changes_since_base(checked) {
            Some((base, changed, removed)) => {
                let bytes = write_index(&self.key, Some(&base), &changed, &removed);
                bytes.and_then(|bytes| {
                    crate::cache::store(dir, &changes_file(file), &bytes)
                        .map_err(|error| error.to_string())
                })
            }
            None => {
                let all: Vec<_> = checked.iter().filter(|entry| keepable(entry)).collect();
                write_index(&self.key, None, &all, &[]).and_then(|bytes| {
                    // The small file belongs to the large one it
                    // replaces: gone first, so it never meets another.
                    match fs::remove_file(changes_file(file)) {
                        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                            return Err(error.to_string())
                        }
                        _ => {}
                    }
                    crate::cache::store(dir, file, &bytes).map_err(|error| error.to_string())
                })
            }
        };
        if let Err(error) = written {
            eprintln!("warning: cache {}: {error}", file.display());
        }
    }

    /// What `checked` changes in the large file, when that is little: the
    /// large file's fingerprint, the records to keep beside it and the
    /// paths it has that no longer hold.
    fn changes_since_base<'a, 'b>(
        &self,
        checked: &'b [Checked<'a>],
    ) -> Option<(Hash, Vec<&'b Checked<'a>>, Vec<String>)> {
        let print = self.base?;
        let mut changed = Vec::new();
        let mut removed = Vec::new();
        let mut in_base = 0;
        for entry in checked {
            let (article, stamp) = entry;
            let before = self.known.get(&article.path).and_then(|slot| slot.base);
            in_base += usize::from(before.is_some());
            if stamp.is_some() && before == *stamp {
                continue;
            }
            if changed.len() + removed.len() >= MOST_CHANGED {
                return None;
            }
            if keepable(entry) {
                changed.push(entry);
            } else if before.is_some() {
                // Not kept this time: the large file's record must not
                // stand in for it.
                removed.push(article.path.clone());
            }
        }
        let in_large = self
            .known
            .values()
            .filter(|slot| slot.base.is_some())
            .count();
        if in_base < in_large {
            let paths: HashSet<&str> = checked
                .iter()
                .map(|(article, _)| article.path.as_str())
                .collect();
            removed.extend(
                self.known
                    .iter()
                    .filter(|(path, slot)| slot.base.is_some() && !paths.contains(path.as_str()))
                    .map(|(path, _)| path.clone()),
            );
        }
        (removed.len() <= MOST_CHANGED).then_some((print, changed, removed))
    }
}

/// An article as this build checked it, with its file's stamp from
/// before it was read.
type Checked<'a> = (&'a ParsedArticle, Option<Stamp>);

/// Whether a record of a checked article can be kept: its file and
/// stamp are known.
fn keepable((article, stamp): &(&ParsedArticle, Option<Stamp>)) -> bool {
    stamp.is_some() && matches!(article.body, Body::InFile(_))
}

/// A file's bytes and fingerprint, when it is whole (see
/// [`crate::cache::store`]); a damaged one is reported.
fn read_sealed(file: &Path) -> Option<(Hash, Vec<u8>)> {
    let sealed = fs::read(file).ok()?;
    let print: Option<Hash> = sealed
        .len()
        .checked_sub(16)
        .and_then(|at| sealed[at..].try_into().ok());
    match (print, crate::cache::unseal(sealed)) {
        (Some(print), Some(bytes)) => Some((print, bytes)),
        _ => {
            warn_unusable(file);
            None
        }
    }
}

fn warn_unusable(file: &Path) {
    eprintln!(
        "warning: cache {}: damaged or of another format, not used; the articles are checked again",
        file.display()
    );
}

/// The entries of a file, as read: path, stamp, and where the record's
/// bytes are.
struct Index<'a> {
    key: Hash,
    entries: Vec<(&'a str, Stamp, usize, usize)>,
    removed: Vec<&'a str>,
}

impl<'a> Index<'a> {
    /// `bytes` as written by [`write_index`]; a small file only when it
    /// applies to the large file with the fingerprint `base`.
    fn read(bytes: &'a [u8], base: Option<Hash>) -> Option<Self> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let key: Hash = reader.take(16)?.try_into().ok()?;
        if let Some(base) = base {
            if reader.take(16)? != base {
                return None;
            }
        }
        let count = reader.number()?;
        let mut entries = Vec::with_capacity(count.min(bytes.len() / 64));
        for _ in 0..count {
            let path = reader.text()?;
            let stamp = Stamp {
                len: reader.u64()?,
                inode: reader.u64()?,
                modified: (reader.i64()?, reader.i64()?),
                changed: (reader.i64()?, reader.i64()?),
            };
            let len = reader.number()?;
            let at = reader.at;
            reader.take(len)?;
            entries.push((path, stamp, at, len));
        }
        let removed_count = if base.is_some() { reader.number()? } else { 0 };
        let mut removed = Vec::with_capacity(removed_count.min(bytes.len() / 4));
        for _ in 0..removed_count {
            removed.push(reader.text()?);
        }
        (reader.at == bytes.len()).then_some(Self {
            key,
            entries,
            removed,
        })
    }
}

/// The bytes of a file: [`MAGIC`], `key`, for a small file the large
/// file's fingerprint `base`, the entries, and for a small file the
/// `removed` paths.
fn write_index(
    key: &Hash,
    base: Option<&Hash>,
    entries: &[&(&ParsedArticle, Option<Stamp>)],
    removed: &[String],
) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(entries.len() * 1024);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(key);
    if let Some(base) = base {
        bytes.extend_from_slice(base);
    }
    push_number(&mut bytes, entries.len())?;
    let mut record = Vec::new();
    for (article, stamp) in entries {
        let (Some(stamp), Body::InFile(body)) = (stamp, &article.body) else {
            return Err(format!("{}: no file to keep a record of", article.path));
        };
        record.clear();
        let of = RecordOf {
            slug: &article.slug,
            lang: article.lang,
            front_matter: &article.front_matter,
            body,
        };
        record = postcard::to_extend(&of, record).map_err(|error| error.to_string())?;
        push_text(&mut bytes, &article.path)?;
        for part in [stamp.len, stamp.inode] {
            bytes.extend_from_slice(&part.to_le_bytes());
        }
        for part in [
            stamp.modified.0,
            stamp.modified.1,
            stamp.changed.0,
            stamp.changed.1,
        ] {
            bytes.extend_from_slice(&part.to_le_bytes());
        }
        push_number(&mut bytes, record.len())?;
        bytes.extend_from_slice(&record);
    }
    if base.is_some() {
        push_number(&mut bytes, removed.len())?;
        for path in removed {
            push_text(&mut bytes, path)?;
        }
    }
    Ok(bytes)
}

fn push_number(bytes: &mut Vec<u8>, number: usize) -> Result<(), String> {
    let number = u32::try_from(number).map_err(|_| format!("{number} is too large to keep"))?;
    bytes.extend_from_slice(&number.to_le_bytes());
    Ok(())
}

fn push_text(bytes: &mut Vec<u8>, text: &str) -> Result<(), String> {
    push_number(bytes, text.len())?;
    bytes.extend_from_slice(text.as_bytes());
    Ok(())
}

/// Reads the parts [`write_index`] wrote, `None` past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let part = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(part)
    }

    fn number(&mut self) -> Option<usize> {
        let bytes: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.number()?;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

/// The small file beside the large one `file`.
fn changes_file(file: &Path) -> PathBuf {
    file.with_extension("changed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;
    use crate::categories::{self, Categories};
    use crate::sources::SourceFile;

    const ARTICLE: &str = "+++\ntitle = \"T\"\nlead = \"L\"\ncategory = \"culture\"\npublished = \"2026-10-14T09:30:00+03:00\"\n\n[hero]\nsrc = \"media/castle.svg\"\nalt = \"A castle\"\n+++\n\nBody.\n";

    fn setup() -> (Categories, MediaLibrary) {
        let (categories, errors) = categories::parse(
            "[[category]]\nslug = \"culture\"\nen = \"C\"\nru = \"К\"\nbe = \"К\"\n",
        );
        assert!(errors.is_empty());
        let mut media = MediaLibrary::default();
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"/>"#;
        assert!(media.add("castle.svg", svg.to_vec()).is_empty());
        (categories, media)
    }

    fn checked(
        location: &Path,
        root: &Arc<Path>,
        categories: &Categories,
        media: &MediaLibrary,
    ) -> ParsedArticle {
        let text = fs::read_to_string(location).unwrap();
        let file = SourceFile {
            slug: "mir".into(),
            lang: Lang::En,
            path: "news/mir/en.md".into(),
            text: text.clone(),
        };
        let (article, errors) = parse_article(&file, categories, media);
        assert!(errors.is_empty(), "{errors:?}");
        let mut article = article.unwrap();
        article.body = Body::InFile(BodyFile {
            path: file.path.as_str().into(),
            root: Arc::clone(root),
            after_front_matter: true,
            checked: crate::body::fingerprint(text.as_bytes()),
        });
        article
    }

    #[test]
    fn an_unchanged_file_is_taken_from_the_cache_under_the_same_key_only() {
        let (categories, media) = setup();
        let cache_dir = tempfile::tempdir().unwrap();
        let content = tempfile::tempdir().unwrap();
        let root: Arc<Path> = Arc::from(content.path());
        let location = content.path().join("en.md");
        fs::write(&location, ARTICLE).unwrap();
        let cache = Cache::in_dir(cache_dir.path());

        let before = stamp(&location).unwrap();
        let article = checked(&location, &root, &categories, &media);
        let empty = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert!(empty.is_empty());
        empty.save(&[(&article, Some(before))]);

        let known = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(known.len(), 1);
        let now = stamp(&location).unwrap();
        assert_eq!(
            known.get("news/mir/en.md", &root, &now, &media),
            Some(article.clone())
        );
        // Another key (a new publisher, other categories or media): nothing.
        assert!(CheckedArticles::load(&cache, content.path(), [2; 16]).is_empty());

        // An edit is kept in the small file; the large one stays as it is.
        let large = cache_dir.path().join("checks");
        let large = fs::read_dir(&large)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| path.extension().is_some_and(|ext| ext == "articles"))
            .unwrap();
        let large_bytes = fs::read(&large).unwrap();
        fs::write(&location, ARTICLE.replace("Body.", "Body, edited.")).unwrap();
        let edited_stamp = stamp(&location).unwrap();
        let edited = checked(&location, &root, &categories, &media);
        let other = content.path().join("ru.md");
        fs::write(&other, ARTICLE).unwrap();
        let mut second = checked(&other, &root, &categories, &media);
        second.path = "news/mir/ru.md".into();
        known.save(&[(&edited, Some(edited_stamp)), (&second, stamp(&other))]);
        assert_eq!(fs::read(&large).unwrap(), large_bytes);
        assert!(large.with_extension("changed").exists());
        let after = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(after.len(), 2);
        assert_eq!(
            after.get("news/mir/en.md", &root, &edited_stamp, &media),
            Some(edited.clone())
        );
        // One removed: gone from what is known, still through the small file.
        after.save(&[(&edited, Some(edited_stamp))]);
        assert_eq!(fs::read(&large).unwrap(), large_bytes);
        let after = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(after.len(), 1);
        // A damaged small file is ignored: only the large one is known.
        let small = large.with_extension("changed");
        let mut bytes = fs::read(&small).unwrap();
        bytes[0] ^= 1;
        fs::write(&small, bytes).unwrap();
        let damaged = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(
            damaged.get("news/mir/en.md", &root, &edited_stamp, &media),
            None
        );

        // Rewritten, even with the same bytes: checked again.
        let temporary = content.path().join("new.md");
        fs::write(&temporary, ARTICLE).unwrap();
        fs::rename(&temporary, &location).unwrap();
        let now = stamp(&location).unwrap();
        assert_eq!(known.get("news/mir/en.md", &root, &now, &media), None);
    }

    #[test]
    fn a_damaged_truncated_or_older_file_is_not_used_and_written_again() {
        let (categories, media) = setup();
        let cache_dir = tempfile::tempdir().unwrap();
        let content = tempfile::tempdir().unwrap();
        let root: Arc<Path> = Arc::from(content.path());
        let location = content.path().join("en.md");
        fs::write(&location, ARTICLE).unwrap();
        let cache = Cache::in_dir(cache_dir.path());
        let article = checked(&location, &root, &categories, &media);
        let stamp_now = stamp(&location);
        CheckedArticles::load(&cache, content.path(), [1; 16]).save(&[(&article, stamp_now)]);
        let large = fs::read_dir(cache_dir.path().join("checks"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| path.extension().is_some_and(|ext| ext == "articles"))
            .unwrap();
        let good = fs::read(&large).unwrap();
        let unsealed = crate::cache::unseal(good.clone()).unwrap();
        let mut older = unsealed.clone();
        older[..MAGIC.len()].copy_from_slice(b"pchk0001");
        let mut flipped = good.clone();
        flipped[good.len() / 2] ^= 1;
        type Damage<'a> = (&'a str, Box<dyn Fn() + 'a>);
        let damages: [Damage; 3] = [
            (
                "a flipped byte",
                Box::new(|| fs::write(&large, &flipped).unwrap()),
            ),
            (
                "cut in half",
                Box::new(|| fs::write(&large, &good[..good.len() / 2]).unwrap()),
            ),
            (
                "another format, sealed",
                Box::new(|| crate::cache::store(large.parent().unwrap(), &large, &older).unwrap()),
            ),
        ];
        for (damage, apply) in damages {
            apply();
            let loaded = CheckedArticles::load(&cache, content.path(), [1; 16]);
            assert!(loaded.is_empty(), "{damage}");
            let now = stamp(&location).unwrap();
            assert_eq!(loaded.get("news/mir/en.md", &root, &now, &media), None);
            // Written whole again by the build that checked everything.
            loaded.save(&[(&article, stamp_now)]);
            assert_eq!(fs::read(&large).unwrap(), good, "{damage}");
            let again = CheckedArticles::load(&cache, content.path(), [1; 16]);
            assert_eq!(
                again.get("news/mir/en.md", &root, &now, &media),
                Some(article.clone()),
                "{damage}"
            );
        }
    }
}
