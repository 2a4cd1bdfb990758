//! Hands a file the app made (a GPX, KML or iCalendar export) to the
//! browser as a download: a Blob behind a temporary object URL, revoked a
//! moment after the click has started the download.

/// The browser could not make the file; nothing was downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DownloadFailed;

/// Starts downloading `text` as `file_name`.
#[cfg(not(feature = "ssr"))]
pub fn download(file_name: &str, media_type: &str, text: &str) -> Result<(), DownloadFailed> {
    use std::time::Duration;

    use wasm_bindgen::JsCast;

    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadFailed)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{media_type};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadFailed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadFailed)?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return Err(DownloadFailed);
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}

/// Prerendering never downloads.
#[cfg(feature = "ssr")]
pub fn download(_file_name: &str, _media_type: &str, _text: &str) -> Result<(), DownloadFailed> {
    Err(DownloadFailed)
}
