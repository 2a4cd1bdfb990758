//! From a content directory to the complete API tree. Everything is read
//! and checked first ([`crate::checked`]); documents are assembled only when
//! there is no problem at all, so a bad file can never produce a
//! half-published site.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use portal_calendar::Date;

use portal_contract::{
    paths, Article, ArticleSummary, Block, Category, CategoryList, CategoryRef, Lang, NewsPage,
    NEWS_PAGE_SIZE,
};

use crate::article::ParsedArticle;
use crate::cache::Cache;
use crate::categories::Categories;
use crate::checked::{check_content, Checked};
use crate::error::ContentError;
use crate::events_build::{self, EventsInput};
use crate::media::{MediaLibrary, MEDIA_PREFIX};
use crate::news_archive;
use crate::news_feeds::{self, FeedContext};
use crate::news_recipes::SummaryPrints;
use crate::origin::PublicOrigin;
use crate::output::{Output, Part};
use crate::parallel::Job;
use crate::progress::Progress;
use crate::related::{self, RelatedIndex};
use crate::search_build::{self, SearchOutcome};
use crate::sites_build::{self, SitesInput};
use crate::tree_manifest::{
    marker_stamp, publisher_identity, Hash, PathHasher, Recipe, TreeManifest,
};
use crate::update::{Changes, Recorded};

/// Why a build produced nothing.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, sorted by file and line.
    Content(Vec<ContentError>),
    /// Something that is not the editors' doing (I/O, a bug).
    Other(String),
}

/// The API tree in memory: paths relative to the output directory.
#[derive(Debug)]
pub struct Site {
    pub files: BTreeMap<String, Vec<u8>>,
    pub stats: Stats,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Documents written.
    pub files: usize,
    /// Articles per language, in `Lang::ALL` order.
    pub articles: Vec<(Lang, usize)>,
    pub categories: usize,
    pub media: usize,
    /// Published event occurrences (repeating events expanded).
    pub events: usize,
    /// For a tree updated in place: what changed (else a new tree).
    pub changes: Option<Changes>,
    /// Article files read and checked (the rest came from the cache).
    pub articles_read: usize,
    /// Event and site folders read and checked (the rest came from the
    /// cache).
    pub folders_read: usize,
    /// What became of each language's search index, in `Lang::ALL` order.
    pub search: Vec<(Lang, SearchOutcome)>,
    /// The parts ("guide", "events") of each language kept whole in an
    /// update (see [`Output::keep_all_under`]), by part, then language.
    pub kept_whole: Vec<(&'static str, Lang)>,
}

/// The build date: `PORTAL_BUILD_DATE` (`yyyy-mm-dd`, for reproducible
/// builds) or today's date in Minsk.
pub fn build_date() -> Result<Date, String> {
    if let Ok(text) = std::env::var("PORTAL_BUILD_DATE") {
        return Date::parse(&text)
            .ok_or_else(|| format!("PORTAL_BUILD_DATE {text:?} is not a yyyy-mm-dd date"));
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|error| format!("the system clock is before 1970: {error}"))?
        .as_secs() as i64;
    let minsk = seconds + i64::from(crate::belarus::MINSK_OFFSET_MINUTES) * 60;
    Ok(Date::from_days(minsk.div_euclid(86_400)))
}

/// Reads and checks the content and assembles the API tree as of the
/// build date (see [`build_date`]), for the public origin of
/// `PORTAL_PUBLIC_ORIGIN` (see [`PublicOrigin::from_env`]).
pub fn build_site(content_dir: &Path) -> Result<Site, BuildError> {
    let today = build_date().map_err(BuildError::Other)?;
    let origin = PublicOrigin::from_env().map_err(BuildError::Other)?;
    build_site_at(content_dir, today, &origin)
}

/// [`build_site`] for a given build date: repeating events are expanded
/// around it and the upcoming list starts from it. Feeds and calendars
/// link to the default origin (the dev server).
pub fn build_site_on(content_dir: &Path, today: Date) -> Result<Site, BuildError> {
    build_site_at(content_dir, today, &PublicOrigin::default())
}

/// [`build_site_on`] with the public origin the absolute links of the
/// feeds and calendars use.
pub fn build_site_at(
    content_dir: &Path,
    today: Date,
    origin: &PublicOrigin,
) -> Result<Site, BuildError> {
    let progress = Progress::hidden();
    with_checked(
        content_dir,
        today,
        // Nothing is kept but the photographs' renditions, in the user's
        // cache (they depend only on each photo's bytes and focal point): developing the
        // sample's photos takes minutes, and every test builds it.
        &Cache::none().with_photos_in_user_cache(),
        &progress,
        |checked, occurrences| {
            let output = Output::memory();
            let stats = assemble(
                checked,
                occurrences,
                today,
                origin,
                &output,
                &Cache::none(),
                &progress,
            )
            .map_err(BuildError::Other)?;
            Ok(Site {
                files: output.into_files(),
                stats,
            })
        },
    )
}

/// Reads and checks `content_dir`, expands the events around `today`, and
/// hands both to `then`: what every build does before it writes anything.
fn with_checked<T>(
    content_dir: &Path,
    today: Date,
    cache: &Cache,
    progress: &Progress,
    then: impl FnOnce(&Checked, &[events_build::Occurrence<'_>]) -> Result<T, BuildError>,
) -> Result<T, BuildError> {
    let checked = check(content_dir, cache, progress)?;
    let occurrences = expand_events(&checked, today, progress)?;
    then(&checked, &occurrences)
}

/// Reads and checks `content_dir` (see [`check_content`]).
pub fn check(
    content_dir: &Path,
    cache: &Cache,
    progress: &Progress,
) -> Result<Checked, BuildError> {
    if !content_dir.is_dir() {
        return Err(BuildError::Other(format!(
            "content directory {} not found",
            content_dir.display()
        )));
    }
    check_content(content_dir, cache, progress).map_err(BuildError::Content)
}

fn expand_events<'a>(
    checked: &'a Checked,
    today: Date,
    progress: &Progress,
) -> Result<Vec<events_build::Occurrence<'a>>, BuildError> {
    progress.stage("expanding events", 0);
    events_build::occurrences(&checked.events, today).map_err(BuildError::Content)
}

/// [`build_site_at`] written into `out`. Content problems are found
/// before anything is written; on any error before the tree is changed
/// `out` is as it was (an update that fails while renaming leaves a tree
/// no manifest vouches for, so the next build is a clean one).
///
/// When `cache` holds the manifest of the tree at `out` (see
/// [`crate::tree_manifest`]) and `clean` is false, the tree is updated in
/// place ([`crate::update`]): only documents whose bytes changed are
/// written, and expensive ones whose inputs did not change are not made.
/// Otherwise a whole new tree replaces it
/// ([`crate::write::replace_dir_with`]), each document going to disk as it
/// is made, so memory does not grow with the size of the tree. Either way
/// the documents are the same bytes.
pub fn build_into(
    content_dir: &Path,
    today: Date,
    origin: &PublicOrigin,
    out: &Path,
    cache: &Cache,
    progress: &Progress,
    clean: bool,
) -> Result<Stats, BuildError> {
    std::thread::scope(|scope| {
        // Read while the content is checked: at 100,000 articles in
        // proportion, 1.26 million lines parsed on a thread of its own.
        let mut reading = Some(scope.spawn(|| match cache.dir() {
            Some(dir) if !clean => TreeManifest::load(dir, out),
            _ => None,
        }));
        // A thread that panicked read nothing: a clean build.
        let mut previous = || reading.take().and_then(|read| read.join().ok().flatten());
        let built = check(content_dir, cache, progress).and_then(|checked| {
            let place = Place { out, cache };
            write_checked(&checked, today, origin, place, progress, &mut previous)
                .map(|(stats, _)| stats)
        });
        // Joined whatever happened, so a panic there never replaces the
        // build's own report.
        previous();
        built
    })
}

/// Where a tree is written and what is kept for the next build.
#[derive(Clone, Copy)]
pub struct Place<'a> {
    pub out: &'a Path,
    pub cache: &'a Cache,
}

/// Writes the tree at `place.out` from `checked` content (see
/// [`build_into`]): updated in place from the manifest `previous` gives
/// (called once the events are expanded, so it may still be reading),
/// else a whole new tree. Returns what was published and, with a cache,
/// the manifest now recorded for the tree.
pub fn write_checked(
    checked: &Checked,
    today: Date,
    origin: &PublicOrigin,
    Place { out, cache }: Place<'_>,
    progress: &Progress,
    previous: impl FnOnce() -> Option<Recorded>,
) -> Result<(Stats, Option<Recorded>), BuildError> {
    let occurrences = expand_events(checked, today, progress)?;
    let previous = previous();
    let make = |output: &Output| -> std::io::Result<Stats> {
        let stats = assemble(
            checked,
            &occurrences,
            today,
            origin,
            output,
            cache,
            progress,
        )
        .map_err(std::io::Error::other)?;
        progress.stage("finishing writes", 0);
        Ok(stats)
    };
    let written = match (previous, cache.dir()) {
        (Some(previous), Some(dir)) => {
            crate::update::update_dir_with(out, dir, previous, |output| {
                let stats = make(output)?;
                progress.stage("updating the tree", 0);
                Ok(stats)
            })
            .map(|(stats, changes, recorded)| {
                let stats = Stats {
                    changes: Some(changes),
                    ..stats
                };
                (stats, Some(recorded))
            })
        }
        _ => crate::write::replace_dir_with(out, |staging| {
            let output = Output::dir(staging);
            let stats = make(&output)?;
            output.finish().map_err(std::io::Error::other)?;
            progress.stage("replacing the old tree", 0);
            let manifest = output.take_manifest().map_err(std::io::Error::other)?;
            // The marker keeps its inode and times when the tree is
            // renamed into place: the stamp the next build will see.
            Ok((stats, manifest, marker_stamp(staging)))
        })
        .map(|(stats, mut manifest, stamp)| {
            let recorded = match (cache.dir(), stamp) {
                // Without it the next build is a clean one: nothing lost.
                (Some(dir), Some(stamp)) => match manifest.save(dir, out, &stamp) {
                    Ok(()) => Some((manifest, stamp)),
                    Err(error) => {
                        eprintln!("warning: cache {}: {error}", dir.display());
                        None
                    }
                },
                _ => None,
            };
            (stats, recorded)
        }),
    };
    written.map_err(|error| BuildError::Other(format!("cannot write {}: {error}", out.display())))
}

/// Builds every document of the API tree from checked content into
/// `files`: each language's events, search index, sites and news are
/// separate jobs run side by side (see [`crate::parallel`]).
pub fn assemble(
    checked: &Checked,
    occurrences: &[events_build::Occurrence<'_>],
    today: Date,
    origin: &PublicOrigin,
    files: &Output,
    cache: &Cache,
    progress: &Progress,
) -> Result<Stats, String> {
    let context = recipe_context(checked);
    // Written even without events: an empty calendar is a calendar, not a
    // missing document.
    let input = EventsInput {
        occurrences,
        media: &checked.media,
        categories: &checked.event_categories,
        regions: &checked.regions,
        today,
        origin,
        context: &context,
    };
    let mut sites_input = SitesInput::new(
        &checked.sites,
        &checked.media,
        &checked.site_sections,
        &checked.regions,
        &context,
    );
    if let Some(memo) = cache.nearby() {
        sites_input = sites_input.remembering(memo);
    }
    // The link previews first, drawn on every core: the news feeds give
    // their sizes, and the news jobs then run beside the others.
    progress.stage("link previews", 0);
    let previews = crate::og_image::previews(checked, cache)?;
    let feeds = FeedContext::new(
        &checked.categories,
        &checked.media,
        &previews,
        origin,
        today,
    );
    let translations = translations(&checked.articles);
    let search: Vec<Mutex<SearchOutcome>> = Lang::ALL
        .iter()
        .map(|_| Mutex::new(SearchOutcome::Built))
        .collect();
    let counts: Vec<Mutex<usize>> = Lang::ALL.iter().map(|_| Mutex::new(0)).collect();
    // The parts to keep whole once every job is done (see `Part`).
    let unchanged: Mutex<Vec<(&'static str, Lang, Part)>> = Mutex::default();
    // A part lost here would count as removed: the lock fails the build.
    let note_part = |name: &'static str, lang: Lang, part: Part| -> Result<(), String> {
        if part != Part::Made {
            lock_parts(&unchanged)?.push((name, lang, part));
        }
        Ok(())
    };
    // Longest first, so that no long job is left to run alone at the end
    // (at 100,000 articles in proportion: the search indexes about 65 s,
    // each language's sites 15 s, events 8 to 13 s, news 4 to 11 s).
    let mut jobs = Vec::new();
    // The three search indexes one after another: each holds a third of a
    // gigabyte at 100,000 articles, more than any other job, so two side
    // by side would make the build's peak; the other jobs fill the second
    // core around them.
    // The news jobs start once the English index is done (see below).
    let (mut news_may_start, news_waits): (Vec<_>, Vec<_>) = Lang::ALL
        .iter()
        .map(|_| std::sync::mpsc::channel::<()>())
        .unzip();
    let (outcomes, context_ref) = (&search, &context);
    jobs.push(Job::new("search indexes", move || {
        for (lang, search) in Lang::ALL.into_iter().zip(outcomes) {
            let started = Instant::now();
            let outcome =
                search_build::documents(checked, occurrences, lang, context_ref, cache, files)?;
            if let Ok(mut search) = search.lock() {
                *search = outcome;
            }
            progress.part_done(&format!("search index ({lang})"), started.elapsed());
            if lang == Lang::En {
                // A receiver may be gone (a job failed): nothing waits.
                for start in news_may_start.drain(..) {
                    let _ = start.send(());
                }
            }
        }
        Ok(())
    }));
    for lang in Lang::ALL {
        let (sites_input, note_part) = (&sites_input, &note_part);
        jobs.push(Job::new(format!("sites ({lang})"), move || {
            note_part(
                "guide",
                lang,
                sites_build::documents(sites_input, lang, files)?,
            )
        }));
    }
    for lang in Lang::ALL {
        let (input, note_part) = (&input, &note_part);
        jobs.push(Job::new(format!("events ({lang})"), move || {
            note_part("events", lang, events_build::documents(input, lang, files)?)
        }));
    }
    // Last, and only once the English search index is done: the news of
    // a language holds its summaries for the whole job. When the guide and
    // events are found unchanged (in a moment) the news would otherwise run
    // beside the English index, the largest, and add to the peak of an
    // edit's update (ARCHITECTURE, Scale); beside the Russian and
    // Belarusian indexes they still finish before the search. The search
    // job is first in the queue, so it is running whenever a news job
    // waits.
    for ((lang, count), may_start) in Lang::ALL.into_iter().zip(&counts).zip(news_waits) {
        let (feeds, translations, context) = (&feeds, &translations, &context);
        jobs.push(Job::new(format!("news ({lang})"), move || {
            // The search job failed if the sender is gone: go on, the build
            // stops with its error anyway.
            let _ = may_start.recv();
            let written = news_documents(checked, lang, feeds, translations, context, files)?;
            if let Ok(mut count) = count.lock() {
                *count = written;
            }
            Ok(())
        }));
    }
    progress.stage("events, sites, search, news", jobs.len());
    crate::parallel::run_all(jobs, progress)?;
    let mut kept_whole = Vec::new();
    let unchanged = std::mem::take(&mut *lock_parts(&unchanged)?);
    for (name, lang, part) in unchanged {
        if let Part::Unchanged { dir, key, recipe } = part {
            if !files.keep_all_under(&dir, &key, &recipe)? {
                return Err(format!("{dir} could not be kept as the tree has it"));
            }
            kept_whole.push((name, lang));
        }
    }
    // Said in a steady order, whichever job finished first.
    kept_whole.sort_by_key(|&(name, lang)| (name, Lang::ALL.iter().position(|&l| l == lang)));
    if let Some(shapes) = &checked.region_shapes {
        files.put_json(paths::region_shapes(), shapes)?;
    }

    progress.stage("media", 0);
    // Drawings as they are; photographs only as their renditions (the
    // source, with its metadata, is never published).
    for file in checked.media.files().filter(|file| file.photo.is_none()) {
        files.put(format!("{MEDIA_PREFIX}{}", file.name), file.bytes.clone())?;
    }
    for (path, bytes) in checked.media.photo_files() {
        files.put(path, bytes.to_vec())?;
    }
    files.put_all(previews)?;
    Ok(Stats {
        files: files.len(),
        articles: Lang::ALL
            .into_iter()
            .zip(counts)
            .map(|(lang, count)| (lang, count.into_inner().unwrap_or(0)))
            .collect(),
        categories: checked.categories.len(),
        media: checked.media.len(),
        events: occurrences.len(),
        changes: None,
        articles_read: checked.articles_read,
        folders_read: checked.folders_read,
        search: Lang::ALL
            .into_iter()
            .zip(search)
            .map(|(lang, outcome)| (lang, outcome.into_inner().unwrap_or(SearchOutcome::Built)))
            .collect(),
        kept_whole,
    })
}

/// The parts found unchanged; a job that panicked holding the lock is a
/// bug, and the build stops.
fn lock_parts<T>(parts: &Mutex<T>) -> Result<std::sync::MutexGuard<'_, T>, String> {
    parts
        .lock()
        .map_err(|_| "a job noting the parts kept whole panicked".to_string())
}

/// What every document made through [`Output::put_made`] (and every
/// search document's terms) depends on besides its own inputs: the
/// publisher and the media files (bodies show their sizes). Not the build
/// date or the origin: only the feeds and calendars show them (the feeds
/// are made every time, the calendars' recipe has both), so a daily build
/// keeps the rest; the incremental test publishes on another day and
/// origin to hold this.
fn recipe_context(checked: &Checked) -> Hash {
    let mut recipe = Recipe::new("context");
    recipe
        .add(&publisher_identity())
        .add(&checked.media.fingerprint());
    recipe.finish()
}

/// The languages of each article slug.
type Translations<'a> = HashMap<&'a str, BTreeSet<Lang>, BuildHasherDefault<PathHasher>>;

/// The languages each article slug is written in (looked up once per
/// article: hashed, not searched in order).
fn translations(articles: &[ParsedArticle]) -> Translations<'_> {
    let mut translations = Translations::default();
    for article in articles {
        translations
            .entry(article.slug.as_str())
            .or_default()
            .insert(article.lang);
    }
    translations
}

/// The news of `lang`: feed pages, category pages, the archive, the RSS
/// feeds and every article. Returns how many articles.
fn news_documents(
    checked: &Checked,
    lang: Lang,
    feeds: &FeedContext<'_>,
    translations: &Translations<'_>,
    context: &Hash,
    files: &Output,
) -> Result<usize, String> {
    let articles = checked.articles_newest_first(lang);
    let summaries = articles
        .iter()
        .map(|article| summary(article, &checked.categories, &checked.media))
        .collect::<Result<Vec<_>, _>>()?;
    let prints = SummaryPrints::new(context, &articles, &summaries)?;
    // Documents list summaries by position: cloned only into a document
    // that is made again (in an update, a handful of 100,000).
    let cloned = |items: &[usize]| -> Vec<ArticleSummary> {
        items.iter().map(|&item| summaries[item].clone()).collect()
    };
    let put_page = |path: String, mut page: NewsPage, items: &[usize]| {
        let recipe = prints.recipe("feed-page", context, &page, items)?;
        files.put_made(path.clone(), recipe, || {
            page.items = cloned(items);
            serde_json::to_vec(&page).map_err(|error| format!("{path}: {error}"))
        })
    };

    let everything: Vec<usize> = (0..summaries.len()).collect();
    for (path, page, items) in feed_page_shells(lang, None, &everything) {
        put_page(path, page, items)?;
    }
    let mut category_list = Vec::new();
    for category in checked.categories.iter() {
        let in_category: Vec<usize> = summaries
            .iter()
            .enumerate()
            .filter(|(_, summary)| summary.category.slug == category.slug)
            .map(|(item, _)| item)
            .collect();
        category_list.push(Category {
            slug: category.slug.clone(),
            name: category.name(lang).to_string(),
            count: count_u32(in_category.len()),
        });
        for (path, page, items) in feed_page_shells(lang, Some(&category.slug), &in_category) {
            put_page(path, page, items)?;
        }
    }
    files.put_json(
        paths::categories(lang),
        &CategoryList {
            categories: category_list,
        },
    )?;
    let (days, archive_listings) = news_archive::archive_days(lang, &summaries);
    for (path, mut day, items) in days {
        let recipe = prints.recipe("archive-day", context, &day, &items)?;
        files.put_made(path.clone(), recipe, || {
            day.items = cloned(&items);
            serde_json::to_vec(&day).map_err(|error| format!("{path}: {error}"))
        })?;
    }
    for (path, listing) in archive_listings {
        files.put_json(path, &listing)?;
    }
    files.put_all(news_feeds::documents(feeds, lang, &summaries))?;

    let related_index = RelatedIndex::new(
        articles
            .iter()
            .zip(&summaries)
            .map(|(article, summary)| related::Entry {
                category: &summary.category.slug,
                published: summary.published.unix_seconds(),
                slug: &article.slug,
            })
            .collect(),
    );
    for (index, article) in articles.iter().enumerate() {
        let related = related_index.related(index);
        let langs: Vec<Lang> = translations
            .get(article.slug.as_str())
            .map(|set| set.iter().copied().collect())
            .unwrap_or_else(|| vec![lang]);
        // Made (and the body read again) only when its recipe changed.
        let shell = || article_document(article, &summaries[index], vec![], langs.clone(), vec![]);
        let path = paths::article(lang, &article.slug);
        let recipe = prints.article_recipe(context, index, article, &langs, &related, shell)?;
        files.put_made(path.clone(), recipe, || {
            let mut document = shell();
            document.related = cloned(&related);
            document.body = article.body.blocks(&checked.media)?.into_owned();
            serde_json::to_vec(&document).map_err(|error| format!("{path}: {error}"))
        })?;
    }
    Ok(articles.len())
}

fn summary(
    article: &ParsedArticle,
    categories: &Categories,
    media: &MediaLibrary,
) -> Result<ArticleSummary, String> {
    let fm = &article.front_matter;
    let category = categories.get(&fm.category.value).ok_or_else(|| {
        format!(
            "{}: category {:?} vanished after checking",
            article.path, fm.category.value
        )
    })?;
    Ok(ArticleSummary {
        slug: article.slug.clone(),
        title: fm.title.value.trim().to_string(),
        lead: fm.lead.value.trim().to_string(),
        category: CategoryRef {
            slug: category.slug.clone(),
            name: category.name(article.lang).to_string(),
        },
        published: fm.published.value,
        hero: article.hero(media),
    })
}

fn article_document(
    article: &ParsedArticle,
    summary: &ArticleSummary,
    related: Vec<ArticleSummary>,
    translations: Vec<Lang>,
    body: Vec<Block>,
) -> Article {
    let fm = &article.front_matter;
    Article {
        slug: summary.slug.clone(),
        lang: article.lang,
        title: summary.title.clone(),
        lead: summary.lead.clone(),
        category: summary.category.clone(),
        published: summary.published,
        updated: fm.updated.as_ref().map(|updated| updated.value),
        hero: summary.hero.clone(),
        body,
        tags: fm.tags.clone(),
        related,
        translations,
    }
}

/// The pages of one feed. An empty feed still has page 1, so every feed URL
/// the app can build from a category list exists.
pub fn feed_pages(
    lang: Lang,
    category: Option<&str>,
    items: &[ArticleSummary],
) -> Vec<(String, NewsPage)> {
    let positions: Vec<usize> = (0..items.len()).collect();
    feed_page_shells(lang, category, &positions)
        .into_iter()
        .map(|(path, mut page, on_page)| {
            page.items = on_page.iter().map(|&item| items[item].clone()).collect();
            (path, page)
        })
        .collect()
}

/// [`feed_pages`] of the summaries at `items` (positions in the list the
/// caller holds), each page's list left empty and given as the slice of
/// `items` it holds.
pub fn feed_page_shells<'a>(
    lang: Lang,
    category: Option<&str>,
    items: &'a [usize],
) -> Vec<(String, NewsPage, &'a [usize])> {
    let total_pages = items.len().div_ceil(NEWS_PAGE_SIZE).max(1);
    (0..total_pages)
        .map(|index| {
            let page = count_u32(index + 1);
            let start = (index * NEWS_PAGE_SIZE).min(items.len());
            let end = (start + NEWS_PAGE_SIZE).min(items.len());
            let document = NewsPage {
                page,
                total_pages: count_u32(total_pages),
                total_items: count_u32(items.len()),
                page_size: count_u32(NEWS_PAGE_SIZE),
                category: category.map(str::to_string),
                items: Vec::new(),
            };
            (
                paths::feed_page(lang, category, page),
                document,
                &items[start..end],
            )
        })
        .collect()
}

fn count_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::front_matter::{FrontMatter, Hero, Located};
    use portal_contract::{Image, Timestamp};

    fn at<T>(value: T) -> Located<T> {
        Located { value, line: 1 }
    }

    pub(crate) fn parsed(slug: &str, category: &str, published: &str) -> ParsedArticle {
        ParsedArticle {
            slug: slug.into(),
            lang: Lang::En,
            path: format!("news/{slug}/en.md"),
            front_matter: FrontMatter {
                title: at(slug.to_string()),
                lead: at("lead".into()),
                category: at(category.into()),
                published: at(Timestamp::parse(published).unwrap()),
                updated: None,
                tags: vec![],
                hero: Hero {
                    src: at("media/a.svg".into()),
                    alt: at("alt".into()),
                    caption: None,
                    credit: None,
                },
            },
            body: crate::body::Body::Parsed(vec![]),
        }
    }

    fn summaries(n: usize) -> Vec<ArticleSummary> {
        (0..n)
            .map(|i| ArticleSummary {
                slug: format!("a{i}"),
                title: "t".into(),
                lead: "l".into(),
                category: CategoryRef {
                    slug: "sport".into(),
                    name: "Sport".into(),
                },
                published: Timestamp::parse("2026-10-10T12:00:00+03:00").unwrap(),
                hero: Image {
                    src: "media/a.svg".into(),
                    width: 1,
                    height: 1,
                    alt: "alt".into(),
                    caption: None,
                    credit: None,
                    photo: None,
                },
            })
            .collect()
    }

    #[test]
    fn feeds_are_paged_and_never_missing() {
        let pages = feed_pages(Lang::Ru, None, &[]);
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].0, "ru/news/page/1.json");
        assert_eq!(
            (
                pages[0].1.page,
                pages[0].1.total_pages,
                pages[0].1.total_items
            ),
            (1, 1, 0)
        );

        let items = summaries(NEWS_PAGE_SIZE * 2 + 1);
        let pages = feed_pages(Lang::En, Some("sport"), &items);
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[2].0, "en/news/category/sport/page/3.json");
        let sizes: Vec<usize> = pages.iter().map(|(_, p)| p.items.len()).collect();
        assert_eq!(sizes, [NEWS_PAGE_SIZE, NEWS_PAGE_SIZE, 1]);
        assert!(pages.iter().all(|(_, p)| p.total_pages == 3
            && p.total_items == 25
            && p.page_size == 12
            && p.category.as_deref() == Some("sport")));
        assert_eq!(pages[1].1.items[0].slug, "a12");

        let pages = feed_pages(Lang::En, None, &summaries(NEWS_PAGE_SIZE));
        assert_eq!(pages.len(), 1);
    }
}
