//! Ranked search over a [`SearchIndex`], as the reader types.
//!
//! Every query word must match (AND), as a whole term or as the start of
//! one: the last word because it may be half typed, the others because a
//! reader who types "unesc castle" means UNESCO. A document's score is the
//! sum over the query words of the best way that word matches it:
//!
//! `field weight × match weight × (19 + occurrences)`, with
//! - field: title 100, meta 30, body 10 (the best field the term is in);
//! - match: exact 100; prefix 40 to 70, more the more of the term is typed;
//! - occurrences: 1 to 4, so several occurrences add at most 15 %.
//!
//! The ranges are chosen so that the field decides first (the weakest
//! title match outscores the strongest meta match, and meta the body), then
//! exact before prefix, then repetition. Equal scores: newer date first,
//! then title (the index numbers its documents in that order).

use crate::index::{decode, Fields, SearchIndex};
use crate::tokens::Tokens;

/// Query words read; the rest of a long query is ignored.
pub const MAX_QUERY_TOKENS: usize = 8;

/// One result: a document of the index, its score, and the folded query
/// words it matched (all of them: the search is AND), for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub score: u32,
    pub matched: Vec<String>,
}

/// A parsed query: its first [`MAX_QUERY_TOKENS`] words, folded (each at
/// most [`MAX_TOKEN_CHARS`](crate::MAX_TOKEN_CHARS)), without repeats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    tokens: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut tokens: Vec<String> = Vec::new();
        for token in Tokens::new(text).take(MAX_QUERY_TOKENS) {
            if !tokens.contains(&token.folded) {
                tokens.push(token.folded);
            }
        }
        Query { tokens }
    }

    /// Nothing to search for (empty, blank or punctuation only).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// Whether a folded word matches one of the query words.
    pub fn matches_word(&self, folded: &str) -> bool {
        self.tokens
            .iter()
            .any(|token| folded.starts_with(token.as_str()))
    }

    /// Every matching document, best first.
    pub fn search_all(&self, index: &SearchIndex) -> Vec<Hit> {
        self.search(index, usize::MAX)
    }

    /// The best `limit` documents.
    pub fn search(&self, index: &SearchIndex, limit: usize) -> Vec<Hit> {
        self.search_in(index, limit)
    }

    /// The best `limit` documents of any [`Terms`] (a whole index, or the
    /// shards of one fetched so far).
    pub fn search_in(&self, terms: &dyn Terms, limit: usize) -> Vec<Hit> {
        let mut ranked = self.ranked(terms);
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(doc, score)| Hit {
                doc,
                score,
                matched: self.tokens.clone(),
            })
            .collect()
    }

    /// `(document, score)` of every match, best first; equal scores in
    /// document order, which is newest first then by slug (see
    /// [`SearchIndex`]).
    fn ranked(&self, terms: &dyn Terms) -> Vec<(usize, u32)> {
        let docs = terms.doc_count();
        if self.is_empty() || docs == 0 {
            return Vec::new();
        }
        // `None`: excluded by an earlier word.
        let mut totals: Vec<Option<u32>> = vec![Some(0); docs];
        let mut best = vec![0u32; docs];
        for token in &self.tokens {
            best.fill(0);
            let typed = token.chars().count();
            terms.each_with_prefix(token, &mut |term, codes| {
                let weight = match_weight(typed, term);
                for posting in decode(codes) {
                    let Some(slot) = best.get_mut(posting.doc) else {
                        continue;
                    };
                    let score = field_weight(posting.fields) * weight * (19 + posting.count.min(4));
                    *slot = (*slot).max(score);
                }
            });
            let mut any = false;
            for (total, &score) in totals.iter_mut().zip(&best) {
                *total = match *total {
                    Some(sum) if score > 0 => {
                        any = true;
                        Some(sum.saturating_add(score))
                    }
                    _ => None,
                };
            }
            if !any {
                return Vec::new();
            }
        }
        let mut ranked: Vec<(usize, u32)> = totals
            .iter()
            .enumerate()
            .filter_map(|(doc, total)| total.map(|score| (doc, score)))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked
    }
}

/// Where a search finds its terms: the sorted terms with their encoded
/// postings ([`Posting`](crate::Posting)), and how many documents there are.
pub trait Terms {
    fn doc_count(&self) -> usize;

    /// Calls `each` with every term starting with `prefix` (the term itself
    /// first when there is one) and its postings.
    fn each_with_prefix(&self, prefix: &str, each: &mut dyn FnMut(&str, &[u32]));
}

impl Terms for SearchIndex {
    fn doc_count(&self) -> usize {
        self.docs().len()
    }

    fn each_with_prefix(&self, prefix: &str, each: &mut dyn FnMut(&str, &[u32])) {
        for term in self.prefix_range(prefix) {
            each(&self.terms()[term], self.encoded_postings(term));
        }
    }
}

/// Parses `query` and returns the best `limit` documents of `index`.
pub fn search(index: &SearchIndex, query: &str, limit: usize) -> Vec<Hit> {
    Query::parse(query).search(index, limit)
}

fn field_weight(fields: Fields) -> u32 {
    if fields.contains(Fields::TITLE) {
        100
    } else if fields.contains(Fields::META) {
        30
    } else if fields.contains(Fields::BODY) {
        10
    } else {
        0
    }
}

/// 100 for the whole term; for a prefix 40, plus up to 30 for the share of
/// the term typed ("unesc" of "unesco" scores more than "u").
fn match_weight(typed: usize, term: &str) -> u32 {
    let length = term.chars().count().max(1);
    if typed >= length {
        return 100;
    }
    40 + (30 * typed / length) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::index::{DocKind, SearchDoc};

    struct Doc<'a> {
        title: &'a str,
        meta: &'a [&'a str],
        body: &'a str,
        date: Option<&'a str>,
    }

    fn doc<'a>(title: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            title,
            meta: &[],
            body,
            date: None,
        }
    }

    fn index(docs: &[Doc<'_>]) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for (i, d) in docs.iter().enumerate() {
            let doc = SearchDoc {
                kind: DocKind::News,
                slug: format!("d{i}"),
                title: d.title.into(),
                snippet: String::new(),
                date: d.date.map(str::to_string),
            };
            builder.add(doc, d.meta, d.body);
        }
        builder.finish()
    }

    fn titles<'a>(index: &'a SearchIndex, query: &str) -> Vec<&'a str> {
        search(index, query, 100)
            .iter()
            .map(|hit| index.docs()[hit.doc].title.as_str())
            .collect()
    }

    #[test]
    fn title_beats_meta_beats_body() {
        let index = index(&[
            doc(
                "Minsk news",
                "A story about bison and more bison and bison.",
            ),
            Doc {
                title: "Zoo",
                meta: &["bison"],
                body: "",
                date: None,
            },
            doc("Bison return to Belovezhskaya", "Text."),
        ]);
        assert_eq!(
            titles(&index, "bison"),
            ["Bison return to Belovezhskaya", "Zoo", "Minsk news"]
        );
        // Even a prefix in the title beats an exact word in the body.
        let index2 = super::tests::index(&[doc("Other", "mir"), doc("Miracle", "")]);
        assert_eq!(titles(&index2, "mir"), ["Miracle", "Other"]);
    }

    #[test]
    fn exact_beats_prefix_in_the_same_field() {
        let index = index(&[doc("Mirsky castle", ""), doc("Mir castle", "")]);
        assert_eq!(titles(&index, "mir"), ["Mir castle", "Mirsky castle"]);
        let hits = search(&index, "mir", 10);
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn every_word_must_match() {
        let index = index(&[
            doc("Mir castle", "A castle in Mir."),
            doc("Nesvizh castle", "Another castle."),
            doc("Mir", "A town."),
        ]);
        assert_eq!(titles(&index, "castle mir"), ["Mir castle"]);
        assert_eq!(titles(&index, "castle"), ["Mir castle", "Nesvizh castle"]);
        assert!(titles(&index, "castle zamok").is_empty());
        assert!(titles(&index, "zamok castle").is_empty());
    }

    #[test]
    fn words_match_as_prefixes_as_you_type() {
        let index = index(&[doc("UNESCO lists Mir Castle", ""), doc("Minsk", "")]);
        assert_eq!(titles(&index, "unesc"), ["UNESCO lists Mir Castle"]);
        assert_eq!(titles(&index, "unesc cas"), ["UNESCO lists Mir Castle"]);
        // "mi" is more of "mir" than of "minsk".
        assert_eq!(titles(&index, "mi"), ["UNESCO lists Mir Castle", "Minsk"]);
        assert!(titles(&index, "castles").is_empty());
        // A longer prefix of the same term ranks higher.
        let u = search(&index, "u", 1)[0].score;
        let unesc = search(&index, "unesc", 1)[0].score;
        assert!(unesc > u);
    }

    #[test]
    fn folding_applies_to_queries() {
        let index = index(&[
            doc("Мірскі замак", "Сям’я з Нясвіжа"),
            doc("Ёлка на плошчы", ""),
            doc("Łódź and Kraków", ""),
        ]);
        assert_eq!(titles(&index, "МИР"), ["Мірскі замак"]);
        assert_eq!(titles(&index, "сям'я"), ["Мірскі замак"]);
        assert_eq!(titles(&index, "сямя нясвиж"), ["Мірскі замак"]);
        assert_eq!(titles(&index, "елка"), ["Ёлка на плошчы"]);
        assert_eq!(titles(&index, "lodz krakow"), ["Łódź and Kraków"]);
    }

    #[test]
    fn occurrences_add_a_little() {
        let index = index(&[doc("A", "mir"), doc("B", "mir mir mir")]);
        let hits = search(&index, "mir", 10);
        assert_eq!(index.docs()[hits[0].doc].title, "B");
        assert!(hits[0].score < hits[1].score * 6 / 5);
    }

    #[test]
    fn ties_go_to_newer_then_slug() {
        let index = index(&[
            Doc {
                title: "Castle B",
                meta: &[],
                body: "",
                date: Some("2026-01-01"),
            },
            Doc {
                title: "Castle A",
                meta: &[],
                body: "",
                date: Some("2026-01-01"),
            },
            Doc {
                title: "Castle C",
                meta: &[],
                body: "",
                date: None,
            },
            Doc {
                title: "Castle D",
                meta: &[],
                body: "",
                date: Some("2026-05-01"),
            },
        ]);
        // Same day: by slug (d0 before d1), not by title, so a retitled
        // document keeps its number.
        assert_eq!(
            titles(&index, "castle"),
            ["Castle D", "Castle B", "Castle A", "Castle C"]
        );
    }

    #[test]
    fn hits_carry_the_query_words_and_respect_the_limit() {
        let index = index(&[doc("Mir castle", ""), doc("Mir town", "")]);
        let hits = search(&index, "MIR Mir", 1);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched, ["mir"]);
        assert!(search(&index, "mir", 0).is_empty());
    }

    #[test]
    fn empty_queries_find_nothing() {
        let index = index(&[doc("Mir", "")]);
        for query in ["", "   ", "?!…—", "''", "\u{301}"] {
            assert!(search(&index, query, 10).is_empty(), "{query:?}");
            assert!(Query::parse(query).is_empty());
        }
        assert!(search(&SearchIndex::default(), "mir", 10).is_empty());
    }

    #[test]
    fn long_queries_are_capped() {
        let query = Query::parse(&format!(
            "{} {}",
            "a b c d e f g h i j k",
            "x".repeat(10_000)
        ));
        assert_eq!(query.tokens(), ["a", "b", "c", "d", "e", "f", "g", "h"]);
        let query = Query::parse(&"я".repeat(10_000));
        assert_eq!(query.tokens()[0].chars().count(), crate::MAX_TOKEN_CHARS);
        let long = "Мір".repeat(5_000);
        let index = index(&[doc(&long, "")]);
        assert_eq!(search(&index, &long, 10).len(), 1);
    }

    #[test]
    fn a_damaged_index_does_not_panic() {
        let json = r#"{"docs":[{"k":"news","s":"a","t":"A","x":""}],
            "terms":["zz","mir","mis"],"postings":[[4294967295],[999999]]}"#;
        let index: SearchIndex = serde_json::from_str(json).unwrap();
        for query in ["mi", "z", "mis", "a"] {
            let _ = search(&index, query, 10);
        }
    }
}
