//! The search index cut into files a reader fetches only as a query needs
//! them (after Pagefind's chunked index), so a 100,000-article archive is
//! searchable without downloading it:
//!
//! - a small [`ShardManifest`]: where each term shard starts, how many
//!   documents of each kind there are, and the name of this build;
//! - term shards ([`TermShard`]): consecutive sorted terms with their
//!   postings, cut at about [`SHARD_TARGET_BYTES`] (one term's list is never
//!   cut, so a word in every document makes a shard of its own);
//! - document chunks: [`DOCS_PER_CHUNK`] documents each, in number order,
//!   fetched for the results on screen only.
//!
//! Ranking needs no documents (see [`SearchIndex`]): a query fetches the
//! term shards of its words, ranks every match, then fetches the chunks of
//! the results it shows. [`ShardSet`] holds what has been fetched; typing
//! more letters of a word stays within its shards.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::index::{KindRanges, SearchDoc, SearchIndex};
use crate::query::{Query, Terms};

/// The format of the manifest and its files; a reader that does not know a
/// version says so instead of misreading it. (2: term shards named by
/// their contents, listed in [`ShardManifest::files`].)
pub const SHARDS_VERSION: u32 = 2;

/// A term shard is closed once its JSON passes this many bytes.
pub const SHARD_TARGET_BYTES: usize = 32 * 1024;

/// Documents per document chunk: a results page of 20 fetches at most 20
/// small files, often fewer (results of one query tend to be neighbours in
/// time, and so in number).
pub const DOCS_PER_CHUNK: usize = 8;

/// Term shards fetched for one word's prefix. A word of one or two letters
/// can begin terms in dozens of shards; past this many its results are
/// marked incomplete (see [`ShardSet::complete_for`]) instead of fetching
/// a large part of the index.
pub const MAX_SHARDS_PER_WORD: usize = 3;

/// `{lang}/search/index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardManifest {
    #[serde(rename = "v")]
    pub version: u32,
    /// The directory of the document chunks: a hash of which documents
    /// they hold, in order, so a reader never takes one document for
    /// another. (An edited document's chunk is rewritten in place: a
    /// reader may get its old or its new text, never another document.)
    pub build: String,
    pub kinds: KindRanges,
    pub docs_per_chunk: usize,
    /// The first term of each term shard, in order; the first is `""`.
    pub shards: Vec<String>,
    /// Each term shard's file name, a hash of its contents: a shard an
    /// edit did not touch keeps its name from build to build (readers keep
    /// what they cached, the publisher rewrites nothing), and a reader
    /// never mixes shards of two builds.
    pub files: Vec<String>,
}

impl ShardManifest {
    /// Whether the manifest can be used (it comes from the network).
    pub fn check(&self) -> Result<(), String> {
        if self.version != SHARDS_VERSION {
            return Err(format!(
                "search index version {} (expected {SHARDS_VERSION})",
                self.version
            ));
        }
        if self.docs_per_chunk == 0 {
            return Err("search index: docs_per_chunk is 0".into());
        }
        if self.shards.first().map(String::as_str) != Some("") && !self.shards.is_empty() {
            return Err("search index: the first shard must start at the empty term".into());
        }
        if self.shards.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("search index: shard starts are not in order".into());
        }
        if self.files.len() != self.shards.len() {
            return Err(format!(
                "search index: {} shard files for {} shards",
                self.files.len(),
                self.shards.len()
            ));
        }
        // Names become URLs: hexadecimal digits only.
        let plain = |name: &str| {
            (1..=64).contains(&name.len())
                && name
                    .bytes()
                    .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
        };
        if !self.files.iter().all(|name| plain(name)) || !plain(&self.build) {
            return Err("search index: a file name is not a hash".into());
        }
        Ok(())
    }

    /// The file name of term shard `shard`.
    pub fn shard_file(&self, shard: usize) -> Option<&str> {
        self.files.get(shard).map(String::as_str)
    }

    /// The term shards that can hold terms starting with `prefix`: the one
    /// `prefix` itself would be in, and every later one whose first term
    /// starts with it.
    pub fn shards_for(&self, prefix: &str) -> Range<usize> {
        let after = self
            .shards
            .partition_point(|start| start.as_str() <= prefix);
        let Some(first) = after.checked_sub(1) else {
            return 0..0;
        };
        let more = self.shards[after..]
            .iter()
            .take_while(|start| start.starts_with(prefix))
            .count();
        first..after + more
    }

    /// The chunk holding document number `doc`.
    pub fn chunk_of(&self, doc: usize) -> usize {
        doc / self.docs_per_chunk.max(1)
    }
}

/// One term shard: `terms` sorted, `postings[i]` encoded as in
/// [`SearchIndex`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TermShard {
    pub terms: Vec<String>,
    pub postings: Vec<Vec<u32>>,
}

impl TermShard {
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.terms.partition_point(|term| term.as_str() < prefix);
        let len = self.terms[start..]
            .iter()
            .take_while(|term| term.starts_with(prefix))
            .count();
        start..start + len
    }
}

/// A whole index cut into shards; the publisher writes each part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// `build` and `files` are left empty: the publisher names them from
    /// the documents and the shards' bytes.
    pub manifest: ShardManifest,
    pub terms: Vec<TermShard>,
    pub docs: Vec<Vec<SearchDoc>>,
}

/// Cuts `index` into term shards of about `target_bytes` of JSON and
/// document chunks of `docs_per_chunk`.
///
/// Where a shard ends depends on the terms themselves (content-defined, as
/// rsync and restic cut files): once a shard holds half the target, it ends
/// after a term whose hash falls below that term's share of the other half,
/// or before a term that would take it past a quarter over the target. A
/// change to one term's postings (an edited document) then moves at most
/// the cuts around it; every shard after them comes out the same as before,
/// so a rebuilt index rewrites only the shards an edit touched. Shards
/// still average about the target, whatever the sizes of the terms.
pub fn split(index: SearchIndex, target_bytes: usize, docs_per_chunk: usize) -> Split {
    let docs_per_chunk = docs_per_chunk.max(1);
    let kinds = index.kind_ranges();
    let SearchIndex {
        docs,
        terms,
        postings,
    } = index;
    let mut shards: Vec<TermShard> = Vec::new();
    let manifest = cut(
        terms.into_iter().zip(postings),
        kinds,
        docs_per_chunk,
        target_bytes,
        |shard| {
            shards.push(shard);
            Ok::<(), std::convert::Infallible>(())
        },
    )
    .unwrap_or_else(|never| match never {});
    // Moved into their chunks, not copied: at 100,000 articles in
    // proportion a language has 391,000 documents.
    let mut docs = docs.into_iter();
    let docs = std::iter::from_fn(|| {
        let chunk: Vec<SearchDoc> = docs.by_ref().take(docs_per_chunk).collect();
        (!chunk.is_empty()).then_some(chunk)
    })
    .collect();
    Split {
        manifest,
        terms: shards,
        docs,
    }
}

/// [`split`]'s term shards, cut from `terms` (in byte order, with their
/// encoded postings) and handed to `emit` one by one as each is closed,
/// so only one shard is held at a time; the manifest of the index whose
/// documents are `kinds` in chunks of `docs_per_chunk` (`build` and
/// `files` left empty), or `emit`'s first error.
pub fn cut<E>(
    terms: impl Iterator<Item = (String, Vec<u32>)>,
    kinds: KindRanges,
    docs_per_chunk: usize,
    target_bytes: usize,
    mut emit: impl FnMut(TermShard) -> Result<(), E>,
) -> Result<ShardManifest, E> {
    let mut cutter = Cutter::new(target_bytes);
    let mut closed: Vec<TermShard> = Vec::new();
    let mut starts: Vec<String> = Vec::new();
    let mut hand_over = |closed: &mut Vec<TermShard>, starts: &mut Vec<String>| {
        for shard in closed.drain(..) {
            starts.push(shard_start(starts.len(), &shard));
            emit(shard)?;
        }
        Ok(())
    };
    for (term, list) in terms {
        cutter.push(term, list, &mut closed);
        hand_over(&mut closed, &mut starts)?;
    }
    cutter.finish(&mut closed);
    if starts.is_empty() && closed.is_empty() {
        closed.push(TermShard::default());
    }
    hand_over(&mut closed, &mut starts)?;
    Ok(ShardManifest {
        version: SHARDS_VERSION,
        build: String::new(),
        kinds,
        docs_per_chunk: docs_per_chunk.max(1),
        shards: starts,
        files: Vec::new(),
    })
}

/// The first term of each shard, as the manifest lists them: the first
/// shard starts at `""`.
pub fn shard_starts(shards: &[TermShard]) -> Vec<String> {
    shards
        .iter()
        .enumerate()
        .map(|(at, shard)| shard_start(at, shard))
        .collect()
}

/// The first term of the shard numbered `at`, as the manifest lists it.
fn shard_start(at: usize, shard: &TermShard) -> String {
    match (at, shard.terms.first()) {
        (0, _) | (_, None) => String::new(),
        (_, Some(first)) => first.clone(),
    }
}

/// Cuts sorted terms into shards where their contents say (see [`split`]).
/// Its state between shards is nothing at all, so cutting the same terms
/// from the start of a shard always ends that shard where it ended
/// before: what lets [`crate::patch`] re-cut only the shards an edit
/// touched.
#[derive(Debug)]
pub(crate) struct Cutter {
    current: TermShard,
    size: usize,
    least: usize,
    most: usize,
    span: u64,
}

impl Cutter {
    pub(crate) fn new(target_bytes: usize) -> Cutter {
        let least = target_bytes / 2;
        Cutter {
            current: TermShard::default(),
            size: 0,
            least,
            most: target_bytes + target_bytes / 4,
            span: (target_bytes - least).max(1) as u64,
        }
    }

    /// Adds the next term (in order), pushing onto `done` the shards it
    /// closes.
    pub(crate) fn push(&mut self, term: String, list: Vec<u32>, done: &mut Vec<TermShard>) {
        let bytes = json_size(&term, &list);
        if self.size > 0 && self.size + bytes > self.most {
            done.push(std::mem::take(&mut self.current));
            self.size = 0;
        }
        self.size += bytes;
        let ends_here = self.size >= self.least && term_hash(&term) % self.span < bytes as u64;
        self.current.terms.push(term);
        self.current.postings.push(list);
        if ends_here {
            done.push(std::mem::take(&mut self.current));
            self.size = 0;
        }
    }

    /// Whether a shard has just ended (nothing is pending).
    pub(crate) fn is_between_shards(&self) -> bool {
        self.current.terms.is_empty()
    }

    /// Closes the last shard, if it holds anything.
    pub(crate) fn finish(self, done: &mut Vec<TermShard>) {
        if !self.current.terms.is_empty() {
            done.push(self.current);
        }
    }
}

/// The whole index back from its parts (for tests and tools that read a
/// published index; the app fetches parts with [`ShardSet`]).
pub fn join(terms: Vec<TermShard>, docs: Vec<Vec<SearchDoc>>) -> SearchIndex {
    let mut index = SearchIndex {
        docs: docs.into_iter().flatten().collect(),
        ..SearchIndex::default()
    };
    for shard in terms {
        index.terms.extend(shard.terms);
        index.postings.extend(shard.postings);
    }
    index
}

/// FNV-1a of a term: the same on every machine and in every build (std's
/// hasher is seeded per process).
fn term_hash(term: &str) -> u64 {
    term.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// About how many bytes a term and its list add to a shard's JSON.
fn json_size(term: &str, list: &[u32]) -> usize {
    let digits: usize = list
        .iter()
        .map(|&code| code.checked_ilog10().unwrap_or(0) as usize + 2)
        .sum();
    term.len() + 6 + digits
}

/// The parts of a sharded index fetched so far, searchable as [`Terms`].
#[derive(Debug, Clone)]
pub struct ShardSet {
    manifest: ShardManifest,
    terms: HashMap<usize, TermShard>,
    docs: HashMap<usize, Vec<SearchDoc>>,
}

impl ShardSet {
    pub fn new(manifest: ShardManifest) -> ShardSet {
        ShardSet {
            manifest,
            terms: HashMap::new(),
            docs: HashMap::new(),
        }
    }

    pub fn manifest(&self) -> &ShardManifest {
        &self.manifest
    }

    /// The term shards `query` needs that are not here yet, at most
    /// [`MAX_SHARDS_PER_WORD`] per word, in order.
    pub fn missing_terms(&self, query: &Query) -> Vec<usize> {
        let mut missing: Vec<usize> = query
            .tokens()
            .iter()
            .flat_map(|token| self.word_shards(token))
            .filter(|shard| !self.terms.contains_key(shard))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// False when a word of `query` begins terms in more shards than are
    /// fetched for it: its results may miss some longer words.
    pub fn complete_for(&self, query: &Query) -> bool {
        query.tokens().iter().all(|token| {
            self.manifest
                .shards_for(token)
                .all(|shard| self.terms.contains_key(&shard))
        })
    }

    fn word_shards(&self, token: &str) -> Range<usize> {
        let range = self.manifest.shards_for(token);
        range.start..range.end.min(range.start + MAX_SHARDS_PER_WORD)
    }

    pub fn insert_terms(&mut self, shard: usize, terms: TermShard) {
        self.terms.insert(shard, terms);
    }

    /// The chunks holding `docs` that are not here yet, in order.
    pub fn missing_docs(&self, docs: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut missing: Vec<usize> = docs
            .into_iter()
            .map(|doc| self.manifest.chunk_of(doc))
            .filter(|chunk| !self.docs.contains_key(chunk))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    pub fn insert_docs(&mut self, chunk: usize, docs: Vec<SearchDoc>) {
        self.docs.insert(chunk, docs);
    }

    /// Document number `doc`, when its chunk is here.
    pub fn doc(&self, doc: usize) -> Option<&SearchDoc> {
        let per = self.manifest.docs_per_chunk.max(1);
        self.docs.get(&(doc / per))?.get(doc % per)
    }

    /// Fetched terms starting with `prefix`, in order (for suggestions).
    pub fn terms_with_prefix(&self, prefix: &str) -> Vec<&str> {
        let mut found = Vec::new();
        for shard in self.manifest.shards_for(prefix) {
            if let Some(terms) = self.terms.get(&shard) {
                found.extend(
                    terms.terms[terms.prefix_range(prefix)]
                        .iter()
                        .map(String::as_str),
                );
            }
        }
        found
    }
}

impl Terms for ShardSet {
    fn doc_count(&self) -> usize {
        self.manifest.kinds.total()
    }

    fn each_with_prefix(&self, prefix: &str, each: &mut dyn FnMut(&str, &[u32])) {
        for shard in self.manifest.shards_for(prefix) {
            if let Some(terms) = self.terms.get(&shard) {
                for term in terms.prefix_range(prefix) {
                    let codes = terms.postings.get(term).map_or(&[][..], Vec::as_slice);
                    each(&terms.terms[term], codes);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::index::DocKind;

    fn index(count: usize) -> SearchIndex {
        let words = [
            "river", "forest", "castle", "festival", "lake", "museum", "ёлка", "мір",
        ];
        let mut builder = IndexBuilder::new();
        for i in 0..count {
            let kind = [DocKind::News, DocKind::News, DocKind::Event, DocKind::Site][i % 4];
            let title = format!("{} {} number{i}", words[i % 8], words[(i / 8) % 8]);
            let doc = SearchDoc {
                kind,
                slug: format!("d{i}"),
                title: title.clone(),
                snippet: String::new(),
                date: (kind != DocKind::Site).then(|| format!("2026-01-{:02}", 1 + i % 28)),
            };
            builder.add(
                doc,
                &[],
                &format!("body of {title} with {}", words[(i * 5) % 8]),
            );
        }
        builder.finish()
    }

    /// Fetches what each query needs, as the app does, until nothing is
    /// missing.
    fn fetch_all(set: &mut ShardSet, split: &Split, query: &Query) {
        for shard in set.missing_terms(query) {
            set.insert_terms(shard, split.terms[shard].clone());
        }
    }

    #[test]
    fn sharded_search_ranks_exactly_like_the_whole_index() {
        let whole = index(400);
        let mut split = split(whole.clone(), 600, DOCS_PER_CHUNK);
        // Named as the publisher names them (any hexadecimal will do).
        split.manifest.build = "b0".into();
        split.manifest.files = (0..split.terms.len()).map(|n| format!("{n:x}")).collect();
        split.manifest.check().unwrap();
        assert!(split.terms.len() > 10, "{} shards", split.terms.len());
        for text in [
            "river",
            "fores",
            "castle lake",
            "number1",
            "елка",
            "мир",
            "nothing",
            "number39 river",
        ] {
            let query = Query::parse(text);
            let mut set = ShardSet::new(split.manifest.clone());
            fetch_all(&mut set, &split, &query);
            let expected = query.search_all(&whole);
            let hits = query.search_in(&set, usize::MAX);
            if set.complete_for(&query) {
                assert_eq!(hits, expected, "{text}");
            } else {
                // Incomplete: what is found is found with the same scores.
                assert!(hits.iter().all(|hit| expected.contains(hit)), "{text}");
            }
            for hit in hits.iter().take(20) {
                let chunk = set.manifest().chunk_of(hit.doc);
                set.insert_docs(chunk, split.docs[chunk].clone());
                assert_eq!(set.doc(hit.doc), whole.doc(hit.doc), "{text}");
            }
        }
    }

    #[test]
    fn words_find_their_shards_and_typing_on_fetches_nothing_new() {
        let split = split(index(400), 600, DOCS_PER_CHUNK);
        let mut set = ShardSet::new(split.manifest.clone());
        let query = Query::parse("castl");
        fetch_all(&mut set, &split, &query);
        assert!(set.complete_for(&query));
        assert!(set.missing_terms(&Query::parse("castle")).is_empty());
        // One letter spans many shards: at most MAX_SHARDS_PER_WORD are asked for.
        let short = Query::parse("n");
        assert!(set.missing_terms(&short).len() <= MAX_SHARDS_PER_WORD);
        fetch_all(&mut set, &split, &short);
        assert!(!set.complete_for(&short));
        assert_eq!(set.terms_with_prefix("castl"), ["castle"]);
    }

    #[test]
    fn manifest_ranges_and_checks() {
        let manifest = ShardManifest {
            version: SHARDS_VERSION,
            build: "b".into(),
            kinds: KindRanges {
                news: 2,
                events: 1,
                sites: 1,
            },
            docs_per_chunk: 2,
            shards: vec!["".into(), "mir".into(), "mirsky".into(), "n".into()],
            files: vec!["a0".into(), "a1".into(), "a2".into(), "a3".into()],
        };
        manifest.check().unwrap();
        assert_eq!(manifest.shard_file(2), Some("a2"));
        assert_eq!(manifest.shard_file(4), None);
        assert_eq!(manifest.shards_for("a"), 0..1);
        assert_eq!(manifest.shards_for("mir"), 1..3);
        assert_eq!(manifest.shards_for("mi"), 0..3);
        assert_eq!(manifest.shards_for("mirsky"), 2..3);
        assert_eq!(manifest.shards_for("z"), 3..4);
        assert_eq!(manifest.chunk_of(3), 1);
        for broken in [
            ShardManifest {
                docs_per_chunk: 0,
                ..manifest.clone()
            },
            ShardManifest {
                version: 99,
                ..manifest.clone()
            },
            ShardManifest {
                shards: vec!["".into(), "b".into(), "a".into()],
                files: vec!["a0".into(), "a1".into(), "a2".into()],
                ..manifest.clone()
            },
            ShardManifest {
                files: vec!["a0".into()],
                ..manifest.clone()
            },
            ShardManifest {
                files: vec!["a0".into(), "../x".into(), "a2".into(), "a3".into()],
                ..manifest.clone()
            },
            ShardManifest {
                build: "B/".into(),
                ..manifest.clone()
            },
        ] {
            assert!(broken.check().is_err());
        }
        // A manifest that passed no check still never panics.
        let set = ShardSet::new(ShardManifest {
            docs_per_chunk: 0,
            ..manifest
        });
        assert_eq!(set.doc(5), None);
    }

    #[test]
    fn split_then_join_is_the_index() {
        let whole = index(300);
        let parts = split(whole.clone(), 500, 3);
        assert_eq!(join(parts.terms, parts.docs), whole);
    }

    #[test]
    fn an_edit_to_one_term_changes_only_the_shards_around_it() {
        // Many terms of varied sizes, cut into many small shards.
        let mut whole = SearchIndex::default();
        for n in 0..4000u32 {
            whole.terms.push(format!("term{n:05}"));
            whole.postings.push(vec![32; 1 + (n as usize * 7919) % 23]);
        }
        let before = split(whole.clone(), 400, DOCS_PER_CHUNK);
        assert!(before.terms.len() > 100, "{}", before.terms.len());
        let sizes: Vec<usize> = before
            .terms
            .iter()
            .map(|shard| serde_json::to_vec(shard).unwrap().len())
            .collect();
        let average = sizes.iter().sum::<usize>() / sizes.len();
        assert!(
            (250..=550).contains(&average),
            "average shard {average} bytes"
        );

        // What an edited document does to the terms: a list grows, a new
        // word arrives, a word is gone.
        type Edit = fn(&mut SearchIndex, usize);
        let edits: [(&str, Edit); 3] = [
            ("grows", |index, at| index.postings[at].extend([32; 40])),
            ("new term after", |index, at| {
                index.terms.insert(at + 1, format!("{}x", index.terms[at]));
                index.postings.insert(at + 1, vec![32; 12]);
            }),
            ("removed", |index, at| {
                index.terms.remove(at);
                index.postings.remove(at);
            }),
        ];
        for (what, edit) in edits {
            for at in [17, 1999, 3998] {
                let mut changed = whole.clone();
                edit(&mut changed, at);
                let after = split(changed, 400, DOCS_PER_CHUNK);
                let new_shards = after
                    .terms
                    .iter()
                    .filter(|shard| !before.terms.contains(shard))
                    .count();
                assert!(
                    new_shards <= 4,
                    "{what} at term {at}: {new_shards} of {} shards changed",
                    after.terms.len()
                );
            }
        }
    }

    #[test]
    fn an_empty_index_is_one_empty_shard() {
        let split = split(SearchIndex::default(), 600, 8);
        assert_eq!(split.manifest.shards, [""]);
        assert_eq!(split.terms, [TermShard::default()]);
        assert!(split.docs.is_empty());
    }
}
