//! Fetches one API document and reads it. Every failure (no network, a hung
//! request, a 404 or 500, malformed JSON, a document of the wrong shape) is
//! a [`LoadError`], never a panic.

use portal_contract::paths;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// How long a request may take before the widget gives up.
const TIMEOUT_MS: i32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadError {
    /// The document does not exist (an unknown category or site).
    NotFound,
    /// Anything else: offline, timeout, server error, bad JSON.
    Failed,
}

/// The API base from the frame's `<meta name="portal-api-base">` (the
/// build copies the app's tag), read as the app's `config.rs` does.
fn api_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name='portal-api-base']")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .map(|base| base.trim().trim_end_matches('/').to_string())
        .filter(|base| !base.is_empty())
        .unwrap_or_else(|| paths::DEFAULT_API_BASE.to_string())
}

/// The URL of an API path or image `src`, as the frame must request it.
pub fn api_url(path: &str) -> String {
    paths::resolve(&api_base(), path)
}

/// Fetches the document at the API `path` and reads it with `read` (one of
/// [`crate::read`]'s functions).
pub async fn document<T>(path: &str, read: fn(&JsValue) -> Option<T>) -> Result<T, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Failed)?;
    let controller = AbortController::new().map_err(|_| LoadError::Failed)?;
    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .ok();
    let result = fetch_json(&window, &api_url(path), &init).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    read(&result?).ok_or(LoadError::Failed)
}

/// The response parsed by the browser's JSON parser.
async fn fetch_json(
    window: &web_sys::Window,
    url: &str,
    init: &RequestInit,
) -> Result<JsValue, LoadError> {
    let response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(|_| LoadError::Failed)?;
    let response: Response = response.dyn_into().map_err(|_| LoadError::Failed)?;
    if response.status() == 404 {
        return Err(LoadError::NotFound);
    }
    if !response.ok() {
        return Err(LoadError::Failed);
    }
    let json = response.json().map_err(|_| LoadError::Failed)?;
    JsFuture::from(json).await.map_err(|_| LoadError::Failed)
}
