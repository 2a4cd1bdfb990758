//! Results by kind: the counts on the results page's tabs and the hits of
//! one tab.

use crate::index::{DocKind, SearchIndex};
use crate::query::Hit;

/// How many hits there are of each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindCounts {
    pub news: usize,
    pub events: usize,
    pub sites: usize,
}

impl KindCounts {
    /// Counts `hits` (from a search of `index`) by the kind of their document.
    pub fn of(index: &SearchIndex, hits: &[Hit]) -> KindCounts {
        let mut counts = KindCounts::default();
        for hit in hits {
            match index.doc(hit.doc).map(|doc| doc.kind) {
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
}

/// The hits of one kind, in their order.
pub fn of_kind<'a>(
    index: &'a SearchIndex,
    hits: &'a [Hit],
    kind: DocKind,
) -> impl Iterator<Item = &'a Hit> + 'a {
    hits.iter()
        .filter(move |hit| index.doc(hit.doc).is_some_and(|doc| doc.kind == kind))
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
        let counts = KindCounts::of(&index, &hits);
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
        let events: Vec<&str> = of_kind(&index, &hits, DocKind::Event)
            .map(|hit| index.docs()[hit.doc].title.as_str())
            .collect();
        assert_eq!(events, ["Minsk half marathon"]);
        let stray = [Hit {
            doc: 99,
            score: 1,
            matched: vec![],
        }];
        assert_eq!(KindCounts::of(&index, &stray).total(), 0);
    }
}
