//! Results by kind: the counts on the results page's tabs and the hits of
//! one tab.

use crate::index::{DocKind, KindRanges};
use crate::query::Hit;

/// How many hits there are of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindCounts {
    pub news: usize,
    pub events: usize,
    pub sites: usize,
}

impl KindCounts {
    /// Counts `hits` by the kind of their document (known from its number:
    /// see [`KindRanges`]).
    pub fn of(ranges: &KindRanges, hits: &[Hit]) -> KindCounts {
        let mut counts = KindCounts::default();
        for hit in hits {
            match ranges.kind_of(hit.doc) {
                Some(DocKind::News) => counts.news += 1,
                Some(DocKind::Event) => counts.events += 1,
                Some(DocKind::Site) => counts.sites += 1,
                None => {}
            }
        }
        counts
    }

    pub fn get(&self, kind: DocKind) -> usize {
        match kind {
            DocKind::News => self.news,
            DocKind::Event => self.events,
            DocKind::Site => self.sites,
        }
    }

    pub fn total(&self) -> usize {
        self.news + self.events + self.sites
    }

    /// `n` of every kind.
    pub fn each(n: usize) -> KindCounts {
        KindCounts {
            news: n,
            events: n,
            sites: n,
        }
    }

    /// This with `more` added to `kind`.
    pub fn with_more(self, kind: DocKind, more: usize) -> KindCounts {
        let mut counts = self;
        let slot = match kind {
            DocKind::News => &mut counts.news,
            DocKind::Event => &mut counts.events,
            DocKind::Site => &mut counts.sites,
        };
        *slot = slot.saturating_add(more);
        counts
    }
}

/// The documents of the first `limits` hits of each kind, in hit order:
/// the results a page shows, whose documents it needs.
pub fn first_of_each_kind(ranges: &KindRanges, hits: &[Hit], limits: KindCounts) -> Vec<usize> {
    let mut taken = KindCounts::default();
    let mut docs = Vec::new();
    for hit in hits {
        let Some(kind) = ranges.kind_of(hit.doc) else {
            continue;
        };
        if taken.get(kind) < limits.get(kind) {
            taken = taken.with_more(kind, 1);
            docs.push(hit.doc);
        }
    }
    docs
}

/// The hits of one kind, in their order.
pub fn of_kind<'a>(
    ranges: &'a KindRanges,
    hits: &'a [Hit],
    kind: DocKind,
) -> impl Iterator<Item = &'a Hit> + 'a {
    hits.iter()
        .filter(move |hit| ranges.kind_of(hit.doc) == Some(kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::IndexBuilder;
    use crate::index::SearchDoc;
    use crate::query::search;

    #[test]
    fn counts_and_filters_by_kind() {
        let mut builder = IndexBuilder::new();
        for (kind, title) in [
            (DocKind::News, "Minsk marathon results"),
            (DocKind::Event, "Minsk half marathon"),
            (DocKind::News, "Minsk metro"),
            (DocKind::Event, "Brest fair"),
        ] {
            let doc = SearchDoc {
                kind,
                slug: title.replace(' ', "-"),
                title: title.into(),
                snippet: String::new(),
                date: None,
            };
            builder.add(doc, &[], "");
        }
        let index = builder.finish();
        let hits = search(&index, "minsk", usize::MAX);
        let ranges = index.kind_ranges();
        let counts = KindCounts::of(&ranges, &hits);
        assert_eq!(
            counts,
            KindCounts {
                news: 2,
                events: 1,
                sites: 0
            }
        );
        assert_eq!(counts.total(), 3);
        assert_eq!(counts.get(DocKind::Event), 1);
        let events: Vec<&str> = of_kind(&ranges, &hits, DocKind::Event)
            .map(|hit| index.docs()[hit.doc].title.as_str())
            .collect();
        assert_eq!(events, ["Minsk half marathon"]);
        let stray = [Hit {
            doc: 99,
            score: 1,
            matched: vec![],
        }];
        assert_eq!(KindCounts::of(&ranges, &stray).total(), 0);
        // One news result and one event shown: the best of each (equal
        // scores: by title).
        let limits = KindCounts::each(1);
        let shown = first_of_each_kind(&ranges, &hits, limits);
        let titles: Vec<&str> = shown
            .iter()
            .map(|&doc| index.docs()[doc].title.as_str())
            .collect();
        assert_eq!(titles, ["Minsk marathon results", "Minsk half marathon"]);
        let more = first_of_each_kind(&ranges, &hits, limits.with_more(DocKind::News, 5));
        assert_eq!(more.len(), 3);
    }
}
