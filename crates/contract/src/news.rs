//! News: articles, their summaries, feed pages and categories.

use serde::{Deserialize, Serialize};

use crate::{Block, Image, Lang, Timestamp};

/// A category as shown on an article or card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryRef {
    pub slug: String,
    /// The name in the document's language.
    pub name: String,
}

/// What a feed card needs: everything but the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub lead: String,
    pub category: CategoryRef,
    pub published: Timestamp,
    pub hero: Image,
}

/// `{lang}/news/{slug}.json`: one article in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub lead: String,
    pub category: CategoryRef,
    pub published: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    pub hero: Image,
    pub body: Vec<Block>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// A few other articles in the same language, most related first.
    #[serde(default)]
    pub related: Vec<ArticleSummary>,
    /// Every language this article exists in, including this one.
    pub translations: Vec<Lang>,
}

/// `{lang}/news/page/{n}.json` and `{lang}/news/category/{slug}/page/{n}.json`:
/// one page of the feed, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsPage {
    /// 1-based.
    pub page: u32,
    pub total_pages: u32,
    pub total_items: u32,
    pub page_size: u32,
    /// The category slug when this is a category feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub items: Vec<ArticleSummary>,
}

/// A category with its name and article count in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    /// Articles in this language; a category with none is still listed.
    pub count: u32,
}

/// `{lang}/categories.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryList {
    pub categories: Vec<Category>,
}

/// `{lang}/news/archive/{yyyy-mm-dd}.json`: every article of one day (on
/// the newsroom's clock), newest first, with the neighbouring days that
/// have news. Published only for days with news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsDay {
    /// `yyyy-mm-dd`.
    pub date: String,
    pub items: Vec<ArticleSummary>,
    /// The closest earlier day with news, `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The closest later day with news, `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// One day of the archive calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArchiveDay {
    /// `yyyy-mm-dd`.
    pub date: String,
    pub count: u32,
}

/// `{lang}/news/archive/index.json`: the days that have news, oldest first
/// (one entry per day with news: 241 KB for twenty years of daily news).
/// The app's calendar reads `years.json` and a year's document instead;
/// a year's document has this shape plus its `year`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsArchive {
    pub days: Vec<ArchiveDay>,
}

impl NewsArchive {
    /// The day with news closest to `date` (ties go to the later one).
    pub fn nearest(&self, date: portal_calendar::Date) -> Option<portal_calendar::Date> {
        self.days
            .iter()
            .filter_map(|day| portal_calendar::Date::parse(&day.date))
            .min_by_key(|day| {
                (
                    (day.to_days() - date.to_days()).abs(),
                    std::cmp::Reverse(*day),
                )
            })
    }

    pub fn has(&self, date: portal_calendar::Date) -> bool {
        let key = date.to_string();
        self.days.iter().any(|day| day.date == key)
    }
}

/// One year of the archive in `{lang}/news/archive/years.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArchiveYear {
    pub year: i32,
    /// The year's first and last day with news, `yyyy-mm-dd`.
    pub first: String,
    pub last: String,
    /// How many days of the year have news, and how many articles.
    pub days: u32,
    pub articles: u32,
}

/// `{lang}/news/archive/years.json`: the years that have news, oldest
/// first. The archive calendar loads this and the days of the year it
/// shows (`year/{yyyy}.json`), so what it fetches does not grow with the
/// archive, unlike `index.json`, which lists every day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsArchiveYears {
    pub years: Vec<ArchiveYear>,
}

/// `{lang}/news/archive/year/{yyyy}.json`: the days of one year that have
/// news, oldest first (published for each year in `years.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsArchiveYear {
    pub year: i32,
    pub days: Vec<ArchiveDay>,
}

impl NewsArchiveYears {
    /// The latest day with news.
    pub fn last_day(&self) -> Option<portal_calendar::Date> {
        portal_calendar::Date::parse(&self.years.last()?.last)
    }

    pub fn has_year(&self, year: i32) -> bool {
        self.years.iter().any(|entry| entry.year == year)
    }

    /// The day with news closest to `date` (ties go to the later one),
    /// given `days`, the days of `date`'s year (`None` when the year has no
    /// news or they are not at hand: then its first and last day stand in):
    /// beyond them, the closest day can only be the last day of an earlier
    /// year or the first of a later one.
    pub fn nearest(
        &self,
        date: portal_calendar::Date,
        days: Option<&NewsArchiveYear>,
    ) -> Option<portal_calendar::Date> {
        let earlier = self
            .years
            .iter()
            .rev()
            .find(|entry| entry.year < date.year)
            .map(|entry| entry.last.as_str());
        let later = self
            .years
            .iter()
            .find(|entry| entry.year > date.year)
            .map(|entry| entry.first.as_str());
        let in_year = days
            .filter(|days| days.year == date.year)
            .into_iter()
            .flat_map(|days| days.days.iter().map(|day| day.date.as_str()));
        // The year's own first and last day count even without its days.
        let own = self
            .years
            .iter()
            .filter(|entry| entry.year == date.year)
            .flat_map(|entry| [entry.first.as_str(), entry.last.as_str()]);
        in_year
            .chain(own)
            .chain(earlier)
            .chain(later)
            .filter_map(portal_calendar::Date::parse)
            .min_by_key(|day| {
                (
                    (day.to_days() - date.to_days()).abs(),
                    std::cmp::Reverse(*day),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Inline;

    fn summary() -> ArticleSummary {
        ArticleSummary {
            slug: "mir-castle".into(),
            title: "Mir".into(),
            lead: "Lead".into(),
            category: CategoryRef {
                slug: "culture".into(),
                name: "Culture".into(),
            },
            published: Timestamp::parse("2026-10-14T09:30:00+03:00").unwrap(),
            hero: Image {
                src: "media/castle-mir.svg".into(),
                width: 1200,
                height: 675,
                alt: "Castle".into(),
                caption: None,
                credit: None,
                photo: None,
            },
        }
    }

    #[test]
    fn article_round_trips() {
        let s = summary();
        let article = Article {
            slug: s.slug.clone(),
            lang: Lang::Ru,
            title: s.title.clone(),
            lead: s.lead.clone(),
            category: s.category.clone(),
            published: s.published,
            updated: Some(Timestamp::parse("2026-10-15T10:00:00+03:00").unwrap()),
            hero: s.hero.clone(),
            body: vec![Block::Paragraph {
                content: vec![Inline::text("Hi")],
            }],
            tags: vec!["Mir".into()],
            related: vec![s],
            translations: vec![Lang::En, Lang::Ru],
        };
        let json = serde_json::to_string(&article).unwrap();
        assert_eq!(serde_json::from_str::<Article>(&json).unwrap(), article);
    }

    #[test]
    fn nearest_day_from_the_years_and_one_year_s_days() {
        let day = |date: &str| ArchiveDay {
            date: date.into(),
            count: 1,
        };
        let year = |year: i32, first: &str, last: &str| ArchiveYear {
            year,
            first: first.into(),
            last: last.into(),
            days: 2,
            articles: 2,
        };
        let years = NewsArchiveYears {
            years: vec![
                year(2020, "2020-02-01", "2020-12-30"),
                year(2022, "2022-01-02", "2022-06-01"),
            ],
        };
        let days_2022 = NewsArchiveYear {
            year: 2022,
            days: vec![day("2022-01-02"), day("2022-03-10"), day("2022-06-01")],
        };
        let d = |text| portal_calendar::Date::parse(text).unwrap();
        assert_eq!(years.last_day(), Some(d("2022-06-01")));
        assert!(years.has_year(2020) && !years.has_year(2021));
        // Within the year.
        assert_eq!(
            years.nearest(d("2022-03-01"), Some(&days_2022)),
            Some(d("2022-03-10"))
        );
        // Early in a year: its own first day, not the previous year's last.
        assert_eq!(
            years.nearest(d("2022-01-01"), Some(&days_2022)),
            Some(d("2022-01-02"))
        );
        // A year without news: the closer neighbour, the later on a tie.
        assert_eq!(years.nearest(d("2021-03-01"), None), Some(d("2020-12-30")));
        assert_eq!(years.nearest(d("2021-12-01"), None), Some(d("2022-01-02")));
        // 184 days either way.
        assert_eq!(years.nearest(d("2021-07-02"), None), Some(d("2022-01-02")));
        // Before the first year and after the last.
        assert_eq!(years.nearest(d("2010-05-05"), None), Some(d("2020-02-01")));
        assert_eq!(years.nearest(d("2030-05-05"), None), Some(d("2022-06-01")));
        // Another year's days are not taken for this year's; its first and
        // last day stand in.
        assert_eq!(
            years.nearest(d("2020-12-31"), Some(&days_2022)),
            Some(d("2020-12-30"))
        );
        assert_eq!(
            NewsArchiveYears { years: vec![] }.nearest(d("2022-01-01"), None),
            None
        );
    }

    #[test]
    fn nearest_archive_day() {
        let day = |date: &str| ArchiveDay {
            date: date.into(),
            count: 1,
        };
        let archive = NewsArchive {
            days: vec![day("2026-10-01"), day("2026-10-05"), day("2026-10-09")],
        };
        let d = |text| portal_calendar::Date::parse(text).unwrap();
        assert_eq!(archive.nearest(d("2026-10-03")), Some(d("2026-10-05")));
        assert_eq!(archive.nearest(d("2026-10-02")), Some(d("2026-10-01")));
        assert_eq!(archive.nearest(d("2030-01-01")), Some(d("2026-10-09")));
        assert!(archive.has(d("2026-10-05")) && !archive.has(d("2026-10-06")));
        assert_eq!(NewsArchive { days: vec![] }.nearest(d("2026-10-03")), None);
    }

    #[test]
    fn page_round_trips_and_wrong_shapes_fail() {
        let page = NewsPage {
            page: 2,
            total_pages: 3,
            total_items: 36,
            page_size: 12,
            category: None,
            items: vec![summary()],
        };
        let json = serde_json::to_string(&page).unwrap();
        assert!(!json.contains("category\":null"));
        assert_eq!(serde_json::from_str::<NewsPage>(&json).unwrap(), page);
        assert!(serde_json::from_str::<NewsPage>(r#"{"page":"two"}"#).is_err());
        assert!(serde_json::from_str::<NewsPage>("[]").is_err());
    }
}
