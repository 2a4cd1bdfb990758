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
        let time = |other: usize| self.entries[other].published;
        nearest_in_time(list, place, time, RELATED_COUNT, keep, |other| {
            let entry = self.entries[other];
            (
                (entry.published - this_time).unsigned_abs(),
                Reverse(entry.published),
                entry.slug,
            )
        })
    }
}

/// Up to `count` entries of `sorted` (ordered by `time`, holding the entry
/// in question at `place`) that pass `keep` and are nearest to it in time,
/// best first by `key`, which must order by time distance first (its other
/// parts settle ties).
///
/// Walks outwards on both sides: each side in order of distance, kept until
/// `count` are taken and every tie with the last taken is in, then one sort
/// by `key` settles ties across and within the sides. O(count) per entry,
/// unless many entries share one time.
pub fn nearest_in_time<K: Ord>(
    sorted: &[usize],
    place: usize,
    time: impl Fn(usize) -> i64,
    count: usize,
    keep: impl Fn(usize) -> bool,
    key: impl Fn(usize) -> K,
) -> Vec<usize> {
    let Some(&this) = sorted.get(place) else {
        return Vec::new();
    };
    let this_time = time(this);
    let mut candidates = Vec::new();
    let before = sorted[..place].iter().rev();
    let after = sorted[place + 1..].iter();
    for side in [
        &mut before.copied() as &mut dyn Iterator<Item = usize>,
        &mut after.copied(),
    ] {
        let mut taken = 0;
        let mut last_distance = None;
        for other in side {
            if !keep(other) {
                continue;
            }
            let distance = (time(other) - this_time).unsigned_abs();
            if taken >= count && Some(distance) != last_distance {
                break;
            }
            candidates.push(other);
            taken += 1;
            last_distance = Some(distance);
        }
    }
    candidates.sort_by_key(|&other| key(other));
    candidates.truncate(count);
    candidates
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
    fn nearest_in_time_agrees_with_a_full_sort_for_any_tie_break() {
        // Events' order: distance, then another category after the same
        // one, then slug. Few distinct times: many ties.
        let times: Vec<i64> = (0..200).map(|i| ((i * 37) % 23) as i64 * 100).collect();
        let categories: Vec<u8> = (0..200).map(|i| (i * 7 % 3) as u8).collect();
        let slugs: Vec<String> = (0..200)
            .map(|i| format!("e{:03}", (i * 101) % 200))
            .collect();
        let mut sorted: Vec<usize> = (0..200).collect();
        sorted.sort_by_key(|&i| (times[i], i));
        for (place, &me) in sorted.iter().enumerate() {
            let key = |i: usize| {
                (
                    (times[i] - times[me]).unsigned_abs(),
                    categories[i] != categories[me],
                    slugs[i].clone(),
                )
            };
            let mut expected: Vec<usize> = (0..200).filter(|&i| i != me).collect();
            expected.sort_by_key(|&i| key(i));
            expected.truncate(4);
            let found = nearest_in_time(&sorted, place, |i| times[i], 4, |_| true, key);
            assert_eq!(found, expected, "entry {me}");
        }
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
