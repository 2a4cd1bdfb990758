//! The partner widgets' frame: what `/embed/{widget}` runs inside a
//! partner's iframe.
//!
//! Deliberately not the Leptos app: everything a widget loads must stay
//! under 40 KB brotli, and the app alone is several times that. It shares
//! the app's layers below the view instead — the API contract (types,
//! paths, URLs, widget options) and the i18n texts and date formats — and
//! builds its small, fixed DOM directly.
//!
//! - [`frame`]: reads the options from the URL, sets the theme, reports the
//!   height to the embedding page.
//! - [`load`]: fetches one API document, with a timeout.
//! - [`read`]: reads the browser-parsed JSON into the contract's types.
//! - [`dom`]: a tiny element builder (text only, never HTML).
//! - [`news`], [`events`], [`site`]: one widget each.
//! - `bump`: the allocator (never frees; the frame allocates little).

#[cfg(target_arch = "wasm32")]
mod bump;
pub mod dom;
pub mod events;
pub mod frame;
pub mod load;
pub mod news;
pub mod read;
pub mod site;

use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: bump::Bump = bump::Bump::new();

/// Runs when the frame's module loads.
#[wasm_bindgen(start)]
pub fn start() {
    frame::run();
}
