//! A publisher that stays running (`portal-publisher watch`): it builds
//! once, keeps the checked content and the tree's manifest in memory, and
//! is then told which paths changed. An article, event or site folder it
//! is told about is listed, read and checked again alone, and put in
//! place of what was held; anything else it is told (a list, a medium, a
//! path it does not know) reads and checks everything again, as a
//! `build` does. Either way the tree is then written as a `build` writes
//! it, updated in place from the manifest held.
//!
//! What a fresh process spends before it knows what changed (listing
//! every folder and taking every file's stamp, reading the kept checks and
//! the manifest: most of an update of a large tree) is not spent. Nothing
//! is watched: 391,000 folders at 100,000 articles in proportion pass the
//! kernel's limit of watches; the editor's tools say what they changed.
//!
//! What it is told must be true: a file changed and not told stays as it
//! was held until a path outside the articles, events and sites, or an
//! empty batch, has everything read again.

use std::collections::BTreeSet;
use std::path::{Component, Path};
use std::sync::Arc;

use portal_calendar::Date;
use portal_contract::slug::is_valid_slug;

use crate::article::{parse_article, ParsedArticle};
use crate::body::Body;
use crate::build::{build_date, check, write_checked, BuildError, Place, Stats};
use crate::checked::{check_translations, Checked};
use crate::error::{LineError, Problems};
use crate::event_file::{parse_event, EventDef, Lists};
use crate::folder::FolderSource;
use crate::origin::PublicOrigin;
use crate::progress::Progress;
use crate::site_file::{parse_site, SiteDef, SiteLists};
use crate::sources::{
    read_event_folder, read_news_folder, read_site_folder, FolderFiles, EVENTS_DIR, NEWS_DIR,
    SITES_DIR,
};
use crate::tree_manifest::TreeManifest;
use crate::update::Recorded;

/// What a path told to the publisher changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// The folder `news/{slug}`: its articles.
    Article(String),
    /// The folder `events/{slug}`.
    Event(String),
    /// The folder `sites/{slug}`.
    Site(String),
    /// Anything else: everything is read again.
    Everything,
}

/// What `path` (relative to the content directory, or absolute inside
/// `content_dir`) changes: a file or the folder itself of an article,
/// event or site is that item; any other path is
/// [`Change::Everything`].
pub fn classify(path: &str, content_dir: &Path) -> Change {
    let path = Path::new(path);
    let relative = if path.is_absolute() {
        match path.strip_prefix(content_dir) {
            Ok(relative) => relative,
            Err(_) => return Change::Everything,
        }
    } else {
        path
    };
    let mut parts = Vec::new();
    for component in relative.components() {
        match component {
            Component::CurDir => {}
            Component::Normal(part) => match part.to_str() {
                Some(part) => parts.push(part),
                None => return Change::Everything,
            },
            _ => return Change::Everything,
        }
    }
    let (kind, slug) = match parts.as_slice() {
        [kind, slug] | [kind, slug, _] => (*kind, *slug),
        _ => return Change::Everything,
    };
    if !is_valid_slug(slug) {
        return Change::Everything;
    }
    match kind {
        NEWS_DIR => Change::Article(slug.to_string()),
        EVENTS_DIR => Change::Event(slug.to_string()),
        SITES_DIR => Change::Site(slug.to_string()),
        _ => Change::Everything,
    }
}

/// The publisher between builds: where it writes, what it holds, and the
/// changes it was told and has not published yet.
pub struct Watch<'a> {
    content_dir: &'a Path,
    place: Place<'a>,
    origin: PublicOrigin,
    /// The content as last published; `None` before the first build.
    checked: Option<Checked>,
    /// The manifest of the tree at `place.out` as last written; `None`:
    /// read from the cache when needed.
    tree: Option<Recorded>,
    pending: BTreeSet<Change>,
    /// The build date of the last publish tried.
    dated: Option<Date>,
}

impl<'a> Watch<'a> {
    pub fn new(content_dir: &'a Path, place: Place<'a>, origin: PublicOrigin) -> Self {
        Self {
            content_dir,
            place,
            origin,
            checked: None,
            tree: None,
            pending: BTreeSet::new(),
            dated: None,
        }
    }

    /// Records that `path` changed, for the next [`Watch::publish`].
    pub fn tell(&mut self, path: &str) {
        self.pending.insert(classify(path, self.content_dir));
    }

    /// Has everything read again at the next [`Watch::publish`] (see
    /// [`Watch::is_a_new_day`]).
    pub fn read_everything_again(&mut self) {
        self.pending.insert(Change::Everything);
    }

    /// Whether `today` is another build date than the last publish's
    /// (tried, if not done): the
    /// events' calendars and upcoming lists move on with it, so a
    /// publisher that stays running publishes again (everything read
    /// again, which also takes in any change it was not told about).
    pub fn is_a_new_day(&self, today: Date) -> bool {
        self.dated.is_some_and(|last| last != today)
    }

    /// Whether changes were told and not published yet.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Publishes what was told since the last publish (everything, the
    /// first time or when nothing was told). When it fails nothing held
    /// changes, and what was told is read again next time.
    pub fn publish(&mut self, progress: &Progress) -> Result<Stats, BuildError> {
        let today = build_date().map_err(BuildError::Other)?;
        // Tried for this day, whatever comes of it: a new day's publish
        // that fails is not tried again every minute.
        self.dated = Some(today);
        let everything = self.pending.is_empty() || self.pending.contains(&Change::Everything);
        let (mut checked, undo) = match self.checked.take() {
            Some(mut checked) if !everything => {
                match patch(&mut checked, &self.pending, self.content_dir) {
                    Ok(undo) => (checked, Some(undo)),
                    Err(Refused::Problems(problems)) => {
                        self.checked = Some(checked);
                        return Err(BuildError::Content(problems.into_sorted()));
                    }
                    Err(Refused::NeedsEverything) => {
                        drop(checked);
                        (check(self.content_dir, self.place.cache, progress)?, None)
                    }
                }
            }
            held => {
                // Let go before everything is checked again: not held twice.
                drop(held);
                (check(self.content_dir, self.place.cache, progress)?, None)
            }
        };
        let mut held_tree = self.tree.take();
        let place = self.place;
        let previous = || held_tree.take().or_else(|| load_tree(place));
        let written = write_checked(&checked, today, &self.origin, place, progress, previous);
        match written {
            Ok((stats, recorded)) => {
                self.tree = recorded;
                self.checked = Some(checked);
                self.pending.clear();
                Ok(stats)
            }
            Err(error) => {
                // Not handed to the update (the events refused first): still
                // the tree's. Handed over, it is read from the cache again.
                self.tree = held_tree;
                // What was held stays what the tree was made from.
                self.checked = match undo {
                    Some(undo) => {
                        undo.apply(&mut checked);
                        Some(checked)
                    }
                    None => None,
                };
                if matches!(error, BuildError::Other(_)) {
                    // Not the content's fault (a file changed and not told,
                    // the tree replaced meanwhile, the disk): the next
                    // publish trusts nothing held.
                    self.read_everything_again();
                }
                Err(error)
            }
        }
    }
}

fn load_tree(Place { out, cache }: Place<'_>) -> Option<Recorded> {
    TreeManifest::load(cache.dir()?, out)
}

/// Why told changes were not put in place.
enum Refused {
    Problems(Problems),
    /// A change that only a whole check can judge (see [`patch`]).
    NeedsEverything,
}

/// What an item of held content was, to put back.
enum Held {
    Articles(String, Vec<ParsedArticle>),
    Event(String, Option<EventDef>),
    Site(String, Option<SiteDef>),
}

/// What [`patch`] replaced, to put back when the publish fails, and the
/// counts of files read it replaced.
struct Undo(Vec<Held>, (usize, usize));

impl Undo {
    fn apply(self, checked: &mut Checked) {
        for held in self.0.into_iter().rev() {
            put(checked, held);
        }
        (checked.articles_read, checked.folders_read) = self.1;
    }
}

/// Puts `held` in place of what `checked` holds for that item; returns
/// what was there.
fn put(checked: &mut Checked, held: Held) -> Held {
    match held {
        Held::Articles(slug, articles) => {
            let old = replace_articles(&mut checked.articles, &slug, articles);
            Held::Articles(slug, old)
        }
        Held::Event(slug, event) => {
            let old = replace_item(&mut checked.events, &slug, event, |event| &event.slug);
            Held::Event(slug, old)
        }
        Held::Site(slug, site) => {
            let old = replace_item(&mut checked.sites, &slug, site, |site| &site.slug);
            Held::Site(slug, old)
        }
    }
}

/// The told `changes` read and checked, and put in place in `checked`
/// (every article of a told folder, in the listing's order: by slug, then
/// language); the checks across articles run again. On problems
/// `checked` is as it was.
fn patch(
    checked: &mut Checked,
    changes: &BTreeSet<Change>,
    content_dir: &Path,
) -> Result<Undo, Refused> {
    let mut problems = Problems::default();
    let root: Arc<Path> = Arc::from(content_dir);
    let mut new = Vec::new();
    let (mut articles_read, mut folders_read) = (0, 0);
    for change in changes {
        let read = match change {
            Change::Article(slug) => {
                let folder = content_dir.join(NEWS_DIR).join(slug);
                let files = if present(&folder)? {
                    read_news_folder(content_dir, slug, &mut problems)
                } else {
                    Vec::new()
                };
                articles_read += files.len();
                let articles = files
                    .iter()
                    .filter_map(|found| {
                        let file = found.read(content_dir, &mut problems)?;
                        let (article, errors) =
                            parse_article(&file, &checked.categories, &checked.media);
                        problems.extend_in_file(&file.path, errors);
                        article.map(|mut article| {
                            article.body = Body::InFile(found.body_file(&root, &file.text));
                            article
                        })
                    })
                    .collect();
                Held::Articles(slug.clone(), articles)
            }
            Change::Event(slug) => {
                if checked.event_categories.is_empty() || checked.events.len() < 2 {
                    // Whether the lists are needed at all depends on the
                    // folders there are: a whole check says.
                    return Err(Refused::NeedsEverything);
                }
                let lists = Lists {
                    categories: &checked.event_categories,
                    regions: &checked.regions,
                    media: &checked.media,
                };
                let event = read_folder_again(
                    (EVENTS_DIR, slug, &root),
                    (&mut problems, &mut folders_read),
                    read_event_folder,
                    |source| parse_event(source, &lists),
                )?;
                Held::Event(slug.clone(), event)
            }
            Change::Site(slug) => {
                if checked.site_sections.is_empty() || checked.sites.len() < 2 {
                    return Err(Refused::NeedsEverything);
                }
                let lists = SiteLists {
                    sections: &checked.site_sections,
                    regions: &checked.regions,
                    media: &checked.media,
                };
                let site = read_folder_again(
                    (SITES_DIR, slug, &root),
                    (&mut problems, &mut folders_read),
                    read_site_folder,
                    |source| parse_site(source, &lists),
                )?;
                Held::Site(slug.clone(), site)
            }
            Change::Everything => return Err(Refused::NeedsEverything),
        };
        new.push(read);
    }
    if !problems.is_empty() {
        return Err(Refused::Problems(problems));
    }
    let counts = (checked.articles_read, checked.folders_read);
    let undo = Undo(
        new.into_iter().map(|held| put(checked, held)).collect(),
        counts,
    );
    check_translations(&checked.articles, &mut problems);
    if !problems.is_empty() {
        undo.apply(checked);
        return Err(Refused::Problems(problems));
    }
    checked.articles_read = articles_read;
    checked.folders_read = folders_read;
    Ok(undo)
}

/// Whether a told folder is there: a folder, or nothing in a folder of
/// its kind that is there. Anything else (a file or a dangling link where
/// the folder should be, the kind's folder or the content itself gone or
/// unreadable) is for a whole check to report, never published as the
/// item removed.
fn present(folder: &Path) -> Result<bool, Refused> {
    match std::fs::symlink_metadata(folder) {
        Ok(_) if folder.is_dir() => Ok(true),
        Err(error)
            if error.kind() == std::io::ErrorKind::NotFound
                && folder.parent().is_some_and(Path::is_dir) =>
        {
            Ok(false)
        }
        _ => Err(Refused::NeedsEverything),
    }
}

/// The told folder `{kind}/{slug}` of an event or a site (`kind`'s
/// folder in `root`, the content directory) listed by `list`, read and
/// checked by `check`: `None` when it is gone or refused, its problems
/// added to `problems` and `read` counting it when it was there.
fn read_folder_again<T>(
    (kind, slug, root): (&str, &str, &Arc<Path>),
    (problems, read): (&mut Problems, &mut usize),
    list: fn(&Path, &str, &mut Problems) -> Option<FolderFiles>,
    check: impl Fn(&FolderSource) -> (Option<T>, Vec<(String, LineError)>),
) -> Result<Option<T>, Refused> {
    if !present(&root.join(kind).join(slug))? {
        return Ok(None);
    }
    let Some(found) = list(root, slug, problems) else {
        return Ok(None);
    };
    *read += 1;
    let Some(source) = found.read(root, problems) else {
        return Ok(None);
    };
    let (item, errors) = check(&source);
    for (path, error) in errors {
        problems.push(error.in_file(&path));
    }
    Ok(item)
}

/// Puts `articles` (one folder's, in language order) where the articles
/// of `slug` are in `held` (ordered by slug), returning those.
fn replace_articles(
    held: &mut Vec<ParsedArticle>,
    slug: &str,
    articles: Vec<ParsedArticle>,
) -> Vec<ParsedArticle> {
    let start = held.partition_point(|article| article.slug.as_str() < slug);
    let end = start + held[start..].partition_point(|article| article.slug == slug);
    held.splice(start..end, articles).collect()
}

/// Puts `item` where the item of `slug` is in `held` (ordered by slug),
/// or takes it out when `item` is `None`; returns what was there.
fn replace_item<T>(
    held: &mut Vec<T>,
    slug: &str,
    item: Option<T>,
    slug_of: impl Fn(&T) -> &str,
) -> Option<T> {
    let at = held.partition_point(|held| slug_of(held) < slug);
    let there = held.get(at).is_some_and(|held| slug_of(held) == slug);
    match (item, there) {
        (Some(item), true) => Some(std::mem::replace(&mut held[at], item)),
        (Some(item), false) => {
            held.insert(at, item);
            None
        }
        (None, true) => Some(held.remove(at)),
        (None, false) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_names_the_item_whose_folder_it_is_in() {
        let content = Path::new("/srv/content");
        let change = |path| classify(path, content);
        let article = Change::Article("mir-castle".into());
        assert_eq!(change("news/mir-castle/en.md"), article);
        assert_eq!(change("news/mir-castle"), article);
        assert_eq!(change("./news/mir-castle/"), article);
        assert_eq!(change("/srv/content/news/mir-castle/be.md"), article);
        assert_eq!(
            change("events/slutsk-fair/event.toml"),
            Change::Event("slutsk-fair".into())
        );
        assert_eq!(
            change("sites/nesvizh/ru.md"),
            Change::Site("nesvizh".into())
        );
    }

    #[test]
    fn any_other_path_reads_everything_again() {
        let content = Path::new("/srv/content");
        for path in [
            "categories.toml",
            "media/hero.svg",
            "news",
            "news/Mir-Castle/en.md",
            "news/mir-castle.md/x",
            "news/mir-castle/en.md/x",
            "news/../categories.toml",
            "/elsewhere/news/mir-castle/en.md",
            "regions.toml",
            "",
        ] {
            assert_eq!(classify(path, content), Change::Everything, "{path}");
        }
    }

    #[test]
    fn a_new_build_date_is_a_new_day_once_something_was_published() {
        let cache = crate::cache::Cache::none();
        let place = Place {
            out: Path::new("out"),
            cache: &cache,
        };
        let mut watch = Watch::new(Path::new("content"), place, PublicOrigin::default());
        let day = |text| Date::parse(text).unwrap();
        assert!(
            !watch.is_a_new_day(day("2026-11-20")),
            "nothing published yet"
        );
        watch.dated = Some(day("2026-11-20"));
        assert!(!watch.is_a_new_day(day("2026-11-20")));
        assert!(watch.is_a_new_day(day("2026-11-21")));
        watch.read_everything_again();
        assert!(watch.pending.contains(&Change::Everything));
    }

    #[test]
    fn items_are_put_in_slug_order_and_taken_out() {
        fn slug_of(item: &String) -> &str {
            item
        }
        let mut held: Vec<String> = vec!["b".into(), "d".into()];
        assert_eq!(
            replace_item(&mut held, "c", Some("c".into()), slug_of),
            None
        );
        assert_eq!(
            replace_item(&mut held, "a", Some("a".into()), slug_of),
            None
        );
        assert_eq!(
            replace_item(&mut held, "e", Some("e".into()), slug_of),
            None
        );
        assert_eq!(held, ["a", "b", "c", "d", "e"]);
        assert_eq!(
            replace_item(&mut held, "c", Some("c".into()), slug_of),
            Some("c".to_string())
        );
        assert_eq!(
            replace_item(&mut held, "b", None, slug_of),
            Some("b".to_string())
        );
        assert_eq!(replace_item(&mut held, "b", None, slug_of), None);
        assert_eq!(held, ["a", "c", "d", "e"]);
    }
}
