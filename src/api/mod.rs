//! The only way into the content API. Route views call these functions;
//! each returns the contract type or one [`ApiError`].

#[cfg(not(feature = "ssr"))]
mod client;
mod error;
#[cfg(feature = "ssr")]
mod published;
mod resource;
pub mod search;

#[cfg(not(feature = "ssr"))]
pub use client::{ApiClient, REQUEST_TIMEOUT_MS};
pub use error::ApiError;
#[cfg(feature = "ssr")]
pub use published::{ApiClient, REQUEST_TIMEOUT_MS};
pub use resource::ApiResource;

use leptos::prelude::*;
use portal_calendar::{Date, YearMonth};
use portal_contract::{
    paths, Article, CategoryList, Event, EventsIndex, Lang, MonthBucket, NewsArchive,
    NewsArchiveYear, NewsArchiveYears, NewsDay, NewsPage, RegionShapes, Site, SiteIndex,
    UpcomingEvents,
};

/// The archive calendar's first documents (`ApiClient::archive_calendar`).
#[derive(Clone, Debug, PartialEq)]
pub struct ArchiveCalendarData {
    pub years: NewsArchiveYears,
    /// The days of the year the calendar opens on, if it has news.
    pub shown: Option<NewsArchiveYear>,
}

/// The client the app was started with (see `app::App`).
pub fn use_api() -> ApiClient {
    use_context::<ApiClient>().unwrap_or_else(|| ApiClient::new(crate::config::DEFAULT_API_BASE))
}

impl ApiClient {
    pub async fn news_page(
        &self,
        lang: Lang,
        category: Option<&str>,
        page: u32,
    ) -> Result<NewsPage, ApiError> {
        self.get_json(&paths::feed_page(lang, category, page)).await
    }

    pub async fn article(&self, lang: Lang, slug: &str) -> Result<Article, ApiError> {
        self.get_json(&paths::article(lang, slug)).await
    }

    pub async fn categories(&self, lang: Lang) -> Result<CategoryList, ApiError> {
        self.get_json(&paths::categories(lang)).await
    }

    pub async fn events_index(&self, lang: Lang) -> Result<EventsIndex, ApiError> {
        self.get_json(&paths::events_index(lang)).await
    }

    pub async fn events_month(
        &self,
        lang: Lang,
        month: YearMonth,
    ) -> Result<MonthBucket, ApiError> {
        self.get_json(&paths::events_month(lang, month)).await
    }

    pub async fn events_upcoming(&self, lang: Lang) -> Result<UpcomingEvents, ApiError> {
        self.get_json(&paths::events_upcoming(lang)).await
    }

    pub async fn event(&self, lang: Lang, slug: &str) -> Result<Event, ApiError> {
        self.get_json(&paths::event(lang, slug)).await
    }

    pub async fn news_archive_year(
        &self,
        lang: Lang,
        year: i32,
    ) -> Result<NewsArchiveYear, ApiError> {
        // Read with the index's reader (its `days`, the same entries; the
        // year is the one asked for): one decoder fewer in the app's wasm.
        let archive: NewsArchive = self.get_json(&paths::news_archive_year(lang, year)).await?;
        Ok(NewsArchiveYear {
            year,
            days: archive.days,
        })
    }

    /// What the archive calendar opens with: the years with news and the
    /// days of `year` (or, without one, of the latest year with news). A
    /// year without news has no document: its days are `None`.
    pub async fn archive_calendar(
        &self,
        lang: Lang,
        year: Option<i32>,
    ) -> Result<ArchiveCalendarData, ApiError> {
        let (years, shown) = match year {
            // Both at once: the year is known before the list of years.
            Some(year) => {
                let (years, shown) = futures::future::join(
                    self.get_json::<NewsArchiveYears>(&paths::news_archive_years(lang)),
                    self.news_archive_year(lang, year),
                )
                .await;
                let shown = match shown {
                    Ok(shown) => Some(shown),
                    Err(ApiError::NotFound) => None,
                    Err(error) => return Err(error),
                };
                (years?, shown)
            }
            None => {
                let years: NewsArchiveYears =
                    self.get_json(&paths::news_archive_years(lang)).await?;
                let shown = match years.years.last() {
                    Some(latest) => Some(self.news_archive_year(lang, latest.year).await?),
                    None => None,
                };
                (years, shown)
            }
        };
        Ok(ArchiveCalendarData { years, shown })
    }

    pub async fn news_day(&self, lang: Lang, date: Date) -> Result<NewsDay, ApiError> {
        self.get_json(&paths::news_day(lang, date)).await
    }

    pub async fn sites_index(&self, lang: Lang) -> Result<SiteIndex, ApiError> {
        self.get_json(&paths::sites_index(lang)).await
    }

    pub async fn site(&self, lang: Lang, slug: &str) -> Result<Site, ApiError> {
        self.get_json(&paths::site(lang, slug)).await
    }

    pub async fn region_shapes(&self) -> Result<RegionShapes, ApiError> {
        self.get_json(&paths::region_shapes()).await
    }
}
