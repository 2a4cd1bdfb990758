//! Where a crop of a given shape goes: as large as the picture allows,
//! centred on the focal point, moved inside the picture where it would
//! overflow.

/// A point of interest as fractions of the picture's width and height
/// (0,0 top left; 1,1 bottom right), as the editor writes `focus = [x, y]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl Focus {
    pub const CENTRE: Focus = Focus { x: 0.5, y: 0.5 };

    /// `None` unless both fractions are within 0..=1.
    pub fn new(x: f64, y: f64) -> Option<Focus> {
        ((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)).then_some(Focus { x, y })
    }
}

/// A rectangle in source pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// The largest `ratio` (width, height) rectangle inside a `width`×`height`
/// picture, centred on `focus` as far as the picture's edges allow.
pub fn crop_around(width: u32, height: u32, ratio: (u32, u32), focus: Focus) -> Rect {
    let (w, h) = (f64::from(width), f64::from(height));
    let aspect = f64::from(ratio.0) / f64::from(ratio.1);
    let (crop_w, crop_h) = if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    let place =
        |centre: f64, size: f64, whole: f64| (centre * whole - size / 2.0).clamp(0.0, whole - size);
    Rect {
        left: place(focus.x, crop_w, w),
        top: place(focus.y, crop_h, h),
        width: crop_w,
        height: crop_h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_crop_of_a_tall_picture_follows_the_focus_and_stays_inside() {
        // 1000×2000 portrait, 16:9 crop: the full width, 562.5 px tall.
        let top = crop_around(1000, 2000, (16, 9), Focus::new(0.5, 0.0).unwrap());
        assert_eq!(
            (top.left, top.top, top.width, top.height),
            (0.0, 0.0, 1000.0, 562.5)
        );
        let middle = crop_around(1000, 2000, (16, 9), Focus::CENTRE);
        assert_eq!(middle.top, 1000.0 - 562.5 / 2.0);
        let face = crop_around(1000, 2000, (16, 9), Focus::new(0.3, 0.25).unwrap());
        assert_eq!(face.top, 500.0 - 562.5 / 2.0);
        let bottom = crop_around(1000, 2000, (16, 9), Focus::new(0.5, 1.0).unwrap());
        assert_eq!(bottom.top + bottom.height, 2000.0);
    }

    #[test]
    fn a_preview_crop_of_a_panorama_moves_sideways() {
        // 4000×1000 panorama, 1200:630 crop: the full height.
        let left = crop_around(4000, 1000, (1200, 630), Focus::new(0.0, 0.5).unwrap());
        assert_eq!((left.left, left.top, left.height), (0.0, 0.0, 1000.0));
        assert!((left.width - 1904.76).abs() < 0.01);
        let right = crop_around(4000, 1000, (1200, 630), Focus::new(0.9, 0.5).unwrap());
        assert!((right.left + right.width - 4000.0).abs() < 1e-9);
    }

    #[test]
    fn the_same_shape_is_the_whole_picture() {
        let whole = crop_around(1600, 900, (16, 9), Focus::new(0.1, 0.9).unwrap());
        assert_eq!(
            (whole.left, whole.top, whole.width, whole.height),
            (0.0, 0.0, 1600.0, 900.0)
        );
    }

    #[test]
    fn focus_outside_the_picture_is_refused() {
        assert!(Focus::new(1.2, 0.5).is_none());
        assert!(Focus::new(0.5, -0.1).is_none());
        assert!(Focus::new(f64::NAN, 0.5).is_none());
    }
}
