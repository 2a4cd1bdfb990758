//! Images in `content/media/`: their checks and their sizes. The API gives
//! every image its true width and height so the app can reserve its box
//! before it loads; for an SVG they are the root element's `width` and
//! `height` attributes.

use std::collections::BTreeMap;

use portal_contract::paths::{OG_SITE_PREVIEW, OG_SITE_PREVIEW_NAME};
use portal_contract::slug::is_valid_slug;

use portal_contract::Image;

use crate::error::{line_of_offset, LineError};

/// The prefix every image `src` in content and in the API starts with.
pub const MEDIA_PREFIX: &str = "media/";

/// An image's intrinsic size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// Checks one SVG's text and reads its size.
pub fn inspect_svg(text: &str) -> Result<Size, Vec<LineError>> {
    // Only drawing: see `svg_check` for what an illustration may contain.
    let mut errors = crate::svg_check::check_svg(text);
    match root_size(text) {
        Ok(size) if errors.is_empty() => Ok(size),
        Ok(_) => Err(errors),
        Err(error) => {
            errors.push(error);
            Err(errors)
        }
    }
}

/// Finds the root `<svg …>` start tag, skipping the XML declaration,
/// comments and a doctype, and reads its `width` and `height`.
fn root_size(text: &str) -> Result<Size, LineError> {
    let mut rest_start = 0;
    let tag_start = loop {
        let Some(found) = text[rest_start..].find('<') else {
            return Err(LineError::new(1, "no <svg> root element found"));
        };
        let at = rest_start + found;
        let rest = &text[at..];
        let skip_to = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.starts_with("<!") {
            rest.find('>').map(|end| end + 1)
        } else {
            break at;
        };
        match skip_to {
            Some(len) => rest_start = at + len,
            None => return Err(LineError::new(line_of_offset(text, at), "unclosed markup")),
        }
    };
    let line = line_of_offset(text, tag_start);
    let after_name = &text[tag_start + 1..];
    let is_svg = after_name.starts_with("svg")
        && after_name[3..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
    if !is_svg {
        return Err(LineError::new(line, "the root element is not <svg>"));
    }
    let Some(tag_len) = after_name.find('>') else {
        return Err(LineError::new(line, "the <svg> start tag is not closed"));
    };
    let attributes = parse_attributes(&after_name[3..tag_len])
        .ok_or_else(|| LineError::new(line, "cannot read the attributes of the <svg> element"))?;
    let dimension = |name: &str| -> Result<u32, LineError> {
        let value = attributes.get(name).ok_or_else(|| {
            LineError::new(
                line,
                format!(
                    "the <svg> element needs a `{name}` attribute with a whole number of pixels"
                ),
            )
        })?;
        let number = value.trim();
        let number = number.strip_suffix("px").unwrap_or(number);
        match number.parse::<u32>() {
            Ok(n) if n > 0 && number.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(LineError::new(
                line,
                format!("the <svg> `{name}` is {value:?}; it must be a whole number of pixels such as \"1200\""),
            )),
        }
    };
    Ok(Size {
        width: dimension("width")?,
        height: dimension("height")?,
    })
}

/// `name="value"` pairs of a start tag (without the element name).
fn parse_attributes(mut text: &str) -> Option<BTreeMap<String, String>> {
    let mut attributes = BTreeMap::new();
    loop {
        text = text.trim_start();
        if text.is_empty() || text == "/" {
            return Some(attributes);
        }
        let name_len = text.find(|c: char| c == '=' || c.is_ascii_whitespace())?;
        let name = &text[..name_len];
        text = text[name_len..]
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_len = text[1..].find(quote)?;
        attributes.insert(name.to_string(), text[1..1 + value_len].to_string());
        text = &text[1 + value_len + 1..];
    }
}

/// Where an image `src` led.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(Size),
    /// The file exists but has its own errors (reported once, for the file).
    Broken,
    /// Not a usable reference; the reason says why.
    Refused(String),
}

/// One media file of `content/media/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// The file name, e.g. `castle-mir.svg`.
    pub name: String,
    pub bytes: Vec<u8>,
    /// `None` when the file failed its checks.
    pub size: Option<Size>,
    /// A photograph's format; `None` for an illustration (published as it
    /// is). A photograph is never published itself, only its renditions.
    pub photo: Option<portal_photo::Format>,
}

/// The media files of the content directory, by file name.
#[derive(Debug, Default)]
pub struct MediaLibrary {
    files: BTreeMap<String, MediaFile>,
    /// `{stem}.toml` beside a photograph: its credit, licence and focal
    /// point, by stem.
    pub(crate) sidecars: BTreeMap<String, Vec<u8>>,
    /// Photographs ready to publish, by file name (see [`crate::photos`]).
    pub(crate) developed: BTreeMap<String, crate::photos::Developed>,
    /// See [`MediaLibrary::fingerprint`]; reset by [`MediaLibrary::add`].
    fingerprint: std::sync::OnceLock<[u8; 16]>,
}

impl MediaLibrary {
    /// Checks one file of `content/media/` and adds it; returns its problems
    /// (line numbers within that file). Photographs are developed
    /// afterwards, all together ([`crate::photos::develop_all`]).
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> Vec<LineError> {
        self.fingerprint = std::sync::OnceLock::new();
        if let Some(stem) = name.strip_suffix(".toml") {
            self.sidecars.insert(stem.to_string(), bytes);
            return Vec::new();
        }
        if !name.ends_with(".svg") {
            let (photo, size, errors) = crate::photos::inspect_file(name, &bytes);
            self.files.insert(
                name.to_string(),
                MediaFile {
                    name: name.to_string(),
                    bytes,
                    size,
                    photo,
                },
            );
            return errors;
        }
        let mut errors = Vec::new();
        let stem = name.strip_suffix(".svg");
        let size = match stem {
            Some(OG_SITE_PREVIEW_NAME) => {
                errors.push(LineError::new(
                    1,
                    format!("the name `{OG_SITE_PREVIEW_NAME}.svg` is taken: the site-wide link preview is {OG_SITE_PREVIEW}"),
                ));
                None
            }
            Some(stem) if is_valid_slug(stem) => match std::str::from_utf8(&bytes) {
                Ok(text) => match inspect_svg(text) {
                    Ok(size) => Some(size),
                    Err(found) => {
                        errors = found;
                        None
                    }
                },
                Err(_) => {
                    errors.push(LineError::new(1, "the SVG is not valid UTF-8 text"));
                    None
                }
            },
            _ => {
                errors.push(LineError::new(
                    1,
                    "media files are named like `castle-mir.svg` or `castle-mir.jpg` (lowercase letters, digits and hyphens, then the extension)",
                ));
                None
            }
        };
        self.files.insert(
            name.to_string(),
            MediaFile {
                name: name.to_string(),
                bytes,
                size,
                photo: None,
            },
        );
        errors
    }

    /// Whether `src` names a photograph developed into renditions (which
    /// [`MediaLibrary::dress`] then points the image at).
    pub fn is_photo(&self, src: &str) -> bool {
        src.strip_prefix(MEDIA_PREFIX)
            .is_some_and(|name| self.developed.contains_key(name))
    }

    /// `image` as published: a photograph's `src` becomes its JPEG
    /// fallback, its renditions are attached, and its credit comes from its
    /// sidecar unless the use gives one. An illustration is unchanged.
    pub fn dress(&self, mut image: Image) -> Image {
        let Some(developed) = image
            .src
            .strip_prefix(MEDIA_PREFIX)
            .and_then(|name| self.developed.get(name))
        else {
            return image;
        };
        image.src = developed
            .photo
            .fallback(portal_contract::photo::Crop::Whole);
        image.credit = image.credit.or_else(|| Some(developed.credit.clone()));
        image.photo = Some(developed.photo.clone());
        image
    }

    /// Every developed photograph's files: path in the tree → bytes.
    pub fn photo_files(&self) -> impl Iterator<Item = (String, &[u8])> {
        self.developed.values().flat_map(|developed| {
            developed
                .files
                .iter()
                .map(|(name, bytes)| (format!("{}/{name}", developed.photo.base), bytes.as_slice()))
        })
    }

    /// Resolves an image `src` from an article (`media/castle-mir.svg`).
    pub fn lookup(&self, src: &str) -> Lookup {
        let Some(name) = src.strip_prefix(MEDIA_PREFIX) else {
            return Lookup::Refused(format!(
                "image {src:?} must point at a file in media/, e.g. \"media/castle-mir.svg\""
            ));
        };
        match self.files.get(name) {
            Some(MediaFile {
                size: Some(size), ..
            }) => Lookup::Found(*size),
            Some(_) => Lookup::Broken,
            None => Lookup::Refused(format!(
                "image {src:?} not found: there is no content/{src}"
            )),
        }
    }

    pub fn files(&self) -> impl Iterator<Item = &MediaFile> {
        self.files.values()
    }

    /// A fingerprint of every file's name and bytes, computed once: what
    /// the recipes of documents that show media depend on.
    pub fn fingerprint(&self) -> [u8; 16] {
        *self.fingerprint.get_or_init(|| {
            let mut recipe = crate::tree_manifest::Recipe::new("media");
            for file in self.files.values() {
                recipe
                    .add(file.name.as_bytes())
                    .add(&crate::body::fingerprint(&file.bytes));
            }
            for (stem, bytes) in &self.sidecars {
                recipe
                    .add(stem.as_bytes())
                    .add(&crate::body::fingerprint(bytes));
            }
            recipe.finish()
        })
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_root_size_after_prolog() {
        let svg = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn by hand -->
<!DOCTYPE svg>
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height='675' viewBox="0 0 1200 675">
  <rect width="10" height="10"/>
</svg>"#;
        assert_eq!(
            inspect_svg(svg),
            Ok(Size {
                width: 1200,
                height: 675
            })
        );
        assert_eq!(
            inspect_svg(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="800px" height="600px"/>"#
            ),
            Ok(Size {
                width: 800,
                height: 600
            })
        );
    }

    #[test]
    fn inner_elements_do_not_count() {
        // The root has no size; a child's width must not be taken instead.
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect width=\"10\" height=\"10\"/></svg>";
        let errors = inspect_svg(svg).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1);
        assert!(errors[0].reason.contains("`width` attribute"), "{errors:?}");
    }

    #[test]
    fn sizes_must_be_whole_positive_numbers() {
        for (width, height) in [
            ("100%", "10"),
            ("10.5", "10"),
            ("10", "0"),
            ("10", "-3"),
            ("1e3", "10"),
        ] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"></svg>"#
            );
            assert!(inspect_svg(&svg).is_err(), "{svg}");
        }
    }

    #[test]
    fn scripts_and_foreign_objects_are_refused_with_lines() {
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\n<script>alert(1)</script>\n<foreignObject/></svg>";
        let errors = inspect_svg(svg).unwrap_err();
        let lines: Vec<_> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3]);
        assert!(errors[0].reason.contains("<script>"));
        assert!(errors[1].reason.contains("<foreignObject>"));
    }

    #[test]
    fn not_svg() {
        assert!(inspect_svg("<html></html>").is_err());
        assert!(inspect_svg("<svgx width=\"1\" height=\"1\">").is_err());
        assert!(inspect_svg("plain text").is_err());
        assert!(inspect_svg("<!-- never closed").is_err());
    }

    #[test]
    fn library_lookups() {
        let mut library = MediaLibrary::default();
        assert!(library
            .add(
                "castle-mir.svg",
                br#"<svg xmlns="http://www.w3.org/2000/svg" width="12" height="7"/>"#.to_vec()
            )
            .is_empty());
        let no_size = br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#;
        assert_eq!(library.add("broken.svg", no_size.to_vec()).len(), 1);
        assert_eq!(library.add("Bad Name.svg", no_size.to_vec()).len(), 1);
        assert_eq!(library.add("photo.png", vec![0, 1]).len(), 1);
        let portal = br#"<svg xmlns="http://www.w3.org/2000/svg" width="12" height="7"/>"#;
        let errors = library.add("portal.svg", portal.to_vec());
        assert!(
            errors[0].reason.contains("media/og/portal.png"),
            "{errors:?}"
        );
        assert_eq!(library.lookup("media/portal.svg"), Lookup::Broken);
        assert_eq!(
            library.lookup("media/castle-mir.svg"),
            Lookup::Found(Size {
                width: 12,
                height: 7
            })
        );
        assert_eq!(library.lookup("media/broken.svg"), Lookup::Broken);
        assert!(
            matches!(library.lookup("media/none.svg"), Lookup::Refused(r) if r.contains("not found"))
        );
        assert!(matches!(
            library.lookup("castle-mir.svg"),
            Lookup::Refused(_)
        ));
        assert!(matches!(
            library.lookup("https://x.by/a.svg"),
            Lookup::Refused(_)
        ));
        assert!(matches!(
            library.lookup("media/../x.svg"),
            Lookup::Refused(_)
        ));
        assert_eq!(library.len(), 5);
    }
}
