//! The only way into the content API. Route views call these functions;
//! each returns the contract type or one [`ApiError`].

mod client;
mod error;

pub use client::{ApiClient, REQUEST_TIMEOUT_MS};
pub use error::ApiError;

use leptos::prelude::*;
use portal_contract::{paths, Article, CategoryList, Lang, NewsPage};

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
}
