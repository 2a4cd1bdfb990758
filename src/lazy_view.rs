//! Which lazily loaded view an address of the app shows: the prefetcher
//! (`prefetch.rs`) uses it to fetch a view's code before the reader follows
//! a link there. It mirrors the routes in `app.rs`; the tests keep the two
//! in step for every kind of address the app links to.

use portal_contract::Lang;

/// A route whose view is its own chunk (`lazy_pages.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LazyView {
    Home,
    NewsFeed,
    NewsDay,
    Article,
    Events,
    Event,
    Sites,
    Site,
    Saved,
    Partners,
    Search,
}

impl LazyView {
    /// Every view, for checks that each has its chunks (the prerenderer's
    /// `chunk_preloads`).
    pub const ALL: [Self; 11] = [
        Self::Home,
        Self::NewsFeed,
        Self::NewsDay,
        Self::Article,
        Self::Events,
        Self::Event,
        Self::Sites,
        Self::Site,
        Self::Saved,
        Self::Partners,
        Self::Search,
    ];

    /// The view at `path` (no query or fragment), or `None` for the root
    /// redirect, an unknown language or an address no view answers.
    pub fn of_path(path: &str) -> Option<Self> {
        let mut segments = path.strip_prefix('/')?.split('/');
        Lang::from_code(segments.next()?)?;
        let rest: Vec<&str> = segments.filter(|segment| !segment.is_empty()).collect();
        Some(match rest.as_slice() {
            [] => Self::Home,
            ["news"] => Self::NewsFeed,
            ["news", "archive", _] => Self::NewsDay,
            ["news", _] => Self::Article,
            ["events"] => Self::Events,
            ["events", _] => Self::Event,
            ["sites"] => Self::Sites,
            ["sites", _] => Self::Site,
            ["saved"] => Self::Saved,
            ["partners"] => Self::Partners,
            ["search"] => Self::Search,
            _ => return None,
        })
    }

    /// The group of views whose code arrives together: the module name of
    /// its split point in `lazy_pages.rs` (and so in `wasm-chunks.json`).
    pub fn group(self) -> &'static str {
        match self {
            Self::Home | Self::NewsFeed | Self::NewsDay | Self::Article => "news",
            Self::Events | Self::Event => "events",
            Self::Sites | Self::Site => "guide",
            Self::Saved => "saved",
            Self::Partners | Self::Search => "more",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LazyView;
    use portal_contract::{urls, Lang};

    #[test]
    fn the_app_s_own_addresses_map_to_their_views() {
        let lang = Lang::Ru;
        let cases = [
            (urls::home(lang), LazyView::Home),
            ("/ru/news".to_string(), LazyView::NewsFeed),
            ("/ru/news/archive/2026-11-03".to_string(), LazyView::NewsDay),
            ("/be/news/minsk-day".to_string(), LazyView::Article),
            ("/en/events".to_string(), LazyView::Events),
            ("/en/events/jazz-night".to_string(), LazyView::Event),
            ("/en/sites".to_string(), LazyView::Sites),
            ("/en/sites/mir-castle".to_string(), LazyView::Site),
            ("/en/saved".to_string(), LazyView::Saved),
            ("/en/partners".to_string(), LazyView::Partners),
            ("/en/search".to_string(), LazyView::Search),
            ("/en/news/".to_string(), LazyView::NewsFeed),
        ];
        for (path, view) in &cases {
            assert_eq!(LazyView::of_path(path), Some(*view), "{path}");
        }
        // Every view has an address here, so ALL lists every view.
        for view in LazyView::ALL {
            assert!(cases.iter().any(|(_, listed)| *listed == view), "{view:?}");
        }
        assert!(cases.iter().all(|(_, view)| LazyView::ALL.contains(view)));
    }

    #[test]
    fn other_addresses_have_no_lazy_view() {
        for path in [
            "/",
            "",
            "/xx/news",
            "/en/news/a/b/c",
            "/en/nowhere",
            "/api/v1/en/news/page/1.json",
            "en/news",
        ] {
            assert_eq!(LazyView::of_path(path), None, "{path}");
        }
    }
}
