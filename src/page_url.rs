//! The page's own address, for share links, calendar links and Open Graph.
//! In the browser it is `location`; while prerendering (`ssr`) it is the
//! public URL being rendered, provided by `prerender::render_page`.

/// The public address a page is prerendered at.
#[derive(Clone, Debug)]
pub struct PrerenderUrl {
    /// `https://portal.example.by`, no trailing slash.
    pub origin: String,
    /// `/en/news/slug`.
    pub path: String,
}

/// The page's origin (`https://host`), if known.
pub fn origin() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<PrerenderUrl>().map(|url| url.origin)
    }
    #[cfg(not(feature = "ssr"))]
    {
        web_sys::window().and_then(|w| w.location().origin().ok())
    }
}

/// The page's full URL, if known.
pub fn href() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<PrerenderUrl>()
            .map(|url| format!("{}{}", url.origin, url.path))
    }
    #[cfg(not(feature = "ssr"))]
    {
        web_sys::window().and_then(|w| w.location().href().ok())
    }
}
