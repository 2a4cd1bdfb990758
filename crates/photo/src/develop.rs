//! From a source file to every rendition.

use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use base64::Engine as _;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use crate::crop::{crop_around, Focus, Rect};
use crate::encode::{self, Rgb};
use crate::sniff::Format;
use crate::{FULL_WIDTHS, PREVIEW_SIZE, WIDE_WIDTHS};

/// The most pixels a source may have: 64 megapixels, more than a phone's
/// 50 MP sensor writes. Above it a picture is refused before decoding.
pub const MAX_PIXELS: u64 = 64_000_000;

/// The longest side a source may have: WebP's limit.
pub const MAX_SIDE: u32 = 16_383;

/// How many times longer than wide (or wide than tall) a picture may be: a
/// phone's panorama is about 1:4; a 1:20 strip is a screenshot, not a
/// photograph, and its renditions would not fit the encoders.
pub const MAX_ASPECT: u32 = 10;

/// A picture's size as readers see it (orientation applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub width: u32,
    pub height: u32,
}

/// Everything published for one photograph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Developed {
    pub width: u32,
    pub height: u32,
    /// Widths of the whole picture, ascending; files `{w}.avif|webp|jpg`.
    pub widths: Vec<u32>,
    /// Widths of the 16:9 crop, ascending; files `wide-{w}.avif|webp|jpg`.
    pub wide_widths: Vec<u32>,
    /// `data:image/webp;base64,…`, 16 px wide.
    pub placeholder: String,
    /// File name (within the photo's folder) → bytes, `preview.jpg` included.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The size as shown and a check of the pixel count, from the header.
pub fn inspect(bytes: &[u8], format: Format) -> Result<Header, String> {
    let decoder = decoder(bytes, format)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height)?;
    let mut decoder = decoder;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok(if swaps_sides(orientation) {
        Header {
            width: height,
            height: width,
        }
    } else {
        Header { width, height }
    })
}

/// Decodes `bytes` and makes every rendition, on every core.
pub fn develop(bytes: &[u8], format: Format, focus: Focus) -> Result<Developed, String> {
    if format == Format::Jpeg && !jpeg_is_whole(bytes) {
        return Err("the JPEG is cut short (it has no end-of-image marker after its picture data): copy the file again from the camera or phone".into());
    }
    let source = decode_upright_srgb(bytes, format)?;
    let whole = Rect {
        left: 0.0,
        top: 0.0,
        width: f64::from(source.width),
        height: f64::from(source.height),
    };
    let wide = crop_around(source.width, source.height, (16, 9), focus);
    let preview = crop_around(source.width, source.height, PREVIEW_SIZE, focus);

    // A tall picture's widest renditions would be taller than an encoder
    // takes (WebP: 16,383 px); those widths are left out.
    let fits = |rect: Rect| move |w: &u32| height_for(rect, *w) <= MAX_SIDE;
    let widths: Vec<u32> = widths_for(source.width, &FULL_WIDTHS)
        .into_iter()
        .filter(fits(whole))
        .collect();
    let wide_widths = widths_for(wide.width as u32, &WIDE_WIDTHS);
    let mut jobs: Vec<Job> = Vec::new();
    for &w in &widths {
        jobs.push(Job::renditions(
            String::new(),
            whole,
            w,
            height_for(whole, w),
        ));
    }
    for &w in &wide_widths {
        jobs.push(Job::renditions(
            "wide-".into(),
            wide,
            w,
            height_for(wide, w),
        ));
    }
    jobs.push(Job {
        prefix: String::new(),
        rect: preview,
        width: PREVIEW_SIZE.0,
        height: PREVIEW_SIZE.1,
        what: What::Preview,
    });
    jobs.push(Job {
        prefix: String::new(),
        rect: whole,
        width: 16,
        // A blur: a tall picture's may be squeezed (MAX_ASPECT bounds it).
        height: (16.0 * whole.height / whole.width)
            .round()
            .clamp(1.0, 16.0 * MAX_ASPECT as f64) as u32,
        what: What::Placeholder,
    });
    // The largest first, so the last job to finish is a small one.
    jobs.sort_by_key(|job| std::cmp::Reverse(u64::from(job.width) * u64::from(job.height)));

    let results = run_on_every_core(&jobs, |job| job.run(&source))?;
    let mut files = Vec::new();
    let mut placeholder = String::new();
    for (job, made) in jobs.iter().zip(results) {
        match job.what {
            What::Placeholder => {
                let webp = made
                    .into_iter()
                    .next()
                    .map(|(_, bytes)| bytes)
                    .unwrap_or_default();
                placeholder = format!(
                    "data:image/webp;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(webp)
                );
            }
            _ => files.extend(made),
        }
    }
    files.sort();
    Ok(Developed {
        width: source.width,
        height: source.height,
        widths,
        wide_widths,
        placeholder,
        files,
    })
}

#[derive(Clone, Copy)]
enum What {
    /// AVIF, WebP and JPEG.
    Renditions,
    Preview,
    Placeholder,
}

struct Job {
    prefix: String,
    rect: Rect,
    width: u32,
    height: u32,
    what: What,
}

impl Job {
    fn renditions(prefix: String, rect: Rect, width: u32, height: u32) -> Job {
        Job {
            prefix,
            rect,
            width,
            height,
            what: What::Renditions,
        }
    }

    fn run(&self, source: &Rgb) -> Result<Vec<(String, Vec<u8>)>, String> {
        let picture = encode::resize(source, self.rect, self.width, self.height)?;
        let name = |ext: &str| format!("{}{}.{ext}", self.prefix, self.width);
        Ok(match self.what {
            What::Renditions => vec![
                (name("avif"), encode::avif(&picture)?),
                (name("webp"), encode::webp_default(&picture)?),
                (name("jpg"), encode::jpeg(&picture)?),
            ],
            What::Preview => vec![("preview.jpg".into(), encode::jpeg(&picture)?)],
            What::Placeholder => vec![(String::new(), encode::webp(&picture, 40.0)?)],
        })
    }
}

/// The standard widths up to the source's; the source's own width too when
/// it is well above the last of them (a 1600 px photo gets 1600), and only
/// the source's width when it is narrower than all.
fn widths_for(source: u32, standard: &[u32]) -> Vec<u32> {
    let mut widths: Vec<u32> = standard.iter().copied().filter(|w| *w <= source).collect();
    match widths.last() {
        None => widths.push(source.max(1)),
        Some(&last) if source > last + last / 5 && source < standard[standard.len() - 1] => {
            widths.push(source)
        }
        Some(_) => {}
    }
    widths
}

fn height_for(rect: Rect, width: u32) -> u32 {
    (f64::from(width) * rect.height / rect.width)
        .round()
        .max(1.0) as u32
}

fn check_pixels(width: u32, height: u32) -> Result<(), String> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(format!(
            "the picture is {width}×{height} px ({:.0} megapixels); the most a photograph may have is {} megapixels: scale it down before publishing",
            pixels as f64 / 1e6,
            MAX_PIXELS / 1_000_000
        ));
    }
    if width == 0 || height == 0 {
        return Err("the picture has no pixels".into());
    }
    if width.max(height) > MAX_SIDE {
        return Err(format!(
            "the picture is {width}×{height} px; its sides may be at most {MAX_SIDE} px: scale it down before publishing"
        ));
    }
    if width.max(height) / width.min(height) >= MAX_ASPECT {
        return Err(format!(
            "the picture is {width}×{height} px, {}:1; a photograph may be at most {MAX_ASPECT} times as long as it is wide: crop it",
            width.max(height) / width.min(height)
        ));
    }
    Ok(())
}

fn decoder(bytes: &[u8], format: Format) -> Result<impl ImageDecoder + use<'_>, String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    // Above MAX_PIXELS in RGBA at 16 bits, with room for the decoder's own.
    limits.max_alloc = Some(MAX_PIXELS * 8 + (64 << 20));
    reader.limits(limits);
    reader
        .into_decoder()
        .map_err(|error| format!("cannot read the {}: {error}", format.name()))
}

/// Whether a JPEG's picture data is followed by its end-of-image marker.
/// The decoder shows a cut file with grey where the rest was; a reader
/// should never get that. The segments before the picture data are walked
/// by their lengths (an EXIF block may hold a whole thumbnail JPEG, with
/// its own markers); inside the entropy-coded data every 0xFF byte is
/// followed by 0x00 or a restart marker, so `FF D9` after the first
/// start-of-scan is the real end (phones that append a video after it, as
/// motion photos do, pass).
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    let mut at = 2;
    loop {
        // Markers may be preceded by fill bytes 0xFF.
        while bytes.get(at) == Some(&0xff) && bytes.get(at + 1) == Some(&0xff) {
            at += 1;
        }
        let (Some(0xff), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        if marker == 0xda {
            return bytes[at..].windows(2).any(|pair| pair == [0xff, 0xd9]);
        }
        if marker == 0x01 || (0xd0..=0xd7).contains(&marker) {
            at += 2;
            continue;
        }
        let (Some(&high), Some(&low)) = (bytes.get(at + 2), bytes.get(at + 3)) else {
            return false;
        };
        at += 2 + usize::from(u16::from_be_bytes([high, low]));
    }
}

fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The source's pixels, upright (EXIF orientation), in sRGB (from its ICC
/// profile when it has one other than sRGB), transparency on white.
fn decode_upright_srgb(bytes: &[u8], format: Format) -> Result<Rgb, String> {
    let mut decoder = decoder(bytes, format)?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut picture = DynamicImage::from_decoder(decoder)
        .map_err(|error| format!("cannot decode the {}: {error}", format.name()))?;
    picture.apply_orientation(orientation);
    let (width, height) = (picture.width(), picture.height());
    let mut pixels = if picture.color().has_alpha() {
        on_white(picture.to_rgba8().into_raw())
    } else {
        picture.to_rgb8().into_raw()
    };
    if let Some(icc) = icc {
        to_srgb(&icc, &mut pixels)?;
    }
    Ok(Rgb {
        width,
        height,
        pixels,
    })
}

fn on_white(rgba: Vec<u8>) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| {
            let alpha = u32::from(p[3]);
            let blend = |c: u8| ((u32::from(c) * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
            [blend(p[0]), blend(p[1]), blend(p[2])]
        })
        .collect()
}

/// Converts RGB pixels described by `icc` to sRGB. A profile that is not
/// an RGB one (a grey picture's) is left alone: the pixels were expanded
/// to RGB already. A profile that cannot be read is an error, not a guess.
fn to_srgb(icc: &[u8], pixels: &mut [u8]) -> Result<(), String> {
    let source = moxcms::ColorProfile::new_from_slice(icc).map_err(|error| {
        format!("its colour profile (ICC) cannot be read: {error:?}; save it as sRGB")
    })?;
    if source.color_space != moxcms::DataColorSpace::Rgb {
        return Ok(());
    }
    let srgb = moxcms::ColorProfile::new_srgb();
    let transform = source
        .create_transform_8bit(
            moxcms::Layout::Rgb,
            &srgb,
            moxcms::Layout::Rgb,
            moxcms::TransformOptions::default(),
        )
        .map_err(|error| {
            format!("its colour profile (ICC) cannot be applied: {error:?}; save it as sRGB")
        })?;
    let input = pixels.to_vec();
    transform
        .transform(&input, pixels)
        .map_err(|error| format!("colour conversion: {error:?}"))
}

/// `work` applied to every job on every core; results in the jobs' order.
fn run_on_every_core<T: Sync, R: Send>(
    jobs: &[T],
    work: impl Fn(&T) -> Result<R, String> + Sync,
) -> Result<Vec<R>, String> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<R, String>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(index) else { break };
                let result = work(job);
                if let Ok(mut results) = results.lock() {
                    results[index] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .map_err(|_| "a rendition job panicked".to_string())?
        .into_iter()
        .map(|result| result.unwrap_or_else(|| Err("a rendition job did not finish".into())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(
            widths_for(4000, &FULL_WIDTHS),
            vec![320, 640, 960, 1280, 1920]
        );
        assert_eq!(
            widths_for(1920, &FULL_WIDTHS),
            vec![320, 640, 960, 1280, 1920]
        );
        assert_eq!(
            widths_for(1600, &FULL_WIDTHS),
            vec![320, 640, 960, 1280, 1600]
        );
        assert_eq!(widths_for(1300, &FULL_WIDTHS), vec![320, 640, 960, 1280]);
        assert_eq!(widths_for(200, &FULL_WIDTHS), vec![200]);
        assert_eq!(widths_for(1500, &WIDE_WIDTHS), vec![320, 640, 960, 1280]);
    }

    #[test]
    fn transparency_goes_on_white() {
        assert_eq!(
            on_white(vec![0, 0, 0, 0, 10, 20, 30, 255]),
            vec![255, 255, 255, 10, 20, 30]
        );
    }
}
