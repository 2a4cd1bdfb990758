//! Portal's reader-facing app: a Leptos client-side-rendered WebAssembly app.
//! See ARCHITECTURE.md for the map; in short:
//!
//! - [`app`]: the router, the language layout and the page shell.
//! - [`api`]: the only code that talks to the content API.
//! - [`pages`]: one file per route view; views fetch, components render.
//! - [`components`]: shared UI that receives data and never fetches.
//! - [`i18n`], [`focus`], [`config`]: reader language, focus after
//!   navigation, start-up configuration.
//! - [`pwa`], [`saved`]: the service worker (registration, online state,
//!   updates) and the articles, places and events saved for offline use;
//!   [`download`] hands the files a reader exports to the browser.

// The server renderer's view types nest deeply (`ssr`).
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod attached;
pub mod clock;
pub mod components;
pub mod config;
pub mod download;
pub mod focus;
#[cfg(feature = "csr")]
pub mod handover;
pub mod i18n;
pub mod lazy_pages;
pub mod lazy_view;
pub mod near_me;
pub mod page_url;
pub mod pages;
#[cfg(feature = "csr")]
pub mod prefetch;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod pwa;
pub mod saved;
pub mod scroll;

/// Mounts the app (taking over a prerendered page, see [`handover`]). A panic is logged to the console with its
/// message instead of an opaque `unreachable` trap.
#[cfg(feature = "csr")]
pub fn start() {
    console_error_panic_hook::set_once();
    handover::mount(app::App);
}
