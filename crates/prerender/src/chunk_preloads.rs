//! Preload links for the code of a page's view. The app's wasm is cut into
//! groups of views (tools/post-build/split-app.mjs, which lists them in
//! `wasm-chunks.json`); without these links a page's own chunks would be
//! requested only after the main module has arrived and started, a second
//! round trip before the app can take over.

use std::collections::BTreeMap;
use std::path::Path;

use portal::lazy_view::LazyView;

/// Each group's files, as `wasm-chunks.json` lists them.
#[derive(Default)]
pub struct ChunkPreloads {
    groups: BTreeMap<String, Vec<String>>,
}

#[derive(serde::Deserialize)]
struct ChunkList {
    groups: BTreeMap<String, Vec<String>>,
}

impl ChunkPreloads {
    /// Reads `dist/wasm-chunks.json`; a build without it (one wasm) has none.
    pub fn read(dist: &Path) -> Result<Self, String> {
        let path = dist.join("wasm-chunks.json");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(err) => return Err(format!("{}: {err}", path.display())),
        };
        let list: ChunkList =
            serde_json::from_str(&text).map_err(|err| format!("{}: {err}", path.display()))?;
        let preloads = Self::from_groups(list.groups);
        preloads
            .check_every_view_has_its_group()
            .map_err(|err| format!("{}: {err}", path.display()))?;
        Ok(preloads)
    }

    /// The groups are named twice, by the split points in the app's
    /// `lazy_pages.rs` (which name the files) and by `LazyView::group`
    /// (which the preloads and the prefetcher look up): a name in one and
    /// not the other would silently lose a page's preloads, so it stops
    /// the build.
    fn check_every_view_has_its_group(&self) -> Result<(), String> {
        match LazyView::ALL
            .iter()
            .find(|view| !self.groups.contains_key(view.group()))
        {
            Some(view) => Err(format!(
                "no group \"{}\" for the {view:?} view; the split points in src/lazy_pages.rs and LazyView::group in src/lazy_view.rs disagree",
                view.group()
            )),
            None => Ok(()),
        }
    }

    fn from_groups(groups: BTreeMap<String, Vec<String>>) -> Self {
        Self { groups }
    }

    /// The `<link rel="preload">` tags for the page at `path`: its view's
    /// group's chunks, in load order. None for a page without a lazy view.
    pub fn tags(&self, path: &str) -> String {
        let Some(files) = LazyView::of_path(path).and_then(|view| self.groups.get(view.group()))
        else {
            return String::new();
        };
        files
            .iter()
            .map(|file| {
                // As split.js fetches them (`fetch()`: CORS mode, same-origin
                // credentials), so the browser uses the preloaded response.
                format!(
                    "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"{}\" type=\"application/wasm\">",
                    portal_contract::widgets::escape_html(file)
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::ChunkPreloads;
    use portal::lazy_view::LazyView;
    use std::collections::BTreeMap;

    fn preloads() -> ChunkPreloads {
        let mut groups = BTreeMap::new();
        groups.insert(
            "news".to_string(),
            vec![
                "/portal-chunk-1-0123456789abcdef.wasm".to_string(),
                "/portal-split-news-fedcba9876543210.wasm".to_string(),
            ],
        );
        groups.insert(
            "guide".to_string(),
            vec!["/portal-split-guide-0000000000000000.wasm".to_string()],
        );
        ChunkPreloads::from_groups(groups)
    }

    #[test]
    fn a_page_preloads_its_own_group_in_order() {
        let tags = preloads().tags("/ru/news/some-story");
        assert_eq!(tags.matches("<link rel=\"preload\"").count(), 2);
        let first = tags.find("chunk-1").expect("the shared chunk");
        let second = tags.find("split-news").expect("the group's module");
        assert!(first < second);
        assert!(!tags.contains("guide"));
        assert!(preloads().tags("/en/sites/mir").contains("split-guide"));
    }

    #[test]
    fn a_view_whose_group_is_not_listed_is_refused() {
        let error = preloads()
            .check_every_view_has_its_group()
            .expect_err("events, saved and more are missing");
        assert!(error.contains("\"events\""), "{error}");
        let mut groups = BTreeMap::new();
        for view in LazyView::ALL {
            groups.insert(view.group().to_string(), vec![]);
        }
        assert_eq!(
            ChunkPreloads::from_groups(groups).check_every_view_has_its_group(),
            Ok(())
        );
    }

    #[test]
    fn pages_without_a_lazy_view_or_a_listed_group_preload_nothing() {
        assert_eq!(preloads().tags("/en/nowhere"), "");
        assert_eq!(preloads().tags("/en/events"), "");
        assert_eq!(ChunkPreloads::default().tags("/en/news"), "");
    }
}
