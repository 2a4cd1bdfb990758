//! The news archive: one document per day that has news, with links to the
//! neighbouring days; the index of those days; and for the archive calendar
//! the years that have news and each year's days (what the calendar loads,
//! so that it does not fetch twenty years of days to show one month).

use std::collections::BTreeMap;

use portal_calendar::Date;
use portal_contract::{
    paths, ArchiveDay, ArchiveYear, ArticleSummary, Lang, NewsArchive, NewsArchiveYear,
    NewsArchiveYears, NewsDay,
};

/// `(path, document)` pairs of the archive of one language. `summaries`
/// are newest first, as in the feed; each day keeps that order.
pub fn archive_documents(
    lang: Lang,
    summaries: &[ArticleSummary],
) -> Vec<(String, ArchiveDocument)> {
    let (days, listings) = archive_days(lang, summaries);
    let mut out: Vec<(String, ArchiveDocument)> = days
        .into_iter()
        .map(|(path, mut day, items)| {
            day.items = items.iter().map(|&item| summaries[item].clone()).collect();
            (path, ArchiveDocument::Day(day))
        })
        .collect();
    out.extend(listings);
    out
}

/// [`archive_documents`] with each day's list of summaries left empty
/// and given as positions in `summaries` instead (so a day that is not
/// made again clones nothing), then the listings: the index of days, the
/// years, and each year's days.
#[allow(clippy::type_complexity)]
pub fn archive_days(
    lang: Lang,
    summaries: &[ArticleSummary],
) -> (
    Vec<(String, NewsDay, Vec<usize>)>,
    Vec<(String, ArchiveDocument)>,
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
    let mut listings = by_year(lang, &index.days);
    listings.insert(
        0,
        (paths::news_archive(lang), ArchiveDocument::Index(index)),
    );
    (out, listings)
}

/// `years.json` and one document per year, from the index's days (oldest
/// first).
fn by_year(lang: Lang, days: &[ArchiveDay]) -> Vec<(String, ArchiveDocument)> {
    let mut years: Vec<NewsArchiveYear> = Vec::new();
    for day in days {
        // `yyyy-mm-dd` as the index writes it.
        let Some(year) = day.date.get(..4).and_then(|year| year.parse::<i32>().ok()) else {
            continue;
        };
        match years.last_mut() {
            Some(current) if current.year == year => current.days.push(day.clone()),
            _ => years.push(NewsArchiveYear {
                year,
                days: vec![day.clone()],
            }),
        }
    }
    let summary = NewsArchiveYears {
        years: years
            .iter()
            .filter_map(|year| {
                Some(ArchiveYear {
                    year: year.year,
                    first: year.days.first()?.date.clone(),
                    last: year.days.last()?.date.clone(),
                    days: u32::try_from(year.days.len()).unwrap_or(u32::MAX),
                    articles: year.days.iter().map(|day| day.count).sum(),
                })
            })
            .collect(),
    };
    let mut out = vec![(
        paths::news_archive_years(lang),
        ArchiveDocument::Years(summary),
    )];
    out.extend(years.into_iter().map(|year| {
        (
            paths::news_archive_year(lang, year.year),
            ArchiveDocument::Year(year),
        )
    }));
    out
}

/// One archive document, ready to serialise.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum ArchiveDocument {
    Day(NewsDay),
    Index(NewsArchive),
    Years(NewsArchiveYears),
    Year(NewsArchiveYear),
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
                "en/news/archive/index.json",
                "en/news/archive/years.json",
                "en/news/archive/year/2026.json",
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
        let ArchiveDocument::Year(year) = &docs[5].1 else {
            panic!()
        };
        assert_eq!(year.days, index.days);
    }

    #[test]
    fn each_year_lists_its_days_and_the_years_their_bounds() {
        let feed = [
            summary("new-year", "2026-01-01T00:10:00+03:00"),
            // 31 December in Minsk, though UTC says 30 December.
            summary("eve", "2024-12-31T01:00:00+03:00"),
            summary("eve-2", "2024-12-31T20:00:00+03:00"),
            summary("spring", "2024-03-08T10:00:00+03:00"),
        ];
        let docs = archive_documents(Lang::Ru, &feed);
        let find = |path: &str| &docs.iter().find(|(p, _)| p == path).expect(path).1;
        let ArchiveDocument::Years(years) = find("ru/news/archive/years.json") else {
            panic!()
        };
        assert_eq!(
            years.years,
            [
                ArchiveYear {
                    year: 2024,
                    first: "2024-03-08".into(),
                    last: "2024-12-31".into(),
                    days: 2,
                    articles: 3,
                },
                ArchiveYear {
                    year: 2026,
                    first: "2026-01-01".into(),
                    last: "2026-01-01".into(),
                    days: 1,
                    articles: 1,
                },
            ]
        );
        let ArchiveDocument::Year(year) = find("ru/news/archive/year/2024.json") else {
            panic!()
        };
        let dates: Vec<&str> = year.days.iter().map(|day| day.date.as_str()).collect();
        assert_eq!(dates, ["2024-03-08", "2024-12-31"]);
        assert!(!docs
            .iter()
            .any(|(path, _)| path.ends_with("year/2025.json")));
    }
}
