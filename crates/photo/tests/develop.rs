//! Whole pictures through `develop`: metadata gone, orientation applied,
//! the focal point kept in the crops, bad files refused with a reason.

use portal_photo::{develop, inspect, sniff, Focus, Format, Sniffed};

/// A `width`×`height` JPEG: the top half red, the bottom half blue.
fn two_tone_jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut pixels = Vec::new();
    for y in 0..height {
        for _ in 0..width {
            pixels.extend(if y < height / 2 {
                [220, 20, 20]
            } else {
                [20, 20, 220]
            });
        }
    }
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 90)
        .encode(&pixels, width, height, jpeg_encoder::ColorType::Rgb)
        .expect("encode");
    out
}

const SERIAL: &[u8] = b"SERIAL-TEST-12345";
/// 53° 54' 12.34" as TIFF rationals, big-endian: 53/1, 54/1, 1234/100.
const LATITUDE: [u32; 6] = [53, 1, 54, 1, 1234, 100];

/// An EXIF block as a phone writes one: orientation 6 (turn 90° clockwise
/// to show), the body's serial number and a GPS position.
fn exif_app1() -> Vec<u8> {
    // Big-endian TIFF: header, IFD0 at 8 with 3 entries, GPS IFD after it.
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let ifd0_len = 2 + 3 * 12 + 4;
    let serial_at = 8 + ifd0_len;
    let gps_at = serial_at + SERIAL.len() as u32 + 1;
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = tag.to_be_bytes().to_vec();
        e.extend(kind.to_be_bytes());
        e.extend(count.to_be_bytes());
        e.extend(value.to_be_bytes());
        e
    };
    tiff.extend(3u16.to_be_bytes());
    tiff.extend(entry(0x0112, 3, 1, 6 << 16)); // Orientation = 6 (SHORT, left-justified)
    tiff.extend(entry(0xa431, 2, SERIAL.len() as u32 + 1, serial_at)); // BodySerialNumber
    tiff.extend(entry(0x8825, 4, 1, gps_at)); // GPS IFD pointer
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(SERIAL);
    tiff.push(0);
    let gps_ifd_len = 2 + 2 * 12 + 4;
    let lat_at = gps_at + gps_ifd_len;
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0001, 2, 2, u32::from_be_bytes(*b"N\0\0\0"))); // GPSLatitudeRef
    tiff.extend(entry(0x0002, 5, 3, lat_at)); // GPSLatitude
    tiff.extend(0u32.to_be_bytes());
    for value in LATITUDE {
        tiff.extend(value.to_be_bytes());
    }
    let mut app1 = vec![0xff, 0xe1];
    app1.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(tiff);
    app1
}

/// `jpeg` with `segment` inserted after its start-of-image marker.
fn with_segment(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend(segment);
    out.extend(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn latitude_bytes() -> Vec<u8> {
    LATITUDE.iter().flat_map(|v| v.to_be_bytes()).collect()
}

#[test]
fn a_phone_photo_is_published_upright_without_its_metadata() {
    // Stored 640×360 (landscape), shown 360×640 (portrait) by its EXIF.
    let source = with_segment(&two_tone_jpeg(640, 360), &exif_app1());
    assert!(contains(&source, SERIAL) && contains(&source, &latitude_bytes()));
    assert_eq!(sniff(&source), Sniffed::Photo(Format::Jpeg));
    let header = inspect(&source, Format::Jpeg).expect("inspect");
    assert_eq!((header.width, header.height), (360, 640));

    let developed = develop(&source, Format::Jpeg, Focus::CENTRE).expect("develop");
    assert_eq!((developed.width, developed.height), (360, 640));
    assert_eq!(developed.widths, vec![320]);
    let names: Vec<&str> = developed.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "320.avif",
            "320.jpg",
            "320.webp",
            "preview.jpg",
            "wide-320.avif",
            "wide-320.jpg",
            "wide-320.webp"
        ]
    );
    let placeholder = developed.placeholder.as_bytes();
    for (name, bytes) in developed
        .files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .chain([("placeholder", placeholder)])
    {
        for (what, needle) in [
            ("EXIF", &b"Exif"[..]),
            ("the serial number", SERIAL),
            ("the GPS latitude", &latitude_bytes()),
            ("XMP", &b"http://ns.adobe.com/xap"[..]),
        ] {
            assert!(!contains(bytes, needle), "{name} carries {what}");
        }
    }
    // Each rendition decodes, upright.
    for (name, bytes) in &developed.files {
        if name.ends_with(".jpg") && !name.starts_with("preview") && !name.starts_with("wide") {
            let image = image::load_from_memory(bytes).expect("decode");
            assert_eq!((image.width(), image.height()), (320, 569), "{name}");
        }
    }
}

#[test]
fn the_wide_crop_follows_the_focal_point() {
    // 400×800 portrait, red above blue: a 16:9 crop is a quarter of it.
    let source = two_tone_jpeg(400, 800);
    let colour_of = |focus: Focus| {
        let developed = develop(&source, Format::Jpeg, focus).expect("develop");
        let (_, bytes) = developed
            .files
            .iter()
            .find(|(n, _)| n == "wide-320.jpg")
            .expect("wide-320");
        let image = image::load_from_memory(bytes).expect("decode").to_rgb8();
        assert_eq!((image.width(), image.height()), (320, 180));
        image.get_pixel(160, 90).0
    };
    let top = colour_of(Focus::new(0.5, 0.1).unwrap());
    let bottom = colour_of(Focus::new(0.5, 0.9).unwrap());
    assert!(top[0] > 180 && top[2] < 60, "top crop is red: {top:?}");
    assert!(
        bottom[2] > 180 && bottom[0] < 60,
        "bottom crop is blue: {bottom:?}"
    );
}

#[test]
fn the_same_bytes_develop_into_the_same_files() {
    let source = two_tone_jpeg(700, 500);
    let first = develop(&source, Format::Jpeg, Focus::CENTRE).expect("develop");
    let second = develop(&source, Format::Jpeg, Focus::CENTRE).expect("develop");
    assert_eq!(first, second);
    assert_eq!(first.widths, vec![320, 640]);
    assert!(first.placeholder.starts_with("data:image/webp;base64,"));
    assert!(first.placeholder.len() < 400, "{}", first.placeholder.len());
}

#[test]
fn a_truncated_file_is_refused_with_a_reason() {
    let source = two_tone_jpeg(640, 480);
    let cut = &source[..source.len() / 2];
    let error = develop(cut, Format::Jpeg, Focus::CENTRE).expect_err("truncated");
    assert!(error.contains("JPEG is cut short"), "{error}");
    // A video appended after the end, as motion photos carry, is fine.
    let mut motion = source.clone();
    motion.extend(b"\0\0\0\x18ftypmp42 and the rest of a video");
    develop(&motion, Format::Jpeg, Focus::CENTRE).expect("motion photo");
}

/// A PNG that says it is `width`×`height` and holds nothing else: what a
/// decompression bomb's header looks like.
fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let mut chunk = b"IHDR".to_vec();
    chunk.extend(width.to_be_bytes());
    chunk.extend(height.to_be_bytes());
    chunk.extend([8, 2, 0, 0, 0]); // 8-bit RGB
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&chunk);
    png.extend(crc32(&chunk).to_be_bytes());
    // An empty zlib stream (one stored block) as its only data, and the end.
    for (kind, data) in [
        (
            &b"IDAT"[..],
            &[
                0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
            ][..],
        ),
        (b"IEND", &[]),
    ] {
        let mut chunk = kind.to_vec();
        chunk.extend(data);
        png.extend((data.len() as u32).to_be_bytes());
        png.extend(&chunk);
        png.extend(crc32(&chunk).to_be_bytes());
    }
    png
}

#[test]
fn a_hundred_megapixel_bomb_is_refused_before_decoding() {
    let bomb = png_header_only(10_000, 10_000);
    assert_eq!(sniff(&bomb), Sniffed::Photo(Format::Png));
    let error = inspect(&bomb, Format::Png).expect_err("too many pixels");
    assert!(
        error.contains("10000×10000") && error.contains("100 megapixels"),
        "{error}"
    );
    let error = develop(&bomb, Format::Png, Focus::CENTRE).expect_err("too many pixels");
    assert!(error.contains("megapixels"), "{error}");
}

#[test]
fn a_png_and_a_webp_develop_too() {
    let mut rgba = image::RgbaImage::new(500, 300);
    for (x, _, pixel) in rgba.enumerate_pixels_mut() {
        *pixel = image::Rgba([(x % 256) as u8, 100, 50, if x < 250 { 255 } else { 0 }]);
    }
    let mut png = Vec::new();
    image::DynamicImage::ImageRgba8(rgba)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("png");
    let developed = develop(&png, Format::Png, Focus::CENTRE).expect("png develops");
    assert_eq!(developed.widths, vec![320, 500]);
    // The transparent half is white in the JPEG.
    let (_, jpg) = developed
        .files
        .iter()
        .find(|(n, _)| n == "500.jpg")
        .expect("500.jpg");
    let right = image::load_from_memory(jpg)
        .expect("decode")
        .to_rgb8()
        .get_pixel(450, 150)
        .0;
    assert!(right.iter().all(|c| *c > 240), "{right:?}");

    let webp = developed
        .files
        .iter()
        .find(|(n, _)| n == "500.webp")
        .expect("500.webp")
        .1
        .clone();
    assert_eq!(sniff(&webp), Sniffed::Photo(Format::WebP));
    let again = develop(&webp, Format::WebP, Focus::CENTRE).expect("webp develops");
    assert_eq!((again.width, again.height), (500, 300));
}

/// `jpeg` carrying `icc` as its colour profile (an APP2 ICC_PROFILE segment).
fn with_icc(jpeg: &[u8], icc: &[u8]) -> Vec<u8> {
    let mut segment = vec![0xff, 0xe2];
    segment.extend(((2 + 12 + 2 + icc.len()) as u16).to_be_bytes());
    segment.extend(b"ICC_PROFILE\0");
    segment.extend([1, 1]);
    segment.extend(icc);
    with_segment(jpeg, &segment)
}

fn uniform_jpeg(rgb: [u8; 3]) -> Vec<u8> {
    let pixels: Vec<u8> = (0..64 * 64).flat_map(|_| rgb).collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 95)
        .encode(&pixels, 64, 64, jpeg_encoder::ColorType::Rgb)
        .expect("encode");
    out
}

#[test]
fn a_display_p3_photo_is_converted_to_srgb() {
    let centre = |source: &[u8]| {
        let developed = develop(source, Format::Jpeg, Focus::CENTRE).expect("develop");
        let (_, jpg) = developed
            .files
            .iter()
            .find(|(n, _)| n == "64.jpg")
            .expect("64.jpg");
        image::load_from_memory(jpg)
            .expect("decode")
            .to_rgb8()
            .get_pixel(32, 32)
            .0
    };
    let orange = uniform_jpeg([200, 100, 50]);
    let p3 = moxcms::ColorProfile::new_display_p3()
        .encode()
        .expect("a P3 profile");
    let untagged = centre(&orange);
    let tagged = centre(&with_icc(&orange, &p3));
    // The same numbers mean a more saturated orange in Display P3: in sRGB
    // its red is higher and its blue lower.
    assert!(
        tagged[0] > untagged[0] + 5 && tagged[2] + 5 < untagged[2],
        "P3 {tagged:?}, untagged {untagged:?}"
    );
    // An sRGB profile changes nothing beyond rounding.
    let srgb = moxcms::ColorProfile::new_srgb()
        .encode()
        .expect("an sRGB profile");
    let same = centre(&with_icc(&orange, &srgb));
    assert!(
        same.iter().zip(untagged).all(|(a, b)| a.abs_diff(b) <= 2),
        "sRGB {same:?}, untagged {untagged:?}"
    );
}

#[test]
fn a_cut_camera_file_is_refused_even_with_a_whole_thumbnail_inside() {
    // Cameras put a small JPEG of the picture in the EXIF block: its own
    // start-of-scan and end-of-image must not pass for the main picture's.
    let thumbnail = two_tone_jpeg(16, 16);
    let mut app1 = vec![0xff, 0xe1];
    app1.extend(((2 + 6 + thumbnail.len()) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(&thumbnail);
    let whole = with_segment(&two_tone_jpeg(640, 480), &app1);
    develop(&whole, Format::Jpeg, Focus::CENTRE).expect("the whole file develops");
    let cut = &whole[..whole.len() * 2 / 3];
    let error = develop(cut, Format::Jpeg, Focus::CENTRE).expect_err("cut short");
    assert!(error.contains("cut short"), "{error}");
}

#[test]
fn screenshots_and_strips_are_refused_before_decoding() {
    let error = inspect(&png_header_only(1080, 20_000), Format::Png).expect_err("too tall");
    assert!(error.contains("at most 16383 px"), "{error}");
    let error = inspect(&png_header_only(1080, 12_000), Format::Png).expect_err("too narrow");
    assert!(
        error.contains("11:1") && error.contains("at most 10 times"),
        "{error}"
    );
    inspect(&png_header_only(4000, 1000), Format::Png).expect("a 4:1 panorama is fine");
}
