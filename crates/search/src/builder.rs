//! Building an index from documents (in the publisher).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::index::{
    canonical_order, encode, Fields, Posting, SearchDoc, SearchIndex, MAX_COUNT, MAX_SNIPPET_CHARS,
};
use crate::tokens::Tokens;

/// Collects documents, then [`finish`](IndexBuilder::finish)es into a
/// [`SearchIndex`]. Documents keep the order they were added in.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    docs: Vec<SearchDoc>,
    /// Term → its number in `postings`. Hashed while building (an archive
    /// adds millions of words); sorted once by
    /// [`finish`](IndexBuilder::finish).
    terms: FastMap<String, u32>,
    /// Per term, its postings in document order (documents are added in
    /// order), each packed into a `u64` (see [`pack`]): an archive's
    /// index holds a hundred million of them.
    postings: Vec<Vec<u64>>,
    /// Reused by [`add`](IndexBuilder::add): the terms of one document.
    found: FastMap<u32, (Fields, u32)>,
}

/// The builder's maps hash every word of every document (hundreds of
/// millions in an archive): FNV-1a instead of std's SipHash, whose
/// resistance to crafted keys the publisher's own content does not need
/// and which took a tenth of an archive build.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(Option<u64>);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.0.unwrap_or(0xcbf2_9ce4_8422_2325);
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = Some(hash);
    }

    fn finish(&self) -> u64 {
        self.0.unwrap_or(0)
    }
}

impl IndexBuilder {
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// Adds one document: its title (from `doc`) is the title field, each of
    /// `meta` (category, tags, region, venue…) the meta field, and `body`
    /// the body. A snippet longer than [`MAX_SNIPPET_CHARS`] is shortened.
    /// Returns the document's index.
    pub fn add(&mut self, mut doc: SearchDoc, meta: &[&str], body: &str) -> usize {
        let index = self.docs.len();
        let mut found = std::mem::take(&mut self.found);
        let mut word = String::new();
        let mut note = |text: &str, field: Fields| {
            let mut tokens = Tokens::new(text);
            while tokens.next_into(&mut word).is_some() {
                let term = match self.terms.get(word.as_str()) {
                    Some(&term) => term,
                    None => {
                        let term = self.postings.len() as u32;
                        self.terms.insert(word.clone(), term);
                        self.postings.push(Vec::new());
                        term
                    }
                };
                let entry = found.entry(term).or_default();
                entry.0 = entry.0.with(field);
                entry.1 += 1;
            }
        };
        note(&doc.title, Fields::TITLE);
        for text in meta {
            note(text, Fields::META);
        }
        note(body, Fields::BODY);
        for (term, (fields, count)) in found.drain() {
            self.postings[term as usize].push(pack(index, fields, count.min(MAX_COUNT)));
        }
        self.found = found;
        doc.snippet = shorten(&doc.snippet, MAX_SNIPPET_CHARS);
        self.docs.push(doc);
        index
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The index, its documents numbered in [`SearchIndex`]'s canonical
    /// order (see there), so that ranking and the kind of a result need only
    /// document numbers.
    pub fn finish(self) -> SearchIndex {
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        // Stable: documents equal in all three keep the order they were added.
        order.sort_by(|&a, &b| canonical_order(&self.docs[a], &self.docs[b]));
        let mut new_number = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_number[old] = new;
        }
        let mut docs: Vec<Option<SearchDoc>> = self.docs.into_iter().map(Some).collect();
        let docs = order.iter().filter_map(|&old| docs[old].take()).collect();
        let mut terms: Vec<(String, u32)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut packed = self.postings;
        let (terms, postings) = terms
            .into_iter()
            .map(|(term, number)| {
                let mut list: Vec<Posting> = std::mem::take(&mut packed[number as usize])
                    .into_iter()
                    .map(|packed| {
                        let mut posting = unpack(packed);
                        posting.doc = new_number[posting.doc];
                        posting
                    })
                    .collect();
                list.sort_by_key(|posting| posting.doc);
                (term, encode(&list))
            })
            .unzip();
        SearchIndex {
            docs,
            terms,
            postings,
        }
    }
}

/// A posting in 64 bits: the document in the high 32, the fields' bits and
/// the count in the low two bytes.
fn pack(doc: usize, fields: Fields, count: u32) -> u64 {
    ((doc as u64) << 32) | (u64::from(fields.bits()) << 8) | u64::from(count.min(255))
}

fn unpack(packed: u64) -> Posting {
    let bits = (packed >> 8) as u8;
    let fields = [Fields::BODY, Fields::META, Fields::TITLE]
        .into_iter()
        .filter(|field| bits & field.bits() != 0)
        .fold(Fields::default(), Fields::with);
    Posting {
        doc: (packed >> 32) as usize,
        fields,
        count: (packed & 0xff) as u32,
    }
}

/// `text` cut to at most `max` characters, ending with "…": at the last
/// space when that keeps at least half, so no word is cut in two.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max || max == 0 {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if head[..space].chars().count() >= max / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::DocKind;

    fn doc(title: &str) -> SearchDoc {
        SearchDoc {
            kind: DocKind::News,
            slug: title.to_lowercase().replace(' ', "-"),
            title: title.into(),
            snippet: String::new(),
            date: None,
        }
    }

    #[test]
    fn a_packed_posting_unpacks_to_itself() {
        for (doc, fields, count) in [
            (0, Fields::BODY, 1),
            (4_000_000, Fields::TITLE.with(Fields::META), MAX_COUNT),
            (
                u32::MAX as usize,
                Fields::BODY.with(Fields::TITLE).with(Fields::META),
                2,
            ),
        ] {
            assert_eq!(
                unpack(pack(doc, fields, count)),
                Posting { doc, fields, count }
            );
        }
    }

    #[test]
    fn terms_are_sorted_unique_and_fielded() {
        let mut builder = IndexBuilder::new();
        builder.add(
            doc("Mir Castle"),
            &["Culture", "castles"],
            "The castle in Mir. Mir mir MIR mir.",
        );
        builder.add(doc("Брест"), &[], "Крэпасць у Брэсце");
        let index = builder.finish();
        assert_eq!(
            index.terms(),
            [
                "castle",
                "castles",
                "culture",
                "in",
                "mir",
                "the",
                "брест",
                "брэсце",
                "крэпасць",
                "у"
            ]
        );
        let postings = |term: &str| {
            let at = index.terms().iter().position(|t| t == term).unwrap();
            index.postings(at).collect::<Vec<_>>()
        };
        assert_eq!(
            postings("mir"),
            [Posting {
                doc: 0,
                fields: Fields::TITLE.with(Fields::BODY),
                count: MAX_COUNT
            }]
        );
        assert_eq!(
            postings("castles"),
            [Posting {
                doc: 0,
                fields: Fields::META,
                count: 1
            }]
        );
        assert_eq!(postings("castle")[0].count, 2);
        assert_eq!(
            postings("у"),
            [Posting {
                doc: 1,
                fields: Fields::BODY,
                count: 1
            }]
        );
    }

    #[test]
    fn empty_builder() {
        let builder = IndexBuilder::new();
        assert!(builder.is_empty());
        let index = builder.finish();
        assert!(index.docs().is_empty() && index.terms().is_empty());
    }

    #[test]
    fn snippets_are_shortened() {
        let mut builder = IndexBuilder::new();
        let mut long = doc("Long");
        long.snippet = "слова ".repeat(100);
        builder.add(long, &[], "");
        let index = builder.finish();
        let snippet = &index.docs()[0].snippet;
        assert!(snippet.chars().count() <= MAX_SNIPPET_CHARS, "{snippet}");
        assert!(snippet.ends_with("слова…"), "{snippet}");
    }

    #[test]
    fn shorten_cuts_at_characters_and_spaces() {
        assert_eq!(shorten(" short ", 10), "short");
        assert_eq!(shorten("абвгдеёжзийклм", 5), "абвг…");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("x", 0), "x");
    }
}
