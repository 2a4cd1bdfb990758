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

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use portal_contract::Lang;
use serde::{Deserialize, Serialize};

use crate::article::{hero_image, ParsedArticle};
use crate::body::{Body, BodyFile};
use crate::cache::Cache;
use crate::front_matter::FrontMatter;
use crate::media::MediaLibrary;
use crate::tree_manifest::Hash;

/// What identifies a file's state without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    inode: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

/// The [`Stamp`] of the file at `location`, if it can be had.
#[cfg(unix)]
pub fn stamp(location: &Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(location).ok()?;
    Some(Stamp {
        len: meta.len(),
        inode: meta.ino(),
        modified: (meta.mtime(), meta.mtime_nsec()),
        changed: (meta.ctime(), meta.ctime_nsec()),
    })
}

#[cfg(not(unix))]
pub fn stamp(_: &Path) -> Option<Stamp> {
    // Without a change time a restored file cannot be told apart: every
    // article is checked every time.
    None
}

/// One checked article, as kept.
#[derive(Serialize, Deserialize)]
struct Record {
    path: String,
    stamp: Stamp,
    slug: String,
    lang: Lang,
    front_matter: FrontMatter,
    body: BodyFile,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    key: Hash,
    records: Vec<Record>,
}

/// A [`Record`] lent from a checked article: the large file is written
/// from these, the same bytes without a copy of every article's front
/// matter (a second 0.3 GB at the peak of a 100,000-article build).
#[derive(Serialize)]
struct RecordRef<'a> {
    path: &'a str,
    stamp: Stamp,
    slug: &'a str,
    lang: Lang,
    front_matter: &'a FrontMatter,
    body: &'a BodyFile,
}

/// [`Stored`], written from [`RecordRef`]s.
#[derive(Serialize)]
struct StoredRef<'a> {
    key: Hash,
    records: Vec<RecordRef<'a>>,
}

/// What changed since the large file was written (see the module
/// documentation).
#[derive(Serialize, Deserialize)]
struct Changed {
    key: Hash,
    /// The fingerprint of the large file these changes apply to.
    base: Hash,
    records: Vec<Record>,
    removed: Vec<String>,
}

/// More changed records than this and the large file is written again.
const MOST_CHANGED: usize = 2_000;

/// The articles an earlier build checked, by path.
pub struct CheckedArticles {
    file: Option<PathBuf>,
    key: Hash,
    known: HashMap<String, Record>,
    /// The large file's fingerprint and each of its records' stamps, by
    /// path (what the small file's changes are counted against).
    base: Option<(Hash, HashMap<String, Stamp>)>,
}

impl CheckedArticles {
    /// What `cache` holds for `content_dir` under `key` (nothing when there
    /// is no cache, no entry or another key).
    pub fn load(cache: &Cache, content_dir: &Path, key: Hash) -> Self {
        let file = cache.dir().map(|dir| {
            let name = crate::cache::name_for_dir(content_dir);
            dir.join("checks").join(format!("{name}.articles"))
        });
        let stored = file
            .as_ref()
            .and_then(|file| fs::read(file).ok())
            .and_then(|sealed| {
                // Sealed with a fingerprint of its bytes (the last 16): a
                // damaged file (a flipped byte in a title) is not read at
                // all. That fingerprint also names it for the small file.
                let at = sealed.len().checked_sub(16)?;
                let print: Hash = sealed[at..].try_into().ok()?;
                let bytes = crate::cache::unseal(sealed)?;
                let stored = postcard::from_bytes::<Stored>(&bytes).ok()?;
                Some((print, stored))
            })
            .filter(|(_, stored)| stored.key == key);
        let Some((print, stored)) = stored else {
            return Self {
                file,
                key,
                known: HashMap::new(),
                base: None,
            };
        };
        let stamps = stored
            .records
            .iter()
            .map(|record| (record.path.clone(), record.stamp))
            .collect();
        let mut known: HashMap<String, Record> = stored
            .records
            .into_iter()
            .map(|record| (record.path.clone(), record))
            .collect();
        let changed = file
            .as_deref()
            .and_then(|file| fs::read(changes_file(file)).ok())
            .and_then(crate::cache::unseal)
            .and_then(|bytes| postcard::from_bytes::<Changed>(&bytes).ok())
            .filter(|changed| changed.key == key && changed.base == print);
        if let Some(changed) = changed {
            for path in &changed.removed {
                known.remove(path);
            }
            for record in changed.records {
                known.insert(record.path.clone(), record);
            }
        }
        Self {
            file,
            key,
            known,
            base: Some((print, stamps)),
        }
    }

    /// The article at `path` (found at `location` this time: the same
    /// content may be given by another relative path) as checked before,
    /// if its file is as it was then (`stamp`, taken before it would be
    /// read).
    pub fn get(
        &self,
        path: &str,
        location: &Path,
        stamp: &Stamp,
        media: &MediaLibrary,
    ) -> Option<ParsedArticle> {
        let record = self.known.get(path)?;
        if record.stamp != *stamp {
            return None;
        }
        let (hero, error) = hero_image(&record.front_matter, media);
        if error.is_some() {
            return None;
        }
        Some(ParsedArticle {
            slug: record.slug.clone(),
            lang: record.lang,
            path: record.path.clone(),
            front_matter: record.front_matter.clone(),
            hero,
            body: Body::InFile(BodyFile {
                location: location.to_path_buf(),
                ..record.body.clone()
            }),
        })
    }

    /// How many articles were known.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Keeps `checked` (with each file's stamp from before it was read)
    /// for the next build, when it differs from what was loaded. Failing to
    /// write loses nothing but time.
    pub fn save(&self, checked: &[(&ParsedArticle, Option<Stamp>)]) {
        let Some(file) = &self.file else { return };
        let unchanged = checked.len() == self.known.len()
            && checked.iter().all(|(article, stamp)| {
                self.known
                    .get(&article.path)
                    .is_some_and(|record| Some(record.stamp) == *stamp)
            });
        if unchanged {
            return;
        }
        let dir = file.parent().unwrap_or(Path::new("."));
        let written = match self.changes_since_base(checked) {
            Some(changed) => postcard::to_stdvec(&changed)
                .map_err(|error| error.to_string())
                .and_then(|bytes| {
                    crate::cache::store(dir, &changes_file(file), &bytes)
                        .map_err(|error| error.to_string())
                }),
            None => {
                let stored = StoredRef {
                    key: self.key,
                    records: checked.iter().filter_map(record_ref).collect(),
                };
                postcard::to_stdvec(&stored)
                    .map_err(|error| error.to_string())
                    .and_then(|bytes| {
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

    /// What `checked` changes in the large file, when that is little.
    fn changes_since_base(&self, checked: &[(&ParsedArticle, Option<Stamp>)]) -> Option<Changed> {
        let (print, stamps) = self.base.as_ref()?;
        let mut records = Vec::new();
        let mut removed = Vec::new();
        let mut in_base = 0;
        for entry in checked {
            let (article, stamp) = entry;
            let before = stamps.get(&article.path);
            in_base += usize::from(before.is_some());
            if stamp.is_some() && before == stamp.as_ref() {
                continue;
            }
            if records.len() + removed.len() >= MOST_CHANGED {
                return None;
            }
            match record(entry) {
                Some(changed) => records.push(changed),
                // Not kept this time: the large file's record must not
                // stand in for it.
                None if before.is_some() => removed.push(article.path.clone()),
                None => {}
            }
        }
        if in_base < stamps.len() {
            let paths: std::collections::HashSet<&str> = checked
                .iter()
                .map(|(article, _)| article.path.as_str())
                .collect();
            removed.extend(
                stamps
                    .keys()
                    .filter(|path| !paths.contains(path.as_str()))
                    .cloned(),
            );
        }
        (removed.len() <= MOST_CHANGED).then_some(Changed {
            key: self.key,
            base: *print,
            records,
            removed,
        })
    }
}

/// The record of a checked article, when it can be kept (its file and
/// stamp are known).
fn record((article, stamp): &(&ParsedArticle, Option<Stamp>)) -> Option<Record> {
    let Body::InFile(body) = &article.body else {
        return None;
    };
    Some(Record {
        path: article.path.clone(),
        stamp: (*stamp)?,
        slug: article.slug.clone(),
        lang: article.lang,
        front_matter: article.front_matter.clone(),
        body: body.clone(),
    })
}

fn record_ref<'a>((article, stamp): &(&'a ParsedArticle, Option<Stamp>)) -> Option<RecordRef<'a>> {
    let Body::InFile(body) = &article.body else {
        return None;
    };
    Some(RecordRef {
        path: &article.path,
        stamp: (*stamp)?,
        slug: &article.slug,
        lang: article.lang,
        front_matter: &article.front_matter,
        body,
    })
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

    fn checked(location: &Path, categories: &Categories, media: &MediaLibrary) -> ParsedArticle {
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
            path: file.path.clone(),
            location: location.to_path_buf(),
            after_front_matter: true,
            checked: crate::body::fingerprint(text.as_bytes()),
        });
        article
    }

    #[test]
    fn a_lent_record_is_written_as_the_record() {
        let (categories, media) = setup();
        let dir = std::env::temp_dir().join(format!("portal-check-ref-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let location = dir.join("en.md");
        fs::write(&location, ARTICLE).unwrap();
        let article = checked(&location, &categories, &media);
        let entry = (&article, stamp(&location));
        let lent = StoredRef {
            key: [7; 16],
            records: vec![record_ref(&entry).unwrap()],
        };
        let owned = Stored {
            key: [7; 16],
            records: vec![record(&entry).unwrap()],
        };
        assert_eq!(
            postcard::to_stdvec(&lent).unwrap(),
            postcard::to_stdvec(&owned).unwrap()
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unchanged_file_is_taken_from_the_cache_under_the_same_key_only() {
        let (categories, media) = setup();
        let cache_dir = tempfile::tempdir().unwrap();
        let content = tempfile::tempdir().unwrap();
        let location = content.path().join("en.md");
        fs::write(&location, ARTICLE).unwrap();
        let cache = Cache::in_dir(cache_dir.path());

        let before = stamp(&location).unwrap();
        let article = checked(&location, &categories, &media);
        let empty = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert!(empty.is_empty());
        empty.save(&[(&article, Some(before))]);

        let known = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(known.len(), 1);
        let now = stamp(&location).unwrap();
        assert_eq!(
            known.get("news/mir/en.md", &location, &now, &media),
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
        let edited = checked(&location, &categories, &media);
        let other = content.path().join("ru.md");
        fs::write(&other, ARTICLE).unwrap();
        let mut second = checked(&other, &categories, &media);
        second.path = "news/mir/ru.md".into();
        known.save(&[(&edited, Some(edited_stamp)), (&second, stamp(&other))]);
        assert_eq!(fs::read(&large).unwrap(), large_bytes);
        assert!(large.with_extension("changed").exists());
        let after = CheckedArticles::load(&cache, content.path(), [1; 16]);
        assert_eq!(after.len(), 2);
        assert_eq!(
            after.get("news/mir/en.md", &location, &edited_stamp, &media),
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
            damaged.get("news/mir/en.md", &location, &edited_stamp, &media),
            None
        );

        // Rewritten, even with the same bytes: checked again.
        let temporary = content.path().join("new.md");
        fs::write(&temporary, ARTICLE).unwrap();
        fs::rename(&temporary, &location).unwrap();
        let now = stamp(&location).unwrap();
        assert_eq!(known.get("news/mir/en.md", &location, &now, &media), None);
    }
}
