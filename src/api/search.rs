//! Search over the sharded index (`portal_search::shards`): fetches the
//! manifest once per page, then for each query only the term shards of its
//! words and the document chunks of the results on screen, keeping every
//! part fetched for the next query (typing on reuses them; the service
//! worker keeps them for offline use like any API document).

use std::collections::HashMap;
use std::sync::Arc;

use futures::future::join_all;
use leptos::prelude::*;
use portal_contract::{paths, Lang};
use portal_search::shards::ShardSet;
use portal_search::{groups, Hit, KindCounts, Query, SearchDoc, ShardManifest, TermShard};

use super::{ApiClient, ApiError};

/// Letters of the reader's last word used for suggestions when nothing is
/// found.
const SUGGESTION_STEM_CHARS: usize = 3;
const SUGGESTIONS: usize = 6;

/// The fetched parts of one language's index, kept while the page lives.
pub type SearchCache = StoredValue<Option<(Lang, ShardSet)>>;

/// What a query shows.
#[derive(Debug, Clone, Default)]
pub struct SearchOutcome {
    /// As the reader typed it, trimmed.
    pub text: String,
    pub query: Query,
    /// Every match, best first.
    pub hits: Arc<Vec<Hit>>,
    pub counts: KindCounts,
    /// False when a short word's matches come from part of the index only.
    pub complete: bool,
    /// The documents of the results to show (see `shown`).
    pub docs: Arc<HashMap<usize, SearchDoc>>,
    /// Words to try when nothing matched.
    pub suggestions: Vec<String>,
}

impl ApiClient {
    async fn search_manifest(&self, lang: Lang) -> Result<ShardManifest, ApiError> {
        let manifest: ShardManifest = self.get_json(&paths::search_manifest(lang)).await?;
        manifest.check().map_err(ApiError::Decode)?;
        Ok(manifest)
    }
}

/// Runs `text` in `lang`, showing at most `shown` results of each kind.
/// When the index was republished meanwhile (a part is gone), starts again
/// once from the new manifest.
pub async fn run(
    api: ApiClient,
    lang: Lang,
    cache: SearchCache,
    text: String,
    shown: KindCounts,
) -> Result<SearchOutcome, ApiError> {
    match run_once(api, lang, cache, &text, shown).await {
        Err(ApiError::NotFound) => {
            cache.try_set_value(None);
            run_once(api, lang, cache, &text, shown).await
        }
        outcome => outcome,
    }
}

async fn run_once(
    api: ApiClient,
    lang: Lang,
    cache: SearchCache,
    text: &str,
    shown: KindCounts,
) -> Result<SearchOutcome, ApiError> {
    let cached_lang = cache.try_with_value(|cached| cached.as_ref().map(|(lang, _)| *lang));
    if cached_lang.flatten() != Some(lang) {
        let manifest = api.search_manifest(lang).await?;
        cache.try_set_value(Some((lang, ShardSet::new(manifest))));
    }
    let query = Query::parse(text);
    if query.is_empty() {
        return Ok(SearchOutcome {
            text: text.trim().to_string(),
            query,
            complete: true,
            ..SearchOutcome::default()
        });
    }
    fetch_terms(api, lang, cache, &query).await?;
    let ranked = with_set(cache, |set| {
        let hits = query.search_in(set, usize::MAX);
        let counts = KindCounts::of(&set.manifest().kinds, &hits);
        (hits, counts, set.complete_for(&query))
    })?;
    let (hits, counts, complete) = ranked;
    let mut suggestions = Vec::new();
    if hits.is_empty() {
        if let Some(last) = query.tokens().last() {
            let stem: String = last.chars().take(SUGGESTION_STEM_CHARS).collect();
            fetch_terms(api, lang, cache, &Query::parse(&stem)).await?;
            suggestions = with_set(cache, |set| {
                set.terms_with_prefix(&stem)
                    .into_iter()
                    .filter(|term| term.chars().count() > SUGGESTION_STEM_CHARS - 1)
                    .take(SUGGESTIONS)
                    .map(str::to_string)
                    .collect()
            })?;
        }
    }
    let wanted = with_set(cache, |set| {
        groups::first_of_each_kind(&set.manifest().kinds, &hits, shown)
    })?;
    fetch_docs(api, lang, cache, &wanted).await?;
    let docs = with_set(cache, |set| {
        wanted
            .iter()
            .filter_map(|&doc| set.doc(doc).map(|found| (doc, found.clone())))
            .collect()
    })?;
    Ok(SearchOutcome {
        text: text.trim().to_string(),
        query,
        hits: Arc::new(hits),
        counts,
        complete,
        docs: Arc::new(docs),
        suggestions,
    })
}

/// Reads the cached set; an error when the page (and its cache) is gone.
fn with_set<T>(cache: SearchCache, read: impl FnOnce(&ShardSet) -> T) -> Result<T, ApiError> {
    cache
        .try_with_value(|cached| cached.as_ref().map(|(_, set)| read(set)))
        .flatten()
        .ok_or_else(|| ApiError::Network("the search page was closed".to_string()))
}

async fn fetch_terms(
    api: ApiClient,
    lang: Lang,
    cache: SearchCache,
    query: &Query,
) -> Result<(), ApiError> {
    let (files, missing) = with_set(cache, |set| {
        let missing = set.missing_terms(query);
        let files: Vec<Option<String>> = missing
            .iter()
            .map(|&shard| set.manifest().shard_file(shard).map(str::to_string))
            .collect();
        (files, missing)
    })?;
    let fetched = join_all(files.into_iter().map(|file| async move {
        // The manifest was checked: every shard has a file. A missing one
        // is a damaged index, reported like any other bad answer.
        let file =
            file.ok_or_else(|| ApiError::Decode("search index: a shard has no file".into()))?;
        api.get_json::<TermShard>(&paths::search_terms(lang, &file))
            .await
    }))
    .await;
    for (&shard, terms) in missing.iter().zip(fetched) {
        let terms = terms?;
        cache.try_update_value(|cached| {
            if let Some((_, set)) = cached {
                set.insert_terms(shard, terms);
            }
        });
    }
    Ok(())
}

async fn fetch_docs(
    api: ApiClient,
    lang: Lang,
    cache: SearchCache,
    docs: &[usize],
) -> Result<(), ApiError> {
    let (build, missing) = with_set(cache, |set| {
        (
            set.manifest().build.clone(),
            set.missing_docs(docs.iter().copied()),
        )
    })?;
    let fetched = join_all(missing.iter().map(|&chunk| {
        let path = paths::search_docs(lang, &build, chunk);
        async move { api.get_json::<Vec<SearchDoc>>(&path).await }
    }))
    .await;
    for (&chunk, chunk_docs) in missing.iter().zip(fetched) {
        let chunk_docs = chunk_docs?;
        cache.try_update_value(|cached| {
            if let Some((_, set)) = cached {
                set.insert_docs(chunk, chunk_docs);
            }
        });
    }
    Ok(())
}
