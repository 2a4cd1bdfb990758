//! Texts of the files the publisher writes for other programs: the news
//! feeds (RSS) and the subscribable event calendars (iCalendar). Feed
//! readers and calendar apps show them as the name and description of a
//! subscription. Kept apart from [`crate::Texts`]: the app never shows them.
//!
//! A feed's title is the app's page title of the same view (`News — Belarus
//! Portal`), built from `Texts`; only what has no page is here.

use portal_contract::Lang;

/// `{category}` is the category's name in the same language.
pub struct FeedTexts {
    /// The description of the feed of all news.
    pub news_feed_description: &'static str,
    /// The description of one category's news feed.
    pub news_category_feed_description: &'static str,
    /// The name of the calendar of every upcoming event.
    pub events_calendar_name: &'static str,
    /// The name of one category's calendar.
    pub events_category_calendar_name: &'static str,
    /// The name of one region's calendar; `{region}` is the region's name.
    pub events_region_calendar_name: &'static str,
}

const EN: FeedTexts = FeedTexts {
    news_feed_description: "The latest news from Belarus.",
    news_category_feed_description: "The latest news from Belarus: {category}.",
    events_calendar_name: "Events in Belarus",
    events_category_calendar_name: "Events in Belarus: {category}",
    events_region_calendar_name: "Events in Belarus: {region}",
};

const RU: FeedTexts = FeedTexts {
    news_feed_description: "Последние новости Беларуси.",
    news_category_feed_description: "Последние новости Беларуси: {category}.",
    events_calendar_name: "События в Беларуси",
    events_category_calendar_name: "События в Беларуси: {category}",
    events_region_calendar_name: "События в Беларуси: {region}",
};

const BE: FeedTexts = FeedTexts {
    news_feed_description: "Апошнія навіны Беларусі.",
    news_category_feed_description: "Апошнія навіны Беларусі: {category}.",
    events_calendar_name: "Падзеі ў Беларусі",
    events_category_calendar_name: "Падзеі ў Беларусі: {category}",
    events_region_calendar_name: "Падзеі ў Беларусі: {region}",
};

/// The feed texts of `lang`.
pub fn feed_texts(lang: Lang) -> &'static FeedTexts {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Be => &BE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_category() {
        for lang in Lang::ALL {
            let t = feed_texts(lang);
            for template in [
                t.news_category_feed_description,
                t.events_category_calendar_name,
            ] {
                assert_eq!(template.matches("{category}").count(), 1, "{lang}");
            }
            assert_eq!(
                t.events_region_calendar_name.matches("{region}").count(),
                1,
                "{lang}"
            );
            for text in [t.news_feed_description, t.events_calendar_name] {
                assert!(!text.is_empty() && !text.contains('{'), "{lang}");
            }
        }
    }
}
