//! Link previews of the repository's content/: every hero of an article,
//! event or site, read back from the published JSON, has its 1200×630 PNG
//! at `paths::og_preview(src)`, and nothing else is in `media/og/` but the
//! site-wide preview.

use std::collections::BTreeSet;
use std::path::PathBuf;

use portal_contract::paths::{self, OG_PREVIEW_SIZE, OG_SITE_PREVIEW};
use portal_contract::{Article, Event, Lang, Site as SiteDoc};
use portal_publisher::build::{build_site, Site};
use resvg::tiny_skia::Pixmap;

fn build() -> Site {
    let content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    match build_site(&content) {
        Ok(site) => site,
        Err(error) => panic!("content/ does not build: {error:?}"),
    }
}

/// The `src` of every article's hero, event's image and site's card
/// picture that is a drawing, and the preview of every one that is a
/// photograph, from the documents (`{lang}/{kind}/{slug}.json`).
fn hero_srcs(site: &Site) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut srcs = BTreeSet::new();
    let mut photos = BTreeSet::new();
    for (path, bytes) in &site.files {
        let parts: Vec<&str> = path.split('/').collect();
        let [lang, kind, file] = parts[..] else {
            continue;
        };
        let Some(slug) = file.strip_suffix(".json") else {
            continue;
        };
        if Lang::from_code(lang).is_none() {
            continue;
        }
        let image = match kind {
            "news" => serde_json::from_slice::<Article>(bytes).unwrap().hero,
            "events" if !paths::RESERVED_EVENT_SLUGS.contains(&slug) => {
                serde_json::from_slice::<Event>(bytes).unwrap().image
            }
            "sites" if !paths::RESERVED_SITE_SLUGS.contains(&slug) => {
                let site: SiteDoc = serde_json::from_slice(bytes).unwrap();
                site.gallery[0].clone()
            }
            _ => continue,
        };
        // A photograph's preview is among its renditions (checked below);
        // a drawing's is drawn into media/og/.
        match image.photo {
            Some(photo) => {
                photos.insert(photo.preview());
            }
            None => {
                srcs.insert(image.src);
            }
        }
    }
    (srcs, photos)
}

#[test]
fn every_hero_of_the_sample_content_has_a_preview() {
    let site = build();
    let (heroes, photo_previews) = hero_srcs(&site);
    assert!(heroes.len() > 20, "{heroes:?}");
    assert!(photo_previews.len() >= 10, "{photo_previews:?}");
    for path in &photo_previews {
        let bytes = site
            .files
            .get(path)
            .unwrap_or_else(|| panic!("{path} was not written"));
        assert!(bytes.starts_with(b"\xff\xd8\xff"), "{path} is not a JPEG");
    }
    let mut expected: BTreeSet<String> = heroes
        .iter()
        .map(|src| paths::og_preview(src).unwrap_or_else(|| panic!("{src} has no preview")))
        .collect();
    expected.insert(OG_SITE_PREVIEW.to_string());
    let written: BTreeSet<String> = site
        .files
        .keys()
        .filter(|path| path.starts_with("media/og/"))
        .cloned()
        .collect();
    assert_eq!(written, expected);
    for path in &written {
        let pixmap =
            Pixmap::decode_png(&site.files[path]).unwrap_or_else(|error| panic!("{path}: {error}"));
        assert_eq!((pixmap.width(), pixmap.height()), OG_PREVIEW_SIZE, "{path}");
        assert!(
            pixmap.pixels().iter().all(|p| p.alpha() == 255),
            "{path} is not opaque"
        );
    }
}
