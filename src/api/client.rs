//! Fetching JSON documents with a deadline, mapping every failure to
//! [`ApiError`]. Nothing from the network is unwrapped.

use futures::future::{select, Either};
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use serde::de::DeserializeOwned;

use super::ApiError;

thread_local! {
    /// URLs whose last request failed; see [`ApiClient::get_json`].
    static FAILED: std::cell::RefCell<std::collections::HashSet<String>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// A request that has not answered after this long is aborted.
pub const REQUEST_TIMEOUT_MS: u32 = 8_000;

/// The content API at one base URL (read from `index.html` at start-up).
/// `Copy`: views hand it to their loaders without clones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiClient {
    base: &'static str,
}

impl ApiClient {
    /// The base is kept for the page's life (one client per page load, or
    /// per test), so it is leaked on purpose.
    pub fn new(base: impl Into<String>) -> ApiClient {
        ApiClient {
            base: Box::leak(base.into().into_boxed_str()),
        }
    }

    /// Whether this API is on the page's own origin, where the service
    /// worker can keep its documents for offline reading.
    pub fn is_same_origin(&self) -> bool {
        web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .is_some_and(|origin| portal_contract::paths::is_same_origin(self.base, &origin))
    }

    /// The absolute URL of an API path or an image `src`.
    pub fn url(&self, path: &str) -> String {
        portal_contract::paths::resolve(self.base, path)
    }

    /// GETs `path` under the base and decodes it as `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let url = self.url(path);
        let result = match self.get_text(&url).await {
            Ok(text) => {
                serde_json::from_str(&text).map_err(|err| ApiError::Decode(err.to_string()))
            }
            Err(NoText::Failed(error)) => Err(error),
            // Nobody waits for this answer (the view left or asked again):
            // not a failure of the document, so it is not marked below.
            Err(NoText::Abandoned) => {
                return Err(ApiError::Network("the request was cancelled".to_string()))
            }
        };
        // A document that failed is asked for again past every cache (the
        // service worker's stale copy may be the broken one): Retry always
        // reaches the server.
        FAILED.with_borrow_mut(|failed| match &result {
            Ok(_) => failed.remove(&url),
            Err(_) => failed.insert(url),
        });
        result
    }

    async fn get_text(&self, url: &str) -> Result<String, NoText> {
        let controller = web_sys::AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        // The request ends with whoever asked for it: a view's resource runs
        // this inside its own reactive owner, which is cleaned up when the
        // view goes away or fetches again; a dropped future (a lost race, a
        // passed deadline) aborts too. Aborting a finished request does nothing.
        let _abort_on_drop = AbortOnDrop(controller.clone());
        if let Some(controller) = controller.clone() {
            let controller = send_wrapper::SendWrapper::new(controller);
            leptos::prelude::on_cleanup(move || controller.abort());
        }
        let cache = if FAILED.with_borrow(|failed| failed.contains(url)) {
            web_sys::RequestCache::NoStore
        } else {
            web_sys::RequestCache::Default
        };
        let request = Request::get(url)
            .header("Accept", "application/json")
            .cache(cache)
            .abort_signal(signal.as_ref());
        // A network error after our own abort is the view leaving, not the
        // network failing. (A passed deadline returns before aborting.)
        let network = |err: gloo_net::Error| {
            if signal.as_ref().is_some_and(|signal| signal.aborted()) {
                NoText::Abandoned
            } else {
                NoText::Failed(ApiError::Network(err.to_string()))
            }
        };
        let send = Box::pin(request.send());
        let deadline = TimeoutFuture::new(REQUEST_TIMEOUT_MS);
        let response = match select(send, deadline).await {
            Either::Left((result, _)) => result.map_err(network)?,
            Either::Right(((), _)) => return Err(NoText::Failed(ApiError::Timeout)),
        };
        match response.status() {
            200..=299 => {}
            404 | 410 => return Err(NoText::Failed(ApiError::NotFound)),
            status => return Err(NoText::Failed(ApiError::Status(status))),
        }
        // Static hosts that answer every unknown path with the app's
        // index.html (an SPA fallback) say "200 text/html" for a missing
        // document: that is a missing document, not broken JSON.
        let content_type = response.headers().get("content-type").unwrap_or_default();
        if content_type.starts_with("text/html") {
            return Err(NoText::Failed(ApiError::NotFound));
        }
        // The body has its own deadline: a server may send headers and stall.
        let body = Box::pin(async move { response.text().await });
        match select(body, TimeoutFuture::new(REQUEST_TIMEOUT_MS)).await {
            Either::Left((text, _)) => text.map_err(network),
            Either::Right(_) => Err(NoText::Failed(ApiError::Timeout)),
        }
    }
}

/// Why `get_text` has no text: the document failed (see `get_json`), or
/// nobody waits for it any more.
enum NoText {
    Failed(ApiError),
    Abandoned,
}

/// Aborts the request when the fetch that owns it is dropped.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}
