//! Each route view's code is its own wasm chunk, downloaded when the reader
//! first goes there (or earlier: see `prefetch`), so the first load carries
//! only the shell and the one view it shows.
//!
//! `wasm_split` marks the split points; the post-build step
//! (tools/post-build/split-app.mjs) cuts the linked wasm at them. A chunk that
//! cannot be downloaded shows the error view, whose Retry downloads it again
//! (the loader keeps only successes), instead of aborting the app.
//! Natively (prerendering) the functions are plain calls.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::api::ApiError;
use crate::components::error_view::ErrorView;

type ChunkLoad = fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Declares `$route` (a `LazyRoute` for the router) whose view is `$page`,
/// split into chunk `$chunk`, with `$preload` fetching the chunk alone.
// rustfmt indents the split attribute further on every run (not idempotent
// inside macro_rules), so this macro is left as written.
#[rustfmt::skip]
macro_rules! lazy_page {
    ($route:ident, $module:ident, $chunk:ident, $preload:ident, $page:path) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                load_or_offer_retry(|| Box::pin($chunk())).await
            }

            async fn preload() {
                // A failed prefetch is not an error the reader sees: going
                // to the page tries again and shows it if it fails there.
                let _ = $preload().await;
            }
        }

        #[leptos::wasm_split::wasm_split(
            $module,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload),
            fallible
        )]
        fn $chunk() -> Result<AnyView, SplitLoaderError> {
            use $page as Page;
            Ok(view! { <Page/> }.into_any())
        }
    };
}

lazy_page!(
    HomeRoute,
    news,
    home_page,
    preload_home,
    crate::pages::home::HomePage
);
lazy_page!(
    NewsFeedRoute,
    news,
    news_feed_page,
    preload_news_feed,
    crate::pages::news_feed::NewsFeedPage
);
lazy_page!(
    NewsDayRoute,
    news,
    news_day_page,
    preload_news_day,
    crate::pages::news_day::NewsDayPage
);
lazy_page!(
    ArticleRoute,
    news,
    article_page,
    preload_article,
    crate::pages::article::ArticlePage
);
lazy_page!(
    EventsRoute,
    events,
    events_page,
    preload_events,
    crate::pages::events::EventsPage
);
lazy_page!(
    EventRoute,
    events,
    event_page,
    preload_event,
    crate::pages::event::EventPage
);
lazy_page!(
    SitesRoute,
    guide,
    sites_page,
    preload_sites,
    crate::pages::sites::SitesPage
);
lazy_page!(
    SiteRoute,
    guide,
    site_page,
    preload_site,
    crate::pages::site::SitePage
);
lazy_page!(
    SavedRoute,
    saved,
    saved_page,
    preload_saved,
    crate::pages::saved::SavedPage
);
lazy_page!(
    PartnersRoute,
    more,
    partners_page,
    preload_partners,
    crate::pages::partners::PartnersPage
);
lazy_page!(
    SearchRoute,
    more,
    search_page,
    preload_search,
    crate::pages::search::SearchPage
);

/// The page, or, when its chunk does not arrive, the error view whose Retry
/// asks for it again.
async fn load_or_offer_retry(load: ChunkLoad) -> AnyView {
    match load().await {
        Ok(page) => page,
        Err(_) => view! { <ChunkRetry load/> }.into_any(),
    }
}

/// The error view for a chunk that did not arrive; Retry loads it again in
/// place.
#[component]
fn ChunkRetry(load: ChunkLoad) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    move || {
        if attempt.get() == 0 {
            return chunk_error(attempt).into_any();
        }
        // The loader is a browser future (not `Send`); this is the browser.
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match load().await {
                Ok(page) => page,
                Err(_) => chunk_error(attempt).into_any(),
            }
        }))
        .into_any()
    }
}

fn chunk_error(attempt: RwSignal<u32>) -> impl IntoView {
    // Code that does not arrive is a network failure to the reader: the
    // same words, and offline the same way to the saved articles.
    let error = ApiError::Network("this page's code could not be downloaded".to_string());
    view! {
        <ErrorView error on_retry=move |()| attempt.try_update(|n| *n += 1).unwrap_or(())/>
    }
}

/// Fetches (and links) the code of `view` without showing it. Whether it
/// arrived; a failure is left for the navigation to report.
pub async fn preload(view: crate::lazy_view::LazyView) -> bool {
    use crate::lazy_view::LazyView;
    let loaded = match view {
        LazyView::Home => preload_home().await,
        LazyView::NewsFeed => preload_news_feed().await,
        LazyView::NewsDay => preload_news_day().await,
        LazyView::Article => preload_article().await,
        LazyView::Events => preload_events().await,
        LazyView::Event => preload_event().await,
        LazyView::Sites => preload_sites().await,
        LazyView::Site => preload_site().await,
        LazyView::Saved => preload_saved().await,
        LazyView::Partners => preload_partners().await,
        LazyView::Search => preload_search().await,
    };
    loaded.is_ok()
}
