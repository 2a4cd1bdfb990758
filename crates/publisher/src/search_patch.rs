//! The published search index of one language patched in place for the
//! few documents an edit changed, instead of built again: in a
//! 100,000-article archive rebuilding it is seconds of regrouping and
//! serialising every posting, while an edit changes a few dozen shards.
//!
//! Only when the tree being updated holds the index the last build
//! recorded ([`IndexState`]: its manifest's fingerprint), the documents
//! keep their numbers (the manifest's `build`, a hash of which documents
//! are where, is the same) and every edited document's earlier terms are
//! in the cache. Then the edited documents' terms before and after give
//! the term shards to change (`portal_search::patch`, which reads those
//! shards back from the tree, checked against its manifest), their
//! document chunks are made again, and every other file is kept as it
//! is. Anything else, and the index is built again: the bytes are the
//! same either way (`tests/incremental.rs` holds it).

use portal_contract::{paths, Lang};
use portal_search::patch::{patch_terms, DocEdit, PatchedShard};
use portal_search::shards::{DOCS_PER_CHUNK, SHARD_TARGET_BYTES};
use portal_search::{DocTerms, SearchDoc, ShardManifest, TermShard};

use crate::body::fingerprint;
use crate::output::Output;
use crate::search_build::{docs_dir, file_name, to_json, Pending};
use crate::search_state::IndexState;
use crate::search_terms_cache::KeptTerms;
use crate::tree_manifest::Hash;

/// More edited documents than this and the index is built again: by then
/// most shards change anyway.
const MOST_EDITED: usize = 2_000;

/// The outcome of a patch: the new manifest's fingerprint and the edited
/// documents' new terms, by recipe (for [`KeptTerms::save_patched`]).
pub type Patch = (Hash, Vec<(Hash, DocTerms)>);

/// Patches the index of `lang` in `out` for `docs` (this build's
/// documents in index order, with their `recipes`) against `earlier`,
/// reading the edited documents' earlier terms from `kept`. `None`
/// (nothing written) when the index must be built again.
pub fn patch(
    docs: &[&Pending<'_>],
    recipes: &[Hash],
    earlier: &IndexState,
    lang: Lang,
    kept: &KeptTerms,
    out: &Output,
) -> Result<Option<Patch>, String> {
    let manifest_path = paths::search_manifest(lang);
    let Some(bytes) = out.read_kept(&manifest_path) else {
        return Ok(None);
    };
    if fingerprint(&bytes) != earlier.manifest || earlier.recipes.len() != docs.len() {
        return Ok(None);
    }
    let Ok(mut manifest) = serde_json::from_slice::<ShardManifest>(&bytes) else {
        return Ok(None);
    };
    let per_chunk = manifest.docs_per_chunk;
    if manifest.check().is_err()
        || per_chunk != DOCS_PER_CHUNK
        || manifest.build
            != docs_dir(
                docs.iter()
                    .map(|pending| (pending.doc.kind, pending.doc.slug.as_str())),
                per_chunk,
            )
    {
        return Ok(None);
    }
    let edited: Vec<usize> = (0..docs.len())
        .filter(|&number| recipes[number] != earlier.recipes[number])
        .collect();
    if edited.len() > MOST_EDITED {
        return Ok(None);
    }
    let mut terms = Vec::with_capacity(edited.len());
    for &number in &edited {
        let Some(old) = kept.earlier(&earlier.recipes[number]) else {
            return Ok(None);
        };
        terms.push((number, old, docs[number].terms()?));
    }
    let edits: Vec<DocEdit<'_>> = terms
        .iter()
        .map(|(doc, old, new)| DocEdit {
            doc: *doc,
            old,
            new,
        })
        .collect();
    let shard_path = |name: &str| paths::search_terms(lang, name);
    let patched = patch_terms(&manifest.shards, &edits, SHARD_TARGET_BYTES, |number| {
        let name = manifest.shard_file(number).ok_or("no such shard")?;
        let bytes = out
            .read_kept(&shard_path(name))
            .ok_or_else(|| format!("{} is not as published", shard_path(name)))?;
        serde_json::from_slice::<TermShard>(&bytes).map_err(|error| error.to_string())
    });
    let Ok(patched) = patched else {
        return Ok(None);
    };
    let chunks = docs.len().div_ceil(per_chunk);
    let mut edited_chunks: Vec<usize> = edited.iter().map(|doc| doc / per_chunk).collect();
    edited_chunks.dedup();
    let docs_path = |chunk: usize| paths::search_docs(lang, &manifest.build, chunk);
    let keepable = patched.shards.iter().all(|shard| match shard {
        PatchedShard::Kept(number) => manifest
            .shard_file(*number)
            .is_some_and(|name| out.can_keep(&shard_path(name))),
        PatchedShard::New(_) => true,
    }) && (0..chunks).all(|chunk| out.can_keep(&docs_path(chunk)));
    if !keepable {
        return Ok(None);
    }

    // From here on the index is written: nothing may fall back.
    let mut files = Vec::with_capacity(patched.shards.len());
    for shard in &patched.shards {
        match shard {
            PatchedShard::Kept(number) => {
                let name = manifest.files[*number].clone();
                out.keep(&shard_path(&name))?;
                files.push(name);
            }
            PatchedShard::New(shard) => {
                let bytes = to_json(lang, "terms", shard)?;
                let name = file_name(&bytes);
                out.put(shard_path(&name), bytes)?;
                files.push(name);
            }
        }
    }
    for chunk in 0..chunks {
        if edited_chunks.binary_search(&chunk).is_ok() {
            let end = ((chunk + 1) * per_chunk).min(docs.len());
            let documents: Vec<SearchDoc> = docs[chunk * per_chunk..end]
                .iter()
                .map(|pending| pending.doc.clone().as_indexed())
                .collect();
            out.put(docs_path(chunk), to_json(lang, "documents", &documents)?)?;
        } else {
            out.keep(&docs_path(chunk))?;
        }
    }
    manifest.shards = patched.starts;
    manifest.files = files;
    let bytes = to_json(lang, "manifest", &manifest)?;
    let print = fingerprint(&bytes);
    out.put(manifest_path, bytes)?;
    let new = terms
        .into_iter()
        .map(|(number, _, new)| (recipes[number], new))
        .collect();
    Ok(Some((print, new)))
}
