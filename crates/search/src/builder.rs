//! Building an index from documents (in the publisher).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::index::{
    canonical_numbering, canonical_order, encode, Fields, Posting, SearchDoc, SearchIndex,
    MAX_COUNT, MAX_SNIPPET_CHARS,
};
use crate::tokens::Tokens;
use serde::{Deserialize, Serialize};

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
    /// order), packed in a few bytes each (see [`Postings`]): an archive's
    /// index holds a hundred million of them.
    postings: Vec<Postings>,
    /// Reused by [`add`](IndexBuilder::add): the terms of one document.
    found: FastMap<u32, (Fields, u32)>,
    /// Term number → the term (for [`DocTerms`]).
    words: Vec<String>,
    /// Documents are kept without their title and snippet: the caller
    /// writes them itself (see [`IndexBuilder::numbering_only`]).
    numbering_only: bool,
}

/// The distinct terms of one document, each with the fields it is in and
/// how often it occurs (up to [`MAX_COUNT`]): all the index takes from the
/// document's text. The publisher keeps them between builds, so an
/// unchanged document is not read and tokenised again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocTerms {
    /// The terms, each ended by a newline (no term holds one).
    words: String,
    /// Per term, its fields' bits (high nibble) and count (low nibble).
    marks: Vec<u8>,
}

impl DocTerms {
    fn push(&mut self, word: &str, fields: Fields, count: u32) {
        self.words.push_str(word);
        self.words.push('\n');
        self.marks
            .push((fields.bits() << 4) | count.min(MAX_COUNT) as u8);
    }

    /// Each term with its fields and count.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Fields, u32)> + '_ {
        self.words
            .split_terminator('\n')
            .zip(&self.marks)
            .map(|(word, mark)| (word, Fields::from_bits(mark >> 4), u32::from(mark & 0xf)))
    }

    /// Whether these are well formed (they come from a cache file).
    pub fn is_valid(&self) -> bool {
        self.words.split_terminator('\n').count() == self.marks.len()
            && self.marks.iter().all(|mark| {
                let count = u32::from(mark & 0xf);
                (1..=MAX_COUNT).contains(&count) && (mark >> 4) != 0 && (mark >> 4) < 8
            })
    }
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

    /// A builder that keeps of each document only what numbers it (kind,
    /// date, slug), for a caller that adds the documents in the canonical
    /// order and writes their texts itself ([`SearchDoc::as_indexed`]):
    /// the index's terms and postings are the same, and the titles and
    /// snippets of 391,000 documents (in proportion to a 100,000-article
    /// archive) are not held while the postings are built.
    pub fn numbering_only() -> IndexBuilder {
        IndexBuilder {
            numbering_only: true,
            ..IndexBuilder::default()
        }
    }

    /// Adds one document: its title (from `doc`) is the title field, each of
    /// `meta` (category, tags, region, venue…) the meta field, and `body`
    /// the body. A snippet longer than [`MAX_SNIPPET_CHARS`] is shortened.
    /// Returns the document's index.
    pub fn add(&mut self, doc: SearchDoc, meta: &[&str], body: &str) -> usize {
        self.add_text(doc, meta, body, false).0
    }

    /// [`add`](IndexBuilder::add), also returning the document's
    /// [`DocTerms`], which [`add_terms`](IndexBuilder::add_terms) indexes
    /// the same way without reading the text again.
    pub fn add_keeping_terms(
        &mut self,
        doc: SearchDoc,
        meta: &[&str],
        body: &str,
    ) -> (usize, DocTerms) {
        self.add_text(doc, meta, body, true)
    }

    fn add_text(
        &mut self,
        doc: SearchDoc,
        meta: &[&str],
        body: &str,
        keep: bool,
    ) -> (usize, DocTerms) {
        let mut found = std::mem::take(&mut self.found);
        let mut word = String::new();
        let mut note = |text: &str, field: Fields| {
            let mut tokens = Tokens::new(text);
            while tokens.next_into(&mut word).is_some() {
                let term = self.term_number(&word);
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
        let index = self.docs.len();
        let mut kept = DocTerms::default();
        for (term, (fields, count)) in found.drain() {
            let count = count.min(MAX_COUNT);
            self.postings[term as usize].push(index, fields, count);
            if keep {
                kept.push(&self.words[term as usize], fields, count);
            }
        }
        self.found = found;
        self.push_doc(doc);
        (index, kept)
    }

    /// Adds a document whose terms were found by
    /// [`add_keeping_terms`](IndexBuilder::add_keeping_terms) (in an earlier
    /// build): the index is the same as if its text were added again.
    pub fn add_terms(&mut self, doc: SearchDoc, terms: &DocTerms) -> usize {
        let index = self.docs.len();
        for (word, fields, count) in terms.iter() {
            let term = self.term_number(word);
            self.postings[term as usize].push(index, fields, count.min(MAX_COUNT));
        }
        self.push_doc(doc);
        index
    }

    fn term_number(&mut self, word: &str) -> u32 {
        match self.terms.get(word) {
            Some(&term) => term,
            None => {
                let term = self.postings.len() as u32;
                self.terms.insert(word.to_string(), term);
                self.words.push(word.to_string());
                self.postings.push(Postings::default());
                term
            }
        }
    }

    fn push_doc(&mut self, doc: SearchDoc) {
        let doc = if self.numbering_only {
            SearchDoc {
                title: String::new(),
                snippet: String::new(),
                ..doc
            }
        } else {
            doc.as_indexed()
        };
        self.docs.push(doc);
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
        let (docs, terms) = self.into_numbered();
        let (terms, postings) = terms.unzip();
        SearchIndex {
            docs,
            terms,
            postings,
        }
    }

    /// Whether the documents were added in the canonical order, so that
    /// [`into_numbered`](IndexBuilder::into_numbered) keeps their numbers:
    /// a caller that wrote them out in the order it added them (see
    /// [`IndexBuilder::numbering_only`]) checks this before it cuts the
    /// index.
    pub fn added_in_canonical_order(&self) -> bool {
        self.docs
            .is_sorted_by(|a, b| canonical_order(a, b) != std::cmp::Ordering::Greater)
    }

    /// What [`finish`](IndexBuilder::finish) makes, the terms one at a
    /// time: the documents in the canonical order, and each term in byte
    /// order with its encoded postings, each term's packed postings let
    /// go as it is made. A caller that writes each term as it comes (see
    /// [`crate::shards::cut`]) never holds the index's postings twice.
    pub fn into_numbered(self) -> (Vec<SearchDoc>, impl Iterator<Item = (String, Vec<u32>)>) {
        let order = canonical_numbering(&self.docs);
        let mut new_number = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_number[old] = new;
        }
        let mut docs: Vec<Option<SearchDoc>> = self.docs.into_iter().map(Some).collect();
        let docs = order.iter().filter_map(|&old| docs[old].take()).collect();
        let mut terms: Vec<(String, u32)> = self.terms.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut packed = self.postings;
        let terms = terms.into_iter().map(move |(term, number)| {
            let mut list: Vec<Posting> = std::mem::take(&mut packed[number as usize])
                .iter()
                .map(|mut posting| {
                    posting.doc = new_number[posting.doc];
                    posting
                })
                .collect();
            list.sort_by_key(|posting| posting.doc);
            (term, encode(&list))
        });
        (docs, terms)
    }
}

/// One term's postings while building, in the order their documents were
/// added: each is `gap * 32 + fields * 4 + (count - 1)` (`gap`: documents
/// since the term's previous one), seven bits a byte, the high bit set on
/// every byte but a number's last. Two or three bytes a posting where a
/// `u64` took eight: the largest share of a 100,000-article build's memory.
#[derive(Debug, Default)]
struct Postings {
    bytes: Vec<u8>,
    /// The document after the last one pushed.
    next: u64,
}

impl Postings {
    /// Adds a document later than every one added before.
    fn push(&mut self, doc: usize, fields: Fields, count: u32) {
        let doc = doc as u64;
        let gap = doc.saturating_sub(self.next);
        let count = u64::from(count.clamp(1, MAX_COUNT) - 1);
        let mut value = (gap << 5) | (u64::from(fields.bits() & 7) << 2) | count;
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
        self.next = doc + 1;
    }

    fn iter(&self) -> impl Iterator<Item = Posting> + '_ {
        let mut bytes = self.bytes.iter();
        let mut next = 0u64;
        std::iter::from_fn(move || {
            let mut value = 0u64;
            let mut shift = 0;
            loop {
                let byte = *bytes.next()?;
                value |= u64::from(byte & 0x7f) << shift;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
            }
            let doc = next + (value >> 5);
            next = doc + 1;
            Some(Posting {
                doc: doc as usize,
                fields: Fields::from_bits(((value >> 2) & 7) as u8),
                count: (value & 3) as u32 + 1,
            })
        })
    }
}

impl SearchDoc {
    /// The document as the index holds it: its snippet shortened to
    /// [`MAX_SNIPPET_CHARS`].
    pub fn as_indexed(self) -> SearchDoc {
        SearchDoc {
            snippet: shorten(&self.snippet, MAX_SNIPPET_CHARS),
            ..self
        }
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
    fn packed_postings_unpack_to_themselves() {
        let all = Fields::BODY.with(Fields::TITLE).with(Fields::META);
        let written = [
            (0, Fields::BODY, 1),
            (1, Fields::META, 3),
            (2, all, 2),
            (130, Fields::TITLE, 4),
            (4_000_000, Fields::TITLE.with(Fields::META), MAX_COUNT),
            (4_000_001, Fields::BODY, 1),
            (u32::MAX as usize, all, 2),
            (u32::MAX as usize + 7, Fields::META, 1),
        ]
        .map(|(doc, fields, count)| Posting { doc, fields, count });
        let mut postings = Postings::default();
        for posting in &written {
            postings.push(posting.doc, posting.fields, posting.count);
        }
        assert_eq!(postings.iter().collect::<Vec<_>>(), written);
        // Neighbours and common terms take a byte or two each.
        let mut dense = Postings::default();
        for doc in 0..1000 {
            dense.push(doc, Fields::BODY, 1);
        }
        assert_eq!(dense.bytes.len(), 1000);
        assert_eq!(dense.iter().count(), 1000);
        assert_eq!(Postings::default().iter().count(), 0);
    }

    #[test]
    fn numbering_only_gives_the_same_terms_and_postings_without_the_texts() {
        let texts = [
            ("Mir Castle", "The castle in Mir.", Some("2026-10-01")),
            ("Nesvizh", "A palace; castle gardens.", Some("2026-11-02")),
            ("Brest Fortress", "Крэпасць у Брэсце", None),
        ];
        let docs: Vec<SearchDoc> = texts
            .iter()
            .map(|&(title, body, date)| SearchDoc {
                snippet: body.repeat(40),
                date: date.map(str::to_string),
                ..doc(title)
            })
            .collect();
        let mut whole = IndexBuilder::new();
        let mut numbering = IndexBuilder::numbering_only();
        // The caller of `numbering_only` adds in the canonical order.
        for at in canonical_numbering(&docs) {
            let (doc, (_, body, _)) = (&docs[at], texts[at]);
            whole.add(doc.clone(), &["castles"], body);
            numbering.add(doc.clone(), &["castles"], body);
        }
        assert!(numbering.added_in_canonical_order());
        // Added in another order: said so.
        let mut unordered = IndexBuilder::numbering_only();
        for at in canonical_numbering(&docs).into_iter().rev() {
            unordered.add(docs[at].clone(), &["castles"], texts[at].1);
        }
        assert!(!unordered.added_in_canonical_order());
        let (whole, numbering) = (whole.finish(), numbering.finish());
        assert_eq!(numbering.terms(), whole.terms());
        assert!(numbering.terms().iter().any(|term| term == "mir"));
        for term in 0..whole.terms().len() {
            assert_eq!(
                numbering.postings(term).collect::<Vec<_>>(),
                whole.postings(term).collect::<Vec<_>>()
            );
        }
        assert_eq!(numbering.kind_ranges(), whole.kind_ranges());
        for (kept, shown) in numbering.docs().iter().zip(whole.docs()) {
            assert_eq!((&kept.slug, &kept.date), (&shown.slug, &shown.date));
            assert!(kept.title.is_empty() && kept.snippet.is_empty());
            assert_eq!(
                shown,
                &docs
                    .iter()
                    .find(|d| d.slug == shown.slug)
                    .unwrap()
                    .clone()
                    .as_indexed()
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
    fn kept_terms_index_like_the_text() {
        let texts = [
            (
                "Mir Castle",
                vec!["Culture", "castles"],
                "The castle in Mir. Mir mir MIR mir.",
            ),
            ("Брест", vec![], "Крэпасць у Брэсце, ёлкі і ўсё"),
            ("Mir again", vec!["Culture"], ""),
        ];
        let mut from_text = IndexBuilder::new();
        let mut keeping = IndexBuilder::new();
        let mut kept = Vec::new();
        for (title, meta, body) in &texts {
            from_text.add(doc(title), meta, body);
            let (_, terms) = keeping.add_keeping_terms(doc(title), meta, body);
            assert!(terms.is_valid());
            kept.push(terms);
        }
        let expected = from_text.finish();
        assert_eq!(keeping.finish(), expected);
        // Indexed from the kept terms alone (which number the terms in
        // another order than the text): the same index.
        let mut from_terms = IndexBuilder::new();
        for ((title, _, _), terms) in texts.iter().zip(&kept) {
            from_terms.add_terms(doc(title), terms);
        }
        assert_eq!(from_terms.finish(), expected);
        let mir: Vec<_> = kept[0].iter().filter(|(word, ..)| *word == "mir").collect();
        assert_eq!(mir, [("mir", Fields::TITLE.with(Fields::BODY), MAX_COUNT)]);
    }

    #[test]
    fn malformed_kept_terms_are_recognised() {
        let mut terms = DocTerms::default();
        terms.push("mir", Fields::BODY, 2);
        assert!(terms.is_valid());
        let mut short = terms.clone();
        short.marks.clear();
        assert!(!short.is_valid());
        let mut zero = terms.clone();
        zero.marks[0] = Fields::BODY.bits() << 4;
        assert!(!zero.is_valid());
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
