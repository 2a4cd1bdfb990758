//! The news archive: one document per day that has news, with links to the
//! neighbouring days, and the index of those days for the archive calendar.

use std::collections::BTreeMap;

use portal_calendar::Date;
use portal_contract::{paths, ArchiveDay, ArticleSummary, Lang, NewsArchive, NewsDay};

/// `(path, document)` pairs of the archive of one language. `summaries`
/// are newest first, as in the feed; each day keeps that order.
pub fn archive_documents(
    lang: Lang,
    summaries: &[ArticleSummary],
) -> Vec<(String, ArchiveDocument)> {
    let (days, index) = archive_days(lang, summaries);
    let mut out: Vec<(String, ArchiveDocument)> = days
        .into_iter()
        .map(|(path, mut day, items)| {
            day.items = items.iter().map(|&item| summaries[item].clone()).collect();
            (path, ArchiveDocument::Day(day))
        })
        .collect();
    out.push(index);
    out
}

/// [`archive_documents`] with each day's list of summaries left empty
/// and given as positions in `summaries` instead (so a day that is not
/// made again clones nothing), then the index.
#[allow(clippy::type_complexity)]
pub fn archive_days(
    lang: Lang,
    summaries: &[ArticleSummary],
) -> (
    Vec<(String, NewsDay, Vec<usize>)>,
    (String, ArchiveDocument),
) {
    let mut days: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
    for (item, summary) in summaries.iter().enumerate() {
        days.entry(summary.published.date()).or_default().push(item);
    }
    let dates: Vec<Date> = days.keys().copied().collect();
    let mut index = NewsArchive {
        days: Vec::with_capacity(days.len()),
    };
    let mut out = Vec::with_capacity(days.len());
    for (position, (date, items)) in days.into_iter().enumerate() {
        index.days.push(ArchiveDay {
            date: date.to_string(),
            count: u32::try_from(items.len()).unwrap_or(u32::MAX),
        });
        let document = NewsDay {
            date: date.to_string(),
            items: Vec::new(),
            previous: position.checked_sub(1).map(|i| dates[i].to_string()),
            next: dates.get(position + 1).map(Date::to_string),
        };
        out.push((paths::news_day(lang, date), document, items));
    }
    let index = (paths::news_archive(lang), ArchiveDocument::Index(index));
    (out, index)
}

/// One archive document, ready to serialise.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum ArchiveDocument {
    Day(NewsDay),
    Index(NewsArchive),
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use portal_contract::{CategoryRef, Image, Timestamp};

    /// A summary titled like its slug (also used by other modules' tests).
    pub(crate) fn summary(slug: &str, published: &str) -> ArticleSummary {
        ArticleSummary {
            slug: slug.into(),
            title: slug.into(),
            lead: String::new(),
            category: CategoryRef {
                slug: "culture".into(),
                name: "Culture".into(),
            },
            published: Timestamp::parse(published).unwrap(),
            hero: Image {
                src: "media/a.svg".into(),
                width: 1,
                height: 1,
                alt: "a".into(),
                caption: None,
                credit: None,
                photo: None,
            },
        }
    }

    #[test]
    fn days_link_their_neighbours_and_keep_the_feed_order() {
        let feed = [
            summary("late", "2026-10-14T18:00:00+03:00"),
            summary("early", "2026-10-14T09:00:00+03:00"),
            // Just after midnight in Minsk: the 12th, though UTC says the 11th.
            summary("night", "2026-10-12T00:30:00+03:00"),
            summary("first", "2026-10-01T10:00:00+03:00"),
        ];
        let docs = archive_documents(Lang::En, &feed);
        let paths: Vec<&str> = docs.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "en/news/archive/2026-10-01.json",
                "en/news/archive/2026-10-12.json",
                "en/news/archive/2026-10-14.json",
                "en/news/archive/index.json"
            ]
        );
        let ArchiveDocument::Day(middle) = &docs[1].1 else {
            panic!()
        };
        assert_eq!(middle.previous.as_deref(), Some("2026-10-01"));
        assert_eq!(middle.next.as_deref(), Some("2026-10-14"));
        let ArchiveDocument::Day(last) = &docs[2].1 else {
            panic!()
        };
        let slugs: Vec<&str> = last.items.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs, ["late", "early"]);
        assert_eq!(last.next, None);
        let ArchiveDocument::Index(index) = &docs[3].1 else {
            panic!()
        };
        assert_eq!(index.days.len(), 3);
        assert_eq!(index.days[2].count, 2);
    }
}
