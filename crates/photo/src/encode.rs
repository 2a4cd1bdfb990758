//! Resizing and the three encoders. Every encoder starts from bare RGB
//! pixels, so no metadata of the source can reach its output.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use crate::crop::Rect;

/// An sRGB picture, 8 bits per channel, no alpha.
pub struct Rgb {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// AVIF quality (0–100) and rav1e speed (0 slowest – 10 fastest).
/// Measured on a 2400 px photograph (widths 320–1920, release build): speed
/// 9 writes 2–8 % more bytes than speed 8 in half the time; speed 10 another
/// 7–17 % more. Paid once per photograph: the publisher caches the result.
const AVIF_QUALITY: f32 = 60.0;
const AVIF_SPEED: u8 = 9;
/// libwebp's quality; 75 is its default.
const WEBP_QUALITY: f32 = 75.0;
/// The JPEG fallback (browsers without AVIF or WebP, link previews).
const JPEG_QUALITY: u8 = 80;

/// `rect` of `source` scaled to `width`×`height` (Lanczos 3).
pub fn resize(source: &Rgb, rect: Rect, width: u32, height: u32) -> Result<Rgb, String> {
    let view = ImageRef::new(source.width, source.height, &source.pixels, PixelType::U8x3)
        .map_err(|error| format!("resize: {error}"))?;
    let mut out = Image::new(width, height, PixelType::U8x3);
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .crop(rect.left, rect.top, rect.width, rect.height);
    Resizer::new()
        .resize(&view, &mut out, &options)
        .map_err(|error| format!("resize: {error}"))?;
    Ok(Rgb {
        width,
        height,
        pixels: out.into_vec(),
    })
}

pub fn avif(picture: &Rgb) -> Result<Vec<u8>, String> {
    let pixels: Vec<ravif::RGB8> = picture
        .pixels
        .chunks_exact(3)
        .map(|p| ravif::RGB8::new(p[0], p[1], p[2]))
        .collect();
    let image = ravif::Img::new(&pixels[..], picture.width as usize, picture.height as usize);
    // One thread: ravif asks rav1e for as many tiles as its thread pool
    // has threads (ravif's `rav1e_config`), so the tiling, and with it the
    // bytes, could differ between machines. The renditions of a photo are
    // encoded side by side instead.
    ravif::Encoder::new()
        .with_quality(AVIF_QUALITY)
        .with_speed(AVIF_SPEED)
        .with_num_threads(Some(1))
        .encode_rgb(image)
        .map(|encoded| encoded.avif_file)
        .map_err(|error| format!("AVIF: {error}"))
}

pub fn webp(picture: &Rgb, quality: f32) -> Result<Vec<u8>, String> {
    webp::Encoder::from_rgb(&picture.pixels, picture.width, picture.height)
        .encode_simple(false, quality)
        .map(|encoded| encoded.to_vec())
        .map_err(|error| format!("WebP: {error:?}"))
}

pub fn webp_default(picture: &Rgb) -> Result<Vec<u8>, String> {
    webp(picture, WEBP_QUALITY)
}

pub fn jpeg(picture: &Rgb) -> Result<Vec<u8>, String> {
    let (Ok(width), Ok(height)) = (u16::try_from(picture.width), u16::try_from(picture.height))
    else {
        return Err("JPEG: the picture is wider or taller than 65,535 px".into());
    };
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
    encoder.set_progressive(true);
    encoder.set_optimized_huffman_tables(true);
    encoder
        .encode(&picture.pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .map_err(|error| format!("JPEG: {error}"))?;
    Ok(out)
}
