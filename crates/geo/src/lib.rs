//! Geography for the travel guide, as plain functions on latitude and
//! longitude (WGS 84 degrees): great-circle distances and the nearest sites
//! (the publisher's "Nearby"), and the projection the app's SVG maps use
//! together with point-in-polygon (so a test can show that a site's pin
//! lands inside its region's outline); and the towns a reader can measure
//! distances from ([`towns`]).

mod grid;
pub mod towns;

pub use grid::NearestIndex;

/// A point on the map, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    pub const fn new(lat: f64, lon: f64) -> LatLon {
        LatLon { lat, lon }
    }
}

/// Mean Earth radius (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres (haversine; good to a few metres at
/// these distances, far below what "12 km away" needs).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    distance_km_with(a, cos_lat(a), b, cos_lat(b))
}

/// The cosine of a point's latitude, which [`distance_km`] needs of both
/// points: worked out once per point when one point is measured against
/// many (see [`NearestIndex`]).
fn cos_lat(p: LatLon) -> f64 {
    p.lat.to_radians().cos()
}

/// [`distance_km`] given each point's [`cos_lat`]: the same arithmetic, so
/// the same result to the last bit.
fn distance_km_with(a: LatLon, cos_a: f64, b: LatLon, cos_b: f64) -> f64 {
    let d_phi = (b.lat - a.lat).to_radians();
    let d_lambda = (b.lon - a.lon).to_radians();
    let h = (d_phi / 2.0).sin().powi(2) + cos_a * cos_b * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Indices of the `k` points closest to `from` (itself excluded when it is
/// in the list at `skip`), nearest first; ties keep list order.
pub fn nearest(
    from: LatLon,
    points: &[LatLon],
    skip: Option<usize>,
    k: usize,
) -> Vec<(usize, f64)> {
    let mut all: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(i, p)| (i, distance_km(from, *p)))
        .collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    all.truncate(k);
    all
}

/// An equirectangular projection fitted to a bounding box: longitude is
/// scaled by the cosine of the middle latitude, so shapes at Belarus's
/// latitudes are not stretched; y grows downwards as in SVG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
}

impl Projection {
    /// Fits `[south, north] × [west, east]` into `width` pixels wide (the
    /// height follows from the shape: see [`Projection::height`]).
    pub fn fit(south: f64, north: f64, west: f64, east: f64, width: f64) -> Projection {
        let cos = ((south + north) / 2.0).to_radians().cos();
        let scale_x = width / (east - west).max(f64::EPSILON);
        Projection {
            west,
            north,
            scale_x,
            scale_y: scale_x / cos.max(0.1),
        }
    }

    /// The height in pixels of the box down to `south`.
    pub fn height(&self, south: f64) -> f64 {
        (self.north - south) * self.scale_y
    }

    /// Pixel coordinates of a point.
    pub fn project(&self, p: LatLon) -> (f64, f64) {
        (
            (p.lon - self.west) * self.scale_x,
            (self.north - p.lat) * self.scale_y,
        )
    }
}

/// Whether `p` lies inside the closed ring `ring` (lon/lat pairs, the last
/// point may repeat the first): even-odd ray casting.
pub fn in_ring(p: LatLon, ring: &[LatLon]) -> bool {
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a.lat > p.lat) != (b.lat > p.lat) {
            let t = (p.lat - a.lat) / (b.lat - a.lat);
            if p.lon < a.lon + t * (b.lon - a.lon) {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINSK: LatLon = LatLon::new(53.9023, 27.5619);
    const BREST: LatLon = LatLon::new(52.0976, 23.7341);
    const MIR: LatLon = LatLon::new(53.4513, 26.4728);
    const NESVIZH: LatLon = LatLon::new(53.2226, 26.6917);

    #[test]
    fn known_distances() {
        // Minsk–Brest is about 326 km as the crow flies.
        let d = distance_km(MINSK, BREST);
        assert!((320.0..332.0).contains(&d), "{d}");
        // Mir–Nesvizh, the two castles, about 29 km.
        let d = distance_km(MIR, NESVIZH);
        assert!((27.0..31.0).contains(&d), "{d}");
        // One degree of latitude is 111.2 km.
        let d = distance_km(LatLon::new(53.0, 27.0), LatLon::new(54.0, 27.0));
        assert!((d - 111.19).abs() < 0.1, "{d}");
        assert_eq!(distance_km(MINSK, MINSK), 0.0);
        assert!((distance_km(MINSK, BREST) - distance_km(BREST, MINSK)).abs() < 1e-9);
    }

    #[test]
    fn nearest_skips_itself_and_sorts() {
        let points = [MINSK, BREST, MIR, NESVIZH];
        let near = nearest(MIR, &points, Some(2), 2);
        assert_eq!(near.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [3, 0]);
        assert_eq!(nearest(MIR, &points, Some(2), 10).len(), 3);
        assert!(nearest(MIR, &[], None, 5).is_empty());
    }

    #[test]
    fn projection_keeps_orientation_and_proportions() {
        let p = Projection::fit(51.2, 56.2, 23.1, 32.8, 600.0);
        let (x_w, _) = p.project(LatLon::new(53.0, 23.1));
        let (x_e, _) = p.project(LatLon::new(53.0, 32.8));
        assert!((x_w - 0.0).abs() < 1e-9 && (x_e - 600.0).abs() < 1e-9);
        let (_, y_n) = p.project(LatLon::new(56.2, 27.0));
        let (_, y_s) = p.project(LatLon::new(51.2, 27.0));
        assert!(y_n.abs() < 1e-9 && (y_s - p.height(51.2)).abs() < 1e-9);
        // Minsk is west of Mogilev and north of Gomel on the map too.
        let (mx, my) = p.project(MINSK);
        let (gx, gy) = p.project(LatLon::new(52.4345, 30.9754));
        assert!(mx < gx && my < gy);
        // A degree of longitude is shorter than one of latitude here.
        let one_lon = p.project(LatLon::new(53.0, 28.0)).0 - p.project(LatLon::new(53.0, 27.0)).0;
        let one_lat = p.project(LatLon::new(53.0, 27.0)).1 - p.project(LatLon::new(54.0, 27.0)).1;
        assert!((one_lon / one_lat - 53.7f64.to_radians().cos()).abs() < 0.01);
    }

    #[test]
    fn point_in_ring() {
        let square = [
            LatLon::new(53.0, 27.0),
            LatLon::new(53.0, 28.0),
            LatLon::new(54.0, 28.0),
            LatLon::new(54.0, 27.0),
        ];
        assert!(in_ring(LatLon::new(53.5, 27.5), &square));
        assert!(!in_ring(LatLon::new(52.5, 27.5), &square));
        assert!(!in_ring(LatLon::new(53.5, 28.5), &square));
        assert!(!in_ring(LatLon::new(53.5, 27.5), &square[..2]));
    }
}
