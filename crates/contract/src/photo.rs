//! Photographs: the renditions the publisher made of a camera's or phone's
//! picture, and the `srcset`s a page offers the browser.
//!
//! A photo's files live in one folder, [`Photo::base`], named by the
//! source's bytes (a new photo under the same name gets a new folder, so no
//! cache holds a stale picture):
//! - `{base}/{w}.{avif,webp,jpg}` the whole picture, `w` in [`Photo::widths`];
//! - `{base}/wide-{w}.{avif,webp,jpg}` a 16:9 crop around the editor's focal
//!   point (cards), `w` in [`Photo::wide_widths`];
//! - `{base}/preview.jpg` the 1200×630 link preview.
//!
//! No file carries the source's metadata (EXIF, GPS, camera serials).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Photo {
    /// The renditions' folder, relative to the API base
    /// (`media/photos/lake-at-dawn-3fa9c2d1`).
    pub base: String,
    /// Widths of the whole picture in pixels, ascending.
    pub widths: Vec<u32>,
    /// Widths of the 16:9 crop in pixels, ascending.
    pub wide_widths: Vec<u32>,
    /// A 16 px wide preview as a `data:image/webp;base64,…` URI, shown
    /// blurred in the image's box until the photo arrives.
    pub placeholder: String,
    /// The terms it is published under (`CC BY 4.0`), shown with the credit.
    pub licence: String,
}

/// Which picture of a photo: the whole of it or the 16:9 crop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crop {
    Whole,
    Wide,
}

/// The encodings of every rendition, best first: a `<picture>` lists them
/// in this order and the browser takes the first it can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Avif,
    WebP,
    Jpeg,
}

impl Encoding {
    pub const ALL: [Encoding; 3] = [Encoding::Avif, Encoding::WebP, Encoding::Jpeg];

    pub fn mime(self) -> &'static str {
        match self {
            Encoding::Avif => "image/avif",
            Encoding::WebP => "image/webp",
            Encoding::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Encoding::Avif => "avif",
            Encoding::WebP => "webp",
            Encoding::Jpeg => "jpg",
        }
    }
}

/// The widest JPEG an `<img src>` falls back to (browsers without
/// `srcset`, feed readers): enough for a hero, not a desktop's full width.
pub const FALLBACK_WIDTH: u32 = 1280;

impl Photo {
    pub fn widths_of(&self, crop: Crop) -> &[u32] {
        match crop {
            Crop::Whole => &self.widths,
            Crop::Wide => &self.wide_widths,
        }
    }

    /// The path of one rendition, relative to the API base.
    pub fn rendition(&self, crop: Crop, width: u32, encoding: Encoding) -> String {
        let prefix = match crop {
            Crop::Whole => "",
            Crop::Wide => "wide-",
        };
        format!("{}/{prefix}{width}.{}", self.base, encoding.extension())
    }

    /// `srcset` for one crop and encoding; `resolve` turns each path into
    /// the URL the page uses (the app joins it onto the API base).
    pub fn srcset(
        &self,
        crop: Crop,
        encoding: Encoding,
        resolve: impl Fn(&str) -> String,
    ) -> String {
        self.widths_of(crop)
            .iter()
            .map(|width| {
                format!(
                    "{} {width}w",
                    resolve(&self.rendition(crop, *width, encoding))
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The JPEG an `<img src>` names: the widest up to [`FALLBACK_WIDTH`].
    pub fn fallback(&self, crop: Crop) -> String {
        let widths = self.widths_of(crop);
        let width = widths
            .iter()
            .rev()
            .find(|width| **width <= FALLBACK_WIDTH)
            .or(widths.first())
            .copied()
            .unwrap_or(FALLBACK_WIDTH);
        self.rendition(crop, width, Encoding::Jpeg)
    }

    /// What a device keeps to show this photo offline: the AVIF of every
    /// width of both crops (the browser's pick depends on the screen and
    /// the place, so all of them), and the JPEG `src`. A browser without
    /// AVIF shows the saved page without the photo.
    pub fn offline_paths(&self) -> Vec<String> {
        let mut paths = vec![self.fallback(Crop::Whole)];
        for crop in [Crop::Whole, Crop::Wide] {
            for width in self.widths_of(crop) {
                paths.push(self.rendition(crop, *width, Encoding::Avif));
            }
        }
        paths
    }

    /// The 1200×630 link preview.
    pub fn preview(&self) -> String {
        format!("{}/preview.jpg", self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo() -> Photo {
        Photo {
            base: "media/photos/lake-3fa9c2d1".into(),
            widths: vec![320, 640, 960, 1280, 1920],
            wide_widths: vec![320, 640],
            placeholder: "data:image/webp;base64,AA".into(),
            licence: "CC BY 4.0".into(),
        }
    }

    #[test]
    fn srcsets_name_every_width_of_the_crop() {
        let photo = photo();
        assert_eq!(
            photo.srcset(Crop::Wide, Encoding::Avif, |p| format!("/api/v1/{p}")),
            "/api/v1/media/photos/lake-3fa9c2d1/wide-320.avif 320w, /api/v1/media/photos/lake-3fa9c2d1/wide-640.avif 640w"
        );
        assert!(photo
            .srcset(Crop::Whole, Encoding::WebP, str::to_string)
            .ends_with("media/photos/lake-3fa9c2d1/1920.webp 1920w"));
    }

    #[test]
    fn the_fallback_is_a_jpeg_of_at_most_1280() {
        let mut photo = photo();
        assert_eq!(
            photo.fallback(Crop::Whole),
            "media/photos/lake-3fa9c2d1/1280.jpg"
        );
        assert_eq!(
            photo.fallback(Crop::Wide),
            "media/photos/lake-3fa9c2d1/wide-640.jpg"
        );
        photo.widths = vec![2000];
        assert_eq!(
            photo.fallback(Crop::Whole),
            "media/photos/lake-3fa9c2d1/2000.jpg"
        );
        assert_eq!(photo.preview(), "media/photos/lake-3fa9c2d1/preview.jpg");
        assert_eq!(
            photo.offline_paths(),
            [
                "media/photos/lake-3fa9c2d1/2000.jpg",
                "media/photos/lake-3fa9c2d1/2000.avif",
                "media/photos/lake-3fa9c2d1/wide-320.avif",
                "media/photos/lake-3fa9c2d1/wide-640.avif"
            ]
        );
    }
}
