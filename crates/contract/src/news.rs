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

/// `{lang}/news/archive/index.json`: the days that have news, oldest first.
/// Small (one entry per day with news); the archive calendar loads it whole.
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
