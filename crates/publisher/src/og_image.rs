//! Link previews. Telegram, Facebook, VK and X show no SVG as `og:image`,
//! so every SVG that is the hero of an article or the picture of an event
//! or site is also published as a 1200×630 PNG, `media/og/NAME.png`
//! ([`portal_contract::paths::og_preview`] maps a `src` to it): the
//! illustration scaled to cover the frame, centred, what overflows cropped,
//! never distorted, on an opaque white ground. `media/og/portal.png`
//! ([`OG_SITE_PREVIEW`]) is the site-wide preview for pages without a
//! picture: the app icon centred on the brand colour.
//!
//! Drawn with resvg after every SVG passed [`crate::svg_check`]: no text
//! (the illustrations have none; no font is loaded), no raster images, no
//! file is ever read. The output depends only on the SVG's bytes, so a
//! build is reproducible, and each distinct SVG is drawn once.

use std::collections::{BTreeMap, BTreeSet};

use portal_contract::paths::{og_preview, OG_PREVIEW_SIZE, OG_SITE_PREVIEW};
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg;

use crate::cache::Cache;
use crate::checked::Checked;
use crate::media::{MediaLibrary, MEDIA_PREFIX};

/// The preview's width and height in pixels.
pub const WIDTH: u32 = OG_PREVIEW_SIZE.0;
pub const HEIGHT: u32 = OG_PREVIEW_SIZE.1;

/// The app icon, drawn on [`BRAND`] for the site-wide preview.
const ICON_SVG: &str = include_str!("../../../assets/icon.svg");

/// The icon's side in the site-wide preview, in pixels.
const ICON_SIDE: f32 = 336.0;

/// The brand colour, `--accent` in style/main.css.
pub const BRAND: [u8; 3] = [0xa4, 0x26, 0x2c];

/// What shows through an illustration's transparent parts: the cards'
/// surface, `--surface` in style/main.css.
pub const GROUND: [u8; 3] = [0xff, 0xff, 0xff];

/// The `src` of every picture that gets a preview, each once: the heroes of
/// articles, the images of events and the first (card) picture of sites.
/// Rasters and anything else without an [`og_preview`] are left out.
pub fn preview_srcs(checked: &Checked) -> BTreeSet<&str> {
    // A photograph's hero has a raster `src` once dressed (no preview);
    // a drawing's is its front matter's.
    let articles = checked
        .articles
        .iter()
        .filter(|a| !checked.media.is_photo(&a.front_matter.hero.src.value))
        .map(|a| a.front_matter.hero.src.value.as_str());
    let events = checked.events.iter().map(|e| e.image_src.as_str());
    let sites = checked
        .sites
        .iter()
        .filter_map(|s| s.gallery.first().map(|g| g.src.as_str()));
    articles
        .chain(events)
        .chain(sites)
        .filter(|src| og_preview(src).is_some())
        .collect()
}

/// Every preview file of the API tree: path (relative to the output
/// directory) → PNG bytes, the site-wide one included.
pub fn previews(checked: &Checked, cache: &Cache) -> Result<BTreeMap<String, Vec<u8>>, String> {
    previews_of(preview_srcs(checked), &checked.media, cache)
}

/// Names the drawing in the cache (see [`crate::cache`]): change it when
/// the drawing changes (size, ground), so no preview of an older drawing is
/// reused. The renderer's and encoder's exact versions are covered too: the
/// site-wide preview, drawn on every build, is part of the name, so any
/// change in how bytes come out starts a new set of entries.
const RECIPE: &str = "og-preview-1200x630-white";

/// The previews of these image `src`s (each drawn once), and the site-wide
/// one. A `src` without an [`og_preview`] (a raster) gets none. Drawn on
/// every core: the result does not depend on which thread drew what.
pub fn previews_of<'a>(
    srcs: impl IntoIterator<Item = &'a str>,
    media: &MediaLibrary,
    cache: &Cache,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let media: BTreeMap<&str, &[u8]> = media
        .files()
        .map(|file| (file.name.as_str(), file.bytes.as_slice()))
        .collect();
    // Preview path → (src, SVG bytes), one entry per distinct SVG.
    let mut jobs: BTreeMap<String, (&str, &[u8])> = BTreeMap::new();
    for src in srcs {
        let (Some(path), Some(name)) = (og_preview(src), src.strip_prefix(MEDIA_PREFIX)) else {
            continue;
        };
        let svg = media
            .get(name)
            .ok_or_else(|| format!("{src}: no such media file after checking"))?;
        jobs.insert(path, (src, svg));
    }
    let jobs: Vec<(String, (&str, &[u8]))> = jobs.into_iter().collect();
    let site = site_png().map_err(|error| format!("{OG_SITE_PREVIEW}: {error}"))?;
    let recipe = format!(
        "{RECIPE}-{}",
        crate::tree_manifest::hex(&crate::body::fingerprint(&site))
    );
    let drawn = draw_all(&jobs, |(src, svg)| {
        cache.get_or_make(&recipe, svg, is_whole_png, || {
            cover_png(svg).map_err(|error| format!("content/{src}: link preview: {error}"))
        })
    });
    let mut files = BTreeMap::new();
    for ((path, _), png) in jobs.into_iter().zip(drawn) {
        files.insert(path, png?);
    }
    files.insert(OG_SITE_PREVIEW.to_string(), site);
    Ok(files)
}

/// A PNG from its signature to its `IEND` chunk: a cache entry cut short
/// is not published.
fn is_whole_png(bytes: &[u8]) -> bool {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    const IEND: &[u8] = b"IEND\xaeB`\x82";
    bytes.starts_with(SIGNATURE) && bytes.ends_with(IEND)
}

/// `draw` applied to every job's value on every core, results in the
/// jobs' order.
fn draw_all<K: Sync, V: Sync>(
    jobs: &[(K, V)],
    draw: impl Fn(&V) -> Result<Vec<u8>, String> + Sync,
) -> Vec<Result<Vec<u8>, String>> {
    crate::parallel::map_chunks(jobs, |chunk| {
        chunk
            .iter()
            .map(|(_, value)| draw(value))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// An SVG drawn to cover a [`WIDTH`]×[`HEIGHT`] frame on [`GROUND`]: scaled
/// by the larger of the two ratios, centred, the overflow cropped.
pub fn cover_png(svg: &[u8]) -> Result<Vec<u8>, String> {
    let tree = parse(svg)?;
    let size = tree.size();
    let (width, height) = (size.width(), size.height());
    let scale = (WIDTH as f32 / width).max(HEIGHT as f32 / height);
    let transform = Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        (WIDTH as f32 - width * scale) / 2.0,
        (HEIGHT as f32 - height * scale) / 2.0,
    );
    draw(&tree, transform, GROUND)
}

/// The site-wide preview: the app icon, [`ICON_SIDE`] pixels, centred on
/// [`BRAND`].
pub fn site_png() -> Result<Vec<u8>, String> {
    let tree = parse(ICON_SVG.as_bytes())?;
    let size = tree.size();
    let scale = ICON_SIDE / size.width().max(size.height());
    let transform = Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        (WIDTH as f32 - size.width() * scale) / 2.0,
        (HEIGHT as f32 - size.height() * scale) / 2.0,
    );
    draw(&tree, transform, BRAND)
}

/// Parses an SVG with nothing fetched: `<image>` references resolve to
/// nothing (the SVG check refuses them already; this is the second lock).
fn parse(svg: &[u8]) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(svg, &options).map_err(|error| format!("cannot draw the SVG: {error}"))
}

fn draw(tree: &usvg::Tree, transform: Transform, ground: [u8; 3]) -> Result<Vec<u8>, String> {
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the frame")?;
    let [red, green, blue] = ground;
    pixmap.fill(Color::from_rgba8(red, green, blue, 255));
    resvg::render(tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|error| format!("cannot encode the PNG: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png: &[u8]) -> Pixmap {
        Pixmap::decode_png(png).expect("a valid PNG")
    }

    fn pixel(pixmap: &Pixmap, x: u32, y: u32) -> [u8; 4] {
        let p = pixmap.pixel(x, y).unwrap();
        [p.red(), p.green(), p.blue(), p.alpha()]
    }

    /// A red SVG of `width`×`height` with a 1 px blue border inside its
    /// edge: where the border lands shows what was cropped.
    fn framed(width: u32, height: u32) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#0000ff"/><rect x="1" y="1" width="{w}" height="{h}" fill="#ff0000"/></svg>"##,
            w = width - 2,
            h = height - 2,
        )
    }

    const RED: [u8; 4] = [255, 0, 0, 255];
    const BLUE: [u8; 4] = [0, 0, 255, 255];

    #[test]
    fn previews_are_1200_by_630_opaque_pngs() {
        let png = cover_png(framed(1200, 675).as_bytes()).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let pixmap = decode(&png);
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        assert!(pixmap.pixels().iter().all(|p| p.alpha() == 255));
    }

    #[test]
    fn a_tall_svg_covers_the_width_and_is_cropped_top_and_bottom() {
        // 100×400 scales by 12 to 1200×4800: the sides' border stays, the
        // top and bottom are cropped away; the middle is the middle.
        let pixmap = decode(&cover_png(framed(100, 400).as_bytes()).unwrap());
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        for y in [0, 315, 629] {
            assert_eq!(pixel(&pixmap, 0, y), BLUE, "left edge at {y}");
            assert_eq!(pixel(&pixmap, 1199, y), BLUE, "right edge at {y}");
            assert_eq!(pixel(&pixmap, 600, y), RED, "middle at {y}");
        }
        for x in [12, 600, 1187] {
            assert_eq!(pixel(&pixmap, x, 0), RED, "top at {x}");
            assert_eq!(pixel(&pixmap, x, 629), RED, "bottom at {x}");
        }
    }

    #[test]
    fn a_wide_svg_covers_the_height_and_is_cropped_left_and_right() {
        // 400×60 scales by 10.5 to 4200×630: top and bottom border stay.
        let pixmap = decode(&cover_png(framed(400, 60).as_bytes()).unwrap());
        for x in [0, 600, 1199] {
            assert_eq!(pixel(&pixmap, x, 0), BLUE, "top at {x}");
            assert_eq!(pixel(&pixmap, x, 629), BLUE, "bottom at {x}");
            assert_eq!(pixel(&pixmap, x, 315), RED, "middle at {x}");
        }
        for y in [11, 315, 618] {
            assert_eq!(pixel(&pixmap, 0, y), RED, "left at {y}");
            assert_eq!(pixel(&pixmap, 1199, y), RED, "right at {y}");
        }
    }

    #[test]
    fn the_exact_ratio_keeps_every_edge() {
        let pixmap = decode(&cover_png(framed(400, 210).as_bytes()).unwrap());
        for (x, y) in [(0, 315), (1199, 315), (600, 0), (600, 629)] {
            assert_eq!(pixel(&pixmap, x, y), BLUE, "edge at {x},{y}");
        }
        assert_eq!(pixel(&pixmap, 600, 315), RED);
    }

    #[test]
    fn a_circle_stays_round() {
        // A circle in a wide SVG: as wide as it is tall once drawn.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200"><circle cx="400" cy="100" r="50" fill="#000"/></svg>"##;
        let pixmap = decode(&cover_png(svg.as_bytes()).unwrap());
        let dark = |x: u32, y: u32| pixel(&pixmap, x, y)[0] < 128;
        let across = (0..1200).filter(|&x| dark(x, 315)).count();
        let down = (0..630).filter(|&y| dark(600, y)).count();
        // Scale 3.15: a diameter of 315 px both ways.
        assert!((314..=316).contains(&across), "{across}");
        assert!((314..=316).contains(&down), "{down}");
    }

    #[test]
    fn transparent_parts_show_the_white_ground() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="600" height="630" fill="#000" fill-opacity="0.5"/></svg>"##;
        let pixmap = decode(&cover_png(svg.as_bytes()).unwrap());
        assert_eq!(pixel(&pixmap, 900, 315), [255, 255, 255, 255]);
        let half = pixel(&pixmap, 300, 315);
        assert!(half[0] > 120 && half[0] < 135 && half[3] == 255, "{half:?}");
    }

    #[test]
    fn the_same_svg_gives_the_same_bytes() {
        let svg = framed(1200, 675);
        assert_eq!(
            cover_png(svg.as_bytes()).unwrap(),
            cover_png(svg.as_bytes()).unwrap()
        );
        assert_eq!(site_png().unwrap(), site_png().unwrap());
    }

    #[test]
    fn the_site_preview_is_the_icon_on_the_brand_colour() {
        // The icon itself passes the illustrations' check.
        assert!(crate::svg_check::check_svg(ICON_SVG).is_empty());
        let pixmap = decode(&site_png().unwrap());
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        let [r, g, b] = BRAND;
        for (x, y) in [(0, 0), (1199, 629), (300, 315), (900, 315)] {
            assert_eq!(pixel(&pixmap, x, y), [r, g, b, 255], "at {x},{y}");
        }
        // The icon's white mark, centred: its top diamond is above the middle.
        assert_eq!(pixel(&pixmap, 600, 315 - 84), [255, 255, 255, 255]);
        assert_eq!(pixel(&pixmap, 600 - 84, 315), [255, 255, 255, 255]);
    }

    #[test]
    fn nothing_outside_is_fetched() {
        // Refused by the SVG check already; drawn, it is simply left out.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="630"><image width="1200" height="630" xlink:href="/etc/hostname"/></svg>"##;
        let pixmap = decode(&cover_png(svg.as_bytes()).unwrap());
        assert_eq!(pixel(&pixmap, 600, 315), [255, 255, 255, 255]);
    }

    #[test]
    fn each_svg_hero_gets_one_preview_and_a_raster_none() {
        let mut media = MediaLibrary::default();
        assert!(media
            .add("wide.svg", framed(400, 60).into_bytes())
            .is_empty());
        assert!(media
            .add("tall.svg", framed(100, 400).into_bytes())
            .is_empty());
        assert!(media
            .add("unused.svg", framed(10, 10).into_bytes())
            .is_empty());
        let files = previews_of(
            [
                "media/wide.svg",
                "media/photo.png",
                "media/photo.jpg",
                "media/tall.svg",
                "media/wide.svg",
                "https://img.example/media/far.svg",
            ],
            &media,
            &Cache::none(),
        )
        .unwrap();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "media/og/portal.png",
                "media/og/tall.png",
                "media/og/wide.png"
            ]
        );
        assert_eq!(
            files["media/og/wide.png"],
            cover_png(framed(400, 60).as_bytes()).unwrap()
        );
        for png in files.values() {
            let pixmap = decode(png);
            assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
        }
        // Only the site-wide preview when no picture is an SVG.
        let files = previews_of(["media/photo.webp"], &media, &Cache::none()).unwrap();
        assert_eq!(files.len(), 1);
        assert!(files.contains_key(OG_SITE_PREVIEW));
    }

    #[test]
    fn a_cached_preview_is_the_drawn_one_and_a_cut_one_is_redrawn() {
        let svg = framed(400, 60);
        let drawn = cover_png(svg.as_bytes()).unwrap();
        assert!(is_whole_png(&drawn));
        assert!(!is_whole_png(&drawn[..drawn.len() - 1]));
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::in_dir(dir.path());
        let mut media = MediaLibrary::default();
        assert!(media.add("wide.svg", svg.clone().into_bytes()).is_empty());
        let cold = previews_of(["media/wide.svg"], &media, &cache).unwrap();
        let entries = || std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(
            (cold["media/og/wide.png"].clone(), entries()),
            (drawn.clone(), 1)
        );
        // Cut the entry short: the next build draws it again.
        let entry = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::write(&entry, &drawn[..100]).unwrap();
        let warm = previews_of(["media/wide.svg"], &media, &cache).unwrap();
        assert_eq!(warm["media/og/wide.png"], drawn);
        // Stored again whole: the entry is the PNG and its fingerprint.
        let stored = std::fs::read(&entry).unwrap();
        assert_eq!(&stored[..drawn.len()], &drawn[..]);
        assert_eq!(stored.len(), drawn.len() + 16);
    }

    #[test]
    fn a_broken_svg_is_an_error() {
        assert!(cover_png(b"<svg").is_err());
    }
}
