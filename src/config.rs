//! Start-up configuration read from `index.html`, so one build serves every
//! deployment: operators change a `<meta>` tag, not the wasm.

pub use portal_contract::paths::DEFAULT_API_BASE;

/// The API base from `<meta name="portal-api-base" content="…">`, without a
/// trailing slash; [`DEFAULT_API_BASE`] when the tag is missing or empty.
pub fn api_base_from_document() -> String {
    let content = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name='portal-api-base']")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .map(|base| base.trim().trim_end_matches('/').to_string())
        .filter(|base| !base.is_empty());
    content.unwrap_or_else(|| DEFAULT_API_BASE.to_string())
}
