//! The check stage: every content file read and checked, each on its own
//! and across files (translations agree with their English article),
//! collecting every problem with its file and line. What passes is
//! [`Checked`], the input of the documents ([`crate::build`]).

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use portal_contract::{Lang, RegionShapes};

use crate::article::{parse_article, ParsedArticle};
use crate::body::Body;
use crate::cache::Cache;
use crate::categories::{
    self, Categories, ListKind, CATEGORIES_FILE, EVENT_CATEGORIES_FILE, REGIONS_FILE,
    SITE_SECTIONS_FILE,
};
use crate::check_cache::CheckedArticles;
use crate::error::{ContentError, LineError, Problems};
use crate::event_file::{parse_event, EventDef, Lists};
use crate::folder::FolderSource;
use crate::folder_cache::{self, Kept, KeptFolder};
use crate::media::MediaLibrary;
use crate::progress::Progress;
use crate::region_shapes;
use crate::site_file::{parse_site, SiteDef, SiteLists};
use crate::sources::{read_content, ContentSources, FolderFiles};
use crate::tree_manifest::{publisher_identity, Hash, Recipe};

/// Checked content, ready to assemble.
#[derive(Debug)]
pub struct Checked {
    pub categories: Categories,
    pub articles: Vec<ParsedArticle>,
    pub media: MediaLibrary,
    pub event_categories: Categories,
    pub regions: Categories,
    pub events: Vec<EventDef>,
    pub site_sections: Categories,
    pub sites: Vec<SiteDef>,
    /// Region outlines for maps, when the content has them.
    pub region_shapes: Option<RegionShapes>,
    /// Article files read and checked by this build (the others were
    /// unchanged since the build that the cache remembers).
    pub articles_read: usize,
    /// Event and site folders read and checked by this build (the others
    /// came from [`crate::folder_cache`]).
    pub folders_read: usize,
}

impl Checked {
    /// The articles written in `lang`, newest first (then by slug): the
    /// order of the feeds and of the search index's news.
    pub fn articles_newest_first(&self, lang: Lang) -> Vec<&ParsedArticle> {
        let mut articles: Vec<&ParsedArticle> = self
            .articles
            .iter()
            .filter(|article| article.lang == lang)
            .collect();
        // Each date worked out once, not at every comparison.
        articles.sort_by_cached_key(|article| {
            (
                Reverse(article.front_matter.published.value.unix_seconds()),
                article.slug.as_str(),
            )
        });
        articles
    }
}

/// Reads every content file and runs every check, collecting all problems.
/// Articles whose files are as an earlier build checked them are taken
/// from `cache` instead (see [`crate::check_cache`]).
pub fn check_content(
    content_dir: &Path,
    cache: &Cache,
    progress: &Progress,
) -> Result<Checked, Vec<ContentError>> {
    let mut problems = Problems::default();
    // One allocation that every body handle shares (see `BodyFile::root`).
    let root: Arc<Path> = Arc::from(content_dir);
    progress.stage("reading content", 0);
    let mut sources = read_content(content_dir, &mut problems);
    progress.stage("developing photographs", 0);
    for (name, errors) in crate::photos::develop_all(&mut sources.media, &cache.photos()) {
        problems.extend_in_file(&format!("{}/{name}", crate::sources::MEDIA_DIR), errors);
    }
    let categories = match &sources.categories_text {
        Some(text) => {
            let (categories, errors) = categories::parse(text);
            problems.extend_in_file(CATEGORIES_FILE, errors);
            categories
        }
        None => Categories::default(),
    };
    // The events' and sites' checks kept by an earlier build are read
    // while the articles are checked: each a stream on a thread of its
    // own, mostly waiting on the disk (see `folder_cache`).
    let site_folders = std::mem::take(&mut sources.sites);
    let event_folders = std::mem::take(&mut sources.events);
    let regions_text = sources.regions_text.as_deref();
    let site_key = folder_checks_key(
        "site-checks",
        [sources.site_sections_text.as_deref(), regions_text],
        &sources.media,
    );
    let event_key = folder_checks_key(
        "event-checks",
        [sources.event_categories_text.as_deref(), regions_text],
        &sources.media,
    );
    let (read, articles, kept_sites, kept_events) = std::thread::scope(|scope| {
        let kept_sites = scope.spawn(|| {
            folder_cache::load::<SiteDef>(cache, &root, "sites", site_key, &site_folders)
        });
        let kept_events = scope.spawn(|| {
            folder_cache::load::<EventDef>(cache, &root, "events", event_key, &event_folders)
        });
        let (read, articles) = check_articles(
            content_dir,
            &root,
            cache,
            &sources,
            &categories,
            progress,
            &mut problems,
        );
        // A thread that panicked kept nothing: every folder is checked.
        let kept_sites = kept_sites
            .join()
            .unwrap_or_else(|_| Kept::nothing("sites", site_key, site_folders.len()));
        let kept_events = kept_events
            .join()
            .unwrap_or_else(|_| Kept::nothing("events", event_key, event_folders.len()));
        (read, articles, kept_sites, kept_events)
    });
    // Each part of the listing is let go once it is checked: its memory
    // (a tenth of a gigabyte for 100,000 articles) serves the sites and
    // events checked next, not the allocator's free lists at the peak
    // (the kept ones are read beside the articles, so in an update the
    // listing and they are held at once: about 1.1 GB at 100,000 in
    // proportion, below the jobs' peak).
    drop(std::mem::take(&mut sources.articles));
    check_translations(&articles, &mut problems);
    let mut list = |text: &Option<String>, file: &str, kind| match text {
        Some(text) => {
            let (list, errors) = categories::parse_list(text, kind);
            problems.extend_in_file(file, errors);
            list
        }
        None => Categories::default(),
    };
    let event_categories = list(
        &sources.event_categories_text,
        EVENT_CATEGORIES_FILE,
        ListKind::Category,
    );
    let regions = list(&sources.regions_text, REGIONS_FILE, ListKind::Region);
    let lists = Lists {
        categories: &event_categories,
        regions: &regions,
        media: &sources.media,
    };
    let site_sections = list(
        &sources.site_sections_text,
        SITE_SECTIONS_FILE,
        ListKind::Category,
    );
    let site_lists = SiteLists {
        sections: &site_sections,
        regions: &regions,
        media: &sources.media,
    };
    let region_shapes = region_shapes::read(content_dir, &regions, &mut problems);
    let (sites, sites_read) = check_kept_folders(
        &root,
        &site_folders,
        kept_sites,
        cache,
        progress,
        &mut problems,
        |source| parse_site(source, &site_lists),
    );
    drop(site_folders);
    let (events, events_read) = check_kept_folders(
        &root,
        &event_folders,
        kept_events,
        cache,
        progress,
        &mut problems,
        |source| parse_event(source, &lists),
    );
    drop(event_folders);
    if problems.is_empty() {
        Ok(Checked {
            categories,
            articles,
            media: sources.media,
            event_categories,
            regions,
            events,
            site_sections,
            sites,
            region_shapes,
            articles_read: read,
            folders_read: sites_read + events_read,
        })
    } else {
        Err(problems.into_sorted())
    }
}

/// The articles of `sources`: those an earlier build checked and whose
/// files did not change taken from `cache` ([`CheckedArticles`]), the
/// rest read and checked; how many were read, and what passes.
fn check_articles(
    content_dir: &Path,
    root: &Arc<Path>,
    cache: &Cache,
    sources: &ContentSources,
    categories: &Categories,
    progress: &Progress,
    problems: &mut Problems,
) -> (usize, Vec<ParsedArticle>) {
    progress.stage("checking articles", sources.articles.len());
    let known = CheckedArticles::load(
        cache,
        content_dir,
        article_checks_key(sources.categories_text.as_deref(), &sources.media),
    );
    let read = AtomicUsize::new(0);
    let articles = check_each(&sources.articles, progress, problems, |found, problems| {
        let stamp = found.stamp();
        if let Some(article) = stamp
            .as_ref()
            .and_then(|stamp| known.get(&found.path(), root, stamp, &sources.media))
        {
            return Some((article, stamp));
        }
        read.fetch_add(1, Ordering::Relaxed);
        let file = found.read(content_dir, problems)?;
        let (article, errors) = parse_article(&file, categories, &sources.media);
        // Only a file with no problem is kept for the next build: the
        // cache must never let a refused file through unchecked.
        let stamp = stamp.filter(|_| errors.is_empty());
        problems.extend_in_file(&file.path, errors);
        article.map(|mut article| {
            article.body = Body::InFile(found.body_file(root, &file.text));
            (article, stamp)
        })
    });
    known.save(
        &articles
            .iter()
            .map(|(article, stamp)| (article, *stamp))
            .collect::<Vec<_>>(),
    );
    // Freeing 100,000 records takes most of a second: on a thread of its
    // own, while the build goes on.
    std::thread::spawn(move || drop(known));
    let articles = articles.into_iter().map(|(article, _)| article).collect();
    (read.into_inner(), articles)
}

/// What an article's own checks depend on besides its file: the
/// publisher, the categories and the media (see [`CheckedArticles`]).
fn article_checks_key(categories_text: Option<&str>, media: &MediaLibrary) -> Hash {
    let mut recipe = Recipe::new("article-checks");
    recipe
        .add(&publisher_identity())
        .add(categories_text.unwrap_or("").as_bytes())
        .add(&media.fingerprint());
    recipe.finish()
}

/// What the checks of an event's or a site's folder depend on besides
/// its files: the publisher, its `lists` (categories or sections, and
/// regions) and the media (see [`crate::folder_cache`]).
fn folder_checks_key(kind: &str, lists: [Option<&str>; 2], media: &MediaLibrary) -> Hash {
    let mut recipe = Recipe::new(kind);
    recipe.add(&publisher_identity());
    for list in lists {
        recipe.add(list.unwrap_or("").as_bytes());
    }
    recipe.add(&media.fingerprint());
    recipe.finish()
}

/// The items of `folders` (events or sites): those an earlier build
/// checked and whose folders did not change since as `kept`
/// ([`crate::folder_cache::load`]), the rest
/// read (one per reading thread in memory at a time) and checked by
/// `check`; what passes, in folder order, and how many were read. What
/// was checked is kept for the next build.
fn check_kept_folders<T: KeptFolder + Send>(
    content_dir: &Arc<Path>,
    folders: &[FolderFiles],
    kept: Kept<T>,
    cache: &Cache,
    progress: &Progress,
    problems: &mut Problems,
    check: impl Fn(&FolderSource) -> (Option<T>, Vec<(String, LineError)>) + Sync,
) -> (Vec<T>, usize) {
    let to_check: Vec<usize> = (0..folders.len())
        .filter(|&at| kept.items[at].is_none())
        .collect();
    progress.stage(format!("checking {}", kept.kind), to_check.len());
    let checked = check_each(&to_check, progress, problems, |&at, problems| {
        // The folder's own problems, reading included (a text that cannot
        // be read is left out, and the item still checked): only a folder
        // with none is kept.
        let mut own = Problems::default();
        let read = folders[at].read(content_dir, &mut own);
        let item = read.and_then(|source| {
            let (item, errors) = check(&source);
            for (path, error) in errors {
                own.push(error.in_file(&path));
            }
            item
        });
        let clean = own.is_empty();
        problems.absorb(own);
        item.map(|item| (at, item, clean))
    });
    let reused = kept.items.iter().filter(|item| item.is_some()).count();
    let keepable = to_check.iter().any(|&at| folders[at].state().is_some());
    let stale = kept.is_stale(reused, keepable);
    let Kept {
        items, kind, key, ..
    } = kept;
    // Only an item whose folder had no problem is kept: the cache must
    // never let a refused folder through unchecked.
    let mut slots: Vec<Option<(T, bool)>> = items
        .into_iter()
        .map(|item| item.map(|item| (item, true)))
        .collect();
    for (at, item, clean) in checked {
        slots[at] = Some((item, clean));
    }
    if stale {
        let keep = folders.iter().zip(&slots).filter_map(|(folder, slot)| {
            let (item, clean) = slot.as_ref()?;
            let state = folder.state().filter(|_| *clean)?;
            Some((&*folder.slug, state, item))
        });
        folder_cache::save(cache, content_dir, kind, &key, keep);
    }
    let items = slots.into_iter().flatten().map(|(item, _)| item).collect();
    (items, to_check.len())
}

/// `check` applied to every file found, on several threads per core (see
/// [`crate::parallel::map_chunks_reading`]: checking mostly waits on
/// reading); what passes in the files' order, and every problem.
fn check_each<F: Sync, T: Send>(
    found: &[F],
    progress: &Progress,
    problems: &mut Problems,
    check: impl Fn(&F, &mut Problems) -> Option<T> + Sync,
) -> Vec<T> {
    let parts = crate::parallel::map_chunks_reading(found, |files| {
        let mut problems = Problems::default();
        // Sized once: 158,333 events grown by doubling left up to twice
        // their size behind at the peak.
        let mut checked = Vec::with_capacity(files.len());
        // Equal texts of events and sites held once (see `Texts::new`).
        crate::texts::sharing(|| {
            for file in files {
                progress.step();
                checked.extend(check(file, &mut problems));
            }
        });
        (checked, problems)
    });
    // Gathered into the first part, grown once: a large vector grows in
    // place (the allocator remaps it), so the items are not held twice
    // while they are gathered (158,333 events at 100,000 articles).
    let rest: usize = parts.iter().skip(1).map(|(part, _)| part.len()).sum();
    let mut parts = parts.into_iter();
    let Some((mut checked, first_problems)) = parts.next() else {
        return Vec::new();
    };
    problems.absorb(first_problems);
    checked.reserve_exact(rest);
    for (part, part_problems) in parts {
        checked.extend(part);
        problems.absorb(part_problems);
    }
    checked
}

/// Translations share the English file's category, publication date and
/// hero image: the feed shows them in the same place and order.
pub(crate) fn check_translations(articles: &[ParsedArticle], problems: &mut Problems) {
    let english: BTreeMap<&str, &ParsedArticle> = articles
        .iter()
        .filter(|article| article.lang == Lang::En)
        .map(|article| (article.slug.as_str(), article))
        .collect();
    for article in articles.iter().filter(|article| article.lang != Lang::En) {
        // A missing or unreadable English file is reported on its own.
        let Some(en) = english.get(article.slug.as_str()) else {
            continue;
        };
        let (ours, theirs) = (&article.front_matter, &en.front_matter);
        if ours.category.value != theirs.category.value {
            problems.add(
                &article.path,
                ours.category.line,
                format!(
                    "front matter: category {:?} differs from {:?} in {}; a translation keeps the English category",
                    ours.category.value, theirs.category.value, en.path
                ),
            );
        }
        if ours.published.value != theirs.published.value {
            problems.add(
                &article.path,
                ours.published.line,
                format!(
                    "front matter: published {} differs from {} in {}; a translation keeps the English date",
                    ours.published.value, theirs.published.value, en.path
                ),
            );
        }
        if ours.hero.src.value != theirs.hero.src.value {
            problems.add(
                &article.path,
                ours.hero.src.line,
                format!(
                    "front matter: hero src {:?} differs from {:?} in {}; a translation keeps the English image",
                    ours.hero.src.value, theirs.hero.src.value, en.path
                ),
            );
        }
    }
}

/// The repository's sample content, checked: for tests that need real
/// articles, events and sites together.
#[cfg(test)]
pub(crate) fn sample() -> Checked {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    check_content(
        &content,
        &Cache::none().with_photos_in_user_cache(),
        &Progress::hidden(),
    )
    .expect("the sample content passes its checks")
}
