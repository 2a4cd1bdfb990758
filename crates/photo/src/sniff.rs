//! Which format a file is, from its first bytes.

/// The formats [`crate::develop`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    WebP,
}

impl Format {
    /// The file name extensions an editor may use for this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Jpeg => &["jpg", "jpeg"],
            Format::Png => &["png"],
            Format::WebP => &["webp"],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
        }
    }

    pub(crate) fn image_format(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::WebP => image::ImageFormat::WebP,
        }
    }
}

/// What the first bytes of a file say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Photo(Format),
    /// A picture format we recognise but do not read; the name says which.
    Unsupported(&'static str),
    Unknown,
}

/// The format of `bytes` by their signature.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Sniffed::Photo(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Photo(Format::Png);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Sniffed::Photo(Format::WebP);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        // ISO base media: HEIF (iPhones), AVIF.
        return match &bytes[8..12] {
            b"avif" | b"avis" => Sniffed::Unsupported("AVIF"),
            _ => Sniffed::Unsupported("HEIC/HEIF"),
        };
    }
    if bytes.starts_with(b"GIF8") {
        return Sniffed::Unsupported("GIF");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return Sniffed::Unsupported("TIFF (or a camera's raw file)");
    }
    Sniffed::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_signature_not_name() {
        assert_eq!(
            sniff(&[0xff, 0xd8, 0xff, 0xe1]),
            Sniffed::Photo(Format::Jpeg)
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Sniffed::Photo(Format::Png));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Sniffed::Photo(Format::WebP));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Sniffed::Unsupported("HEIC/HEIF")
        );
        assert_eq!(
            sniff(b"\0\0\0\x18ftypavif\0\0\0\0"),
            Sniffed::Unsupported("AVIF")
        );
        assert_eq!(sniff(b"GIF89a"), Sniffed::Unsupported("GIF"));
        assert_eq!(sniff(b"<svg"), Sniffed::Unknown);
        assert_eq!(sniff(b""), Sniffed::Unknown);
    }
}
