//! The search index of one language: the documents to show, the sorted list
//! of folded terms, and per term the documents it occurs in. It is
//! published cut into shards ([`crate::shards`]).
//!
//! Its size matters more than its readability: documents use one-letter
//! field names and a posting is one integer (see [`Posting`]).

use serde::{Deserialize, Serialize};

/// What a result is; decides its URL and its group in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// `/{lang}/news/{slug}`.
    News,
    /// `/{lang}/events/{slug}`.
    Event,
    /// `/{lang}/sites/{slug}`: the travel guide, not published yet.
    Site,
}

impl DocKind {
    pub const ALL: [DocKind; 3] = [DocKind::News, DocKind::Event, DocKind::Site];
}

/// Longest snippet, in characters (the length of an article lead).
pub const MAX_SNIPPET_CHARS: usize = 300;

/// What a result shows without fetching its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    #[serde(rename = "k")]
    pub kind: DocKind,
    #[serde(rename = "s")]
    pub slug: String,
    #[serde(rename = "t")]
    pub title: String,
    /// The article lead or event summary, at most [`MAX_SNIPPET_CHARS`].
    #[serde(rename = "x")]
    pub snippet: String,
    /// `yyyy-mm-dd`: the publication date of an article, the first day of
    /// an event. Newer first among equally good hits.
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// Where in a document a term occurs: a set of the three fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fields(u8);

impl Fields {
    pub const BODY: Fields = Fields(1);
    /// Category, tags, region, venue: chosen by editors, so a better sign
    /// of what a document is about than its body, less than its title.
    pub const META: Fields = Fields(2);
    pub const TITLE: Fields = Fields(4);

    pub fn contains(self, other: Fields) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    pub fn with(self, other: Fields) -> Fields {
        Fields(self.0 | other.0)
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    /// The fields of `bits` (see [`Fields::bits`]); unknown bits are
    /// dropped.
    pub fn from_bits(bits: u8) -> Fields {
        Fields(bits & 7)
    }
}

/// Occurrences counted per posting; more are stored as this many.
pub const MAX_COUNT: u32 = 4;

/// One document a term occurs in. On the wire it is one integer,
/// `gap * 32 + fields * 4 + (count - 1)`, where `gap` is the document index
/// minus the previous posting's (the first posting's gap is its index):
/// the postings of a term are in document order, so gaps stay small and a
/// 5,000-document index needs about half the digits absolute indices
/// would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub doc: usize,
    pub fields: Fields,
    /// 1 to [`MAX_COUNT`].
    pub count: u32,
}

/// See the module documentation. Build one with
/// [`IndexBuilder`](crate::IndexBuilder); read one from JSON.
///
/// Documents are numbered in canonical order ([`canonical_order`]): by kind
/// (news, events, sites), then newest first (undated last), then by slug
/// (not title: a retitled document keeps its number, so the publisher can
/// patch the index instead of renumbering a day's documents).
/// So equally good hits rank by number alone, and the kind of a document
/// follows from its number and the count of each kind ([`KindRanges`]):
/// neither needs the documents themselves, which a sharded index
/// ([`crate::shards`]) fetches only for the results it shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) docs: Vec<SearchDoc>,
    /// Sorted by bytes, unique, folded.
    pub(crate) terms: Vec<String>,
    /// One list per term, encoded as described at [`Posting`].
    pub(crate) postings: Vec<Vec<u32>>,
}

impl SearchIndex {
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    pub fn doc(&self, index: usize) -> Option<&SearchDoc> {
        self.docs.get(index)
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// The documents term number `term` occurs in. A term without a list (a
    /// damaged file) has none; postings pointing past the documents are
    /// skipped by the search, not trusted.
    pub fn postings(&self, term: usize) -> impl Iterator<Item = Posting> + '_ {
        decode(self.encoded_postings(term))
    }

    /// Term number `term`'s postings as stored (see [`decode`]).
    pub fn encoded_postings(&self, term: usize) -> &[u32] {
        self.postings.get(term).map_or(&[][..], Vec::as_slice)
    }

    /// How many documents of each kind (they are numbered kind by kind).
    pub fn kind_ranges(&self) -> KindRanges {
        KindRanges::count(self.docs.iter().map(|doc| doc.kind))
    }

    /// The terms starting with `prefix`, as a range of term numbers (the
    /// first is `prefix` itself when it is a term). Binary search: terms
    /// sharing a prefix are adjacent in byte order.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|term| term.as_str() < prefix);
        let rest = self.terms.get(start..).unwrap_or_default();
        let len = rest.partition_point(|term| term.starts_with(prefix));
        start..start + len
    }
}

/// How documents compare in the canonical order (see [`SearchIndex`]).
pub(crate) fn canonical_order(a: &SearchDoc, b: &SearchDoc) -> std::cmp::Ordering {
    a.kind
        .cmp(&b.kind)
        // `Some` sorts after `None`: reversed, dated documents come first.
        .then_with(|| b.date.cmp(&a.date))
        .then_with(|| a.slug.cmp(&b.slug))
}

/// The canonical order of `docs` (see [`SearchIndex`]): the positions of
/// `docs` as they are numbered in the index. Stable: documents equal in
/// kind, date and slug keep the order they are given in.
pub fn canonical_numbering<D: std::borrow::Borrow<SearchDoc>>(docs: &[D]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| canonical_order(docs[a].borrow(), docs[b].borrow()));
    order
}

/// How many documents there are of each kind, numbered in [`DocKind::ALL`]
/// order: news first, then events, then sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct KindRanges {
    pub news: usize,
    pub events: usize,
    pub sites: usize,
}

impl KindRanges {
    pub fn count(kinds: impl Iterator<Item = DocKind>) -> KindRanges {
        let mut ranges = KindRanges::default();
        for kind in kinds {
            match kind {
                DocKind::News => ranges.news += 1,
                DocKind::Event => ranges.events += 1,
                DocKind::Site => ranges.sites += 1,
            }
        }
        ranges
    }

    pub fn total(&self) -> usize {
        self.news + self.events + self.sites
    }

    /// The kind of document number `doc`; `None` past the last.
    pub fn kind_of(&self, doc: usize) -> Option<DocKind> {
        if doc < self.news {
            Some(DocKind::News)
        } else if doc < self.news + self.events {
            Some(DocKind::Event)
        } else if doc < self.total() {
            Some(DocKind::Site)
        } else {
            None
        }
    }
}

/// Decodes one term's postings (see [`Posting`]).
pub fn decode(codes: &[u32]) -> impl Iterator<Item = Posting> + '_ {
    let mut doc = 0usize;
    codes.iter().map(move |&code| {
        doc = doc.saturating_add((code >> 5) as usize);
        Posting {
            doc,
            fields: Fields(((code >> 2) & 7) as u8),
            count: (code & 3) + 1,
        }
    })
}

/// Encodes postings given in document order (see [`Posting`]).
pub(crate) fn encode(postings: &[Posting]) -> Vec<u32> {
    let mut previous = 0;
    postings
        .iter()
        .map(|posting| {
            let gap = posting.doc - previous;
            previous = posting.doc;
            let count = posting.count.clamp(1, MAX_COUNT) - 1;
            ((gap as u32) << 5) | (u32::from(posting.fields.0 & 7) << 2) | count
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(terms: &[&str], postings: Vec<Vec<u32>>) -> SearchIndex {
        SearchIndex {
            docs: vec![],
            terms: terms.iter().map(|t| t.to_string()).collect(),
            postings,
        }
    }

    #[test]
    fn postings_round_trip() {
        let list = vec![
            Posting {
                doc: 0,
                fields: Fields::TITLE,
                count: 1,
            },
            Posting {
                doc: 3,
                fields: Fields::BODY.with(Fields::META),
                count: 4,
            },
            Posting {
                doc: 1000,
                fields: Fields::TITLE.with(Fields::BODY),
                count: 2,
            },
        ];
        let codes = encode(&list);
        assert_eq!(
            codes,
            [4 << 2, (3 << 5) | (3 << 2) | 3, (997 << 5) | (5 << 2) | 1]
        );
        let index = index(&["a"], vec![codes]);
        assert_eq!(index.postings(0).collect::<Vec<_>>(), list);
        assert_eq!(index.postings(7).count(), 0);
    }

    #[test]
    fn prefix_ranges() {
        let index = index(&["mar", "mir", "mirsky", "mirt", "mis"], vec![]);
        assert_eq!(index.prefix_range("mir"), 1..4);
        assert_eq!(index.prefix_range("mirs"), 2..3);
        assert_eq!(index.prefix_range("m"), 0..5);
        assert_eq!(index.prefix_range("n"), 5..5);
        assert_eq!(index.prefix_range("a"), 0..0);
        assert_eq!(index.prefix_range(""), 0..5);
    }

    #[test]
    fn fields() {
        let both = Fields::TITLE.with(Fields::BODY);
        assert!(both.contains(Fields::TITLE) && both.contains(Fields::BODY));
        assert!(!both.contains(Fields::META));
        assert!(!Fields::default().contains(Fields::default()));
    }

    #[test]
    fn json_shape() {
        let index = SearchIndex {
            docs: vec![SearchDoc {
                kind: DocKind::Event,
                slug: "listapad".into(),
                title: "Listapad".into(),
                snippet: "Film festival".into(),
                date: Some("2026-11-06".into()),
            }],
            terms: vec!["listapad".into()],
            postings: vec![vec![16]],
        };
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(
            json,
            r#"{"docs":[{"k":"event","s":"listapad","t":"Listapad","x":"Film festival","d":"2026-11-06"}],"terms":["listapad"],"postings":[[16]]}"#
        );
        assert_eq!(serde_json::from_str::<SearchIndex>(&json).unwrap(), index);
        let undated = r#"{"docs":[{"k":"site","s":"a","t":"A","x":""}],"terms":[],"postings":[]}"#;
        let index: SearchIndex = serde_json::from_str(undated).unwrap();
        assert_eq!(index.docs[0].date, None);
    }
}
