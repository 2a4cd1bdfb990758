//! Photographs for the publisher: what an editor drops into `content/media/`
//! (a camera's JPEG, a phone's JPEG, a PNG or a WebP) becomes the files a
//! reader's browser picks from.
//!
//! - [`sniff`] tells the format from the bytes (never from the name) and
//!   names the ones refused (HEIC, AVIF, GIF, TIFF).
//! - [`inspect`] reads the size as shown (EXIF orientation applied) from
//!   the header alone, and refuses pictures above [`MAX_PIXELS`] before any
//!   pixel is decoded: a decompression bomb costs nothing.
//! - [`develop`] decodes, turns the picture upright, converts it to sRGB,
//!   and encodes AVIF, WebP and JPEG at the widths of [`FULL_WIDTHS`] and of
//!   a 16:9 crop around the focal point ([`WIDE_WIDTHS`]), a 1200×630 link
//!   preview, and a tiny placeholder. Nothing of the source's metadata
//!   (EXIF, GPS, XMP, ICC, comments) is copied: every file is encoded from
//!   pixels. The output depends only on the bytes and the focal point.
//!
//! Pure functions of bytes in, bytes out, so they run natively in tests.

mod crop;
mod develop;
mod encode;
mod sniff;

pub use crop::{crop_around, Focus, Rect};
pub use develop::{develop, inspect, Developed, Header, MAX_PIXELS};
pub use sniff::{sniff, Format, Sniffed};

/// Widths of the whole picture, in pixels (never more than the source's).
pub const FULL_WIDTHS: [u32; 5] = [320, 640, 960, 1280, 1920];

/// Widths of the 16:9 crop, which cards show at most about 640 CSS pixels
/// wide.
pub const WIDE_WIDTHS: [u32; 4] = [320, 640, 960, 1280];

/// The link preview's size (Open Graph's recommended 1.91:1).
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);
