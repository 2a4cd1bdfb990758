//! Reading the content directory: which files exist and whether the layout
//! (`news/{slug}/{lang}.md`, `media/{name}.svg`) is followed. Nothing here
//! looks inside an article; that is `article`'s job.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use portal_contract::slug::is_valid_slug;
use portal_contract::Lang;

use crate::body::{fingerprint, BodyFile};
use crate::categories::{CATEGORIES_FILE, EVENT_CATEGORIES_FILE, REGIONS_FILE, SITE_SECTIONS_FILE};
use crate::check_cache::Stamp;
use crate::error::Problems;
use crate::folder::{FolderSource, FolderText};
use crate::media::MediaLibrary;
use crate::tree_manifest::{Hash, Recipe};

pub const NEWS_DIR: &str = "news";
pub const EVENTS_DIR: &str = "events";
/// The facts file inside an event folder.
pub const EVENT_FILE: &str = "event.toml";
pub const SITES_DIR: &str = "sites";
/// The facts file inside a site folder.
pub const SITE_FILE: &str = "site.toml";

/// A folder found in the content directory, read when it is checked
/// ([`FolderFiles::read`]), like [`ArticleFile`]. Only what names its
/// files is kept (their paths are made from the content directory when
/// they are read): a listing of 291,666 folders held as paths was a
/// tenth of a gigabyte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderFiles {
    pub slug: Box<str>,
    /// `events` or `sites`.
    dir: &'static str,
    /// `event.toml` or `site.toml`.
    facts_file: &'static str,
    /// Which languages' Markdown files are there, in `Lang::ALL` order.
    texts: [bool; Lang::ALL.len()],
    /// A fingerprint of its files' names and [`Stamp`]s when it was
    /// listed (before they are read), when every one has a stamp: what
    /// [`crate::folder_cache`] compares.
    state: Option<Hash>,
}

impl FolderFiles {
    /// See the field `state`.
    pub fn state(&self) -> Option<Hash> {
        self.state
    }

    /// `{dir}/{slug}/{facts file}`, relative to the content directory.
    pub fn path(&self) -> String {
        format!("{}/{}/{}", self.dir, self.slug, self.facts_file)
    }

    /// The folder's files, or `None` with the reasons in `problems`.
    pub fn read(&self, content_dir: &Arc<Path>, problems: &mut Problems) -> Option<FolderSource> {
        let folder = content_dir.join(self.dir).join(&*self.slug);
        let path = self.path();
        let toml = read_text(&folder.join(self.facts_file), &path, problems);
        let mut bodies = Vec::new();
        for (lang, _) in Lang::ALL
            .into_iter()
            .zip(self.texts)
            .filter(|(_, there)| *there)
        {
            let name = format!("{}.md", lang.code());
            let text_path = format!("{}/{}/{name}", self.dir, self.slug);
            let location = folder.join(&name);
            if let Some(text) = read_text(&location, &text_path, problems) {
                bodies.push(FolderText {
                    lang,
                    path: text_path,
                    root: Some(Arc::clone(content_dir)),
                    text,
                });
            }
        }
        Some(FolderSource {
            slug: self.slug.to_string(),
            path,
            toml: toml?,
            bodies,
        })
    }
}

fn read_text(location: &Path, path: &str, problems: &mut Problems) -> Option<String> {
    match fs::read(location) {
        Ok(bytes) => text_or_report(bytes, path, problems),
        Err(error) => {
            problems.add(path, 1, format!("cannot read the file: {error}"));
            None
        }
    }
}
pub const MEDIA_DIR: &str = "media";

/// One article file in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub slug: String,
    pub lang: Lang,
    /// Relative to the content directory: `news/{slug}/{lang}.md`.
    pub path: String,
    pub text: String,
}

/// One article file found in the content directory, read when it is
/// checked ([`ArticleFile::read`]): holding every article's text at once
/// would cost as much memory as the whole archive. Only its slug,
/// language and stamp are kept: its path and location are made from them
/// when needed (held for 166,666 files they were a tenth of a gigabyte).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    pub slug: Box<str>,
    pub lang: Lang,
    /// The file's state when it was listed (before it is read).
    stamp: Option<Stamp>,
}

impl ArticleFile {
    /// Relative to the content directory: `news/{slug}/{lang}.md`.
    pub fn path(&self) -> String {
        format!("{NEWS_DIR}/{}/{}.md", self.slug, self.lang.code())
    }

    /// The file on disk, in `content_dir`.
    pub fn location(&self, content_dir: &Path) -> PathBuf {
        content_dir
            .join(NEWS_DIR)
            .join(&*self.slug)
            .join(format!("{}.md", self.lang.code()))
    }

    /// The file's [`Stamp`], taken when the folder was listed: before the
    /// file is read, so a file changed after it is seen as changed by the
    /// next build.
    pub fn stamp(&self) -> Option<Stamp> {
        self.stamp
    }

    /// Where the article's body is, for reading it again (see
    /// [`crate::body`]).
    /// `text` is the file as it was checked.
    pub fn body_file(&self, content_dir: &Arc<Path>, text: &str) -> BodyFile {
        BodyFile {
            path: self.path().into(),
            root: Arc::clone(content_dir),
            after_front_matter: true,
            checked: fingerprint(text.as_bytes()),
        }
    }

    /// The file's text, or `None` with the reason reported in `problems`.
    pub fn read(&self, content_dir: &Path, problems: &mut Problems) -> Option<SourceFile> {
        let path = self.path();
        read_text(&self.location(content_dir), &path, problems).map(|text| SourceFile {
            slug: self.slug.to_string(),
            lang: self.lang,
            path,
            text,
        })
    }
}

/// Everything read from the content directory.
#[derive(Debug, Default)]
pub struct ContentSources {
    /// `None` when the file is missing or unreadable (already reported).
    pub categories_text: Option<String>,
    /// Sorted by slug, then language in `Lang::ALL` order.
    pub articles: Vec<ArticleFile>,
    pub media: MediaLibrary,
    /// Sorted by slug. Empty when there is no `events/` folder.
    pub events: Vec<FolderFiles>,
    /// `event-categories.toml` and `regions.toml`, read when there are events.
    pub event_categories_text: Option<String>,
    pub regions_text: Option<String>,
    /// Sorted by slug. Empty when there is no `sites/` folder.
    pub sites: Vec<FolderFiles>,
    /// `site-sections.toml`, read when there are sites.
    pub site_sections_text: Option<String>,
}

/// Reads `content_dir`, reporting layout problems into `problems`.
pub fn read_content(content_dir: &Path, problems: &mut Problems) -> ContentSources {
    let categories_text = match fs::read(content_dir.join(CATEGORIES_FILE)) {
        Ok(bytes) => text_or_report(bytes, CATEGORIES_FILE, problems),
        Err(error) => {
            problems.add(
                CATEGORIES_FILE,
                1,
                format!("cannot read the categories file: {error}"),
            );
            None
        }
    };
    let events_dir = content_dir.join(EVENTS_DIR);
    let sites_dir = content_dir.join(SITES_DIR);
    let (events, event_categories_text) = if events_dir.exists() {
        (
            read_folders(&events_dir, EVENTS_DIR, EVENT_FILE, problems),
            read_required(content_dir, EVENT_CATEGORIES_FILE, problems),
        )
    } else {
        (Vec::new(), None)
    };
    let (sites, site_sections_text) = if sites_dir.exists() {
        (
            read_folders(&sites_dir, SITES_DIR, SITE_FILE, problems),
            read_required(content_dir, SITE_SECTIONS_FILE, problems),
        )
    } else {
        (Vec::new(), None)
    };
    let regions_text = (events_dir.exists() || sites_dir.exists())
        .then(|| read_required(content_dir, REGIONS_FILE, problems))
        .flatten();
    ContentSources {
        categories_text,
        articles: read_news(&content_dir.join(NEWS_DIR), problems),
        media: read_media(&content_dir.join(MEDIA_DIR), problems),
        events,
        event_categories_text,
        regions_text,
        sites,
        site_sections_text,
    }
}

/// The article files of the folder `news/{slug}`, listed and checked for
/// layout as [`read_content`] does (for a publisher told that this folder
/// changed, [`crate::watch`]).
pub fn read_news_folder(
    content_dir: &Path,
    slug: &str,
    problems: &mut Problems,
) -> Vec<ArticleFile> {
    read_article_folder(&content_dir.join(NEWS_DIR), slug, problems)
}

/// The event folder `events/{slug}`, listed and checked for layout as
/// [`read_content`] does.
pub fn read_event_folder(
    content_dir: &Path,
    slug: &str,
    problems: &mut Problems,
) -> Option<FolderFiles> {
    let dir = content_dir.join(EVENTS_DIR);
    read_item_folder(&dir, EVENTS_DIR, EVENT_FILE, slug, problems)
}

/// The site folder `sites/{slug}`, listed and checked for layout as
/// [`read_content`] does.
pub fn read_site_folder(
    content_dir: &Path,
    slug: &str,
    problems: &mut Problems,
) -> Option<FolderFiles> {
    let dir = content_dir.join(SITES_DIR);
    read_item_folder(&dir, SITES_DIR, SITE_FILE, slug, problems)
}

fn read_required(content_dir: &Path, name: &str, problems: &mut Problems) -> Option<String> {
    match fs::read(content_dir.join(name)) {
        Ok(bytes) => text_or_report(bytes, name, problems),
        Err(error) => {
            problems.add(name, 1, format!("cannot read {name}: {error}"));
            None
        }
    }
}

/// `{dir}/{slug}/{facts file}` plus `en.md` (and optionally `ru.md`,
/// `be.md`): events and sites.
fn read_folders(
    dir: &Path,
    dir_name: &'static str,
    facts_file: &'static str,
    problems: &mut Problems,
) -> Vec<FolderFiles> {
    let Some(entries) = list_dir(dir, dir_name, Stamps::Skip, problems) else {
        return Vec::new();
    };
    let mut found = Vec::with_capacity(entries.len());
    for entry in &entries {
        let shown = format!("{dir_name}/{}", entry.name);
        if !entry.is_dir {
            problems.add(
                &shown,
                1,
                format!("stray file in {dir_name}/: each entry lives in {dir_name}/{{slug}}/{facts_file} with {{lang}}.md texts"),
            );
            continue;
        }
        if !is_valid_slug(&entry.name) {
            problems.add(
                &shown,
                1,
                format!("folder name {:?} is not a valid slug: use lowercase Latin letters, digits and single hyphens", entry.name),
            );
            continue;
        }
        found.push(entry);
    }
    each_folder(&found, problems, |entry, problems| {
        read_item_folder(dir, dir_name, facts_file, &entry.name, problems)
    })
}

/// One event's or site's folder: its facts file and texts.
fn read_item_folder(
    dir: &Path,
    dir_name: &'static str,
    facts_file: &'static str,
    slug: &str,
    problems: &mut Problems,
) -> Option<FolderFiles> {
    let shown = format!("{dir_name}/{slug}");
    let files = list_dir(&dir.join(slug), &shown, Stamps::Take, problems)?;
    let mut state = Some(Recipe::new("folder-state"));
    for file in &files {
        match (&mut state, file.stamp) {
            (Some(recipe), Some(stamp)) => {
                recipe.add(file.name.as_bytes()).add(&stamp.bytes());
            }
            _ => state = None,
        }
    }
    let state = state.map(Recipe::finish);
    let mut facts = false;
    let mut texts = [false; Lang::ALL.len()];
    for file in files {
        let lang = file.name.strip_suffix(".md").and_then(Lang::from_code);
        if file.is_dir || (file.name != facts_file && lang.is_none()) {
            problems.add(
                &format!("{shown}/{}", file.name),
                1,
                format!("unexpected entry: this folder holds {facts_file}, en.md, ru.md and be.md"),
            );
            continue;
        }
        match lang {
            Some(lang) => {
                let at = Lang::ALL.iter().position(|each| *each == lang);
                texts[at.unwrap_or_default()] = true;
            }
            None => facts = true,
        }
    }
    if facts {
        Some(FolderFiles {
            slug: slug.into(),
            dir: dir_name,
            facts_file,
            texts,
            state,
        })
    } else {
        problems.add(
            &format!("{shown}/{facts_file}"),
            1,
            format!("missing {facts_file} in {shown}/"),
        );
        None
    }
}

/// `read` applied to every folder in `entries`, on several threads per
/// core (an archive's folders are hundreds of thousands of listings, each
/// a wait on the disk; see [`crate::parallel::map_chunks_reading`]); what
/// it found in the entries' order, its problems added to `problems`.
fn each_folder<T: Send, I: IntoIterator<Item = T>>(
    entries: &[&Entry],
    problems: &mut Problems,
    read: impl Fn(&Entry, &mut Problems) -> I + Sync,
) -> Vec<T> {
    let parts = crate::parallel::map_chunks_reading(entries, |entries| {
        let mut problems = Problems::default();
        let found: Vec<T> = entries
            .iter()
            .flat_map(|entry| read(entry, &mut problems))
            .collect();
        (found, problems)
    });
    let mut found = Vec::with_capacity(parts.iter().map(|(part, _)| part.len()).sum());
    for (part, part_problems) in parts {
        found.extend(part);
        problems.absorb(part_problems);
    }
    found
}

fn text_or_report(bytes: Vec<u8>, path: &str, problems: &mut Problems) -> Option<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            problems.add(path, line, "the file is not valid UTF-8 text");
            None
        }
    }
}

/// A directory entry: its name, whether it is a directory and, when asked
/// for, its [`Stamp`].
struct Entry {
    name: String,
    is_dir: bool,
    stamp: Option<Stamp>,
}

/// Whether [`list_dir`] takes each entry's [`Stamp`]: article files' are
/// what the check cache compares, taken relative to the folder being
/// listed (no path looked up again from the content directory down).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stamps {
    Take,
    Skip,
}

/// The entries of `dir`, sorted by name; problems are reported as `shown`.
fn list_dir(
    dir: &Path,
    shown: &str,
    stamps: Stamps,
    problems: &mut Problems,
) -> Option<Vec<Entry>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(error) => {
            problems.add(shown, 1, format!("cannot read the directory: {error}"));
            return None;
        }
    };
    let mut entries = Vec::new();
    for entry in read {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                problems.add(shown, 1, format!("cannot read the directory: {error}"));
                continue;
            }
        };
        let Ok(name) = entry.file_name().into_string() else {
            problems.add(
                shown,
                1,
                format!("{:?} is not a UTF-8 file name", entry.file_name()),
            );
            continue;
        };
        // Follows symlinks, so a linked folder counts as a folder. The
        // type comes with the listing: only a link costs a `stat` (an
        // archive's folders are hundreds of thousands of entries).
        let (is_dir, stamp) = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => {
                let stamp = (stamps == Stamps::Take && !kind.is_dir())
                    .then(|| entry.metadata().ok().and_then(|meta| Stamp::of(&meta)))
                    .flatten();
                (kind.is_dir(), stamp)
            }
            _ => match fs::metadata(entry.path()) {
                Ok(meta) => (
                    meta.is_dir(),
                    (stamps == Stamps::Take).then(|| Stamp::of(&meta)).flatten(),
                ),
                Err(_) => (false, None),
            },
        };
        entries.push(Entry {
            name,
            is_dir,
            stamp,
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Some(entries)
}

fn read_news(news_dir: &Path, problems: &mut Problems) -> Vec<ArticleFile> {
    let Some(entries) = list_dir(news_dir, NEWS_DIR, Stamps::Skip, problems) else {
        return Vec::new();
    };
    // Slugs become file names in the API tree; two entries that would map to
    // the same slug (case variants, or `foo.md` beside `foo/`) must not both
    // be published.
    let mut claimed: BTreeMap<String, String> = BTreeMap::new();
    let mut folders = Vec::with_capacity(entries.len());
    for entry in &entries {
        let shown = format!("{NEWS_DIR}/{}", entry.name);
        let slug_like = if entry.is_dir {
            entry.name.clone()
        } else {
            entry
                .name
                .strip_suffix(".md")
                .unwrap_or(&entry.name)
                .to_string()
        };
        let key = slug_like.to_lowercase();
        if let Some(first) = claimed.get(&key) {
            problems.add(
                &shown,
                1,
                format!(
                    "duplicate slug {key:?}: {first} already uses it; rename or remove one of them"
                ),
            );
        } else {
            let display = if entry.is_dir {
                format!("{shown}/")
            } else {
                shown.clone()
            };
            claimed.insert(key, display);
        }
        if !entry.is_dir {
            problems.add(
                &shown,
                1,
                format!("stray file in {NEWS_DIR}/: an article lives in {NEWS_DIR}/{{slug}}/{{lang}}.md, e.g. {NEWS_DIR}/mir-castle/en.md"),
            );
            continue;
        }
        if !is_valid_slug(&entry.name) {
            problems.add(
                &shown,
                1,
                format!("folder name {:?} is not a valid slug: use lowercase Latin letters, digits and single hyphens", entry.name),
            );
        }
        folders.push(entry);
    }
    each_folder(&folders, problems, |entry, problems| {
        read_article_folder(news_dir, &entry.name, problems)
    })
}

fn read_article_folder(news_dir: &Path, slug: &str, problems: &mut Problems) -> Vec<ArticleFile> {
    let folder_shown = format!("{NEWS_DIR}/{slug}");
    let Some(entries) = list_dir(&news_dir.join(slug), &folder_shown, Stamps::Take, problems)
    else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries {
        let lang = entry
            .name
            .strip_suffix(".md")
            .and_then(Lang::from_code)
            .filter(|_| !entry.is_dir);
        let Some(lang) = lang else {
            problems.add(
                &format!("{folder_shown}/{}", entry.name),
                1,
                "unexpected entry: an article folder holds only en.md, ru.md and be.md",
            );
            continue;
        };
        files.push(ArticleFile {
            slug: slug.into(),
            lang,
            stamp: entry.stamp,
        });
    }
    if !files.iter().any(|file| file.lang == Lang::En) {
        problems.add(
            &format!("{folder_shown}/en.md"),
            1,
            "missing English file: every article needs en.md (ru.md and be.md are its translations)",
        );
    }
    files.sort_by_key(|file| file.lang);
    files
}

fn read_media(media_dir: &Path, problems: &mut Problems) -> MediaLibrary {
    let mut library = MediaLibrary::default();
    // No media folder simply means no images; references will say so.
    if !media_dir.exists() {
        return library;
    }
    let Some(entries) = list_dir(media_dir, MEDIA_DIR, Stamps::Skip, problems) else {
        return library;
    };
    for entry in entries {
        let shown = format!("{MEDIA_DIR}/{}", entry.name);
        if entry.is_dir {
            problems.add(&shown, 1, "folders are not allowed in media/");
            continue;
        }
        match fs::read(media_dir.join(&entry.name)) {
            Ok(bytes) => {
                let errors = library.add(&entry.name, bytes);
                problems.extend_in_file(&shown, errors);
            }
            Err(error) => problems.add(&shown, 1, format!("cannot read the file: {error}")),
        }
    }
    library
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn folders_files_and_links_to_folders_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("b-folder")).unwrap();
        fs::write(dir.path().join("a-file.md"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("b-folder"), dir.path().join("c-link")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("a-file.md"), dir.path().join("d-link"))
            .unwrap();
        let mut problems = Problems::default();
        let entries = list_dir(dir.path(), "news", Stamps::Skip, &mut problems).unwrap();
        let seen: Vec<(&str, bool)> = entries
            .iter()
            .map(|entry| (entry.name.as_str(), entry.is_dir))
            .collect();
        assert_eq!(
            seen,
            [
                ("a-file.md", false),
                ("b-folder", true),
                ("c-link", true),
                ("d-link", false)
            ]
        );
        assert!(problems.is_empty());
    }
}
