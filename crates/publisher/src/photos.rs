//! Photographs in `content/media/`: their checks, their sidecar files and
//! their renditions (made by `portal-photo`, kept in the cache).
//!
//! A photograph `media/lake-at-dawn.jpg` needs `media/lake-at-dawn.toml`:
//!
//! ```toml
//! credit = "Photo: Aitzol Berasategi"   # required: who made it
//! licence = "CC BY 4.0"                 # required: on what terms we publish it
//! focus = [0.5, 0.35]                   # optional: what crops keep in view
//! source = "where it came from"         # optional: for editors, not published
//! ```
//!
//! The licence belongs to the file, not to each use, so an article names a
//! photo with the same two lines as a drawing (`src`, `alt`).

use std::collections::BTreeMap;

use portal_contract::slug::is_valid_slug;
use portal_contract::Photo;
use portal_photo::{Focus, Format, Sniffed};
use serde::{Deserialize, Serialize};

use crate::cache::Cache;
use crate::error::{line_of_offset, LineError};
use crate::media::{MediaLibrary, Size, MEDIA_PREFIX};

/// A photograph ready to publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Developed {
    pub photo: Photo,
    pub credit: String,
    /// File name within [`Photo::base`] → bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Extensions of formats we recognise and refuse, with what to do instead.
const REFUSED: [(&str, &str); 7] = [
    ("heic", "HEIC"),
    ("heif", "HEIF"),
    ("avif", "AVIF"),
    ("gif", "GIF"),
    ("tif", "TIFF"),
    ("tiff", "TIFF"),
    ("bmp", "BMP"),
];

/// Checks a photograph's name and header (never its pixels): its format,
/// its size as shown, and its problems.
pub fn inspect_file(name: &str, bytes: &[u8]) -> (Option<Format>, Option<Size>, Vec<LineError>) {
    let refuse = |reason: String| (None, None, vec![LineError::new(1, reason)]);
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return refuse(
            "media files need an extension: .svg for drawings; .jpg, .png or .webp for photographs"
                .into(),
        );
    };
    if let Some((_, format)) = REFUSED
        .iter()
        .find(|(ext, _)| extension.eq_ignore_ascii_case(ext))
    {
        return refuse(format!(
            "{format} is not published: save the photograph as JPEG (.jpg), PNG or WebP (phones and photo apps can export JPEG)"
        ));
    }
    let Some(expected) = [Format::Jpeg, Format::Png, Format::WebP]
        .into_iter()
        .find(|format| format.extensions().contains(&extension))
    else {
        return refuse(format!(
            "`.{extension}` is not a media format: drawings are .svg; photographs .jpg, .png or .webp (lowercase)"
        ));
    };
    if !is_valid_slug(stem) {
        return refuse(format!(
            "media files are named like `castle-mir.{extension}` (lowercase letters, digits and hyphens)"
        ));
    }
    let format = match portal_photo::sniff(bytes) {
        Sniffed::Photo(format) => format,
        Sniffed::Unsupported(what) => {
            return refuse(format!(
                "the file is {what}, not {} as its name says: save it as JPEG, PNG or WebP",
                expected.name()
            ))
        }
        Sniffed::Unknown => {
            return refuse(format!(
                "the file is not a {} (its first bytes are not one): is it cut short or another kind of file?",
                expected.name()
            ))
        }
    };
    if format != expected {
        return refuse(format!(
            "the file is a {} but its name ends in .{extension}: rename it to `{stem}.{}`",
            format.name(),
            format.extensions()[0]
        ));
    }
    match portal_photo::inspect(bytes, format) {
        Ok(header) => (
            Some(format),
            Some(Size {
                width: header.width,
                height: header.height,
            }),
            Vec::new(),
        ),
        Err(reason) => (Some(format), None, vec![LineError::new(1, reason)]),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSidecar {
    credit: Option<String>,
    licence: Option<String>,
    focus: Option<toml::Spanned<Vec<f64>>>,
    #[allow(dead_code)] // Editors' records only.
    source: Option<String>,
}

struct Sidecar {
    credit: String,
    licence: String,
    focus: Focus,
}

fn parse_sidecar(text: &str) -> Result<Sidecar, Vec<LineError>> {
    let raw: RawSidecar = toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map_or(1, |span| line_of_offset(text, span.start));
        vec![LineError::new(
            line,
            error.message().trim_end().replace('\n', " "),
        )]
    })?;
    let mut errors = Vec::new();
    let mut required = |value: Option<String>, key: &str, example: &str| match value
        .map(|v| v.trim().to_string())
    {
        Some(value) if !value.is_empty() => value,
        _ => {
            errors.push(LineError::new(
                1,
                format!("a photograph needs `{key}`, e.g. {key} = \"{example}\""),
            ));
            String::new()
        }
    };
    let credit = required(raw.credit, "credit", "Photo: Alena Kavaliova");
    let licence = required(raw.licence, "licence", "CC BY 4.0");
    let focus = match raw.focus {
        None => Focus::CENTRE,
        Some(focus) => match focus.get_ref().as_slice() {
            [x, y] if Focus::new(*x, *y).is_some() => Focus::new(*x, *y).unwrap_or(Focus::CENTRE),
            _ => {
                errors.push(LineError::new(
                    line_of_offset(text, focus.span().start),
                    "`focus` is [x, y], fractions of the width and height from the top left, each from 0 to 1: focus = [0.5, 0.3]",
                ));
                Focus::CENTRE
            }
        },
    };
    if errors.is_empty() {
        Ok(Sidecar {
            credit,
            licence,
            focus,
        })
    } else {
        Err(errors)
    }
}

/// How a cached development is named: change it whenever the renditions
/// change (widths, encoders' settings), so no older result is reused.
const RECIPE: &str = "photo-2";

/// The cache keeps what `develop` returned, as postcard.
#[derive(Serialize, Deserialize)]
struct CachedDevelopment {
    width: u32,
    height: u32,
    widths: Vec<u32>,
    wide_widths: Vec<u32>,
    placeholder: String,
    files: Vec<(String, Vec<u8>)>,
}

/// Develops every photograph of `media` that passed its checks (each once,
/// from the cache when it was developed before) and checks the sidecars.
/// Returns the problems by file name.
pub fn develop_all(media: &mut MediaLibrary, cache: &Cache) -> BTreeMap<String, Vec<LineError>> {
    let mut problems: BTreeMap<String, Vec<LineError>> = BTreeMap::new();
    let photos: Vec<(String, Format, Vec<u8>)> = media
        .files()
        .filter_map(|file| {
            Some((file.name.clone(), file.photo?, file.bytes.clone()))
                .filter(|_| file.size.is_some())
        })
        .collect();
    // Stems of every file named like a photograph, developed or not.
    let stems_with_photos: std::collections::BTreeSet<String> = media
        .files()
        .filter_map(|file| file.name.rsplit_once('.'))
        .filter(|(_, extension)| ["jpg", "jpeg", "png", "webp"].contains(extension))
        .map(|(stem, _)| stem.to_string())
        .collect();
    for (name, format, bytes) in photos {
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem)
            .to_string();
        let sidecar_name = format!("{stem}.toml");
        let Some(text) = media.sidecars.get(&stem) else {
            problems.entry(name.clone()).or_default().push(LineError::new(
                1,
                format!("a photograph needs {MEDIA_PREFIX}{sidecar_name} beside it with its `credit` and `licence` (and optionally `focus = [x, y]`)"),
            ));
            continue;
        };
        let sidecar = match std::str::from_utf8(text) {
            Ok(text) => parse_sidecar(text),
            Err(_) => Err(vec![LineError::new(1, "the file is not valid UTF-8 text")]),
        };
        let sidecar = match sidecar {
            Ok(sidecar) => sidecar,
            Err(errors) => {
                problems.entry(sidecar_name).or_default().extend(errors);
                continue;
            }
        };
        match develop_cached(&bytes, format, sidecar.focus, cache) {
            Ok(cached) => {
                let photo = Photo {
                    base: format!("{MEDIA_PREFIX}photos/{stem}-{}", short_hash(&cached.files)),
                    widths: cached.widths,
                    wide_widths: cached.wide_widths,
                    placeholder: cached.placeholder,
                    licence: sidecar.licence,
                };
                media.developed.insert(
                    name,
                    Developed {
                        photo,
                        credit: sidecar.credit,
                        files: cached.files,
                    },
                );
            }
            Err(reason) => problems
                .entry(name)
                .or_default()
                .push(LineError::new(1, reason)),
        }
    }
    for stem in media.sidecars.keys() {
        if !stems_with_photos.contains(stem) {
            problems
                .entry(format!("{stem}.toml"))
                .or_default()
                .push(LineError::new(
                    1,
                    format!(
                    "there is no photograph {stem}.jpg, .png or .webp for this file to describe"
                ),
                ));
        }
    }
    problems
}

/// One development at a time in a process: each already uses every core,
/// and builds running side by side (tests) then find the first one's
/// result in the cache instead of developing the same photo again.
static DEVELOPING: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn develop_cached(
    bytes: &[u8],
    format: Format,
    focus: Focus,
    cache: &Cache,
) -> Result<CachedDevelopment, String> {
    let recipe = format!("{RECIPE}-{}-{}", focus.x, focus.y);
    let _one_at_a_time = DEVELOPING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let encoded = cache.get_or_make(
        &recipe,
        bytes,
        |stored| postcard::from_bytes::<CachedDevelopment>(stored).is_ok(),
        || {
            let developed = portal_photo::develop(bytes, format, focus)?;
            postcard::to_allocvec(&CachedDevelopment {
                width: developed.width,
                height: developed.height,
                widths: developed.widths,
                wide_widths: developed.wide_widths,
                placeholder: developed.placeholder,
                files: developed.files,
            })
            .map_err(|error| format!("cannot keep the renditions: {error}"))
        },
    )?;
    postcard::from_bytes(&encoded).map_err(|error| format!("cannot read the renditions: {error}"))
}

/// Eight hex digits naming the renditions' bytes: the folder's name
/// changes whenever any file in it does (another photo, another focal
/// point, another encoder), so its URLs can be cached as immutable.
fn short_hash(files: &[(String, Vec<u8>)]) -> String {
    let mut recipe = crate::tree_manifest::Recipe::new("photo-folder");
    for (name, bytes) in files {
        recipe.add(name.as_bytes()).add(bytes);
    }
    crate::tree_manifest::hex(&recipe.finish()[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 64×48 JPEG, as a camera would write one (without the metadata).
    fn tiny_jpeg() -> Vec<u8> {
        let pixels: Vec<u8> = (0..64 * 48)
            .flat_map(|i| [(i % 64 * 4) as u8, 120, 60])
            .collect();
        let mut out = Vec::new();
        jpeg_encoder::Encoder::new(&mut out, 90)
            .encode(&pixels, 64, 48, jpeg_encoder::ColorType::Rgb)
            .expect("encode");
        out
    }

    fn errors(name: &str, bytes: &[u8]) -> Vec<String> {
        inspect_file(name, bytes)
            .2
            .into_iter()
            .map(|e| e.reason)
            .collect()
    }

    #[test]
    fn names_and_contents_must_agree() {
        let jpeg = tiny_jpeg();
        assert_eq!(
            inspect_file("lake.jpg", &jpeg).1,
            Some(Size {
                width: 64,
                height: 48
            })
        );
        assert!(errors("lake.jpg", &jpeg).is_empty());
        assert!(errors("lake.jpeg", &jpeg).is_empty());
        assert!(errors("lake.png", &jpeg)[0]
            .contains("is a JPEG but its name ends in .png: rename it to `lake.jpg`"));
        assert!(errors("Lake.jpg", &jpeg)[0].contains("lowercase letters"));
        assert!(errors("lake.JPG", &jpeg)[0].contains("not a media format"));
        assert!(errors("photo.heic", b"\0\0\0\x18ftypheic")[0].contains("HEIC is not published"));
        assert!(errors("lake.jpg", b"\0\0\0\x18ftypheic")[0]
            .contains("the file is HEIC/HEIF, not JPEG"));
        assert!(errors("lake.jpg", b"<html>")[0].contains("is not a JPEG"));
        assert!(errors("notes.txt", b"x")[0].contains("not a media format"));
    }

    #[test]
    fn sidecars_give_credit_licence_and_focus() {
        let Ok(sidecar) =
            parse_sidecar("credit = \"Photo: A\"\nlicence = \"CC0 1.0\"\nfocus = [0.25, 0.75]\n")
        else {
            panic!("a valid sidecar is refused");
        };
        assert_eq!(
            (sidecar.credit.as_str(), sidecar.licence.as_str()),
            ("Photo: A", "CC0 1.0")
        );
        assert_eq!(sidecar.focus, Focus::new(0.25, 0.75).unwrap());
        let problems = |text: &str| -> Vec<String> {
            parse_sidecar(text)
                .err()
                .expect("refused")
                .into_iter()
                .map(|e| format!("{}: {}", e.line, e.reason))
                .collect()
        };
        assert!(problems("licence = \"CC0 1.0\"\n")[0].contains("needs `credit`"));
        assert!(problems("credit = \"A\"\nlicence = \" \"\n")[0].contains("needs `licence`"));
        assert!(
            problems("credit = \"A\"\nlicence = \"B\"\n\nfocus = [2, 0.5]\n")[0].starts_with("4:")
        );
        assert!(
            problems("credit = \"A\"\nlicence = \"B\"\ncamera = \"X\"\n")[0].contains("camera")
        );
    }

    #[test]
    fn a_photo_needs_its_sidecar_and_a_sidecar_its_photo() {
        let jpeg = tiny_jpeg();
        let mut media = MediaLibrary::default();
        assert!(media.add("lake.jpg", jpeg.clone()).is_empty());
        assert!(media
            .add("orphan.toml", b"credit = \"A\"\nlicence = \"B\"\n".to_vec())
            .is_empty());
        let problems = develop_all(&mut media, &Cache::none());
        assert!(problems["lake.jpg"][0]
            .reason
            .contains("needs media/lake.toml"));
        assert!(problems["orphan.toml"][0]
            .reason
            .contains("no photograph orphan.jpg"));

        let mut media = MediaLibrary::default();
        media.add("lake.jpg", jpeg);
        media.add(
            "lake.toml",
            b"credit = \"Photo: A\"\nlicence = \"CC0 1.0\"\n".to_vec(),
        );
        assert!(develop_all(&mut media, &Cache::none()).is_empty());
        let image = media.dress(portal_contract::Image {
            src: "media/lake.jpg".into(),
            width: 64,
            height: 48,
            alt: "A lake".into(),
            caption: None,
            credit: None,
            photo: None,
        });
        let photo = image.photo.expect("dressed");
        assert!(
            photo.base.starts_with("media/photos/lake-"),
            "{}",
            photo.base
        );
        assert_eq!(image.src, format!("{}/64.jpg", photo.base));
        assert_eq!(image.credit.as_deref(), Some("Photo: A"));
        assert_eq!(photo.licence, "CC0 1.0");
        let published: Vec<String> = media.photo_files().map(|(path, _)| path).collect();
        assert!(published.contains(&format!("{}/preview.jpg", photo.base)));
        assert!(published.contains(&format!("{}/wide-64.avif", photo.base)));
    }
}
