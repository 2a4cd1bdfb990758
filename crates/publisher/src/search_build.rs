//! The search index of one language, cut into shards under
//! `{lang}/search/` (see `portal_search::shards`): every article written in
//! it, every published event occurrence and every site, with the texts the
//! reader can find them by. Tokenising and ranking are `portal_search`'s;
//! this module only decides what goes into which field.

use portal_contract::blocks::body_text;
use std::cmp::Reverse;

use portal_calendar::Date;
use portal_contract::{paths, Lang};
use portal_search::shards::{cut, DOCS_PER_CHUNK, SHARD_TARGET_BYTES};
use portal_search::{
    canonical_numbering, DocKind, DocTerms, IndexBuilder, KindRanges, SearchDoc, SearchIndex,
};

use crate::article::ParsedArticle;
use crate::body::{fingerprint, Body};
use crate::cache::Cache;
use crate::checked::Checked;
use crate::event_file::EventDef;
use crate::events_build::Occurrence;
use crate::output::Output;
use crate::search_state::IndexState;
use crate::search_terms_cache::KeptTerms;
use crate::site_file::SiteDef;
use crate::tree_manifest::{hex, Hash, Recipe};

/// Writes the index of `lang`: its manifest, its term shards and its
/// document chunks, the latter in a directory named by a hash of which
/// documents they hold.
/// Documents whose terms `cache` kept under the same recipe (within the
/// build `context`, see `build::recipe_context`) are not read again; when
/// the documents keep their numbers and only a few changed, the published
/// index is patched ([`crate::search_patch`]) instead of built again.
pub fn documents(
    checked: &Checked,
    occurrences: &[Occurrence<'_>],
    lang: Lang,
    context: &Hash,
    cache: &Cache,
    out: &Output,
) -> Result<SearchOutcome, String> {
    let mut kept = KeptTerms::open(cache, lang);
    if kept.is_active() {
        if let Some(earlier) = IndexState::load(cache, lang) {
            let docs = pending(checked, occurrences, lang, context, true)?;
            let order = canonical_numbering(&docs.iter().map(|doc| &doc.doc).collect::<Vec<_>>());
            let recipes: Vec<Hash> = order.iter().map(|&at| docs[at].recipe).collect();
            let numbered: Vec<&Pending<'_>> = order.iter().map(|&at| &docs[at]).collect();
            if let Some((manifest, new)) =
                crate::search_patch::patch(&numbered, &recipes, &earlier, lang, &kept, out)?
            {
                let outcome = match new.len() {
                    0 => SearchOutcome::Unchanged,
                    edited => SearchOutcome::Patched(edited),
                };
                if outcome != SearchOutcome::Unchanged {
                    kept.save_patched(&recipes, &new);
                    IndexState { manifest, recipes }.save(cache, lang);
                }
                return Ok(outcome);
            }
        }
    }
    // Built whole: the documents put in the index's order by what numbers
    // them alone (kind, date, slug), then each made when its turn comes,
    // its chunk written and its terms indexed, and let go. The 391,000
    // English documents in proportion to a 100,000-article archive, with
    // their titles and snippets, were the build's largest transient.
    let sources = in_index_order(checked, occurrences, lang);
    let build = docs_dir(
        sources.iter().map(|source| (source.kind(), source.slug())),
        DOCS_PER_CHUNK,
    );
    let mut builder = IndexBuilder::numbering_only();
    let mut recipes = Vec::with_capacity(sources.len());
    for (number, chunk) in sources.chunks(DOCS_PER_CHUNK).enumerate() {
        let mut adder = Adder {
            docs: Vec::with_capacity(chunk.len()),
            context,
            with_recipes: kept.is_active(),
        };
        for source in chunk {
            source.add_to(&mut adder, checked, lang)?;
        }
        let shown: Vec<SearchDoc> = adder
            .docs
            .iter()
            .map(|pending| pending.doc.clone().as_indexed())
            .collect();
        let bytes = to_json(lang, "documents", &shown)?;
        out.put(paths::search_docs(lang, &build, number), bytes)?;
        for pending in adder.docs {
            recipes.push(pending.recipe);
            add_pending(&mut builder, pending, &mut kept)?;
        }
    }
    // The chunks were written in the order the documents were made; the
    // postings number them in the canonical order. They must agree.
    if !builder.added_in_canonical_order() {
        return Err(format!(
            "the {lang} search documents were not made in the index's order (a bug in the publisher)"
        ));
    }
    kept.save();
    // Each term's postings encoded, cut into its shard, serialised and
    // handed to the writer as the terms come: the published postings of a
    // language (160 MB in English in proportion to a 100,000-article
    // archive) are never all held, nor held beside the packed ones.
    let (docs, terms) = builder.into_numbered();
    let kinds = KindRanges::count(docs.iter().map(|doc| doc.kind));
    drop(docs);
    let mut files = Vec::new();
    let mut manifest = cut(terms, kinds, DOCS_PER_CHUNK, SHARD_TARGET_BYTES, |shard| {
        let bytes = to_json(lang, "terms", &shard)?;
        let name = file_name(&bytes);
        out.put(paths::search_terms(lang, &name), bytes)?;
        files.push(name);
        Ok::<(), String>(())
    })?;
    manifest.build = build;
    manifest.files = files;
    let manifest_bytes = to_json(lang, "manifest", &manifest)?;
    let manifest_print = fingerprint(&manifest_bytes);
    out.put(paths::search_manifest(lang), manifest_bytes)?;
    if cache.dir().is_some() {
        IndexState {
            manifest: manifest_print,
            recipes,
        }
        .save(cache, lang);
    }
    Ok(SearchOutcome::Built)
}

/// What became of a language's search index in a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOutcome {
    /// Built from every document (their terms maybe from the cache).
    Built,
    /// Patched for this many edited documents.
    Patched(usize),
    /// Kept as it was: no document changed.
    Unchanged,
}

/// A term shard's file name: 12 hexadecimal digits of its bytes' hash
/// (48 bits: the few thousand shards of a language never collide, and the
/// manifest that lists them stays small).
pub(crate) fn file_name(bytes: &[u8]) -> String {
    hex(&fingerprint(bytes)[..6])
}

/// The document chunks' directory: a hash of which documents are where
/// (kind and slug of each, in order), not of their texts, so an edit
/// rewrites its chunk in place and only a new order of documents moves
/// them all.
pub(crate) fn docs_dir<'a>(
    docs: impl Iterator<Item = (DocKind, &'a str)>,
    per_chunk: usize,
) -> String {
    let mut recipe = Recipe::new("search-docs");
    recipe.add(&(per_chunk as u64).to_le_bytes());
    for (kind, slug) in docs {
        let kind = serde_json::to_vec(&kind).unwrap_or_default();
        recipe.add(&kind).add(slug.as_bytes());
    }
    hex(&recipe.finish()[..8])
}

pub(crate) fn to_json<T: serde::Serialize + ?Sized>(
    lang: Lang,
    what: &str,
    value: &T,
) -> Result<Vec<u8>, String> {
    serde_json::to_vec(value)
        .map_err(|error| format!("cannot serialise the {lang} search {what}: {error}"))
}

/// The index of `lang`: articles newest first, then events in start order.
/// (The order only breaks exact ties; ranking does the rest.)
pub fn index(
    checked: &Checked,
    occurrences: &[Occurrence<'_>],
    lang: Lang,
) -> Result<SearchIndex, String> {
    let mut nothing_kept = KeptTerms::open(&Cache::none(), lang);
    let docs = pending(checked, occurrences, lang, &[0; 16], false)?;
    Ok(adding(docs, IndexBuilder::new(), &mut nothing_kept)?.finish())
}

/// `builder` with `docs` added, their terms taken from `kept` when it has
/// them.
fn adding(
    docs: Vec<Pending<'_>>,
    mut builder: IndexBuilder,
    kept: &mut KeptTerms,
) -> Result<IndexBuilder, String> {
    for pending in docs {
        add_pending(&mut builder, pending, kept)?;
    }
    Ok(builder)
}

/// Adds one document to `builder`, its terms taken from `kept` when it
/// has them.
fn add_pending(
    builder: &mut IndexBuilder,
    pending: Pending<'_>,
    kept: &mut KeptTerms,
) -> Result<(), String> {
    let Pending {
        doc,
        meta,
        body,
        recipe,
    } = pending;
    if !kept.is_active() {
        builder.add(doc, &meta, &body()?);
        return Ok(());
    }
    match kept.get(&recipe) {
        Some(terms) => {
            builder.add_terms(doc, &terms);
        }
        None => {
            let (_, terms) = builder.add_keeping_terms(doc, &meta, &body()?);
            kept.keep(recipe, terms);
        }
    }
    Ok(())
}

/// What one document of the index is made from.
enum Source<'a, 'e> {
    Article(&'a ParsedArticle),
    Event(&'a Occurrence<'e>),
    Site(&'a SiteDef),
}

impl<'a> Source<'a, '_> {
    fn kind(&self) -> DocKind {
        match self {
            Source::Article(_) => DocKind::News,
            Source::Event(_) => DocKind::Event,
            Source::Site(_) => DocKind::Site,
        }
    }

    fn slug(&self) -> &'a str {
        match self {
            Source::Article(article) => &article.slug,
            Source::Event(occurrence) => &occurrence.slug,
            Source::Site(site) => &site.slug,
        }
    }

    /// The document's date, as its `SearchDoc::date` is written.
    fn date(&self) -> Option<Date> {
        match self {
            Source::Article(article) => Some(article.front_matter.published.value.date()),
            Source::Event(occurrence) => Some(occurrence.starts.date()),
            Source::Site(_) => None,
        }
    }

    fn add_to(
        &self,
        adder: &mut Adder<'a>,
        checked: &'a Checked,
        lang: Lang,
    ) -> Result<(), String> {
        match self {
            Source::Article(article) => add_article(adder, checked, article),
            Source::Event(occurrence) => {
                add_event(adder, checked, occurrence, lang);
                Ok(())
            }
            Source::Site(site) => {
                add_site(adder, checked, site, lang);
                Ok(())
            }
        }
    }
}

/// The sources of the documents of `lang` in the index's canonical order
/// (`portal_search::canonical_numbering`: kind, newest date first, slug,
/// ties in the order [`pending`] adds them), known without making a
/// document: a date compares as its `yyyy-mm-dd` text does.
fn in_index_order<'a, 'e>(
    checked: &'a Checked,
    occurrences: &'a [Occurrence<'e>],
    lang: Lang,
) -> Vec<Source<'a, 'e>> {
    let mut sources: Vec<Source<'a, 'e>> = checked
        .articles_newest_first(lang)
        .into_iter()
        .map(Source::Article)
        .chain(occurrences.iter().map(Source::Event))
        .chain(checked.sites.iter().map(Source::Site))
        .collect();
    // Stable, as `canonical_numbering` is.
    sources.sort_by_cached_key(|source| (source.kind(), Reverse(source.date()), source.slug()));
    sources
}

/// Every document of `lang`, in the order they are added (articles
/// newest first, events in start order, sites), each with its recipe when
/// `with_recipes` (a build with a cache).
fn pending<'a>(
    checked: &'a Checked,
    occurrences: &'a [Occurrence<'_>],
    lang: Lang,
    context: &'a Hash,
    with_recipes: bool,
) -> Result<Vec<Pending<'a>>, String> {
    let mut adder = Adder {
        docs: Vec::new(),
        context,
        with_recipes,
    };
    for article in checked.articles_newest_first(lang) {
        add_article(&mut adder, checked, article)?;
    }
    for occurrence in occurrences {
        add_event(&mut adder, checked, occurrence, lang);
    }
    for site in &checked.sites {
        add_site(&mut adder, checked, site, lang);
    }
    Ok(adder.docs)
}

/// A document to index: what it shows, its meta texts, how to make its
/// body text (read only when its terms are not kept) and its recipe.
pub struct Pending<'a> {
    pub doc: SearchDoc,
    /// Lent by the checked content (names of lists, tags, venues): when an
    /// index is patched, the documents of a language are all pending at
    /// once, 391,000 in English in proportion to a 100,000-article archive.
    meta: Vec<&'a str>,
    body: Box<dyn Fn() -> Result<String, String> + 'a>,
    /// Everything the index takes from the document (see [`Adder::add`]).
    pub recipe: Hash,
}

impl Pending<'_> {
    fn meta(&self) -> &[&str] {
        &self.meta
    }

    /// The document's terms, from its texts.
    pub fn terms(&self) -> Result<DocTerms, String> {
        let body = (self.body)()?;
        let (_, terms) =
            IndexBuilder::new().add_keeping_terms(self.doc.clone(), self.meta(), &body);
        Ok(terms)
    }
}

/// Collects the documents, with their recipes (see [`Pending`]).
struct Adder<'a> {
    docs: Vec<Pending<'a>>,
    context: &'a Hash,
    with_recipes: bool,
}

impl<'a> Adder<'a> {
    /// `body` makes the body text; `sources` identify everything it is
    /// made from (with the media, in the context).
    fn add(
        &mut self,
        doc: SearchDoc,
        meta: &[&'a str],
        sources: &[&[u8]],
        body: impl Fn() -> Result<String, String> + 'a,
    ) -> Result<(), String> {
        let recipe = if self.with_recipes {
            let mut recipe = Recipe::new("search-doc");
            recipe
                .add(self.context)
                .add(&serde_json::to_vec(&doc).map_err(|error| format!("{}: {error}", doc.slug))?);
            for text in meta {
                recipe.add(text.as_bytes());
            }
            recipe.add(b"body");
            for source in sources {
                recipe.add(source);
            }
            recipe.finish()
        } else {
            [0; 16]
        };
        self.push(doc, meta, recipe, body);
        Ok(())
    }

    /// [`Adder::add`] for a document made from one file (an article) or
    /// one folder (an event, a site) and the names `names` (of its
    /// category, say) alone: its recipe is the checked file's or folder's
    /// fingerprint (`file`, known without reading the file), its kind,
    /// slug and language, and those names. Nothing is serialised: in a
    /// 100,000-article archive that is most of the recipes' cost.
    fn add_of_file(
        &mut self,
        doc: SearchDoc,
        meta: &[&'a str],
        (file, lang): (&Hash, Lang),
        names: &[&str],
        body: impl Fn() -> Result<String, String> + 'a,
    ) {
        let recipe = if self.with_recipes {
            let mut recipe = Recipe::new("search-doc-of-file");
            recipe
                .add(self.context)
                .add(file)
                .add(&[doc.kind as u8])
                .add(doc.slug.as_bytes())
                .add(lang.code().as_bytes());
            for name in names {
                recipe.add(name.as_bytes());
            }
            recipe.finish()
        } else {
            [0; 16]
        };
        self.push(doc, meta, recipe, body);
    }

    fn push(
        &mut self,
        doc: SearchDoc,
        meta: &[&'a str],
        recipe: Hash,
        body: impl Fn() -> Result<String, String> + 'a,
    ) {
        self.docs.push(Pending {
            doc,
            meta: meta.to_vec(),
            body: Box::new(body),
            recipe,
        });
    }
}

/// Title: the name; meta: section and region names; body: summary and the
/// story when it is written in `lang` (as for events).
fn add_site<'a>(adder: &mut Adder<'a>, checked: &'a Checked, site: &'a SiteDef, lang: Lang) {
    let section = checked.site_sections.name_in(&site.section, lang);
    let region = checked.regions.name_in(&site.region, lang);
    let summary = site.summary.get(lang);
    let (body_lang, story) = site.body(lang);
    let used = body_lang == lang;
    let doc = SearchDoc {
        kind: DocKind::Site,
        slug: site.slug.clone(),
        title: site.name.get(lang).to_string(),
        snippet: summary.to_string(),
        date: None,
    };
    // Everything but the lists' names comes from the folder.
    adder.add_of_file(
        doc,
        &[section, region],
        (&site.folder, lang),
        &[section, region],
        move || {
            let mut body = summary.to_string();
            if used {
                body.push('\n');
                body.push_str(&body_text(&story.blocks(&checked.media)?));
            }
            Ok(body)
        },
    );
}

/// Title; meta: category name and tags; body: lead and body text.
fn add_article<'a>(
    adder: &mut Adder<'a>,
    checked: &'a Checked,
    article: &'a ParsedArticle,
) -> Result<(), String> {
    let fm = &article.front_matter;
    let lead = fm.lead.value.trim();
    let category = checked
        .categories
        .get(&fm.category.value)
        .map_or(fm.category.value.as_str(), |c| c.name(article.lang));
    let mut meta = vec![category];
    meta.extend(fm.tags.iter().map(String::as_str));
    let doc = SearchDoc {
        kind: DocKind::News,
        slug: article.slug.clone(),
        title: fm.title.value.trim().to_string(),
        snippet: lead.to_string(),
        date: Some(fm.published.value.date().to_string()),
    };
    let body = move || {
        Ok(format!(
            "{lead}\n{}",
            body_text(&article.body.blocks(&checked.media)?)
        ))
    };
    match &article.body {
        // Everything but the category's name comes from the file.
        Body::InFile(file) => {
            adder.add_of_file(doc, &meta, (&file.checked, article.lang), &[category], body);
            Ok(())
        }
        Body::Parsed(_) => {
            let body_source = article.body.identity()?;
            adder.add(doc, &meta, &[lead.as_bytes(), &body_source], body)
        }
    }
}

/// Title; meta: category, region and venue names; body: summary and the
/// description. A description that falls back to English (not written in
/// `lang`) is left out: its words are not what a reader of `lang` types,
/// and a hit could not be highlighted in the snippet they see.
fn add_event<'a>(adder: &mut Adder<'a>, checked: &'a Checked, o: &'a Occurrence<'_>, lang: Lang) {
    let def: &'a EventDef = o.def;
    let meta = [
        checked.event_categories.name_in(&def.category, lang),
        checked.regions.name_in(&def.region, lang),
        def.venue_name.get(lang),
    ];
    let summary = def.summary.get(lang);
    let (body_lang, blocks) = def.body(lang);
    let used = body_lang == lang;
    let doc = SearchDoc {
        kind: DocKind::Event,
        slug: o.slug.clone(),
        title: def.title.get(lang).to_string(),
        snippet: summary.to_string(),
        date: Some(o.starts.date().to_string()),
    };
    // Everything but the lists' names and the occurrence's date (a
    // repeating event's, worked out) comes from the folder.
    let date = o.starts.to_string();
    adder.add_of_file(
        doc,
        &meta,
        (&def.folder, lang),
        &[meta[0], meta[1], &date],
        move || {
            let description = if used {
                body_text(&blocks.blocks(&checked.media)?)
            } else {
                String::new()
            };
            Ok(format!("{summary}\n{description}"))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order the documents are made in when the index is built whole
    /// is the canonical one of the documents themselves (on the sample:
    /// articles sharing a day, events and sites).
    #[test]
    fn the_sources_come_in_the_canonical_order_of_their_documents() {
        let checked = crate::checked::sample();
        let today = Date {
            year: 2026,
            month: 12,
            day: 5,
        };
        let occurrences = crate::events_build::occurrences(&checked.events, today)
            .expect("the sample's events expand");
        for lang in Lang::ALL {
            let docs = pending(&checked, &occurrences, lang, &[0; 16], false).unwrap();
            let order = canonical_numbering(&docs.iter().map(|doc| &doc.doc).collect::<Vec<_>>());
            let canonical: Vec<(DocKind, &str)> = order
                .iter()
                .map(|&at| (docs[at].doc.kind, docs[at].doc.slug.as_str()))
                .collect();
            let sources: Vec<(DocKind, &str)> = in_index_order(&checked, &occurrences, lang)
                .iter()
                .map(|source| (source.kind(), source.slug()))
                .collect();
            assert!(canonical.len() > 100, "{lang}");
            assert_eq!(sources, canonical, "{lang}");
        }
    }
}
