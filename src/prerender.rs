//! Prerendering (`ssr` only): one public URL rendered to HTML by the very
//! views the browser runs (`app::AppRoutes`), reading the published files
//! instead of fetching. `crates/prerender` decides which URLs and writes
//! the pages; this module only renders one.

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::api::ApiClient;
use crate::page_url::PrerenderUrl;

/// One rendered page, in the pieces the page template needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPage {
    /// `<html>`'s attributes as rendered (` lang="ru"`).
    pub html_attributes: String,
    /// `<title>` and the `<meta>`/`<link>` tags the views registered.
    pub head: String,
    /// The body's content: skip link, header, main, footer.
    pub body: String,
}

thread_local! {
    /// Every task of a render runs on this thread: views hold values that
    /// must be dropped where they were made (node refs), so no thread pool.
    static POOL: std::cell::RefCell<futures::executor::LocalPool> =
        std::cell::RefCell::new(futures::executor::LocalPool::new());
    static SPAWNER: futures::executor::LocalSpawner = POOL.with_borrow(|pool| pool.spawner());
}

/// The single-threaded executor renders run on (see [`POOL`]).
struct ThisThread;

impl any_spawner::CustomExecutor for ThisThread {
    fn spawn(&self, task: any_spawner::PinnedFuture<()>) {
        self.spawn_local(task);
    }

    fn spawn_local(&self, task: any_spawner::PinnedLocalFuture<()>) {
        use futures::task::LocalSpawnExt;
        // Fails only while the pool shuts down, when nothing waits for it.
        let _ = SPAWNER.with(|spawner| spawner.spawn_local(task));
    }

    fn poll_local(&self) {
        POOL.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Sets up the executor the views' rendering runs on; once per thread.
pub fn init() {
    // The spawner is made before any render borrows the pool.
    SPAWNER.with(|_| ());
    // An error means it is set up already.
    let _ = any_spawner::Executor::init_local_custom_executor(ThisThread);
}

/// Runs `future` and every task it spawns on this thread, to completion.
fn run<T>(future: impl std::future::Future<Output = T>) -> T {
    POOL.with_borrow_mut(|pool| pool.run_until(future))
}

/// Renders `url` (an origin and a path; no query) at `now` (seconds since
/// the epoch: "today" for the calendar and upcoming events).
pub fn render_page(api: ApiClient, url: PrerenderUrl, now: i64) -> RenderedPage {
    crate::clock::set_prerender_now(now);
    let owner = Owner::new();
    let page = owner.with(|| {
        leptos_meta::provide_meta_context();
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        provide_context(RequestUrl::new(&url.path));
        provide_context(api);
        provide_context(url);
        let html = run(async move {
            let body = view! { <crate::app::AppRoutes/> }
                .to_html_stream_in_order()
                .collect::<String>()
                .await;
            // Every view has run now, so every tag is registered: leptos_meta
            // writes them into the (otherwise empty) head of this document.
            let head = futures::stream::once(async { "<html><head></head><body>".to_string() });
            let head = meta_output
                .inject_meta_context(Box::pin(head))
                .await
                .collect::<String>()
                .await;
            head + &body
        });
        split_document(&html)
    });
    owner.unset();
    page
}

/// `<html ATTRS><head>HEAD</head><body>BODY` → its three parts.
fn split_document(html: &str) -> RenderedPage {
    let after_html = html.strip_prefix("<html").unwrap_or(html);
    let (html_attributes, rest) = after_html.split_once('>').unwrap_or(("", after_html));
    let rest = rest.strip_prefix("<head>").unwrap_or(rest);
    let (head, body) = rest.split_once("</head><body>").unwrap_or(("", rest));
    RenderedPage {
        html_attributes: html_attributes.to_string(),
        head: head.to_string(),
        body: body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_rendered_document() {
        let page =
            split_document(r#"<html lang="ru"><head><title>T</title></head><body><main>x</main>"#);
        assert_eq!(page.html_attributes, r#" lang="ru""#);
        assert_eq!(page.head, "<title>T</title>");
        assert_eq!(page.body, "<main>x</main>");
    }
}
