//! The search index of one language, cut into shards under
//! `{lang}/search/` (see `portal_search::shards`): every article written in
//! it, every published event occurrence and every site, with the texts the
//! reader can find them by. Tokenising and ranking are `portal_search`'s;
//! this module only decides what goes into which field.

use portal_contract::blocks::body_text;
use portal_contract::{paths, Lang};
use portal_search::shards::{split, DOCS_PER_CHUNK, SHARD_TARGET_BYTES};
use portal_search::{DocKind, IndexBuilder, SearchDoc, SearchIndex};
use sha2::{Digest, Sha256};

use crate::article::ParsedArticle;
use crate::categories::Categories;
use crate::checked::Checked;
use crate::events_build::Occurrence;
use crate::output::Output;
use crate::site_file::SiteDef;

/// Writes the index of `lang`: its manifest, its term shards and its
/// document chunks, the latter in a directory named by a hash of their
/// bytes.
pub fn documents(
    checked: &Checked,
    occurrences: &[Occurrence<'_>],
    lang: Lang,
    out: &Output,
) -> Result<(), String> {
    let split = split(
        index(checked, occurrences, lang)?,
        SHARD_TARGET_BYTES,
        DOCS_PER_CHUNK,
    );
    let terms: Vec<Vec<u8>> = split
        .terms
        .iter()
        .map(|shard| to_json(lang, "terms", shard))
        .collect::<Result<_, _>>()?;
    let docs: Vec<Vec<u8>> = split
        .docs
        .iter()
        .map(|chunk| to_json(lang, "documents", chunk))
        .collect::<Result<_, _>>()?;
    let mut hash = Sha256::new();
    for bytes in terms.iter().chain(&docs) {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    let build: String = hash.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let mut manifest = split.manifest;
    manifest.build = build.clone();
    out.put(
        paths::search_manifest(lang),
        to_json(lang, "manifest", &manifest)?,
    )?;
    for (number, bytes) in terms.into_iter().enumerate() {
        out.put(paths::search_terms(lang, &build, number), bytes)?;
    }
    for (number, bytes) in docs.into_iter().enumerate() {
        out.put(paths::search_docs(lang, &build, number), bytes)?;
    }
    Ok(())
}

fn to_json<T: serde::Serialize>(lang: Lang, what: &str, value: &T) -> Result<Vec<u8>, String> {
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
    let mut builder = IndexBuilder::new();
    for article in checked.articles_newest_first(lang) {
        add_article(&mut builder, checked, article)?;
    }
    for occurrence in occurrences {
        add_event(&mut builder, checked, occurrence, lang)?;
    }
    for site in &checked.sites {
        add_site(&mut builder, checked, site, lang)?;
    }
    Ok(builder.finish())
}

/// Title: the name; meta: section and region names; body: summary and the
/// story when it is written in `lang` (as for events).
fn add_site(
    builder: &mut IndexBuilder,
    checked: &Checked,
    site: &SiteDef,
    lang: Lang,
) -> Result<(), String> {
    let name_of = |list: &Categories, slug: &str| {
        list.get(slug)
            .map_or(slug.to_string(), |c| c.name(lang).to_string())
    };
    let section = name_of(&checked.site_sections, &site.section);
    let region = name_of(&checked.regions, &site.region);
    let summary = site.summary.get(lang);
    let (body_lang, story) = site.body(lang);
    let mut body = summary.to_string();
    if body_lang == lang {
        body.push('\n');
        body.push_str(&body_text(&story.blocks(&checked.media)?));
    }
    let doc = SearchDoc {
        kind: DocKind::Site,
        slug: site.slug.clone(),
        title: site.name.get(lang).to_string(),
        snippet: summary.to_string(),
        date: None,
    };
    builder.add(doc, &[section.as_str(), region.as_str()], &body);
    Ok(())
}

/// Title; meta: category name and tags; body: lead and body text.
fn add_article(
    builder: &mut IndexBuilder,
    checked: &Checked,
    article: &ParsedArticle,
) -> Result<(), String> {
    let fm = &article.front_matter;
    let lead = fm.lead.value.trim();
    let category = checked
        .categories
        .get(&fm.category.value)
        .map_or(fm.category.value.as_str(), |c| c.name(article.lang));
    let mut meta = vec![category];
    meta.extend(fm.tags.iter().map(String::as_str));
    let body = format!(
        "{lead}\n{}",
        body_text(&article.body.blocks(&checked.media)?)
    );
    let doc = SearchDoc {
        kind: DocKind::News,
        slug: article.slug.clone(),
        title: fm.title.value.trim().to_string(),
        snippet: lead.to_string(),
        date: Some(fm.published.value.date().to_string()),
    };
    builder.add(doc, &meta, &body);
    Ok(())
}

/// Title; meta: category, region and venue names; body: summary and the
/// description. A description that falls back to English (not written in
/// `lang`) is left out: its words are not what a reader of `lang` types,
/// and a hit could not be highlighted in the snippet they see.
fn add_event(
    builder: &mut IndexBuilder,
    checked: &Checked,
    o: &Occurrence<'_>,
    lang: Lang,
) -> Result<(), String> {
    let def = o.def;
    let name = |list: &Categories, slug: &str| {
        list.get(slug)
            .map_or(slug.to_string(), |c| c.name(lang).to_string())
    };
    let meta = [
        name(&checked.event_categories, &def.category),
        name(&checked.regions, &def.region),
        def.venue_name.get(lang).to_string(),
    ];
    let meta: Vec<&str> = meta.iter().map(String::as_str).collect();
    let summary = def.summary.get(lang);
    let (body_lang, blocks) = def.body(lang);
    let description = if body_lang == lang {
        body_text(&blocks.blocks(&checked.media)?)
    } else {
        String::new()
    };
    let doc = SearchDoc {
        kind: DocKind::Event,
        slug: o.slug.clone(),
        title: def.title.get(lang).to_string(),
        snippet: summary.to_string(),
        date: Some(o.starts.date().to_string()),
    };
    builder.add(doc, &meta, &format!("{summary}\n{description}"));
    Ok(())
}
