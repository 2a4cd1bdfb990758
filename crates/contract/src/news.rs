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
