//! A published index patched for a few edited documents instead of built
//! again: the publisher knows each edited document's terms before and
//! after the edit (it keeps every document's [`DocTerms`]), so only the
//! term shards holding those terms are read, changed and cut again (with
//! the same content-defined cuts as [`split`](crate::shards::split)); every
//! other shard is kept as it is, unread. The result is exactly what
//! splitting the rebuilt index would give, as long as the documents keep
//! their numbers (the publisher checks that first).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;

use crate::builder::DocTerms;
use crate::index::{decode, encode, Fields, Posting};
use crate::shards::{Cutter, TermShard};

/// One edited document: its number (unchanged by the edit) and its terms
/// before and after.
#[derive(Debug, Clone, Copy)]
pub struct DocEdit<'a> {
    pub doc: usize,
    pub old: &'a DocTerms,
    pub new: &'a DocTerms,
}

/// A term shard of the patched index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchedShard {
    /// Old shard number `n`, unchanged (its file stays).
    Kept(usize),
    /// A shard made again.
    New(TermShard),
}

/// The patched index's term shards and their starts (as
/// [`ShardManifest::shards`](crate::ShardManifest::shards) lists them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patched {
    pub shards: Vec<PatchedShard>,
    pub starts: Vec<String>,
}

impl Patched {
    /// How many shards were made again.
    pub fn new_shards(&self) -> usize {
        self.shards
            .iter()
            .filter(|shard| matches!(shard, PatchedShard::New(_)))
            .count()
    }
}

/// What an edit does to one term: per document, its posting after the
/// edit (`None`: the document no longer has the term).
type TermEdits<'a> = BTreeMap<&'a str, BTreeMap<usize, Option<(Fields, u32)>>>;

/// Patches the index whose shards start at `starts` (the old manifest's
/// `shards`) for `edits`, cutting at about `target_bytes` as the index was
/// cut. `load(n)` reads old shard number `n`; it is called only for the
/// shards an edit touches and those the new cuts run into. An error (a
/// shard that cannot be read or does not belong where the manifest says)
/// means the index must be built again.
pub fn patch_terms(
    starts: &[String],
    edits: &[DocEdit<'_>],
    target_bytes: usize,
    mut load: impl FnMut(usize) -> Result<TermShard, String>,
) -> Result<Patched, String> {
    if starts.first().map(String::as_str) != Some("") {
        return Err("the index has no first shard".into());
    }
    let mut changes: TermEdits<'_> = BTreeMap::new();
    for edit in edits {
        for (word, ..) in edit.old.iter() {
            changes.entry(word).or_default().insert(edit.doc, None);
        }
        for (word, fields, count) in edit.new.iter() {
            changes
                .entry(word)
                .or_default()
                .insert(edit.doc, Some((fields, count)));
        }
    }
    // The shard each changed term is (or would be) in: the last starting
    // at or before it.
    let touched: BTreeSet<usize> = changes
        .keys()
        .map(|term| starts.partition_point(|start| start.as_str() <= *term) - 1)
        .collect();

    let mut cutter = Cutter::new(target_bytes);
    let mut shards = Vec::new();
    let mut done = Vec::new();
    for (number, start) in starts.iter().enumerate() {
        let end = starts.get(number + 1).map(String::as_str);
        if cutter.is_between_shards() && !touched.contains(&number) {
            shards.push(PatchedShard::Kept(number));
            continue;
        }
        let old = load(number)?;
        let belongs = old.terms.len() == old.postings.len()
            && old.terms.windows(2).all(|pair| pair[0] < pair[1])
            && old.terms.iter().all(|term| {
                term.as_str() >= start.as_str() && end.is_none_or(|end| term.as_str() < end)
            });
        if !belongs {
            return Err(format!(
                "term shard {number} is not the one the manifest names"
            ));
        }
        let upper = end.map_or(Bound::Unbounded, Bound::Excluded);
        let in_range = changes.range::<str, _>((Bound::Included(start.as_str()), upper));
        let mut edited = in_range.peekable();
        let mut olds = old.terms.into_iter().zip(old.postings).peekable();
        loop {
            // The next term in order: an old one, an edited one, or both.
            let take_old = match (olds.peek(), edited.peek()) {
                (None, None) => break,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (Some((term, _)), Some((word, _))) => term.as_str() <= **word,
            };
            let (term, list, term_edits) = if take_old {
                let (term, list) = olds.next().unwrap_or_default();
                let term_edits = edited
                    .next_if(|(word, _)| **word == term.as_str())
                    .map(|(_, edits)| edits);
                (term, list, term_edits)
            } else {
                let Some((word, edits)) = edited.next() else {
                    break;
                };
                (word.to_string(), Vec::new(), Some(edits))
            };
            let list = match term_edits {
                Some(edits) => apply(&list, edits),
                None => list,
            };
            if !list.is_empty() {
                cutter.push(term, list, &mut done);
            }
        }
        shards.extend(done.drain(..).map(PatchedShard::New));
    }
    cutter.finish(&mut done);
    shards.extend(done.drain(..).map(PatchedShard::New));
    if shards.is_empty() {
        shards.push(PatchedShard::New(TermShard::default()));
    }
    let starts = shards
        .iter()
        .enumerate()
        .map(|(at, shard)| match (at, shard) {
            (0, _) => String::new(),
            (_, PatchedShard::Kept(number)) => starts[*number].clone(),
            (_, PatchedShard::New(shard)) => shard.terms.first().cloned().unwrap_or_default(),
        })
        .collect();
    Ok(Patched { shards, starts })
}

/// One term's postings after `edits`.
fn apply(codes: &[u32], edits: &BTreeMap<usize, Option<(Fields, u32)>>) -> Vec<u32> {
    let mut list: Vec<Posting> = decode(codes)
        .filter(|posting| !edits.contains_key(&posting.doc))
        .collect();
    for (&doc, posting) in edits {
        if let Some((fields, count)) = *posting {
            let at = list.partition_point(|posting| posting.doc < doc);
            list.insert(at, Posting { doc, fields, count });
        }
    }
    encode(&list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::index::{DocKind, SearchDoc};
    use crate::shards::{split, Split};

    const WORDS: [&str; 12] = [
        "river", "forest", "castle", "festival", "lake", "museum", "ёлка", "мір", "bridge",
        "tower", "market", "garden",
    ];

    fn doc(n: usize) -> SearchDoc {
        SearchDoc {
            kind: DocKind::News,
            slug: format!("d{n:04}"),
            title: format!("Story {n}"),
            snippet: String::new(),
            date: Some("2026-01-01".into()),
        }
    }

    fn text(n: usize) -> String {
        (0..6)
            .map(|k| {
                format!(
                    "{} w{}",
                    WORDS[(n * 7 + k * 5) % 12],
                    (n * 31 + k * 17) % 900
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The index of 300 documents with `texts` (by number), split small,
    /// and each document's terms.
    fn built(texts: &dyn Fn(usize) -> String) -> (Split, Vec<DocTerms>) {
        let mut builder = IndexBuilder::new();
        let mut terms = Vec::new();
        for n in 0..300 {
            terms.push(builder.add_keeping_terms(doc(n), &["News"], &texts(n)).1);
        }
        (split(builder.finish(), 600, 8), terms)
    }

    fn patched(before: &Split, edits: &[DocEdit<'_>]) -> (Vec<TermShard>, Patched, usize) {
        let mut loaded = 0;
        let patch = patch_terms(&before.manifest.shards, edits, 600, |n| {
            loaded += 1;
            Ok(before.terms[n].clone())
        })
        .unwrap();
        let shards = patch
            .shards
            .iter()
            .map(|shard| match shard {
                PatchedShard::Kept(n) => before.terms[*n].clone(),
                PatchedShard::New(shard) => shard.clone(),
            })
            .collect();
        (shards, patch, loaded)
    }

    #[test]
    fn a_patched_index_is_the_rebuilt_index() {
        let (before, old_terms) = built(&text);
        assert!(before.terms.len() > 40, "{} shards", before.terms.len());
        type Edit = (&'static str, &'static [usize], fn(usize) -> String);
        let edits: [Edit; 5] = [
            ("a paragraph added", &[150], |n| {
                format!("{} and a paragraph about the new quay", text(n))
            }),
            ("words removed", &[3], |n| text(n)[..12].to_string()),
            ("emptied", &[299], |_| String::new()),
            ("several", &[0, 77, 78, 201], |n| {
                format!("{} zebra crossing {n}", text(n + 1))
            }),
            ("a word only it had", &[42], |n| text(n).replace("w", "v")),
        ];
        for (what, docs, edit) in edits {
            let changed = |n: usize| {
                if docs.contains(&n) {
                    edit(n)
                } else {
                    text(n)
                }
            };
            let (after, new_terms) = built(&changed);
            let doc_edits: Vec<DocEdit<'_>> = docs
                .iter()
                .map(|&doc| DocEdit {
                    doc,
                    old: &old_terms[doc],
                    new: &new_terms[doc],
                })
                .collect();
            let (shards, patch, loaded) = patched(&before, &doc_edits);
            assert_eq!(shards, after.terms, "{what}");
            assert_eq!(patch.starts, after.manifest.shards, "{what}");
            // Only around the edit: far fewer shards read than there are.
            assert!(
                loaded * 2 < before.terms.len() * docs.len().min(2),
                "{what}: {loaded} of {} shards read",
                before.terms.len()
            );
            // Nothing edited: every shard kept, none read.
            let same: Vec<DocEdit<'_>> = doc_edits
                .iter()
                .map(|edit| DocEdit {
                    new: edit.old,
                    ..*edit
                })
                .collect();
            let (shards, patch, _) = patched(&before, &[]);
            assert_eq!((shards, patch.new_shards()), (before.terms.clone(), 0));
            let (shards, _, _) = patched(&before, &same);
            assert_eq!(shards, before.terms, "{what}: unchanged terms");
        }
    }

    #[test]
    fn a_shard_that_does_not_belong_is_refused() {
        let (before, terms) = built(&text);
        let edit = DocEdit {
            doc: 5,
            old: &terms[5],
            new: &terms[6],
        };
        let wrong = patch_terms(&before.manifest.shards, &[edit], 600, |n| {
            Ok(before.terms[(n + 1) % before.terms.len()].clone())
        });
        assert!(wrong.is_err());
        assert!(patch_terms(&[], &[edit], 600, |_| Ok(TermShard::default())).is_err());
    }
}
