//! Related articles: for each article, [`RELATED_COUNT`] others, same
//! category first, then the closest in publication time (newer first on a
//! tie, then by slug).
//!
//! Built once per language as time-ordered lists (all articles, and each
//! category's), so each article's answer is read from its neighbours in
//! those lists: O(n log n) for a language instead of sorting every other
//! article for each one.

use std::cmp::Reverse;
use std::collections::HashMap;

/// How many related articles an article lists.
pub const RELATED_COUNT: usize = 4;

/// What ordering needs of an article.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub category: &'a str,
    pub published: i64,
    pub slug: &'a str,
}

/// The time-ordered lists of one language's articles.
pub struct RelatedIndex<'a> {
    entries: Vec<Entry<'a>>,
    /// All articles, by (time, slug).
    all: Vec<usize>,
    /// Each article's place in `all`.
    place_in_all: Vec<usize>,
    /// Each category's articles, by (time, slug).
    by_category: HashMap<&'a str, Vec<usize>>,
    /// Each article's place in its category's list.
    place_in_category: Vec<usize>,
}

impl<'a> RelatedIndex<'a> {
    pub fn new(entries: Vec<Entry<'a>>) -> Self {
        let mut all: Vec<usize> = (0..entries.len()).collect();
        all.sort_by_key(|&i| (entries[i].published, entries[i].slug));
        let mut place_in_all = vec![0; entries.len()];
        let mut by_category: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (place, &i) in all.iter().enumerate() {
            place_in_all[i] = place;
            by_category.entry(entries[i].category).or_default().push(i);
        }
        let mut place_in_category = vec![0; entries.len()];
        for list in by_category.values() {
            for (place, &i) in list.iter().enumerate() {
                place_in_category[i] = place;
            }
        }
        Self {
            entries,
            all,
            place_in_all,
            by_category,
            place_in_category,
        }
    }

    /// The related articles of `entries[index]`, best first.
    pub fn related(&self, index: usize) -> Vec<usize> {
        let this = self.entries[index];
        let same = &self.by_category[this.category];
        let mut chosen = self.nearest(index, same, self.place_in_category[index], |_| true);
        if chosen.len() < RELATED_COUNT {
            // Fewer than RELATED_COUNT others in the category (so fewer than
            // that many are skipped here): the closest of the rest.
            let others = self.nearest(index, &self.all, self.place_in_all[index], |other| {
                self.entries[other].category != this.category
            });
            chosen.extend(others.into_iter().take(RELATED_COUNT - chosen.len()));
        }
        chosen
    }

    /// Up to RELATED_COUNT articles of `list` (time-ordered, holding `index`
    /// at `place`) that pass `keep`, closest first.
    fn nearest(
        &self,
        index: usize,
        list: &[usize],
        place: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        let this_time = self.entries[index].published;
        let distance = |other: usize| (self.entries[other].published - this_time).unsigned_abs();
        // Each side in order of distance; both kept until RELATED_COUNT are
        // taken and every tie with the last taken is in, then one sort by
        // the full order settles ties across and within the sides.
        let mut candidates = Vec::new();
        for side in [
            &mut list[..place].iter().rev() as &mut dyn Iterator<Item = &usize>,
            &mut list[place + 1..].iter(),
        ] {
            let mut taken = 0;
            let mut last_distance = None;
            for &other in side {
                if !keep(other) {
                    continue;
                }
                let d = distance(other);
                if taken >= RELATED_COUNT && Some(d) != last_distance {
                    break;
                }
                candidates.push(other);
                taken += 1;
                last_distance = Some(d);
            }
        }
        candidates.sort_by_key(|&other| {
            let entry = self.entries[other];
            (distance(other), Reverse(entry.published), entry.slug)
        });
        candidates.truncate(RELATED_COUNT);
        candidates
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, by brute force: sort every other article.
    fn brute_force(entries: &[Entry<'_>], index: usize) -> Vec<usize> {
        let this = entries[index];
        let mut others: Vec<usize> = (0..entries.len()).filter(|&o| o != index).collect();
        others.sort_by_key(|&o| {
            let e = entries[o];
            (
                e.category != this.category,
                (e.published - this.published).unsigned_abs(),
                Reverse(e.published),
                e.slug,
            )
        });
        others.truncate(RELATED_COUNT);
        others
    }

    fn entry<'a>(category: &'a str, published: i64, slug: &'a str) -> Entry<'a> {
        Entry {
            category,
            published,
            slug,
        }
    }

    #[test]
    fn same_category_first_then_closest_newer_first_on_ties() {
        let entries = vec![
            entry("sport", 1_000, "me"),
            entry("sport", 0, "far-sport"),
            entry("culture", 1_001, "near-culture"),
            entry("sport", 900, "mid-sport"),
            entry("culture", 1_050, "later-culture"),
            entry("culture", 950, "earlier-culture"),
            entry("culture", -5_000, "old-culture"),
        ];
        let index = RelatedIndex::new(entries.clone());
        let names: Vec<&str> = index.related(0).iter().map(|&i| entries[i].slug).collect();
        // later-culture and earlier-culture are equally close: newer first.
        assert_eq!(
            names,
            ["mid-sport", "far-sport", "near-culture", "later-culture"]
        );
        assert_eq!(
            RelatedIndex::new(vec![entry("a", 0, "alone")]).related(0),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn agrees_with_the_definition_including_ties() {
        // Few categories and few distinct times: many ties of every kind.
        let slugs: Vec<String> = (0..300)
            .map(|i| format!("s{:03}", (i * 7919) % 300))
            .collect();
        let categories = ["a", "b", "c", "d", "e", "f", "g"];
        let mut seed: u64 = 12345;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        let entries: Vec<Entry<'_>> = slugs
            .iter()
            .enumerate()
            .map(|(i, slug)| {
                // Category g holds only two articles: it needs filling.
                let category = if i < 2 { "g" } else { categories[next() % 6] };
                entry(category, (next() % 40) as i64 * 60, slug)
            })
            .collect();
        let index = RelatedIndex::new(entries.clone());
        for i in 0..entries.len() {
            assert_eq!(index.related(i), brute_force(&entries, i), "article {i}");
        }
    }
}
